"""The figures of each kind of 公开表, read off a sheet by labels, each with the cell it came from.

Four shapes cover the national nine and Sichuan's thirteen (and the 财决 tables built alike):
rows by 科目 (code in one column or three, 类|款|项), the two 收支总表 (two labelled lists side by
side with 行次), the 基本支出 table (人员经费 ‖ 公用经费 blocks) and the “三公” table (预算数 ‖
决算数, one row). Blank filler rows and 注 lines are skipped; a row the importer cannot place
is named by its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from reportgen.errors import DataError
from reportgen.workbook.publish_import.grid import (
    TOTAL_WORDS, Pattern, amount, code_text, find_header, is_note, item_label, match_columns, norm,
)
from reportgen.workbook.publish_import.sheets import Sheet

ZERO = Decimal(0)


@dataclass(frozen=True)
class Fig:
    """A figure as printed and the cell it was printed in (`公开05表!D12`)."""

    value: Decimal
    at: str


@dataclass
class SubjectRow:
    code: str  # "" for the 合计 row
    name: str
    values: dict[str, Fig]
    at: str  # the row's first cell


@dataclass
class SubjectTable:
    sheet: Sheet
    rows: list[SubjectRow]

    @property
    def total(self) -> SubjectRow | None:
        return next((r for r in self.rows if not r.code), None)

    def level(self, digits: int) -> list[SubjectRow]:
        return [r for r in self.rows if len(r.code) == digits]


def _p(*labels: str | tuple[str, ...]) -> Pattern:
    return tuple((x,) if isinstance(x, str) else x for x in labels)


_TOTAL = ("合计", "小计")
SUBJECT_COLUMNS: dict[str, dict[str, list[Pattern]]] = {
    "收入": {"本年收入合计": [_p("本年收入合计"), _p("合计"), _p("收入合计")],
             "财政拨款收入": [_p("财政拨款收入"), _p("财政拨款")],
             **{k: [_p(k)] for k in ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")}},
    "支出": {"本年支出合计": [_p("本年支出合计"), _p("合计"), _p("支出合计")],
             **{k: [_p(k)] for k in ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")}},
    "一般公共预算": {"合计": [_p("本年支出", _TOTAL), _p("本年支出合计"), _p("决算数", _TOTAL), _p(_TOTAL)],
                  "基本支出": [_p("基本支出")], "项目支出": [_p("项目支出")],
                  "预算数": [_p(("年初预算数", "预算数", "全年预算数", "调整预算数"))],
                  "年初结转和结余": [_p(("年初结转和结余", "年初财政拨款结转和结余"))],
                  "本年收入": [_p(("本年收入", "本年财政拨款收入"))],
                  "年末结转和结余": [_p(("年末结转和结余", "年末财政拨款结转和结余"))]},
    "资金收支": {"年初结转和结余": [_p(("年初结转和结余", "年初财政拨款结转和结余"))],
                "本年收入": [_p(("本年收入", "本年财政拨款收入"))],
                "合计": [_p(("本年支出", "本年财政拨款支出"), _TOTAL), _p(_TOTAL), _p("本年支出")],
                "基本支出": [_p("基本支出")], "项目支出": [_p("项目支出")],
                "年末结转和结余": [_p(("年末结转和结余", "年末财政拨款结转和结余"))]},
    "经济分类": {"合计": [_p("合计")], "基本支出": [_p("基本支出", _TOTAL), _p("基本支出")],
                "人员经费": [_p("人员经费")], "公用经费": [_p("公用经费")], "项目支出": [_p("项目支出")]},
    "项目支出经济分类": {"决算数": [_p(("决算数", "金额", "合计", "项目支出"))]},
}
SUBJECT_COLUMNS["国有资本经营"] = SUBJECT_COLUMNS["一般公共预算"]
OPTIONAL = ("预算数", "年初结转和结余", "本年收入", "年末结转和结余")
_CODE_LABELS = {"科目编码", "功能分类科目编码", "经济分类科目编码", "编码", "科目代码", "功能分类科目", "经济分类科目"}
_NAME_LABELS = {"科目名称", "项目", "名称", "功能分类科目名称", "经济分类科目名称"}
_PARTS = {"类": 3, "款": 2, "项": 2}


def read_subject(sheet: Sheet, columns: str) -> SubjectTable:
    """Rows by 科目: code (one column, or 类|款|项), name, and the figures of `columns`."""
    header = find_header(sheet)
    parts = [c for c, p in enumerate(header.paths) if p and p[-1] in _PARTS]
    codes = [c for c, p in enumerate(header.paths) if p and p[-1] in _CODE_LABELS]
    names = [c for c, p in enumerate(header.paths) if p and p[-1] in _NAME_LABELS and c not in codes]
    lead = set(parts + codes + names) | {c for c, p in enumerate(header.paths) if p and p[-1] == "行次"}
    if not (parts or codes or names):
        raise DataError("表头中找不到“科目编码”或“科目名称”栏", line=sheet.ref(header.first, 0))
    values = [c for c in range(len(header.paths)) if c not in lead and header.paths[c]]
    found = match_columns(sheet, header, SUBJECT_COLUMNS[columns], OPTIONAL, values)
    rows: list[SubjectRow] = []
    last_class = ""
    for r in range(header.data, len(sheet.rows)):
        texts = [sheet.text(r, c) for c in sorted(lead)]
        if any(is_note(t) for t in texts[:1]) or is_note(sheet.text(r, 0)):
            break
        if parts:
            pieces = [code_text(sheet.value(r, c), _PARTS[header.paths[c][-1]]) for c in parts]
            if pieces[0]:
                last_class = pieces[0]
            elif any(pieces):
                pieces[0] = last_class  # a 款 or 项 row that leaves its 类 to the row above
            code = "".join(pieces) if any(pieces[1:]) or pieces[0] else ""
        else:
            code = code_text(sheet.value(r, codes[0])) if codes else ""
        name = " ".join(t for c in names if (t := sheet.text(r, c)))
        if not code and (m := re.match(r"^(\d{3,7})\s*(.*)$", name)):
            code, name = m[1], m[2]
        label = norm(name) or norm(" ".join(texts))
        figures = {k: Fig(amount(sheet, r, c), sheet.ref(r, c)) for k, c in found.items()}
        if norm(code) in TOTAL_WORDS or not code and label in TOTAL_WORDS:
            rows.append(SubjectRow("", "合计", figures, sheet.ref(r, 0)))
        elif code:
            if not re.fullmatch(r"\d{3}|\d{5}|\d{7}", code):
                raise DataError(f"科目编码“{code}”应为 3、5 或 7 位数字", line=sheet.ref(r, (codes or parts or [0])[0]))
            rows.append(SubjectRow(code, name.strip(), figures, sheet.ref(r, 0)))
        elif any(f.value for f in figures.values()):
            raise DataError(f"这一行有金额，却没有科目编码（“{name or '空白'}”）", line=sheet.ref(r, 0))
    return SubjectTable(sheet, rows)


@dataclass
class TwoSided:
    """A 收支总表: each side's rows by label, in order, with their figures by column."""

    sheet: Sheet
    left: list[tuple[str, dict[str, Fig], str]] = field(default_factory=list)
    right: list[tuple[str, dict[str, Fig], str]] = field(default_factory=list)


