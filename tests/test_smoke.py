from click.testing import CliRunner
from clitext import flat

from apps.cli import cli


def test_version_and_help_answer_in_french():
    runner = CliRunner()
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("clausier ")
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Relire un DCE" in flat(result.output) and "Afficher cette aide" in flat(result.output)
