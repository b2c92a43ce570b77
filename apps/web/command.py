"""`clausier serve`: the web page, on this machine or on a team's server.

Listens on 127.0.0.1 by default. On any other address the page would be reachable by
other machines, so it refuses to start without an access token (`--token`, the
CLAUSIER_JETON variable, or `--generate-token`), which every request must then carry.
"""

from __future__ import annotations

import errno
import ipaddress
import secrets
import socket
from pathlib import Path

import click

from apps.shell.options import (
    CONTEXT_SETTINGS,
    HELP_OPTION,
    PROFILE_OPTION,
    announce_default_profile,
)

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1, localhost: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address_for(host: str, port: int, token: str | None) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/" + (f"?jeton={token}" if token else "")


@click.command(context_settings=CONTEXT_SETTINGS)
@HELP_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Adresse d'écoute.")
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port d'écoute.",
)
@PROFILE_OPTION
@click.option(
    "--token",
    envvar="CLAUSIER_JETON",
    default=None,
    metavar="JETON",
    help="Jeton d'accès exigé à chaque requête (ou variable CLAUSIER_JETON). "
    "Obligatoire si --host n'est pas 127.0.0.1.",
)
@click.option(
    "--generate-token",
    is_flag=True,
    help="Créer un jeton d'accès aléatoire et l'afficher au démarrage.",
)
@click.option(
    "--max-upload-mb",
    default=200,
    show_default=True,
    type=click.IntRange(1, 4096),
    help="Taille totale maximale d'un envoi, en mégaoctets.",
)
@click.option(
    "--db",
    "followup_db",
    default=None,
    metavar="URL",
    help="Base du suivi (page « Suivi ») : sqlite:///chemin.sqlite ou postgresql://… "
    "(par défaut : variable CLAUSIER_DB, sinon clausier-suivi.sqlite dans ce dossier).",
)
def command(
    host: str,
    port: int,
    profile_path: Path | None,
    token: str | None,
    generate_token: bool,
    max_upload_mb: int,
    followup_db: str | None,
) -> None:
    """Ouvrir Clausier dans le navigateur : relire un dossier, calculer les heures,
    consulter le profil.

    Par défaut, la page n'est accessible que depuis cette machine (127.0.0.1). Pour la
    partager avec une équipe, écoutez sur une autre adresse avec un jeton d'accès :

      clausier serve --host 0.0.0.0 --generate-token
    """
    if generate_token and not token:
        token = secrets.token_urlsafe(24)
    if token is not None and len(token) < 16:
        raise click.UsageError(
            "Le jeton d'accès est trop court : 16 caractères au moins (ou --generate-token)."
        )
    if not is_loopback(host) and not token:
        raise click.UsageError(
            f"Sur l'adresse {host}, la page serait accessible depuis d'autres machines : "
            "Clausier refuse de démarrer sans jeton d'accès. Ajoutez --generate-token "
            "(un jeton est créé et affiché), ou --token JETON, ou écoutez sur 127.0.0.1."
        )

    listening = bind_port(host, port)  # before anything says « prêt »
    from clausier.profile import ProfileError

    try:
        from apps.web.app import create_app

        app = create_app(
            profile_path=profile_path,
            token=token,
            max_upload_bytes=max_upload_mb * 1024 * 1024,
            followup_db=followup_db,
        )
    except ProfileError as exc:
        listening.close()
        raise click.UsageError(str(exc)) from None
    announce_default_profile(profile_path)

    click.echo(
        f"Clausier est prêt. Ouvrez cette adresse dans votre navigateur :\n\n  {address_for(host, port, token)}\n"
    )
    if token:
        click.echo(
            "Le jeton d'accès fait partie de l'adresse : ne la communiquez qu'aux personnes "
            "autorisées. Scripts : en-tête « Authorization: Bearer JETON »."
        )
    if host in ("0.0.0.0", "::"):
        click.echo(
            "Depuis une autre machine, remplacez 127.0.0.1 par le nom ou l'adresse de ce serveur."
        )
    click.echo(
        "Arrêt : Ctrl+C. Les fichiers déposés sont effacés à l'arrêt, et au plus tard une heure après l'envoi."
    )

    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    server.run(sockets=[listening])


def bind_port(host: str, port: int) -> socket.socket:
    """The listening socket, bound now: a busy port is a French usage error (uvicorn's own
    « ERROR: [Errno 98] » came after « Clausier est prêt », with exit status 3)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise click.UsageError(_bind_problem(host, port, error)) from None
    return sock


def _bind_problem(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (
            f"Le port {port} est déjà utilisé sur {host} : Clausier y tourne peut-être déjà "
            f"(ouvrez {address_for(host, port, None)} dans le navigateur) ; sinon, choisissez "
            f"un autre port : clausier serve --port {port + 1 if port < 65535 else 8765}."
        )
    if error.errno == errno.EACCES:
        return (
            f"Le port {port} est réservé à l'administrateur de la machine : choisissez un port "
            "au-dessus de 1024, par exemple clausier serve --port 8765."
        )
    return (
        f"Impossible d'écouter sur {host}, port {port} ({error.strerror or error}) : vérifiez "
        "que cette adresse appartient à cette machine, ou gardez --host 127.0.0.1."
    )
