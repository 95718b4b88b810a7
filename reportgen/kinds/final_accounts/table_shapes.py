"""The grid of each of the 13 公开表, keyed by its standard title, in the order they print."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from reportgen.kinds.final_accounts import table_labels as L
from reportgen.document.nodes import Row
from reportgen.kinds.final_accounts.tables import (
    Builder, Cells, Layout, centre, head, is_empty, label, numbered, side_by_side, subject_body,
    subject_header,
)
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.table_facts import Rows

ZERO = Decimal(0)


def _subject_table(rows: Rows, groups: Sequence[tuple[str, Sequence[str]]], cells: Cells,
                   landscape: bool) -> Layout:
    width = sum(len(parts) or 1 for _, parts in groups)
    body = subject_body(rows, cells, width)
    widths = (3, 10) + (3,) * width
    return Layout(subject_header(groups), body, widths, landscape, is_empty(r.值 for r in rows))


def _lone(columns: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    return [(c, ()) for c in columns]


def _two_sided(left: Sequence[tuple[str, Sequence[Decimal]]], right: Sequence[tuple[str, Sequence[Decimal]]],
               right_width: int, cells: Cells) -> tuple[Row, ...]:
    """Two item lists with 行次: the left side numbered first, then the right; blank rows unnumbered."""
    n = max(len(left), len(right))
    line = 0

    def side(items: Sequence[tuple[str, Sequence[Decimal]]], width: int) -> list[Row]:
        nonlocal line
        out: list[Row] = []
        for i in range(n):
            if i < len(items) and items[i][0]:
                line += 1
                text, values = items[i]
                out.append((label(text), centre(str(line)), *cells.amounts(values)))
            else:
                out.append((label(""), centre(""), *(centre("") for _ in range(width))))
        return out

    left_rows = side(left, 1)
    right_rows = side(right, right_width)
    return side_by_side(left_rows, right_rows, 3, 2 + right_width)


def overview(f: FinalAccountsFacts, cells: Cells) -> Layout:
    """收入支出决算总表: the 8 income sources ‖ spending by 类, then totals and carry-over."""
    t = f.附表
    income = list(zip(numbered([p.名称 for p in f.收入构成]), [(p.金额,) for p in f.收入构成]))
    spending = list(zip(numbered([r.名称 for r in t.收入支出决算总表]), [r.值 for r in t.收入支出决算总表]))
    n = max(len(income), len(spending))
    income += [("", ())] * (n - len(income))
    spending += [("", ())] * (n - len(spending))
    figures = ((f.本年收入合计, f.本年支出合计), (t.使用非财政拨款结余, t.结余分配),
               (t.年初结转和结余, f.年末结转和结余), (f.收入总计, f.支出总计))
    for (left, right), (a, b) in zip(L.OVERVIEW_FOOTER, figures):
        income.append((left, (a,)))
        spending.append((right, (b,)))
    header = ((head(L.INCOME, 3), head(L.SPENDING, 3)),
              (head(L.PROJECT), head(L.LINE), head(L.AMOUNT), head(L.PROJECT), head(L.LINE), head(L.AMOUNT)))
    numbers = (centre(L.COLUMN_NUMBERS), centre(""), centre("1"), centre(L.COLUMN_NUMBERS), centre(""), centre("2"))
    body = (numbers, *_two_sided(income, spending, 1, cells))
    return Layout(header, body, (8, 2, 3, 8, 2, 3), True, f.收入总计 == 0 and f.支出总计 == 0)


def fiscal_overview(f: FinalAccountsFacts, cells: Cells) -> Layout:
    """财政拨款收入支出决算总表: income by fund ‖ spending by 类 and fund, then carry-over by fund."""
    t = f.附表
    funds = t.财政拨款
    income = list(zip(numbered(L.FUND_NAMES), [(x.收入,) for x in funds]))
    spending = list(zip(numbered([r.名称 for r in t.财政拨款收入支出决算总表]), [r.值 for r in t.财政拨款收入支出决算总表]))
    n = max(len(income), len(spending))
    income += [("", ())] * (n - len(income))
    spending += [("", ())] * (n - len(spending))

    def by_fund(attr: str) -> tuple[Decimal, ...]:
        values = tuple(getattr(x, attr) for x in funds)
        return (sum(values, ZERO), *values)

    opening = sum((x.年初 for x in funds), ZERO)
    income += [(L.FISCAL_INCOME_TOTAL, (sum((x.收入 for x in funds), ZERO),)), (L.FISCAL_OPENING, (opening,)),
               *((name, (x.年初,)) for name, x in zip(L.FUND_NAMES, funds)),
               (L.GRAND_TOTAL, (f.财政拨款收支总计,))]
    closing = by_fund("年末")
    spending += [(L.FISCAL_SPENDING_TOTAL, by_fund("支出")), (L.FISCAL_CLOSING, closing), ("", ()), ("", ()), ("", ()),
                 (L.GRAND_TOTAL, tuple(a + b for a, b in zip(by_fund("支出"), closing)))]
    header = ((head(L.INCOME, 3), head(L.SPENDING, 6)),
              (head(L.PROJECT), head(L.LINE), head(L.AMOUNT), head(L.PROJECT), head(L.LINE), head(L.TOTAL),
               *(head(name) for name in L.FUND_NAMES)))
    numbers = (centre(L.COLUMN_NUMBERS), centre(""), centre("1"), centre(L.COLUMN_NUMBERS), centre(""),
               *(centre(str(i)) for i in range(2, 6)))
    body = (numbers, *_two_sided(income, spending, 4, cells))
    return Layout(header, body, (7, 2, 3, 7, 2, 3, 3, 3, 3), True, f.财政拨款收支总计 == 0)


def _economic_detail(rows: Rows, cells: Cells) -> Layout:
    groups = [(L.TOTAL, ()), (L.BASIC, (L.SUBTOTAL, *L.BASIC_PARTS)), (L.PROJECT_SPENDING, ())]
    return _subject_table(rows, groups, cells, True)


def basic(f: FinalAccountsFacts, cells: Cells) -> Layout:
    """基本支出决算表: 人员经费 ‖ 公用经费 by 经济分类, each closed by its 合计."""
    t = f.附表.一般公共预算财政拨款基本支出决算表

    def block(rows: Rows) -> list[Row]:
        return [(label(r.编码), label(r.名称), *cells.amounts(r.值)) for r in rows[1:]]

    body = side_by_side(block(t.人员经费), block(t.公用经费), 3, 3)
    footer = (centre(L.PERSONNEL_TOTAL, 2), *cells.amounts(t.人员经费[0].值),
              centre(L.PUBLIC_TOTAL, 2), *cells.amounts(t.公用经费[0].值))
    header = ((head(L.PERSONNEL, 3), head(L.PUBLIC, 3)),
              (head(L.CODE), head(L.NAME), head(L.OUTTURN), head(L.CODE), head(L.NAME), head(L.OUTTURN)))
    empty = is_empty([t.人员经费[0].值, t.公用经费[0].值])
    return Layout(header, (*body, footer), (3, 7, 3, 3, 7, 3), False, empty)


def project(f: FinalAccountsFacts, cells: Cells) -> Layout:
    """项目支出决算表: 项目支出 by 经济分类, one block."""
    rows = f.附表.一般公共预算财政拨款项目支出决算表
    header = ((head(L.CODE), head(L.NAME), head(L.OUTTURN)),)
    return Layout(header, subject_body(rows, cells, 1), (3, 8, 4), False, is_empty(r.值 for r in rows))


def three_public(f: FinalAccountsFacts, cells: Cells) -> Layout:
    """“三公”经费支出决算表: 预算数 and 决算数, each in six columns, one row."""
    budget, actual = f.附表.三公经费支出决算表
    top = (head(L.BUDGET, 6), head(L.ACTUAL, 6))
    middle = (head(L.TOTAL, rowspan=2), head(L.ABROAD, rowspan=2), head(L.CARS, 3), head(L.RECEPTION, rowspan=2)) * 2
    bottom = (head(L.SUBTOTAL), *(head(p) for p in L.CAR_PARTS)) * 2
    numbers = tuple(centre(str(i)) for i in range(1, 13))
    body = (numbers, (*cells.amounts(budget), *cells.amounts(actual)))
    return Layout((top, middle, bottom), body, (2, 3, 2, 2, 2, 2) * 2, True, is_empty([budget, actual]))


LAYOUTS: dict[str, Builder] = {
    "收入支出决算总表": overview,
    "收入决算表": lambda f, c: _subject_table(f.附表.收入决算表, _lone(L.INCOME_COLUMNS), c, True),
    "支出决算表": lambda f, c: _subject_table(f.附表.支出决算表, _lone(L.SPENDING_COLUMNS), c, True),
    "财政拨款收入支出决算总表": fiscal_overview,
    "财政拨款支出决算明细表": lambda f, c: _economic_detail(f.附表.财政拨款支出决算明细表, c),
    "一般公共预算财政拨款支出决算表": lambda f, c: _subject_table(
        f.附表.一般公共预算财政拨款支出决算表, [(L.THIS_YEAR_SPENDING, (L.SUBTOTAL, *L.NATURE))], c, False),
    "一般公共预算财政拨款支出决算明细表": lambda f, c: _economic_detail(f.附表.一般公共预算财政拨款支出决算明细表, c),
    "一般公共预算财政拨款基本支出决算表": basic,
    "一般公共预算财政拨款项目支出决算表": project,
    "政府性基金预算财政拨款收入支出决算表": lambda f, c: _subject_table(
        f.附表.政府性基金预算财政拨款收入支出决算表, _fund_flow_groups(), c, True),
    "国有资本经营预算财政拨款收入支出决算表": lambda f, c: _subject_table(
        f.附表.国有资本经营预算财政拨款收入支出决算表, _fund_flow_groups(), c, True),
    "国有资本经营预算财政拨款支出决算表": lambda f, c: _subject_table(
        f.附表.国有资本经营预算财政拨款支出决算表, [(L.THIS_YEAR_SPENDING, (L.SUBTOTAL, *L.NATURE))], c, False),
    "财政拨款“三公”经费支出决算表": three_public,
}


def _fund_flow_groups() -> list[tuple[str, tuple[str, ...]]]:
    opening, income, spending, closing = L.FUND_FLOW
    return [(opening, ()), (income, ()), (spending, (L.SUBTOTAL, *L.NATURE)), (closing, ())]
