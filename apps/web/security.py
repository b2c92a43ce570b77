"""What every request goes through: access token, host check, origin check, headers.

Written as a plain ASGI middleware so that it runs before the body of an upload is read
(a request without the token is refused before a single byte is stored).

- Token (when the server is reachable beyond this machine): `Authorization: Bearer T`,
  or the `clausier_jeton` cookie, or `?jeton=T` once (answered by a redirect that sets
  the cookie: HttpOnly, SameSite=Strict, so the token leaves the address bar and other
  sites cannot make the browser send it).
- Without a token the server only answers to loopback host names (127.0.0.1, localhost,
  ::1): a web page cannot reach it through DNS rebinding.
- A POST sent by another site is refused (Sec-Fetch-Site, else Origin; forms are POST
  only; with the SameSite=Strict cookie that closes cross-site request forgery).
- Protective headers on every response.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import Callable
from urllib.parse import parse_qsl, quote, urlencode

COOKIE_NAME = "clausier_jeton"
QUERY_NAME = "jeton"
log = logging.getLogger("apps.web")

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
PROTECTIVE_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cache-control", b"no-store"),
)

# (status, title, message) -> full HTML page (French)
PageRenderer = Callable[[int, str, str], str]


def host_name(host_header: str) -> str:
    """ "127.0.0.1:8765" -> "127.0.0.1"; "[::1]:8765" -> "::1"."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def local_location(path: str, query: str = "") -> str:
    """A redirect target that stays on this server: « //evil.example/x » (or « /\\evil »)
    would send the browser to another site, so leading slashes and backslashes become
    one « / »; CR, LF and anything outside ASCII are percent-encoded (a header holding
    them is refused by the server, with a traceback in the log)."""
    path = "/" + path.lstrip("/\\")
    location = quote(path, safe="/:@!$&'()*+,;=-._~%")
    return location + (f"?{query}" if query else "")


def token_matches(expected: str, given: str | None) -> bool:
    if not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


class SecurityMiddleware:
    def __init__(
        self,
        app,
        *,
        token: str | None,
        render_page: PageRenderer,
        allowed_hosts: frozenset[str] | None = None,
    ) -> None:
        self.app = app
        self.token = token
        self.render_page = render_page
        # With a token anyone who holds it may use any host name (a team server's name).
        self.allowed_hosts = None if token else (allowed_hosts or LOOPBACK_HOSTS)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in PROTECTIVE_HEADERS if n not in present]
                message = {**message, "headers": headers}
            await send(message)

        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        host = headers.get(b"host", b"").decode("latin-1")

        if self.allowed_hosts is not None and not self._host_allowed(host_name(host)):
            await self._page(
                send_with_headers,
                400,
                "Adresse non reconnue",
                "Ce serveur Clausier ne répond qu'à l'adresse http://127.0.0.1 (ou localhost) "
                "de cette machine. Ouvrez l'adresse affichée au démarrage de clausier serve.",
            )
            return

        if self.token is not None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            given_query = query.get(QUERY_NAME)
            if given_query is not None and token_matches(self.token, given_query):
                if scope["method"] in ("GET", "HEAD"):
                    # Move the token from the address bar into the cookie.
                    rest = urlencode([(k, v) for k, v in query.items() if k != QUERY_NAME])
                    location = local_location(scope.get("root_path", "") + scope["path"], rest)
                    await send_with_headers(
                        {
                            "type": "http.response.start",
                            "status": 303,
                            "headers": [
                                (b"location", location.encode("ascii")),
                                (b"set-cookie", self._cookie()),
                                (b"content-length", b"0"),
                            ],
                        }
                    )
                    await send_with_headers({"type": "http.response.body", "body": b""})
                    return
            elif not self._authorised(headers):
                await self._page(
                    send_with_headers,
                    401,
                    "Jeton d'accès requis",
                    "Ce serveur Clausier est protégé par un jeton d'accès. Ouvrez l'adresse "
                    "complète affichée au démarrage de clausier serve (elle se termine par "
                    "?jeton=…), ou demandez-la à la personne qui a démarré le serveur.",
                    extra=[(b"www-authenticate", b'Bearer realm="clausier"')],
                )
                return

        if scope["method"] == "POST" and not self._same_origin(headers, host):
            await self._page(
                send_with_headers,
                403,
                "Envoi refusé",
                "Ce formulaire a été envoyé depuis une autre page que Clausier : il est refusé. "
                "Ouvrez Clausier à son adresse et envoyez le formulaire depuis ses pages.",
            )
            return

        started = False

        async def send_tracking(message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception:
            # Unexpected: logged with its traceback, answered with a French page.
            log.exception("Erreur inattendue sur %s %s", scope["method"], scope["path"])
            if not started:
                await self._page(
                    send_with_headers,
                    500,
                    "Erreur inattendue",
                    "Clausier a rencontré une erreur inattendue. Le détail est dans le journal "
                    "du serveur ; réessayez, et si l'erreur revient, signalez-la.",
                )

    # ------------------------------------------------------------ helpers

    def _host_allowed(self, name: str) -> bool:
        if name in self.allowed_hosts:
            return True
        try:  # any loopback address: 127.0.0.2 is this machine too
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False

    def _authorised(self, headers: dict[bytes, bytes]) -> bool:
        assert self.token is not None
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:7].lower() == "bearer " and token_matches(self.token, auth[7:].strip()):
            return True
        for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE_NAME and token_matches(self.token, value):
                return True
        return False

    def _cookie(self) -> bytes:
        assert self.token is not None
        return f"{COOKIE_NAME}={self.token}; Path=/; HttpOnly; SameSite=Strict".encode()

    @staticmethod
    def _same_origin(headers: dict[bytes, bytes], host: str) -> bool:
        """Is this POST sent by a page of this very server?

        Browsers say so in Sec-Fetch-Site (Chromium, Firefox, Safari): only "same-origin"
        (or "none": typed by the user) passes. Older browsers: the Origin header, when
        present, must name this host. (With Referrer-Policy no-referrer, Chromium sends
        `Origin: null` on a same-origin form: hence Sec-Fetch-Site first.) No header at
        all (scripts, curl): accepted, the token cookie is SameSite=Strict anyway."""
        fetch_site = headers.get(b"sec-fetch-site")
        if fetch_site is not None:
            return fetch_site.decode("latin-1").lower() in ("same-origin", "none")
        origin = headers.get(b"origin")
        if origin is None:
            return True
        origin_text = origin.decode("latin-1")
        if origin_text == "null":
            return False
        authority = origin_text.split("://", 1)[-1].rstrip("/")
        return authority.lower() == host.lower()

    async def _page(self, send, status: int, title: str, message: str, extra=()) -> None:
        body = self.render_page(status, title, message).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    *extra,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
