"""Signing in and out, and the first page after signing in."""

from __future__ import annotations

import hmac
import secrets
from functools import cache

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from reportgen.web import auth
from reportgen.web.render import posted, redirect, render


async def login_page(request: Request):
    token = request.cookies.get(auth.LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = render(request, "login.html", user=None, login_token=token, error="")
    response.set_cookie(auth.LOGIN_COOKIE, token, httponly=True, samesite="strict")
    return response


async def login(request: Request):
    form = await request.form(max_files=0, max_fields=10)
    token = request.cookies.get(auth.LOGIN_COOKIE, "")
    if not token or not hmac.compare_digest(token, str(form.get("login_token", ""))):
        return render(request, "login.html", 403, user=None, login_token=token, error="页面已过期，请重新登录。")
    login_name, password = str(form.get("login", "")).strip()[:100], str(form.get("password", ""))[:200]
    store = request.app.state.store
    throttle = request.app.state.throttle
    if throttle.paused(login_name):
        return render(request, "login.html", 429, user=None, login_token=token,
                      error="密码错误次数过多，请 5 分钟后再试。")
    user = await run_in_threadpool(store.user_by_login, login_name)
    ok = await run_in_threadpool(auth.check_password, user.password_hash if user else _dummy(), password)
    if user is None or not ok:
        throttle.failed(login_name)
        return render(request, "login.html", 401, user=None, login_token=token, error="账号或密码不正确。")
    throttle.succeeded(login_name)
    session = await run_in_threadpool(auth.start_session, store, user.id)
    response = redirect("/")
    response.set_cookie(auth.COOKIE, session, httponly=True, samesite="lax", max_age=int(auth.LIFETIME.total_seconds()))
    response.delete_cookie(auth.LOGIN_COOKIE)
    return response


async def logout(request: Request):
    await posted(request)
    await run_in_threadpool(auth.end_session, request.app.state.store, request)
    response = redirect("/login")
    response.delete_cookie(auth.COOKIE)
    return response


async def home(request: Request):
    """A unit's account goes to its unit; a bureau's sees its units and the year view."""
    user = auth.current_user(request)
    if user is None:
        return redirect("/login")
    store = request.app.state.store
    if user.role == "unit":
        return redirect(f"/u/{user.unit_id}")
    units = await run_in_threadpool(store.units_of_bureau, user.bureau_id) if user.bureau_id else []
    bureau = store.bureau(user.bureau_id) if user.bureau_id else None
    return render(request, "home.html", units=units, bureau=bureau)


@cache
def _dummy() -> str:
    # Verifying against a fixed hash when the login does not exist takes as long as a real check,
    # so the answer's timing does not tell which logins exist.
    return auth.hash_password(secrets.token_urlsafe(16))

routes = [
    Route("/", home),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
