"""Completeness of a whole 部门决算, as inspectors check it (inspection-checklist.md P03, P06–P08,
P12–P15), and the publication date against the 批复.

A page of a document is not a document: the completeness checks run only on a text that claims
to be a whole 部门/单位决算 — its title names one, it is long, and its 名词解释 (the last part)
is there with text after it. A fragment is never told it lacks tables it simply does not reach.
"""

from __future__ import annotations

import re
from datetime import date

from reportgen.audit.claims import Where
from reportgen.audit.headings import Note
from reportgen.audit.text import Block, Cell

_TITLE = re.compile(r"20\d\d\s*年度?.{0,40}?(?:部门|单位)决算|(?:部门|单位)决算.{0,10}?20\d\d")
_TITLE_CELLS = 12
_WHOLE_CHARS = 8000
_GLOSSARY = re.compile(r"名词解释")
_AFTER_GLOSSARY = 200  # characters of text a real 名词解释 part holds
# The nine tables of 财预〔2016〕143号 as key phrases (titles vary by province around them).
_TABLES = (
    ("收入支出决算总表", r"收入支出决算(?:总)?表"),
    ("收入决算表", r"收入决算(?:总)?表"),
    ("支出决算表", r"(?<![入款本费])支出决算(?:总|明细)?表"),
    ("财政拨款收入支出决算总表", r"财政拨款收入支出决算(?:总)?表"),
    ("一般公共预算财政拨款支出决算表", r"一般公共预算财政拨款(?:收入)?支出决算(?:明细)?表"),
    ("一般公共预算财政拨款基本支出决算表", r"基本支出决算(?:明细)?表"),
    ("政府性基金预算财政拨款收入支出决算表", r"政府性基金预算财政拨款(?:收入)?支出决算表"),
    ("国有资本经营预算财政拨款支出决算表", r"国有资本经营预算财政拨款(?:收入)?支出决算表"),
    ("财政拨款“三公”经费支出决算表", r"三公.{0,12}?(?:决算|情况)表"),
)
_FIRST_YEAR_OF_NINE = 2017  # the 国有资本经营 table joined the set for the 2017 accounts
_SECTIONS = (
    ("机关运行经费", r"机关运行经费|行政经费"),
    ("政府采购", r"政府采购"),
    ("国有资产占用", r"国有资产|资产占用|车辆\d|公务用车\d"),
    ("绩效", r"绩效"),
)
# Tables a unit often has nothing to put in: printed empty, they need a note saying so (P07).
_OFTEN_EMPTY = (("政府性基金预算财政拨款收入支出决算表", r"政府性基金预算财政拨款(?:收入)?支出决算表"),
                ("国有资本经营预算财政拨款支出决算表", r"国有资本经营预算财政拨款(?:收入)?支出决算表"))
_TABLE_BODY = re.compile(r"栏次|行次|金额单位|单位[:：]\s*万?元|合计")
_FIGURE_CELL = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
_EMPTY_NOTE = re.compile(
    r"(?:无|没有|未发生|不涉及|未安排)[^。；]{0,24}(?:政府性基金|国有资本)|本表(?:无数据|为空)|空表"
    r"|(?:政府性基金|国有资本经营)[^。；]{0,24}?(?:为|是)?\s*0(?:\.0+)?\s*万?元"
)
_TABLE_STRETCH = 120  # cells after a table's title that may belong to it
_SANGONG_ITEMS = (("因公出国（境）费", r"出国"), ("公务用车购置及运行维护费", r"公务用车"), ("公务接待费", r"接待"))
_DATE = r"(20\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
# The date of the 批复: the last date before the word (no other date between), or the first after.
_APPROVED = re.compile(rf"{_DATE}(?:(?!20\d\d\s*年)[^。；\n]){{0,40}}?批复|批复[^。；\n]{{0,30}}?{_DATE}")
_PUBLISHED = re.compile(rf"(?:公开日期|公开时间|发布日期|发布时间|公开于)[:：\s]*{_DATE}")
_DAYS_ALLOWED = 20


