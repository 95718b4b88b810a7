"""The web application: routes, the store and the worker pool, security headers, bounded bodies,
Chinese error pages. `create_app` is what `reportgen serve` runs and what the tests drive."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from reportgen.web import bureau, pages, pages_document, session_pages
from reportgen.web.auth import Throttle
from reportgen.web.render import local_time
from reportgen.web.services import Runner, Service
from reportgen.web.store import Store, database_url

HERE = Path(__file__).resolve().parent
#: The largest request body accepted at all (an audit upload of several PDFs); each upload has its own bound.
BODY_LIMIT = 64 * 1024 * 1024
_HEADERS = {
    # Everything comes from this machine: no script, font or style from anywhere else.
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",  # the preview page frames the document
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
}
_ERRORS = {403: "请求已失效：请刷新页面后重试。", 404: "页面不存在，或您没有查看它的权限。",
           405: "不支持这种访问方式。", 413: "上传的内容过大。"}


def create_app(data_dir: Path, url: str | None = None, workers: int | None = None) -> Starlette:
    """The service over the store in `data_dir` (or at `url`, e.g. postgresql://…)."""
    from reportgen.web.services import default_workers

    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(url or database_url(data_dir))
    runner = Runner(default_workers() if workers is None else workers)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        store.interrupt_jobs()
        yield
        runner.close()
        store.close()

    app = Starlette(routes=[*session_pages.routes, *pages.routes, *pages_document.routes, *bureau.routes,
                            Mount("/static", StaticFiles(directory=HERE / "static"), name="static")],
                    exception_handlers={HTTPException: _error_page}, lifespan=lifespan)
    app.state.store, app.state.service, app.state.data_dir = store, Service(store, runner), data_dir
    app.state.throttle = Throttle()
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.templates.env.filters["when"] = local_time
    app.add_middleware(_Guard)
    return app


async def _error_page(request: Request, exc: HTTPException) -> Response:
    if exc.status_code in (301, 302, 303, 307) and exc.headers:
        return Response(status_code=exc.status_code, headers=exc.headers)
    message = exc.detail if exc.detail and exc.detail != _default_phrase(exc.status_code) else \
        _ERRORS.get(exc.status_code, "出错了。")
    try:
        return request.app.state.templates.TemplateResponse(
            request, "error.html", {"message": message, "user": None, "csrf": ""}, status_code=exc.status_code)
    except Exception:  # the error page itself must never fail
        return PlainTextResponse(message, status_code=exc.status_code)


def _default_phrase(code: int) -> str:
    from http import HTTPStatus

    return HTTPStatus(code).phrase


class _Guard:
    """Pure ASGI middleware: security headers on every response, and a body larger than
    BODY_LIMIT refused (by its Content-Length, or as it streams in without one)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length and length.isdigit() and int(length) > BODY_LIMIT:
            return await PlainTextResponse(_ERRORS[413], status_code=413)(scope, receive, send)
        seen = 0

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > BODY_LIMIT:
                raise HTTPException(413)
            return message

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in _HEADERS.items() if k.encode() not in present]
            await send(message)

        await self.app(scope, bounded_receive, with_headers)
