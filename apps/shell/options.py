"""What the sub-commands share: French option helps, safe output writing, error wording.

Each sub-command module exposes a click object named `command`; see `apps/cli.py`.
"""

from __future__ import annotations

import contextlib
import errno
import sys
from datetime import date
from pathlib import Path

import click

HELP_OPTION = click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

PROFILE_OPTION = click.option(
    "--profile",
    "profile_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Profil du territoire (TOML). Par défaut : le profil livré avec Clausier.",
)
FAIL_ON_OPTION = click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Niveau à partir duquel le code de sortie vaut 1.",
)
FORCE_OPTION = click.option(
    "--force", is_flag=True, help="Remplacer les fichiers de sortie qui existent déjà."
)


def format_option(dest: str, choices: list[str], help: str):
    """--format, the first choice by default."""
    return click.option(
        "--format",
        dest,
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def output_file_option(help: str, **path_options):
    """-o FICHIER, the file to write instead of the screen (see `write_output`)."""
    return click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(path_type=Path, **path_options),
        default=None,
        metavar="FICHIER",
        help=help,
    )


def format_for_output(
    ctx: click.Context, param: str, fmt: str, output: Path | None, by_suffix: dict[str, str]
) -> str:
    """The format to write: --format when given, else the -o file's extension (« -o
    rapport.html » is HTML), else the default. A --format that contradicts the extension,
    or an extension that names no format, is a usage error."""
    from click.core import ParameterSource

    explicit = ctx.get_parameter_source(param) is not ParameterSource.DEFAULT
    suffix = output.suffix.lower() if output is not None else ""
    if not suffix:
        return fmt
    known = ", ".join(sorted(by_suffix))
    implied = by_suffix.get(suffix)
    if implied is None:
        if explicit:
            return fmt
        raise FrenchUsageError(
            f"-o {output} : l'extension {suffix} ne désigne aucun format de sortie ; "
            f"choisissez un nom en {known}, ou précisez --format.",
            ctx,
        )
    if explicit and implied != fmt:
        raise FrenchUsageError(
            f"--format {fmt} contredit l'extension de -o {output} (format {implied}) : "
            "retirez --format, ou changez l'extension du fichier.",
            ctx,
        )
    return implied


class FrenchUsageError(click.UsageError):
    """A usage error shown in French (exit status 2), with the way to the help."""

    def __init__(self, message: str, ctx: click.Context | None = None) -> None:
        super().__init__(message, ctx or click.get_current_context(silent=True))

    def show(self, file=None) -> None:
        file = file or sys.stderr
        name = self.ctx.command_path if self.ctx else "clausier"
        click.echo(wrapped(f"Erreur : {self.format_message()}"), file=file)
        click.echo(f"Aide : {name} --help", file=file)


def parse_date(ctx: click.Context | None, param: click.Parameter | None, value: str | None):
    """click callback for --date AAAA-MM-JJ; None means today."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"« {value} » n'est pas une date au format AAAA-MM-JJ (exemple : 2026-11-25)."
        ) from None


DATE_OPTION = click.option(
    "--date",
    "review_date",
    callback=parse_date,
    default=None,
    metavar="AAAA-MM-JJ",
    help="Date de relecture utilisée par les règles datées (par défaut : aujourd'hui).",
)


DEFAULT_PROFILE_NOTICE = (
    "Profil par défaut utilisé (pas de --profile) : ses taux sont à valider et il ne nomme "
    "aucun facilitateur. Créez le profil de votre territoire avec « clausier profile init »."
)


def terminal_width(default: int = 100) -> int:
    """The terminal's columns (COLUMNS wins, as everywhere); `default` when not a terminal."""
    import shutil

    return max(40, shutil.get_terminal_size((default, 24)).columns)


def wrapped(text: str, indent: str = "  ") -> str:
    """A message folded to the terminal's width; paths and words are never cut."""
    import textwrap

    return "\n".join(
        textwrap.fill(
            line,
            width=terminal_width(),
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in text.splitlines() or [""]
    )


def fit(lines: list[str]) -> str:
    """Lines folded to the terminal's width, each continuation under its own line's text."""
    out = []
    for line in lines:
        indent = line[: len(line) - len(line.lstrip())]
        out.append(wrapped(line, indent=indent + "  ") if line.strip() else line)
    return "\n".join(out)


def say(text: str) -> None:
    """A message for the person (stderr: stdout may be a report or JSON), to the width."""
    click.echo(wrapped(text), err=True)


def announce_default_profile(profile_path: Path | None) -> None:
    """Say once, on stderr (stdout may be JSON), that the shipped profile is in use: its
    rates are starting values and its facilitator is to be completed."""
    if profile_path is None:
        say(DEFAULT_PROFILE_NOTICE)


def check_new_output(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing output unless --force (usage error, exit 2)."""
    if path.exists() and not force:
        raise click.UsageError(
            f"Le fichier {path} existe déjà : ajoutez --force pour le remplacer, "
            "ou choisissez un autre nom avec -o."
        )


class OutputError(click.ClickException):
    """An output that cannot be written (no right, disk full, a file in the way): French
    message naming the path, exit status 2, never a traceback."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(wrapped(f"Erreur : {self.message}"), err=True)


# errno -> what it means for a user writing a file.
WRITE_PROBLEMS = {
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota du disque atteint",
    errno.EROFS: "support en lecture seule",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.EEXIST: "un fichier du même nom est sur le chemin",
    errno.EISDIR: "c'est un dossier",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ENOENT: "dossier introuvable",
}


def cannot_write(path: Path, error: OSError) -> OutputError:
    """The French usage error for an OSError met while writing `path`."""
    reason = WRITE_PROBLEMS.get(error.errno or 0, error.strerror or type(error).__name__)
    return OutputError(
        f"Impossible d'écrire {path} ({reason}) : choisissez un dossier où vous avez le droit "
        "d'écrire, vérifiez l'espace disque, puis relancez la commande."
    )


def write_output(path: Path | None, content: str | bytes, force: bool = False) -> None:
    """Write to -o FILE (never over an existing file without --force), or to stdout."""
    if path is None:
        if isinstance(content, bytes):
            click.get_binary_stream("stdout").write(content)
        else:
            click.echo(content, nl=not content.endswith("\n"))
        return
    check_new_output(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as error:
        with contextlib.suppress(OSError):
            if path.is_file():
                path.unlink()  # a half-written file would pass for a report
        raise cannot_write(path, error) from None
