"""The pipeline's work for the web, as plain functions of plain values, so that it runs in a pool
of worker processes (both cores, no GIL, and a crash or runaway file cannot take the server down).

Each call lays the document's files out in a fresh temporary folder under their stored names —
exactly what the command line sees — and runs reportgen there.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from reportgen.errors import DataError, DataErrors, ReportgenError

#: A placeholder the 补录 list (issue 12) leaves in a data file: the figures are not complete.
TODO_MARK = "待填"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _lay_out(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def check_document(files: dict[str, str], main: str) -> dict[str, Any]:
    """The findings of every file of a document, as `reportgen check` gives them (file names
    without the temporary folder), and whether the figures are complete."""
    from reportgen.run import findings

    with tempfile.TemporaryDirectory(prefix="reportgen-web-") as tmp:
        folder = Path(tmp)
        _lay_out(folder, files)
        located: list[dict] = []
        loads = True
        for name in [main] + sorted(n for n in files if n != main):
            try:
                found = [f.__dict__ for f in findings(folder / name)]
            except (DataError, DataErrors) as e:
                loads = loads and name != main
                errors = e.errors if isinstance(e, DataErrors) else [e]
                found = [dict(file=name, line=x.line, field=x.field, severity="error", message=x.problem,
                              stated=None, expected=None) for x in errors]
            except ReportgenError as e:
                loads = loads and name != main
                found = [dict(file=name, line=None, field="", severity="error", message=str(e),
                              stated=None, expected=None)]
            for f in found:
                f["file"] = name
            located += found
    located += _missing_annexes(files, main)
    errors = sum(f["severity"] == "error" for f in located)
    # Complete: the main file validates and no field is still 待填 (reported by check on its field).
    complete = loads and not any(f["message"].startswith(TODO_MARK) for f in located)
    return {"findings": located, "errors": errors, "warnings": len(located) - errors, "complete": complete}


def _missing_annexes(files: dict[str, str], main: str) -> list[dict]:
    # `check` reads only the file it is given; here the document is the set of files stored, so a
    # 附件 naming a file not uploaded is said at once rather than when the build stops on it.
    from reportgen.web.datafile import values

    annexes = values(files[main]).get("附件") or []
    return [dict(file=main, line=None, field=f"附件[{i}].文件", severity="error",
                 message=f"附件的数据文件“{a['文件']}”尚未上传：请在年度页面上传它", stated=None, expected=None)
            for i, a in enumerate(annexes, 1)
            if isinstance(a, dict) and isinstance(a.get("文件"), str) and a["文件"] not in files]


def build_document(files: dict[str, str], main: str, formats: list[str]) -> dict[str, Any]:
    """The outputs of a document: format → (file name, bytes); a format writing several files
    (Markdown with its SVG charts) comes as one zip. Also "text", the Markdown the comparison reads."""
    from reportgen.run import build
    from reportgen.writers import get_writer
    from reportgen.writers.markdown import render_text

    with tempfile.TemporaryDirectory(prefix="reportgen-web-") as tmp:
        folder = Path(tmp)
        _lay_out(folder, files)
        try:
            built = build(folder / main)
        except ReportgenError as e:
            raise ReportgenError(str(e).replace(str(folder) + "/", "")) from None
        outputs: dict[str, tuple[str, bytes]] = {"text": (f"{built.stem}.md", render_text(built.document).encode())}
        for fmt in formats:
            if fmt == "xlsx-input":
                outputs[fmt] = (f"{built.stem}-填报.xlsx", _input_workbook(folder / main))
                continue
            written = get_writer(fmt)(built.document, built.stem)
            outputs[fmt] = _one_file(built.stem, fmt, written)
    return {"stem": built.stem, "outputs": outputs}


def _input_workbook(path: Path) -> bytes:
    from reportgen.workbook.export import workbook_for

    return workbook_for(path, path.with_suffix(".xlsx"))


def _one_file(stem: str, fmt: str, written: dict[str, bytes]) -> tuple[str, bytes]:
    if len(written) == 1:
        return next(iter(written.items()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(written):  # fixed order and times: the same document gives the same zip
            z.writestr(zipfile.ZipInfo(name, _ZIP_TIME), written[name])
    return f"{stem}-{fmt}.zip", buffer.getvalue()


def audit_file(name: str, content: bytes) -> dict[str, Any]:
    """`reportgen audit` of one uploaded published document: unit, year, findings or the problem."""
    from reportgen.audit.batch import audit_batch
    from reportgen.audit.report import as_dict

    with tempfile.TemporaryDirectory(prefix="reportgen-audit-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        report = audit_batch([path])[0]
    problem = report.problem.replace(str(path), name) if report.problem else ""
    return {"unit": report.unit, "year": report.year, "problem": problem,
            "findings": [as_dict(f) for f in report.findings], "errors": report.errors, "hints": report.hints}


def import_workbook(name: str, content: bytes, into: str | None = None) -> dict[str, Any]:
    """A workbook as a data file: {"text": YAML, "todo": [what is still to fill]} (see imports.py);
    `into`, the current data file, keeps its text and takes the workbook's figures."""
    from reportgen.web.imports import workbook_to_yaml

    with tempfile.TemporaryDirectory(prefix="reportgen-import-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        current = None
        if into is not None:
            current = Path(tmp) / "当前数据.yaml"
            current.write_text(into, encoding="utf-8")
        try:
            return workbook_to_yaml(path, current)
        except ReportgenError as e:
            raise ReportgenError(str(e).replace(str(path), name)) from None


def roll_forward(name: str, text: str) -> dict[str, Any]:
    """Last year's data file as the start of this year's (`reportgen next-year`, issue 12)."""
    from reportgen.web.imports import next_year

    with tempfile.TemporaryDirectory(prefix="reportgen-next-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return next_year(path)
