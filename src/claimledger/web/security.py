"""Who is asking, and may they: sessions, API tokens, roles, CSRF, login limits.

Without ``--auth`` the workbench serves one local user with every right. With
it, a request is either a script with ``Authorization: Bearer <token>`` or a
browser with a signed session cookie; anything else is refused (401 on the
API, a redirect to the login page elsewhere). Forms carry a CSRF token bound
to the session; JSON writes from a browser need ``application/json`` (which a
cross-site form cannot send) or the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from claimledger import access
from claimledger.access import User
from claimledger.store import Store

SESSION_COOKIE = "claimledger_session"
#: The single user of a workbench served without ``--auth``.
LOCAL_USER = User(name="local", role="admin")
_TOKEN_CACHE_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class AuthConfig:
    """Settings of ``--auth`` mode.

    ``secret_key`` signs session cookies; give a fixed one (``CLAIMLEDGER_SECRET_KEY``)
    to keep sessions across restarts. ``login_attempts`` failed logins per
    client within ``login_window`` seconds lock that client out for the window.
    """

    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    session_max_age: int = 12 * 3600
    login_attempts: int = 5
    login_window: float = 60.0


class NotAuthenticated(Exception):
    """The request carries no valid session or token (``--auth`` mode)."""


class LoginLimiter:
    """Count failed logins per client in a sliding window."""

    def __init__(self, *, attempts: int, window: float) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, client: str) -> bool:
        """Return True if ``client`` has failed too often lately."""
        failures = self._failures.get(client)
        if not failures:
            return False
        while failures and failures[0] < time.monotonic() - self.window:
            failures.popleft()
        return len(failures) >= self.attempts

    def failed(self, client: str) -> None:
        """Record a failed login by ``client``."""
        self._failures.setdefault(client, deque()).append(time.monotonic())

    def succeeded(self, client: str) -> None:
        """Forget ``client``'s failures."""
        self._failures.pop(client, None)


class Guard:
    """The per-app security state: signing keys, token cache, login limiter."""

    def __init__(self, *, store: Store, auth: AuthConfig | None) -> None:
        self.store = store
        self.auth = auth
        # Without --auth, sessions only carry CSRF ids; a per-process key is enough.
        self._secret = auth.secret_key if auth else secrets.token_urlsafe(32)
        self._signer = URLSafeTimedSerializer(self._secret, salt="claimledger.session")
        self._tokens: dict[str, tuple[User, float]] = {}
        config = auth or AuthConfig()
        self.limiter = LoginLimiter(attempts=config.login_attempts, window=config.login_window)
        self.max_age = config.session_max_age

    # -- sessions ---------------------------------------------------------

    def session(self, request: Request) -> dict[str, Any]:
        """Return the request's session (``sid``, ``user``), making one if absent."""
        cached = getattr(request.state, "session", None)
        if cached is not None:
            return dict(cached)
        session: dict[str, Any] | None = None
        cookie = request.cookies.get(SESSION_COOKIE)
        if cookie:
            try:
                loaded = self._signer.loads(cookie, max_age=self.max_age)
                session = loaded if isinstance(loaded, dict) and "sid" in loaded else None
            except BadSignature:
                session = None
        if session is None:
            session = {"sid": secrets.token_urlsafe(16), "user": None}
            request.state.new_session = True
        request.state.session = session
        return dict(session)

    def start_session(self, request: Request, user: str | None) -> None:
        """Replace the session (a new id, so a login cannot be fixed in advance)."""
        request.state.session = {"sid": secrets.token_urlsafe(16), "user": user}
        request.state.new_session = True

    def save_session(self, request: Request, response: Response) -> None:
        """Set the session cookie on ``response`` if the session is new."""
        if getattr(request.state, "new_session", False):
            response.set_cookie(
                SESSION_COOKIE,
                self._signer.dumps(request.state.session),
                max_age=self.max_age,
                httponly=True,
                samesite="lax",
            )

    # -- CSRF -------------------------------------------------------------

    def csrf_token(self, request: Request) -> str:
        """Return the CSRF token of the request's session."""
        sid = self.session(request)["sid"]
        return hmac.new(self._secret.encode(), f"csrf:{sid}".encode(), "sha256").hexdigest()

    def check_csrf(self, request: Request, token: str | None) -> None:
        """Refuse (403) a browser write whose CSRF token is missing or wrong."""
        if getattr(request.state, "via_token", False):
            return
        if not token or not hmac.compare_digest(token, self.csrf_token(request)):
            raise HTTPException(403, "missing or invalid CSRF token; reload the page")

    def check_api_write(self, request: Request) -> None:
        """Refuse a cookie-borne API write that a cross-site page could have sent."""
        if getattr(request.state, "via_token", False):
            return
        header = request.headers.get("x-csrf-token")
        if header:
            self.check_csrf(request, header)
            return
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            raise HTTPException(403, "browser writes need application/json or X-CSRF-Token")

    # -- identity ---------------------------------------------------------

    def user(self, request: Request) -> User:
        """Return who is asking; raise :class:`NotAuthenticated` if nobody valid."""
        if self.auth is None:
            return LOCAL_USER
        header = request.headers.get("authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            found = self._token_user(token.strip()) if scheme.lower() == "bearer" else None
            if found is None:
                raise NotAuthenticated
            request.state.via_token = True
            return found
        name = self.session(request).get("user")
        found = access.user(self.store, name) if isinstance(name, str) else None
        if found is None:
            raise NotAuthenticated
        return found

    def _token_user(self, token: str) -> User | None:
        # scrypt per request would cap a script at ~20 requests/s; remember
        # tokens verified in the last minute, keyed by a fast digest.
        key = hashlib.sha256(token.encode()).hexdigest()
        cached = self._tokens.get(key)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        found = access.user_for_token(self.store, token)
        if found is not None:
            self._tokens[key] = (found, time.monotonic() + _TOKEN_CACHE_SECONDS)
        return found


def guard(request: Request) -> Guard:
    """Return the app's :class:`Guard`."""
    found: Guard = request.app.state.guard
    return found


async def current_user(request: Request) -> User:
    """Dependency: the user asking, or 401 / login redirect."""
    keeper = guard(request)
    if keeper.auth is None:
        # No I/O to do: answer on the event loop instead of hopping to a thread.
        user = LOCAL_USER
    else:
        user = await run_in_threadpool(keeper.user, request)
    request.state.user = user
    return user


async def require_analyst(request: Request) -> User:
    """Dependency: a user allowed to change the ledger (analyst or admin)."""
    user = await current_user(request)
    if not user.can("analyst"):
        raise HTTPException(403, f"{user.name} is a {user.role} and cannot change the ledger")
    return user


async def api_write(request: Request) -> User:
    """Dependency for JSON writes: an analyst, and no cross-site request."""
    user = await require_analyst(request)
    guard(request).check_api_write(request)
    return user
