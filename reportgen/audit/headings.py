"""Defects of form any page can show, whole document or not: Word field codes left in the text
("PAGEREF _Toc25831 h"), and headings that lost characters ("三、出决算表" for 支出决算表)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.audit.claims import Where
from reportgen.audit.text import Cell

# The standard titles of a 部门决算's parts, sections and tables (财预〔2016〕143号 and the
# central template), without numbering or the unit's name.
STANDARD_TITLES = (
    "目录", "部门概况", "单位概况", "主要职责", "主要职能", "机构设置", "部门决算单位构成", "决算单位构成",
    "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明",
    "财政拨款“三公”经费支出决算情况说明", "政府性基金预算支出决算情况说明", "国有资本经营预算支出决算情况说明",
    "其他重要事项的情况说明", "机关运行经费支出情况", "政府采购支出情况", "国有资产占用情况", "名词解释",
    "附件", "附表", "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表",
    "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表",
    "财政拨款支出决算明细表",
)
_FIELD_CODE = re.compile(r"PAGEREF\s*_Toc\d+|HYPERLINK\s*(?:\\l|\")|\bTOC\s*\\[ohzu]|MERGEFIELD|_Toc\d{4,}")
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分[:：、\s]*|[一二三四五六七八九十]+[、.．]|表[一二三四五六七八九十\d]+[:：、\s]*"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))\s*"
)
_TAIL = re.compile(r"(?:PAGEREF.*|[\s.…·]*\d{1,3})$|[。．.]$")
_YEARS = re.compile(r"^(?:20\d\d\s*年度?)")
_QUOTES = re.compile(r"[“”\"‘’\s]")
_MAX_HEADING = 40
# Characters lost in conversion go at a title's start or end ("出决算表", "政拨款收入支出决算总表",
# "名词解"); a word missing inside one is a house variant ("其他重要事项情况说明", "收入决算总表"),
# and so is a title without its closing 说明 or its leading 收入/支出.
_OPTIONAL_ENDINGS = ("说明",)
_OPTIONAL_STARTS = ("收入", "支出")


@dataclass(frozen=True)
class Note:
    """A finding about the document's form rather than its figures (a hint, 提示)."""

    where: Where
    kind: str
    stated: str
    message: str
    offset: int = 0
    severity: str = "warning"


def field_code_notes(cells: list[Cell]) -> list[Note]:
    """One note for the field codes a document carries: where the first is, and how many."""
    hits = [(c, m) for c in cells for m in [_FIELD_CODE.search(c.text)] if m]
    if not hits:
        return []
    cell, m = hits[0]
    message = f"残留 Word 域代码 {len(hits)} 处（首处“{m.group(0)}”），目录或引用未转为文字"
    return [Note(Where(line=cell.line, row=cell.text[:200]), "field_code", m.group(0), message)]


def dropped_heading_notes(cells: list[Cell]) -> list[Note]:
    """Headings that are a standard title with one or two characters missing."""
    notes = []
    standard = {_plain(t): t for t in STANDARD_TITLES}
    for cell in cells:
        title = heading_title(cell.text)
        if title is None or title in standard or len(title) < 3:
            continue
        for plain, original in standard.items():
            if _dropped(title, plain):
                message = f"标题“{cell.text[:60]}”疑似漏字，标准标题为“{original}”"
                notes.append(Note(Where(line=cell.line, row=cell.text[:200]), "heading", title, message))
                break
    return notes


def heading_title(text: str) -> str | None:
    """The title of a heading line without its numbering, page reference or year; None when the
    line is no numbered heading."""
    if len(text) > _MAX_HEADING + 30 or not _NUMBERING.match(text):
        return None
    title = _TAIL.sub("", _NUMBERING.sub("", text, count=1).strip())
    title = _plain(_YEARS.sub("", _TAIL.sub("", title)))
    return title if 0 < len(title) <= _MAX_HEADING else None


def _plain(text: str) -> str:
    return _QUOTES.sub("", text)


def _dropped(title: str, standard: str) -> bool:
    """Whether `title` is `standard` with one or two characters lost at its start or end.

    >>> _dropped("出决算表", "支出决算表"), _dropped("名词解", "名词解释"), _dropped("支出决算总表", "收入支出决算总表")
    (True, True, False)
    """
    missing = len(standard) - len(title)
    if missing not in (1, 2):
        return False
    if standard.endswith(title):
        return standard[:missing] not in _OPTIONAL_STARTS
    if standard.startswith(title):
        return standard[-missing:] not in _OPTIONAL_ENDINGS
    return False
