"""The shared run of every document kind: load → check → facts → templates → Document.

Each stage's output can be snapshotted; the command line only adds reading arguments and
writing files. A kind (reportgen.kinds) supplies the stages that differ; the layout
(reportgen.layouts) supplies templates, numbering and style defaults.
"""

from __future__ import annotations

import dataclasses
import datetime
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Sequence

from reportgen import kinds
from reportgen.core.findings import Located, locate
from reportgen.core.loader import line_of
from reportgen.core.paths import allowing
from reportgen.core.style import NumberStyle, effective_style
from reportgen.document.nodes import Document, Table
from reportgen.errors import DataError, DataErrors, ReportgenError, TemplateError
from reportgen.kinds.kind import Kind
from reportgen.layouts import Layout, resolve
from reportgen.templating import render, template_folders


@dataclass(frozen=True)
class Checked:
    """A data file loaded and checked; `facts` is None when an error prevents computing them."""

    kind: Kind
    path: Path
    data: Any
    lines: dict
    layout: Layout
    style: NumberStyle
    facts: Any
    findings: tuple[Located, ...]
    #: The document as the data file's own templates render it (None when an error stopped it):
    #: check renders it so that nothing build would refuse escapes check.
    document: Document | None = None

    @property
    def errors(self) -> list[DataError]:
        return [f.as_error() for f in self.findings if f.severity == "error"]


@dataclass(frozen=True)
class Built:
    """A data file carried through the pipeline: its data, facts, findings and document.

    `stem` is the stable output name, e.g. "<单位>-<年度>决算".
    """

    path: Path
    stem: str
    data: Any
    facts: Any
    findings: tuple[Located, ...]
    document: Document
    layout: Layout | None = None


#: The 绩效 files a run's 决算 prints as 附件, each checked once per run: the 决算's checks vet
#: them (final_accounts/needs.py) and its context renders them (performance/annex.py).
_ANNEXES: ContextVar[dict[Path, Checked] | None] = ContextVar("annexes", default=None)


@contextmanager
def _one_run() -> Iterator[None]:
    """The scope of one run (check, build, findings): its 附件 are checked once within it."""
    token = _ANNEXES.set({}) if _ANNEXES.get() is None else None
    try:
        yield
    finally:
        if token is not None:
            _ANNEXES.reset(token)


def check_annex(path: Path) -> Checked:
    """`check(path, render=False)` of a file printed as an 附件: once per run, however many
    times the run needs it (never kept beyond the run, so never stale)."""
    memo = _ANNEXES.get()
    if memo is None:
        return check(path, render=False)
    if path not in memo:
        memo[path] = check(path, render=False)
    return memo[path]


def check(path: Path, render: bool = True) -> Checked:
    """Load a data file and run every check; only unreadable or invalid data raises (DataErrors).

    The document is rendered too (what the templates refuse is check's to report), unless
    `render` is False: a 绩效 file printed as a 决算's 附件 is rendered as that 附件 only."""
    with _one_run():
        return _check(path, render)


def _check(path: Path, render: bool) -> Checked:
    kind = kinds.kind_for(path)
    data, lines = kind.read(path)
    layout = layout_of(kind, data, lines, path)
    try:
        style = effective_style(layout.style, data.样式)
    except ValueError as e:  # a layout's own defaults are wrong: the maintainer's error, not the user's
        raise TemplateError(f"版式“{layout.name}”的样式默认值有误：{e}") from None
    computed = kind.compute(data, style, layout, path)
    located = locate(computed.findings, lines, path, data.金额单位)
    checked = Checked(kind, path, data, lines, layout, style, computed.facts, tuple(located))
    if checked.errors or checked.facts is None or not render:
        return checked
    try:
        document = _render(checked)
    except ReportgenError as e:  # what the checks did not foresee: still check's to report, by file
        return dataclasses.replace(checked, findings=(*checked.findings, *_located(e, path)))
    return dataclasses.replace(checked, document=document)


def _render(checked: Checked, overrides: Sequence[Path] = ()) -> Document:
    kind, data, path = checked.kind, checked.data, checked.path
    context = kind.context(data, checked.facts, checked.style, checked.layout, path)
    folders = [*overrides, *template_folders(path, getattr(data, "模板目录", ()), checked.lines)]
    document = render(checked.layout, context, folders, title=kind.title(data, checked.facts, checked.layout))
    if kind.tables_part:  # the tables posted beside the document, printed in it or not (重庆)
        posted = render(checked.layout, context, folders, name=kind.tables_part)
        document = dataclasses.replace(document, tables=tuple(b for b in posted.blocks if isinstance(b, Table)))
    return dataclasses.replace(document, date=document_date(data))


def _located(e: ReportgenError, path: Path) -> list[Located]:
    """A failed render as findings: each data error on its own line, anything else by file."""
    if isinstance(e, DataErrors):
        return [y for x in e.errors for y in _located(x, path)]
    if isinstance(e, DataError):
        return [Located(e.file or str(path), e.line, e.field, "error", e.problem, None, None)]
    return [Located(str(path), None, "", "error", f"无法生成文档：{e}", None, None)]


def findings(path: Path, overrides: Sequence[Path] = ()) -> list[Located]:
    """Every finding of a data file (for `reportgen check`), the templates given on the command
    line (-t) rendered too: whatever would stop its build."""
    with allowing(overrides), _one_run():  # paths in the data file may lie in the command line's folders too
        checked = check(path)
        if not overrides or checked.document is None:
            return list(checked.findings)
        try:
            _render(checked, overrides)
        except ReportgenError as e:
            return [*checked.findings, *_located(e, path)]
    return list(checked.findings)


def build(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """Build the document a data file describes; its 文档类型 chooses the kind, its 版式 the layout."""
    with allowing(overrides), _one_run():  # paths in the data file may lie in the command line's folders too
        checked = check(path)
        if checked.errors or checked.document is None:
            raise DataErrors(checked.errors)
        # Templates given on the command line (-t) are the user's, not the data file's: rendered here.
        document = _render(checked, overrides) if overrides else checked.document
    return Built(path, checked.kind.stem(checked.data), checked.data, checked.facts, checked.findings, document,
                 checked.layout)


def document_date(data: Any) -> datetime.date | None:
    """The document's own date, for its file metadata: its 公开时间, else the last day of the
    year it reports on (every kind's data has 单位.报告年度)."""
    unit = getattr(data, "单位", None)
    published = getattr(unit, "公开时间", None)
    year = getattr(unit, "报告年度", None)
    return published or (datetime.date(year, 12, 31) if year else None)


def layout_of(kind: Kind, data: Any, lines: dict, path: Path) -> Layout:
    """The layout the data file chooses; an unknown name is a data error on its line."""
    name, field = kind.layout_name(data)
    try:
        return resolve(kind.family, name)
    except TemplateError as e:
        raise DataError(e.message, file=str(path), field=".".join(field), line=line_of(field, lines)) from None


def facts_as_json(facts: Any) -> Any:
    """Facts as plain JSON values (Decimals as strings, exactly), for snapshots and `--facts`."""
    if dataclasses.is_dataclass(facts):
        return {f.name: facts_as_json(getattr(facts, f.name)) for f in dataclasses.fields(facts)}
    if isinstance(facts, dict):
        return {str(k): facts_as_json(v) for k, v in facts.items()}
    if isinstance(facts, (list, tuple)):
        return [facts_as_json(x) for x in facts]
    if isinstance(facts, Decimal):
        return str(facts)
    return facts
