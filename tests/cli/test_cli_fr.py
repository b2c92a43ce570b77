"""click's own messages reach users in French."""

from click.testing import CliRunner
from clitext import flat

from apps.cli import cli


def test_unknown_command_and_option_are_explained_in_french():
    runner = CliRunner()
    result = runner.invoke(cli, ["relire"])
    assert result.exit_code == 2
    assert "Commande inconnue : relire" in flat(result.output)
    assert "Utilisation :" in flat(result.output)
    result = runner.invoke(cli, ["hours", "--inconnue"])
    assert result.exit_code == 2
    assert "Option inconnue : --inconnue" in flat(result.output)
    assert "Error" not in result.output


def test_bad_choice_is_explained_in_french(tmp_path):
    result = CliRunner().invoke(cli, ["review", str(tmp_path), "--format", "xml"])
    assert result.exit_code == 2
    assert "n'est pas une valeur permise" in flat(result.output)
