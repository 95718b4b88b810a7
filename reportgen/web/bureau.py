"""The bureau's view of a year: every unit with its state, a batch build of them all, and the
audit of what units have published (uploaded PDFs or pages, findings per unit)."""

from __future__ import annotations

import datetime
import json
import threading

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Route

from reportgen.errors import ReportgenError
from reportgen.web import uploads
from reportgen.web.auth import require_bureau, require_user, visible_unit_ids
from reportgen.web.render import posted, redirect, render

MAX_AUDIT_FILES = 20


def overview(request: Request, error: str = "", status: int = 200):
    bureau = require_bureau(request, request.path_params["bid"])
    year = _year(request)
    store = request.app.state.store
    rows = []
    for unit, document, latest in store.year_overview(bureau.id, year):
        generated = bool(latest and store.output_formats(latest.id))
        audits = store.audits(unit_id=unit.id, year=year)
        rows.append(dict(unit=unit, document=document, latest=latest, generated=generated,
                         published=bool(document and document.published_number),
                         republish=bool(document and document.published_number and latest
                                        and latest.number > document.published_number),
                         audit=audits[0] if audits else None))
    job = store.last_job(bureau.id, year)
    unmatched = [a for a in store.audits(bureau_id=bureau.id, year=year) if a.unit_id is None]
    return render(request, "bureau.html", status, bureau=bureau, year=year, rows=rows, job=job,
                  unmatched=unmatched, error=error, years=range(datetime.date.today().year, 2014, -1))


def _year(request: Request) -> int:
    year = request.path_params["year"]
    if not 2000 <= year <= 2100:
        raise HTTPException(404)
    return year


def choose_year(request: Request):
    bureau = require_bureau(request, request.path_params["bid"])
    year = request.query_params.get("year", "")
    if year and not year.isdigit():
        raise HTTPException(404)
    default = request.app.state.store.latest_year(bureau.id) or datetime.date.today().year - 1
    return redirect(f"/b/{bureau.id}/{int(year) if year else default}")


async def batch_build(request: Request):
    """Build every unit's document of the year in the background; the page shows the progress."""
    bureau = require_bureau(request, request.path_params["bid"])
    year, user = _year(request), require_user(request)
    await posted(request)
    store, service = request.app.state.store, request.app.state.service
    running = store.last_job(bureau.id, year)
    if running is not None and running.state == "进行中":
        return redirect(f"/b/{bureau.id}/{year}", "已有一次批量生成正在进行。")
    documents = [d for _, d, v in store.year_overview(bureau.id, year) if d is not None and v is not None]
    job = store.start_job(bureau.id, year, len(documents), user.id)
    threading.Thread(target=service.batch_build, args=(job, documents), daemon=True,
                     name=f"batch-{job}").start()
    return redirect(f"/b/{bureau.id}/{year}", f"已开始批量生成 {len(documents)} 个单位的文档。")


async def audit_upload(request: Request):
    """Audit uploaded published documents; each is filed under the unit it names (or the one chosen)."""
    bureau = require_bureau(request, request.path_params["bid"])
    year, user = _year(request), require_user(request)
    form = await posted(request, max_files=MAX_AUDIT_FILES)
    store, service = request.app.state.store, request.app.state.service
    units = store.units_of_bureau(bureau.id)
    chosen = str(form.get("unit", ""))
    files = [f for f in form.getlist("files") if getattr(f, "filename", "")]
    if not files:
        await form.close()
        return await run_in_threadpool(overview, request, "请选择要审查的文件。", 400)
    try:
        done = 0
        for upload in files:
            name = uploads.safe_name(upload.filename, uploads.AUDIT_SUFFIXES)
            content = await uploads.read_upload(upload, uploads.DOCUMENT_LIMIT)
            report = await run_in_threadpool(service.audit, name, content)
            unit = _unit_for(units, chosen, report["unit"])
            await run_in_threadpool(lambda: store.add_audit(
                unit_id=unit.id if unit else None, bureau_id=bureau.id, year=year, filename=name,
                unit_named=report["unit"], errors=report["errors"], hints=report["hints"],
                problem=report["problem"], findings=json.dumps(report["findings"], ensure_ascii=False),
                user_id=user.id))
            done += 1
    except ReportgenError as e:
        return await run_in_threadpool(overview, request, str(e), 400)
    finally:
        await form.close()
    return redirect(f"/b/{bureau.id}/{year}", f"已审查 {done} 个文件。")


def _unit_for(units: list, chosen: str, named: str):
    """The unit chosen on the form, else the one whose name the document's title gives."""
    if chosen.isdigit():
        return next((u for u in units if u.id == int(chosen)), None)
    exact = [u for u in units if u.name == named]
    close = [u for u in units if named and named != "—" and (named in u.name or u.name in named)]
    return (exact or close or [None])[0] if len(exact or close) <= 1 else None


def audit_page(request: Request):
    user = require_user(request)
    store = request.app.state.store
    audit = store.audit(request.path_params["aid"])
    if audit is None:
        raise HTTPException(404)
    mine = (user.role == "bureau" and audit.bureau_id == user.bureau_id) or \
        (audit.unit_id is not None and audit.unit_id in visible_unit_ids(store, user))
    if not mine:
        raise HTTPException(404)
    unit = store.unit(audit.unit_id) if audit.unit_id else None
    return render(request, "audit.html", audit=audit, unit=unit, findings=json.loads(audit.findings))


routes = [
    Route("/b/{bid:int}", choose_year),
    Route("/b/{bid:int}/{year:int}", overview),
    Route("/b/{bid:int}/{year:int}/build", batch_build, methods=["POST"]),
    Route("/b/{bid:int}/{year:int}/audit", audit_upload, methods=["POST"]),
    Route("/audit/{aid:int}", audit_page),
]
