"""The `clausier` command: a thin click group.

Each sub-command lives in `apps/commands/<name>.py` (or the application package) and exposes a click object named
`command`. The group imports a sub-command's module only when that sub-command runs, so
`clausier --help` and `clausier --version` never pay for the review engine, pdfplumber or docx.
"""

from __future__ import annotations

import importlib

import click

from apps.shell import click_fr
from clausier import __version__

click_fr.install()

# name -> (module, short French help shown by `clausier --help` without importing it)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "pieces": ("apps.commands.pieces", "Lister les pièces d'un dossier et ce qui y a été lu."),
    "review": ("apps.commands.review", "Relire un DCE et signaler ce qui manque ou est faux."),
    "hours": ("apps.commands.hours", "Calculer les heures d'insertion de chaque lot."),
    "generate": ("apps.commands.generate", "Rédiger la clause et les engagements en Word."),
    "batch": ("apps.batch.command", "Relire tous les DCE d'un dossier, en parallèle."),
    "serve": ("apps.web.command", "Ouvrir Clausier dans le navigateur."),
    "profile": ("apps.commands.profile", "Créer ou vérifier un profil de territoire."),
    "followup": (
        "apps.followup.command",
        "Suivre l'exécution après l'attribution : heures, alertes.",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module_name, short_help = SUBCOMMANDS[cmd_name]
        if ctx.resilient_parsing:
            # `clausier --help`: describe without importing.
            return click.Command(cmd_name, short_help=short_help, help=short_help)
        module = importlib.import_module(module_name)
        return module.command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        # click suggests a near name only among loaded commands; ours load when they run.
        name = args[0] if args else ""
        if name and name not in SUBCOMMANDS and not name.startswith("-"):
            import difflib

            close = difflib.get_close_matches(name, list(SUBCOMMANDS), n=1, cutoff=0.6)
            hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
            ctx.fail(f"Commande inconnue : {name}.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, short) for name, (_, short) in SUBCOMMANDS.items()]
        with formatter.section("Commandes"):
            formatter.write_dl(rows)


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
HELP_OPTION = click.help_option("-h", "--help", help="Afficher cette aide et quitter.")


@click.group(
    cls=LazyGroup,
    context_settings=CONTEXT_SETTINGS,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
@HELP_OPTION
@click.version_option(
    __version__, "--version", message="clausier %(version)s", help="Afficher la version et quitter."
)
def cli() -> None:
    """Clausier : relire les clauses sociales d'insertion d'un DCE, calculer les heures
    d'insertion et rédiger les clauses en Word.

    Exemple : clausier review samples/travaux-avec-erreurs
    """


def main() -> None:
    cli(prog_name="clausier")
