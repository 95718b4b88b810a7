"""One unit-year's document: the form beside its findings, the preview, the downloads, what a
correction changed in the text, and every version with the log of who changed which figure when."""

from __future__ import annotations

import html
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from reportgen.errors import ReportgenError
from reportgen.web import preview
from reportgen.web.auth import require_unit, require_user
from reportgen.web.datafile import apply_edits, field_name, values
from reportgen.web.forms import conflicts, edits_of, form_fields, layout_choices, place_findings
from reportgen.web.pages import MAIN_KIND, _year
from reportgen.web.render import posted, redirect, render
from reportgen.web.services import LABELS, formats


class Conflict(Exception):
    def __init__(self, paths):
        self.paths = paths


def _document(request: Request):
    """(unit, year, document, the version asked for — `?v=N` — or the latest)."""
    unit = require_unit(request, request.path_params["uid"])
    year = _year(request)
    store = request.app.state.store
    document = store.document(unit.id, year)
    if document is None:
        raise HTTPException(303, headers={"Location": f"/u/{unit.id}/{year}"})
    asked = request.query_params.get("v", "")
    version = store.version(document.id, int(asked)) if asked.isdigit() else store.latest_version(document.id)
    if version is None:
        raise HTTPException(404)
    return unit, year, document, version


def form_page(request: Request, submitted: dict | None = None, clash: list | None = None, status: int = 200):
    unit, year, document, latest = _document(request)
    store, service = request.app.state.store, request.app.state.service
    text = store.files_at(document.id, latest.number)[document.main]
    data = values(text)
    findings = service.findings(document, latest)
    sections = form_fields(data) if data.get("文档类型", MAIN_KIND) == MAIN_KIND and data else []
    own = [f for f in findings if f["file"] == document.main]
    rest = place_findings(sections, own) + [f for f in findings if f["file"] != document.main]
    clashing = {field_name(p) for p in clash or []}
    return render(request, "form.html", status, unit=unit, year=year, document=document, version=latest,
                  sections=sections, rest=rest, findings=findings, submitted=submitted or {},
                  clash=clashing, choices={"版式.地区": layout_choices(), "版式.年度写法": ("年", "年度")},
                  unit_of_money=data.get("金额单位", "万元"))


async def save_form(request: Request):
    unit, year, document, _ = await run_in_threadpool(_document, request)
    user = require_user(request)
    form = await posted(request, max_files=0)
    store, service = request.app.state.store, request.app.state.service
    base_number = int(form.get("base", "0") or 0)
    base_text = store.files_at(document.id, base_number).get(document.main)
    if base_text is None:
        raise HTTPException(400, "表单已过期：请重新打开。")
    base = values(base_text)
    submitted = {k: str(v) for k, v in form.items() if k not in ("csrf", "base")}
    edits = edits_of(base, submitted)
    if not edits:
        return redirect(f"/u/{unit.id}/{year}/form", "没有修改。")

    def compose(files: dict[str, str], _latest: int) -> str:
        latest_text = files[document.main]
        clash = conflicts(base, values(latest_text), edits)
        if clash:
            raise Conflict(clash)
        return apply_edits(latest_text, edits)

    try:
        number = await run_in_threadpool(service.save, document, document.main, "表单修改", user.id, compose)
    except Conflict as c:
        return await run_in_threadpool(form_page, request, submitted, c.paths, 409)
    return redirect(f"/u/{unit.id}/{year}/changes?to={number}", f"已保存为第 {number} 版。")


def changes_page(request: Request):
    """After a correction: every sentence and table row it changed, and the fields behind it."""
    unit, year, document, _ = _document(request)
    store, service = request.app.state.store, request.app.state.service
    versions = store.versions(document.id)
    to = _int(request.query_params.get("to"), versions[0].number)
    new = store.version(document.id, to)
    clean = [v for v in versions if v.number < to and v.errors == 0]
    start = _int(request.query_params.get("from"), clean[0].number if clean else 0)
    old = store.version(document.id, start) if start else None
    found, problem = [], ""
    if new is None:
        raise HTTPException(404)
    service.findings(document, new)
    new = store.version(document.id, to)
    try:
        if old is None:
            problem = "没有更早的、可以生成文档的版本可供比较。"
        else:
            found = service.compare(document, old, new)
    except ReportgenError as e:
        problem = str(e)
    fields = [c for c in store.change_log(document.id) if c.number == to]
    return render(request, "changes.html", unit=unit, year=year, document=document, old=old, new=new,
                  found=found, problem=problem, fields=fields)


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def preview_page(request: Request):
    unit, year, document, version = _document(request)
    findings = request.app.state.service.findings(document, version)
    return render(request, "preview.html", unit=unit, year=year, document=document, version=version,
                  anchors=_anchors(request, document, version),
                  findings=findings, errors=[f for f in findings if f["severity"] == "error"],
                  formats=[(f, LABELS[f]) for f in formats()])


def preview_document(request: Request):
    """The document itself (shown in a frame of the preview page), 提示 marked."""
    unit, year, document, version = _document(request)
    service = request.app.state.service
    findings = service.findings(document, version)
    try:
        page = service.output(document, version, "html")[1].decode("utf-8")
    except ReportgenError as e:
        return HTMLResponse(f"<p>{html.escape(str(e))}</p>", status_code=400)
    form = f"/u/{unit.id}/{year}/form"
    anchors = _anchors(request, document, version)
    notes = [(f["field"], f["message"], f"{form}#{anchors.get(f['field'], '')}")
             for f in findings if f["severity"] == "warning"]
    return HTMLResponse(preview.mark(page, notes))


def _anchors(request: Request, document, version) -> dict[str, str]:
    """Field name → its anchor in the form, so a finding can link to where it is corrected."""
    data = values(request.app.state.store.files_at(document.id, version.number)[document.main])
    return {f.name: f.anchor for s in form_fields(data) for f in s.fields}


def download(request: Request):
    unit, year, document, version = _document(request)
    fmt = request.path_params["fmt"]
    store, service = request.app.state.store, request.app.state.service
    if fmt == "data":
        name, content = document.main, store.files_at(document.id, version.number)[document.main].encode("utf-8")
    elif fmt in formats():
        service.findings(document, version)
        version = store.version(document.id, version.number)
        try:
            name, content = service.output(document, version, fmt)
        except ReportgenError as e:
            raise HTTPException(400, str(e)) from None
    else:
        raise HTTPException(404)
    return Response(content, media_type="application/octet-stream",
                    headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


def versions_page(request: Request):
    unit, year, document, _ = _document(request)
    store = request.app.state.store
    return render(request, "versions.html", unit=unit, year=year, document=document,
                  versions=store.versions(document.id), log=store.change_log(document.id)[:500])


routes = [
    Route("/u/{uid:int}/{year:int}/form", form_page, methods=["GET"]),
    Route("/u/{uid:int}/{year:int}/form", save_form, methods=["POST"]),
    Route("/u/{uid:int}/{year:int}/changes", changes_page),
    Route("/u/{uid:int}/{year:int}/preview", preview_page),
    Route("/u/{uid:int}/{year:int}/preview/document", preview_document),
    Route("/u/{uid:int}/{year:int}/download/{fmt}", download),
    Route("/u/{uid:int}/{year:int}/versions", versions_page),
]