_FUND_COLUMNS: dict[str, list[Pattern]] = {
    "合计": [_p(_TOTAL)], "一般公共预算": [_p(("一般公共预算财政拨款", "一般公共预算"))],
    "政府性基金预算": [_p(("政府性基金预算财政拨款", "政府性基金预算"))],
    "国有资本经营预算": [_p(("国有资本经营预算财政拨款", "国有资本经营预算"))],
}
_AMOUNT: dict[str, list[Pattern]] = {"金额": [_p(("金额", "决算数", "本年决算数", "合计"))]}


def read_two_sided(sheet: Sheet, by_fund: bool) -> TwoSided:
    """收入 ‖ 支出: label and 行次 columns on each side, then one amount (or four by fund) on the right."""
    header = find_header(sheet)
    items = [c for c, p in enumerate(header.paths) if p and p[-1] == "项目"]
    if len(items) < 2:
        raise DataError("表头中找不到收入、支出两侧的“项目”栏", line=sheet.ref(header.first, 0))
    lines = {c for c, p in enumerate(header.paths) if p and p[-1] == "行次"}
    left_cols = [c for c in range(items[0] + 1, items[1]) if c not in lines and header.paths[c]]
    right_cols = [c for c in range(items[1] + 1, len(header.paths)) if c not in lines and header.paths[c]]
    left = match_columns(sheet, header, _AMOUNT, columns=left_cols)
    right = match_columns(sheet, header, _FUND_COLUMNS if by_fund else _AMOUNT, columns=right_cols)
    out = TwoSided(sheet)
    for r in range(header.data, len(sheet.rows)):
        if is_note(sheet.text(r, 0)):
            break
        for side, col, found in ((out.left, items[0], left), (out.right, items[1], right)):
            label = item_label(sheet.text(r, col))
            figures = {k: Fig(amount(sheet, r, c), sheet.ref(r, c)) for k, c in found.items()}
            if label:
                side.append((label, figures, sheet.ref(r, col)))
            elif any(f.value for f in figures.values()):
                raise DataError("这一行有金额，却没有项目名称", line=sheet.ref(r, col))
    return out


