"""The shapes a 公开表 can take, each a function (description, facts, cells) → Grid.

`科目` is the general one: rows by 功能分类 (or 经济分类) from a named row source, columns chosen
and headed by the layout's description. The others are the 财政部 forms whose grid is fixed:
the two 收支总表 (two item lists side by side, with 行次), the 基本支出 table (人员经费 ‖ 公用经费)
and the “三公” table (预算数 ‖ 决算数, one row). Labels a layout may reword come from the
description's `标签`; the defaults are the 财政部 forms' own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping, Sequence

from reportgen.document.nodes import Row
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.table_facts import BY_FUND, THREE_PUBLIC, Rows, class_rows
from reportgen.kinds.final_accounts.table_grid import (
    CODE, NAME, TOTAL, Cells, Grid, Shape, centre, columns_of, head, is_empty, label, leaves, numbered,
    side_by_side, subject_body, subject_header,
)

ZERO = Decimal(0)
INCOME, SPENDING, LINE, AMOUNT, COLUMN_NUMBERS = "收入", "支出", "行次", "金额", "栏次"

#: 收入支出决算总表: the rows under the two sides' lists, (收入 label, 支出 label).
OVERVIEW_FOOTER = (("本年收入合计", "本年支出合计"), ("使用非财政拨款结余", "结余分配"),
                   ("年初结转和结余", "年末结转和结余"), ("总计", "总计"))


def subject(spec: Mapping[str, Any], f: FinalAccountsFacts, cells: Cells) -> Grid:
    """Rows by 科目 from the row source `行`, the columns `列` by name, 栏次 and 合计 rows."""
    try:
        rows = f.附表.rows(spec["行"])
    except KeyError:
        raise TemplateError(f"表的行“{spec.get('行')}”不存在") from None
    columns = columns_of(spec.get("列", ()))
    values = leaves(columns)
    known = rows[0].值 if rows else {}
    missing = [c.value for c in values if c.value not in known]
    if missing:
        raise TemplateError(f"表的行“{spec['行']}”没有列：{'、'.join(missing)}（可选：{'、'.join(known)}）")
    header = subject_header(columns, project=spec.get("项目栏", True))
    widths = tuple(spec.get("宽度") or (3, 10) + (3,) * len(values))
    empty = is_empty({c.value: r.值[c.value] for c in values} for r in rows)
    return Grid(header, subject_body(rows, values, cells), widths, bool(spec.get("横向", False)), empty)


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


def _padded(a: list, b: list) -> None:
    n = max(len(a), len(b))
    a += [("", ())] * (n - len(a))
    b += [("", ())] * (n - len(b))


def overview(spec: Mapping[str, Any], f: FinalAccountsFacts, cells: Cells) -> Grid:
    """收入支出决算总表: the 8 income sources ‖ spending by 类, then totals and carry-over."""
    t = f.附表
    classes = class_rows(t.支出)
    income = list(zip(numbered([p.名称 for p in f.收入构成]), [(p.金额,) for p in f.收入构成]))
    spending = list(zip(numbered([r.名称 for r in classes]), [(r.值["本年支出合计"],) for r in classes]))
    _padded(income, spending)
    figures = ((f.本年收入合计, f.本年支出合计), (t.使用非财政拨款结余, t.结余分配),
               (t.年初结转和结余, f.年末结转和结余), (f.收入总计, f.支出总计))
    for (left, right), (a, b) in zip(OVERVIEW_FOOTER, figures):
        income.append((left, (a,)))
        spending.append((right, (b,)))
    header = ((head(INCOME, 3), head(SPENDING, 3)),
              (head("项目"), head(LINE), head(AMOUNT), head("项目"), head(LINE), head(AMOUNT)))
    numbers = (centre(COLUMN_NUMBERS), centre(""), centre("1"), centre(COLUMN_NUMBERS), centre(""), centre("2"))
    body = (numbers, *_two_sided(income, spending, 1, cells))
    return Grid(header, body, (8, 2, 3, 8, 2, 3), True, f.收入总计 == 0 and f.支出总计 == 0)


def fiscal_overview(spec: Mapping[str, Any], f: FinalAccountsFacts, cells: Cells) -> Grid:
    """财政拨款收入支出决算总表: income by fund ‖ spending by 类 and fund, then carry-over by fund."""
    t = f.附表
    funds = t.财政拨款
    fund_names = BY_FUND[1:]
    classes = class_rows(t.财政拨款支出)
    income = list(zip(numbered(fund_names), [(x.收入,) for x in funds]))
    spending = list(zip(numbered([r.名称 for r in classes]), [tuple(r.值[c] for c in BY_FUND) for r in classes]))
    _padded(income, spending)

    def by_fund(attr: str) -> tuple[Decimal, ...]:
        values = tuple(getattr(x, attr) for x in funds)
        return (sum(values, ZERO), *values)

    opening = sum((x.年初 for x in funds), ZERO)
    income += [("本年收入合计", (sum((x.收入 for x in funds), ZERO),)), ("年初财政拨款结转和结余", (opening,)),
               *((name, (x.年初,)) for name, x in zip(fund_names, funds)), ("总计", (f.财政拨款收支总计,))]
    closing = by_fund("年末")
    spending += [("本年支出合计", by_fund("支出")), ("年末财政拨款结转和结余", closing), ("", ()), ("", ()), ("", ()),
                 ("总计", tuple(a + b for a, b in zip(by_fund("支出"), closing)))]
    header = ((head(INCOME, 3), head(SPENDING, 6)),
              (head("项目"), head(LINE), head(AMOUNT), head("项目"), head(LINE), head(TOTAL),
               *(head(name) for name in fund_names)))
    numbers = (centre(COLUMN_NUMBERS), centre(""), centre("1"), centre(COLUMN_NUMBERS), centre(""),
               *(centre(str(i)) for i in range(2, 6)))
    body = (numbers, *_two_sided(income, spending, 4, cells))
    return Grid(header, body, (7, 2, 3, 7, 2, 3, 3, 3, 3), True, f.财政拨款收支总计 == 0)


def basic(spec: Mapping[str, Any], f: FinalAccountsFacts, cells: Cells) -> Grid:
    """基本支出决算表: 人员经费 ‖ 公用经费 by 经济分类, each closed by its 合计."""
    t = f.附表.一般公共预算财政拨款基本支出

    def block(rows: Rows) -> list[Row]:
        return [(label(r.编码), label(r.名称), cells.amount(r.值["决算数"])) for r in rows[1:]]

    body = side_by_side(block(t.人员经费), block(t.公用经费), 3, 3)
    footer = (centre("人员经费合计", 2), cells.amount(t.人员经费[0].值["决算数"]),
              centre("公用经费合计", 2), cells.amount(t.公用经费[0].值["决算数"]))
    header = ((head("人员经费", 3), head("公用经费", 3)),
              (head(CODE), head(NAME), head("决算数"), head(CODE), head(NAME), head("决算数")))
    empty = is_empty([t.人员经费[0].值, t.公用经费[0].值])
    return Grid(header, (*body, footer), (3, 7, 3, 3, 7, 3), False, empty)


def three_public(spec: Mapping[str, Any], f: FinalAccountsFacts, cells: Cells) -> Grid:
    """“三公”经费支出决算表: 预算数 and 决算数, each in six columns, one row."""
    budget, actual = f.附表.三公经费预算, f.附表.三公经费决算
    top = (head("预算数", 6), head("决算数", 6))
    total, abroad, cars, purchase, running, reception = THREE_PUBLIC
    middle = (head(total, rowspan=2), head(abroad, rowspan=2), head(cars, 3), head(reception, rowspan=2)) * 2
    bottom = (head("小计"), head(purchase), head(running)) * 2
    numbers = tuple(centre(str(i)) for i in range(1, 13))
    order = (total, abroad, cars, purchase, running, reception)
    body = (numbers, (*cells.amounts(budget[c] for c in order), *cells.amounts(actual[c] for c in order)))
    return Grid((top, middle, bottom), body, (2, 3, 2, 2, 2, 2) * 2, True, is_empty([budget, actual]))


SHAPES: dict[str, Shape] = {
    "科目": subject,
    "收支总表": overview,
    "财政拨款收支总表": fiscal_overview,
    "基本支出": basic,
    "三公": three_public,
}
