"""The shared run of every document kind: load → check → facts → templates → Document.

Each stage's output can be snapshotted; the command line only adds reading arguments and
writing files. A kind (reportgen.kinds) supplies the stages that differ; the layout
(reportgen.layouts) supplies templates, numbering and style defaults.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from reportgen import kinds
from reportgen.core.findings import Located, locate
from reportgen.core.loader import line_of
from reportgen.core.style import NumberStyle, effective_style
from reportgen.document.nodes import Document
from reportgen.errors import DataError, DataErrors, TemplateError
from reportgen.kinds.kind import Kind
from reportgen.layouts import Layout, resolve
from reportgen.templating import render


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


def check(path: Path) -> Checked:
    """Load a data file and run every check; only unreadable or invalid data raises (DataErrors)."""
    kind = kinds.kind_for(path)
    data, lines = kind.read(path)
    layout = layout_of(kind, data, lines, path)
    try:
        style = effective_style(layout.style, data.样式)
    except ValueError as e:  # a layout's own defaults are wrong: the maintainer's error, not the user's
        raise TemplateError(f"版式“{layout.name}”的样式默认值有误：{e}") from None
    computed = kind.compute(data, style, layout, path)
    located = locate(computed.findings, lines, path, data.金额单位)
    return Checked(kind, path, data, lines, layout, style, computed.facts, tuple(located))


def findings(path: Path) -> list[Located]:
    """Every finding of a data file (for `reportgen check`)."""
    return list(check(path).findings)


def build(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """Build the document a data file describes; its 文档类型 chooses the kind, its 版式 the layout."""
    checked = check(path)
    if checked.errors or checked.facts is None:
        raise DataErrors(checked.errors)
    kind, data, facts = checked.kind, checked.data, checked.facts
    context = kind.context(data, facts, checked.style, checked.layout, path)
    folders = [*overrides, *template_dirs(path, getattr(data, "模板目录", ()))]
    document = render(checked.layout, context, folders, title=kind.title(data, facts, checked.layout))
    document = dataclasses.replace(document, date=document_date(data))
    return Built(path, kind.stem(data), data, facts, checked.findings, document, checked.layout)


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


def template_dirs(path: Path, names: Sequence[str]) -> list[Path]:
    """The data file's own template folders, relative to the file; each must exist."""
    dirs = [(path.parent / n).resolve() for n in names]
    for n, d in zip(names, dirs):
        if not d.is_dir():
            raise DataError(f"模板目录不存在：{d}", file=str(path), field="模板目录")
    return dirs


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
