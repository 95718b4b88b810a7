"""Which table a sheet holds, told by its title (in a cell above the table, else the sheet's name).

Table numbers differ between sets (公开05表 is the 一般公共预算 table of the 中央 nine and the
财政拨款支出明细表 of Sichuan's thirteen), so the number only names the sheet in messages; the
title decides. Titles are compared without spaces, year, brackets around 明细 or a trailing
"(财决01表)"; a sheet name cut at Excel's 31 characters matches the one title it begins.
"""

from __future__ import annotations

import re

from reportgen.workbook.publish_import.grid import norm
from reportgen.workbook.publish_import.sheets import Sheet

#: Standard title → the kind of table (what the importer reads from it).
TITLES: dict[str, str] = {
    "收入支出决算总表": "收支总表",
    "收入决算表": "收入",
    "支出决算表": "支出",
    "财政拨款收入支出决算总表": "财政拨款收支总表",
    "财政拨款支出决算明细表": "财政拨款经济分类",
    "一般公共预算财政拨款支出决算表": "一般公共预算",
    "一般公共预算财政拨款收入支出决算表": "一般公共预算",  # 财决07
    "一般公共预算财政拨款支出决算明细表": "一般公共预算经济分类",
    "一般公共预算财政拨款基本支出决算表": "基本支出",
    "一般公共预算财政拨款基本支出决算明细表": "基本支出",
    "一般公共预算财政拨款项目支出决算表": "项目支出经济分类",
    "政府性基金预算财政拨款收入支出决算表": "政府性基金",
    "国有资本经营预算财政拨款收入支出决算表": "国有资本经营收支",
    "国有资本经营预算财政拨款支出决算表": "国有资本经营",
    "财政拨款“三公”经费支出决算表": "三公",
    "一般公共预算财政拨款“三公”经费支出决算表": "三公",
}
#: What each kind is called in messages.
NAMES = {kind: title for title, kind in reversed(list(TITLES.items()))}
_CODE = re.compile(r"^(公开\d+表?|[A-Z]{1,2}\d{2}(_\d)?|附?表\d+|\d+[、.．])")


def clean_title(text: str) -> str:
    """A title as compared: "2023年度一般公共预算财政拨款基本支出决算(明细)表(财决08-1表)" → the
    standard title.

    >>> clean_title("2023年度一般公共预算财政拨款基本支出决算(明细)表(财决08-1表)")
    '一般公共预算财政拨款基本支出决算明细表'
    >>> clean_title("公开09表 财政拨款\\"三公\\"经费支出决算表")
    '财政拨款“三公”经费支出决算表'
    """
    t = norm(text).replace("（明细）", "明细")
    t = re.sub(r"（[^）]*(财决|公开|附)[^）]*）", "", t)
    t = _CODE.sub("", t)
    return re.sub(r"^\d{4}年度?", "", t)


def kind_of(sheet: Sheet) -> tuple[str, str] | None:
    """(kind, title) of the table on `sheet`, or None when it holds none we read."""
    for r in range(min(len(sheet.rows), 6)):
        for c in range(len(sheet.rows[r])):
            title = clean_title(sheet.text(r, c))
            if title in TITLES:
                return TITLES[title], title
    name = clean_title(sheet.name)
    if name in TITLES:
        return TITLES[name], name
    if len(name) >= 8:  # a name cut at 31 characters: the one title it begins
        begun = [t for t in TITLES if t.startswith(name)]
        if len({TITLES[t] for t in begun}) == 1:
            return TITLES[begun[0]], begun[0]
    return None