@dataclass
class BasicTable:
    sheet: Sheet
    人员经费: list[SubjectRow] = field(default_factory=list)
    公用经费: list[SubjectRow] = field(default_factory=list)
    totals: dict[str, Fig] = field(default_factory=dict)


def read_basic(sheet: Sheet) -> BasicTable:
    """人员经费 ‖ 公用经费: blocks of 科目编码 | 科目名称 | 决算数, closed by “…合计” rows."""
    header = find_header(sheet)
    starts = [c for c, p in enumerate(header.paths) if p and p[-1] in _CODE_LABELS]
    if not starts:
        raise DataError("表头中找不到“科目编码”栏", line=sheet.ref(header.first, 0))
    blocks = []
    for i, c in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(header.paths)
        figure = [x for x in range(c + 1, end) if header.paths[x] and header.paths[x][-1] in ("决算数", "金额", "合计")]
        if not figure:
            raise DataError("表头中找不到“决算数”栏", line=sheet.ref(header.first, c))
        group = "人员经费" if "人员经费" in header.paths[c] else "公用经费"
        blocks.append((group, c, figure[0]))
    out = BasicTable(sheet)
    for r in range(header.data, len(sheet.rows)):
        if is_note(sheet.text(r, 0)):
            break
        for group, code_col, figure_col in blocks:
            code = code_text(sheet.value(r, code_col))
            texts = [norm(sheet.text(r, c)) for c in range(code_col, figure_col)]
            fig = Fig(amount(sheet, r, figure_col), sheet.ref(r, figure_col))
            total = next((t for t in texts if t.endswith("合计")), None)
            if total:
                out.totals[total.removesuffix("合计") or group] = fig
            elif code:
                if not re.fullmatch(r"\d{3}|\d{5}", code):
                    raise DataError(f"经济分类科目编码“{code}”应为 3 或 5 位数字", line=sheet.ref(r, code_col))
                grouped = "人员经费" if code[:3] in ("301", "303") else "公用经费"
                getattr(out, grouped).append(SubjectRow(code, sheet.text(r, code_col + 1), {"决算数": fig}, fig.at))
            elif fig.value:
                raise DataError("这一行有金额，却没有科目编码", line=sheet.ref(r, code_col))
    for group in ("人员经费", "公用经费"):
        if group not in out.totals:
            raise DataError(f"找不到“{group}合计”行", line=sheet.ref(header.data, 0))
    return out


THREE_PUBLIC = ("合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费")
_SIDES = {"预算数": ("预算数", "年初预算数", "全年预算数"), "决算数": ("决算数",)}
_THREE_COLUMNS: dict[str, list[Pattern]] = {
    "合计": [_p("合计")], "因公出国（境）费": [_p(("因公出国（境）费", "因公出国（境）费用"))],
    "公务用车购置及运行费": [_p("公务用车购置及运行费", _TOTAL), _p("公务用车购置及运行费")],
    "公务用车购置费": [_p("公务用车购置费")],
    "公务用车运行费": [_p(("公务用车运行费", "公务用车运行维护费"))], "公务接待费": [_p("公务接待费")],
}


def read_three_public(sheet: Sheet) -> dict[str, dict[str, Fig]]:
    """预算数 and 决算数, six figures each, from the one row of figures under the header."""
    header = find_header(sheet)
    row = next((r for r in range(header.data, len(sheet.rows))
                if any(sheet.value(r, c) is not None for c in range(len(sheet.rows[r])))
                and not is_note(sheet.text(r, 0))), None)
    out = {}
    for side, labels in _SIDES.items():
        cols = [c for c, p in enumerate(header.paths) if p and p[0] in labels]
        if not cols:
            raise DataError(f"表头中找不到“{side}”栏", line=sheet.ref(header.first, 0))
        found = match_columns(sheet, header, _THREE_COLUMNS, columns=cols)
        out[side] = {k: Fig(amount(sheet, row, c) if row is not None else ZERO, sheet.ref(row or header.data, c))
                     for k, c in found.items()}
    return out


def sides(table: TwoSided) -> tuple[Sequence, Sequence]:
    return table.left, table.right
