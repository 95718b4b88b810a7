"""What a document kind provides to the shared run (reportgen.run): reading, checking, computing,
the template context, and the names of its outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from reportgen.core.findings import Finding
from reportgen.core.style import NumberStyle
from reportgen.layouts import Layout

Lines = dict  # field path → line (or workbook cell), as the loaders return it


@dataclass(frozen=True)
class Computed:
    """A kind's facts and the findings of its checks; `facts` is None when an error prevents them."""

    facts: Any
    findings: Sequence[Finding]


@dataclass(frozen=True)
class Kind:
    """One 文档类型: its template family (templates/<locale>/<family>/<layout>/) and its stages.

    - `read(path)` → (data, lines): the data file validated into the kind's model;
    - `layout_name(data)` → (name, field): the layout the data file chooses, and the field that says so;
    - `compute(data, style, layout, path)` → Computed: every check, and the facts when they can be had;
    - `context(data, facts, style, layout, path)` → the template context (the kind's typed context);
    - `title(data, facts, layout)` and `stem(data)`: the document's title and its output file name;
    - `tables_part`: the template whose tables are posted beside the document (`Document.tables`).
    """

    name: str
    family: str
    read: Callable[[Path], tuple[Any, Lines]]
    layout_name: Callable[[Any], tuple[str, tuple[str, ...]]]
    compute: Callable[[Any, NumberStyle, Layout, Path], Computed]
    context: Callable[[Any, Any, NumberStyle, Layout, Path], dict[str, Any]]
    title: Callable[[Any, Any, Layout], str]
    stem: Callable[[Any], str]
    tables_part: str = ""
