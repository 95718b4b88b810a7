"""The officer's way in: a unit's years, a unit-year's page, and the three ways to start or
replace its data — upload a workbook, upload a data file, or roll last year's forward."""

from __future__ import annotations

import datetime
import json

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Route

from reportgen.errors import ReportgenError
from reportgen.web import uploads
from reportgen.web.auth import require_unit, require_user
from reportgen.web.datafile import values
from reportgen.web.imports import can_roll_forward
from reportgen.web.render import posted, redirect, render
from reportgen.web.services import LABELS, formats

MAIN_KIND = "部门决算"


def unit_page(request: Request):
    unit = require_unit(request, request.path_params["uid"])
    store = request.app.state.store
    years = [(d, store.latest_version(d.id)) for d in store.years(unit.id)]
    this_year = datetime.date.today().year
    return render(request, "unit.html", unit=unit, years=years, suggested=this_year - 1)


def choose_year(request: Request):
    unit = require_unit(request, request.path_params["uid"])
    try:
        year = int(request.query_params.get("year", ""))
    except ValueError:
        raise HTTPException(404)
    if not 2000 <= year <= 2100:
        raise HTTPException(404)
    return redirect(f"/u/{unit.id}/{year}")


def document_page(request: Request, error: str = "", status: int = 200):
    unit = require_unit(request, request.path_params["uid"])
    year = _year(request)
    store, service = request.app.state.store, request.app.state.service
    document = store.document(unit.id, year)
    latest = store.latest_version(document.id) if document else None
    findings = service.findings(document, latest) if latest else []
    previous = store.document(unit.id, year - 1)
    return render(request, "document.html", status, unit=unit, year=year, document=document, latest=latest,
                  findings=findings, files=store.files_at(document.id, latest.number) if latest else {},
                  generated=store.output_formats(latest.id) if latest else [],
                  formats=[(f, LABELS[f]) for f in formats()], audits=store.audits(unit_id=unit.id, year=year),
                  can_roll=bool(previous) and can_roll_forward() and latest is None,
                  todo=_todo(store, document), error=error)


def _todo(store, document) -> list[str]:
    """The 补录 list of the main file's latest version (what its import could not fill)."""
    main = store.main_version(document.id, document.main) if document else None
    return json.loads(main.todo) if main is not None and main.todo else []


def _year(request: Request) -> int:
    year = request.path_params["year"]
    if not 2000 <= year <= 2100:
        raise HTTPException(404)
    return year


async def upload(request: Request):
    """A workbook or a data file becomes the next version (nothing is kept when it is refused)."""
    unit = require_unit(request, request.path_params["uid"])
    year, user = _year(request), require_user(request)
    form = await posted(request, max_files=1)
    try:
        number, main = await _store_upload(request, unit, year, user, form.get("file"))
    except ReportgenError as e:
        return await run_in_threadpool(document_page, request, str(e), 400)
    finally:
        await form.close()
    target = "form" if main else ""
    return redirect(f"/u/{unit.id}/{year}/{target}", f"已保存为第 {number} 版。")


async def _store_upload(request: Request, unit, year: int, user, upload) -> tuple[int, bool]:
    store, service = request.app.state.store, request.app.state.service
    filename = getattr(upload, "filename", "") or ""
    todo: list[str] = []
    if filename.lower().endswith(uploads.WORKBOOK_SUFFIXES):
        name = uploads.safe_name(filename, uploads.WORKBOOK_SUFFIXES)
        content = await uploads.read_upload(upload, uploads.WORKBOOK_LIMIT)
        result = await run_in_threadpool(service.import_workbook, name, content, _current_main(store, unit.id, year))
        text, todo, source = result["text"], result["todo"], "导入工作簿"
        name = name.rsplit(".", 1)[0] + ".yaml"
        data = values(text)
    else:
        name = uploads.safe_name(filename, uploads.DATA_SUFFIXES)
        content = await uploads.read_upload(upload, uploads.DATA_LIMIT)
        text, data = uploads.data_file(name, content)
        source = "上传数据文件"
    text, data, notes = uploads.without_template_dirs(text, data)
    todo = notes + todo
    stated = uploads.report_year(data)
    if stated != year:
        raise ReportgenError(f"{name}：数据文件的报告年度是 {stated}，不是 {year} 年。")
    is_main = data.get("文档类型", MAIN_KIND) == MAIN_KIND
    document = await run_in_threadpool(store.document, unit.id, year)
    if document is None:
        document = await run_in_threadpool(store.ensure_document, unit.id, year, name)
    target = document.main if is_main or name == document.main else name
    number = await run_in_threadpool(service.save, document, target, source, user.id, lambda files, n: text, todo)
    return number, target == document.main


def _current_main(store, unit_id: int, year: int) -> str | None:
    """The unit-year's 决算 data file as it stands, for a workbook's figures to update (its text is kept)."""
    document = store.document(unit_id, year)
    if document is None:
        return None
    return store.files_at(document.id, store.latest_number(document.id)).get(document.main)


async def roll_forward(request: Request):
    """Last year's data file, its figures moved to 上年 (reportgen next-year), as this year's first version."""
    unit = require_unit(request, request.path_params["uid"])
    year, user = _year(request), require_user(request)
    await posted(request)
    store, service = request.app.state.store, request.app.state.service
    previous = store.document(unit.id, year - 1)
    if previous is None or store.document(unit.id, year) is not None:
        return await run_in_threadpool(document_page, request, "只有在本年度还没有数据、且有上年数据时才能从上年开始。", 400)
    try:
        last = store.files_at(previous.id, store.latest_number(previous.id))[previous.main]
        result = await run_in_threadpool(service.roll_forward, previous.main, last)
    except ReportgenError as e:
        return await run_in_threadpool(document_page, request, str(e), 400)
    name = previous.main.replace(str(year - 1), str(year))
    document = await run_in_threadpool(store.ensure_document, unit.id, year, name)
    number = await run_in_threadpool(service.save, document, document.main, "上年结转", user.id,
                                     lambda files, n: result["text"], result["todo"])
    return redirect(f"/u/{unit.id}/{year}/form", f"已从 {year - 1} 年数据开始，保存为第 {number} 版。")


async def publish(request: Request):
    """The officer records that the document as it stands was published."""
    unit = require_unit(request, request.path_params["uid"])
    year, user = _year(request), require_user(request)
    await posted(request)
    store = request.app.state.store
    document = store.document(unit.id, year)
    latest = store.latest_version(document.id) if document else None
    if latest is None or latest.errors:
        return await run_in_threadpool(document_page, request, "数据还有错误，不能标记为已公开。", 400)
    await run_in_threadpool(store.publish, document.id, latest.number, user.id)
    return redirect(f"/u/{unit.id}/{year}", f"已记录：第 {latest.number} 版已公开。")


routes = [
    Route("/u/{uid:int}", unit_page),
    Route("/u/{uid:int}/year", choose_year),
    Route("/u/{uid:int}/{year:int}", document_page),
    Route("/u/{uid:int}/{year:int}/upload", upload, methods=["POST"]),
    Route("/u/{uid:int}/{year:int}/next-year", roll_forward, methods=["POST"]),
    Route("/u/{uid:int}/{year:int}/publish", publish, methods=["POST"]),
]
