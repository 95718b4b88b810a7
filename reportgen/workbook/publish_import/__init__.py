"""Import the workbooks officers already have: the 公开表 (公开01–09表, Sichuan's 13, Beijing's C…)
and the 财决 tables the 决算 software exports, as .xls or .xlsx, into a 决算 data file.

`import_workbook` reads the tables (sheets.py → titles.py → forms.py → collect.py), checks the
identities they imply (identities.py), turns them into a data file with the source cell of every
figure and “待填” on every field the tables cannot hold (assemble.py, yamlout.py), or writes the
figures into an existing data file (merge.py). Nothing is written when a check fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.core.yamlfile import parse_yaml
from reportgen.errors import DataError, DataErrors
from reportgen.workbook.publish_import.assemble import assemble
from reportgen.workbook.publish_import.draft import Draft
from reportgen.workbook.publish_import.collect import read_book
from reportgen.workbook.publish_import.identities import check
from reportgen.workbook.publish_import.merge import merge_into
from reportgen.workbook.publish_import.yamlout import draft_text

SUFFIXES = (".xls", ".xlsx", ".xlsm")


@dataclass(frozen=True)
class Imported:
    """The data file's text, the fields still to fill (补录 checklist) and notes (rounding …)."""

    text: str
    checklist: tuple[str, ...]
    notes: tuple[str, ...]


def import_workbook(workbook: Path, into: Path | None = None, output_name: str = "DATA.yaml") -> Imported:
    if workbook.suffix.lower() not in SUFFIXES:
        raise DataError("只能导入 Excel 工作簿（.xls、.xlsx）", file=str(workbook))
    tables = read_book(workbook)
    report = check(tables)
    if report.errors:
        raise DataErrors([DataError(f"合计与各项不符：{text}", file=str(workbook), line=at) for at, text in report.errors])
    draft = assemble(tables)
    notes = [f"{at}: 差额在万元表逐格四舍五入的范围内，已接受：{text}" for at, text in report.notes]
    if into is not None:
        text, more = merge_into(into, draft)
        notes += more
    else:
        header = (f"由 reportgen import 从 {workbook.name} 导入（{len(tables.tables)} 张表）。\n"
                  "每个数字后的注释是它所在的单元格；标有“待填”的字段公开表中没有，请补录后运行 reportgen check。")
        text = draft_text(draft, header)
    return Imported(text, tuple(checklist(text, draft, output_name)), tuple(notes))


def checklist(text: str, draft: Draft, name: str) -> list[str]:
    """The 补录 list: every empty field of the written file (null, or a reason still ""), grouped
    by what it asks for, each group with the line of its first field."""
    data, lines = parse_yaml(text, name)
    why_of = {_wild(p): why for p, why in draft.todo.items()}
    groups: dict[str, list[tuple[int, str]]] = {}
    found = list(_nulls(data, ()))
    for path, why in draft.todo.items():  # reasons left "", carry-over by 项 asked for a whole list
        value = _get(data, path, missing=0)
        if not any(isinstance(p, int) for p in path) and (value == "" or isinstance(value, list)):
            found.append(path)
    for path in found:
        why = why_of.get(_wild(path), "待填")
        groups.setdefault(why, []).append((lines.get(path, 0), _dotted(path)))
    out = []
    for why, items in sorted(groups.items(), key=lambda kv: min(kv[1])):
        items.sort()
        fields = "、".join(f for _, f in items[:3]) + (f" 等 {len(items)} 处" if len(items) > 3 else "")
        out.append(f"{name}:{items[0][0]}: {why}（{fields}）")
    return out


def _wild(path: tuple) -> tuple:
    return tuple("*" if isinstance(p, int) else p for p in path)


def _nulls(value: Any, path: tuple):
    if value is None:
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _nulls(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nulls(v, path + (i,))


def _get(data: Any, path: tuple, missing: Any = None) -> Any:
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return missing
    return data


def _dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else ("." if out else "") + str(p)
    return out
