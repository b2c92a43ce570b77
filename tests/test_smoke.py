from click.testing import CliRunner

from apps.cli import cli


def test_version_and_help_answer_in_french():
    runner = CliRunner()
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("clausier ")
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Relire un DCE" in result.output and "Afficher cette aide" in result.output