def layout_notes(blocks: list[Block], cells: list[Cell], year: int | None) -> list[Note]:
    notes = _timeliness(blocks)
    if not is_whole(blocks, cells):
        return notes
    text = "\n".join(b.text for b in blocks)
    where = Where(line=cells[0].line, row=cells[0].text[:200])
    for title, pattern in _TABLES:
        if year is not None and year < _FIRST_YEAR_OF_NINE and "国有资本" in title:
            continue
        if not re.search(pattern, text):
            notes.append(Note(where, "table_missing", title, f"未见“{title}”（部门决算应公开的 9 张表之一）"))
    for name, pattern in _SECTIONS:
        if not re.search(pattern, text):
            notes.append(Note(where, "section_missing", name, f"未见{name}情况的说明（财预〔2016〕143号要求公开）"))
    notes += _empty_tables(cells, text, where)
    if "三公" in text:
        missing = [name for name, pattern in _SANGONG_ITEMS if not re.search(pattern, text)]
        if missing:
            notes.append(Note(where, "sangong_items", "三公", f"“三公”经费未分项说明：未见{'、'.join(missing)}"))
    return notes


def _empty_tables(cells: list[Cell], text: str, where: Where) -> list[Note]:
    """A table printed with a body but no figure other than zero, and no note saying why."""
    notes = []
    titles = [re.compile(p) for _, p in _TABLES]
    for name, pattern in _OFTEN_EMPTY:
        found = [i for i, c in enumerate(cells) if re.search(pattern, c.text)]
        if not found:
            continue
        stretch = []
        for cell in cells[found[-1] + 1 : found[-1] + 1 + _TABLE_STRETCH]:
            if any(t.search(cell.text) for t in titles):
                break
            stretch.append(cell.text)
        # Column and row numbers (栏次 1, 2…) are not figures: a figure has decimals or three digits.
        nonzero = any(_FIGURE_CELL.match(t) and re.search(r"[1-9]", t) and ("." in t or len(t) >= 3) for t in stretch)
        body = _TABLE_BODY.search("".join(stretch))
        if body is None or nonzero or _EMPTY_NOTE.search(text):
            continue
        notes.append(Note(where, "empty_table", name, f"“{name}”无数据，但未说明本单位无此项收支（空表应附说明）"))
    return notes


def is_whole(blocks: list[Block], cells: list[Cell]) -> bool:
    """Whether the text is a whole 部门/单位决算 rather than a page or an extract of one."""
    if not any(_TITLE.search(c.text) for c in cells[:_TITLE_CELLS]):
        return False
    text = "".join(b.text for b in blocks)
    if len(text) < _WHOLE_CHARS:
        return False
    last = None
    for last in _GLOSSARY.finditer(text):
        pass
    return last is not None and len(text) - last.end() >= _AFTER_GLOSSARY


def _timeliness(blocks: list[Block]) -> list[Note]:
    """公开 more than 20 days after the 批复, where the document prints both dates."""
    approved = published = None
    for block in blocks:
        approved = approved or _first_date(_APPROVED, block)
        published = published or _first_date(_PUBLISHED, block)
    if approved is None or published is None:
        return []
    (a_day, _, _), (p_day, p_block, offset) = approved, published
    days = (p_day - a_day).days
    if days <= _DAYS_ALLOWED:
        return []
    message = f"批复日期 {a_day:%Y-%m-%d}，公开日期 {p_day:%Y-%m-%d}，相隔 {days} 天，超过批复后 {_DAYS_ALLOWED} 日内公开的要求"
    return [Note(Where(p_block), "late_publication", f"{p_day:%Y-%m-%d}", message, offset)]


def _first_date(pattern: re.Pattern, block: Block):
    for m in pattern.finditer(block.text):
        numbers = [g for g in m.groups() if g is not None]
        try:
            return date(int(numbers[0]), int(numbers[1]), int(numbers[2])), block, m.start()
        except (ValueError, IndexError):
            continue
    return None
