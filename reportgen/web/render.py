"""Helpers every page uses: a template with the user and the CSRF token, a redirect after a
POST, a bounded form, and times shown in the machine's local time."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from reportgen.web.auth import check_csrf, csrf_token, current_user

MAX_FIELDS = 5000  # the form of a unit with a thousand 科目 rows stays within it


def render(request: Request, name: str, status: int = 200, **context) -> Response:
    context.setdefault("user", current_user(request))
    context["csrf"] = csrf_token(request)
    context.setdefault("message", request.query_params.get("msg", "")[:200])
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def redirect(url: str, message: str = "") -> RedirectResponse:
    """303 See Other after a POST (the browser then GETs the page: a reload never posts twice)."""
    if message:
        url += ("&" if "?" in url else "?") + "msg=" + quote(message)
    return RedirectResponse(url, status_code=303)


async def posted(request: Request, max_files: int = 20):
    """The submitted form, its CSRF token checked."""
    form = await request.form(max_files=max_files, max_fields=MAX_FIELDS)
    check_csrf(request, form)
    return form


def local_time(value: datetime | None) -> str:
    """A stored UTC time as the machine's local time, to the minute."""
    if value is None:
        return ""
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
