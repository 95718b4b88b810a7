"""Who is asking and what they may see: argon2 password hashes, server-side sessions behind an
HttpOnly cookie, a CSRF token per session, a pause after repeated failed logins, and the rule that
a unit's account reaches its own unit only and a bureau's account its own units only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Row
from starlette.exceptions import HTTPException
from starlette.requests import Request

from reportgen.web.store import Store

COOKIE = "rg_session"
LOGIN_COOKIE = "rg_login"  # the login form's CSRF token (double submit), before any session exists
LIFETIME = timedelta(hours=12)
_MAX_FAILURES, _PAUSE = 5, 300  # five wrong passwords for one login → five minutes' pause

_hasher = PasswordHasher()
# argon2 takes 64 MiB per hash: bound how many run at once so a burst of logins cannot exhaust memory.
_hashing = threading.BoundedSemaphore(2)


def hash_password(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    with _hashing:
        try:
            return _hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


class Throttle:
    """Failed logins per login name, kept in memory: after five in five minutes that login waits."""

    def __init__(self, failures: int = _MAX_FAILURES, pause: float = _PAUSE):
        self.failures, self.pause = failures, pause
        self._seen: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def paused(self, login: str) -> bool:
        with self._lock:
            recent = [t for t in self._seen.get(login, []) if time.monotonic() - t < self.pause]
            self._seen[login] = recent
            return len(recent) >= self.failures

    def failed(self, login: str) -> None:
        with self._lock:
            self._seen.setdefault(login, []).append(time.monotonic())

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._seen.pop(login, None)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, user_id: int) -> str:
    """A new session; returns the cookie value (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    store.add_session(_digest(token), user_id, secrets.token_urlsafe(32), LIFETIME)
    return token


def end_session(store: Store, request: Request) -> None:
    token = request.cookies.get(COOKIE)
    if token:
        store.drop_session(_digest(token))


def session_of(request: Request) -> Row | None:
    """The request's session row (cached on the request), or None."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(COOKIE)
        request.state.session = request.app.state.store.session(_digest(token)) if token else None
    return request.state.session


def current_user(request: Request) -> Row | None:
    if not hasattr(request.state, "user"):
        session = session_of(request)
        request.state.user = request.app.state.store.user(session.user_id) if session else None
    return request.state.user


def require_user(request: Request) -> Row:
    user = current_user(request)
    if user is None:
        raise HTTPException(303, headers={"Location": "/login"})
    return user


def csrf_token(request: Request) -> str:
    session = session_of(request)
    return session.csrf if session else ""


def check_csrf(request: Request, form) -> None:
    """Every state-changing request carries its session's token (a forged cross-site form cannot)."""
    expected = csrf_token(request)
    given = str(form.get("csrf", ""))
    if not expected or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "请求已失效：请刷新页面后重试。")


def visible_unit_ids(store: Store, user: Row) -> set[int]:
    if user.role == "unit":
        return {user.unit_id} if user.unit_id else set()
    if user.role == "bureau" and user.bureau_id:
        return {u.id for u in store.units_of_bureau(user.bureau_id)}
    return set()


def require_unit(request: Request, unit_id: int) -> Row:
    """The unit, if this user may see it; otherwise 404 — the same answer as a unit that does not
    exist, so another unit's address reveals nothing."""
    user = require_user(request)
    store = request.app.state.store
    if unit_id not in visible_unit_ids(store, user):
        raise HTTPException(404)
    unit = store.unit(unit_id)
    if unit is None:
        raise HTTPException(404)
    return unit


def require_bureau(request: Request, bureau_id: int) -> Row:
    user = require_user(request)
    if user.role != "bureau" or user.bureau_id != bureau_id:
        raise HTTPException(404)
    return request.app.state.store.bureau(bureau_id)
