"""The blocks of a 通用 自评表, each a list of rows over the form's grid.

The grid is the indicator block's: a side label column, then one column per 指标列 (三级指标
widened when the funds block needs more). Other blocks share those columns out: a label over
the first three, values over the rest (the 财政部 form's 9 columns, 四川 0013zp's 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Optional, Sequence

from reportgen.document.nodes import Cell, Row
from reportgen.kinds.performance.facts import Scores
from reportgen.kinds.performance.forms.cells import Printer, c, points, spans
from reportgen.kinds.performance.forms.spec import FormSpec, FundRowSpec
from reportgen.kinds.performance.model import FirstLevel, FundRow, Indicator

LABEL_SPAN = 3  # 项目名称, 主管部门, 评价结论 …: over the side, 一级 and 二级 columns


@dataclass(frozen=True)
class Form:
    """One form being built: its layout description, printer, data (figures filled), scores."""

    kind: str  # 项目 or 部门整体
    spec: FormSpec
    p: Printer
    data: Any  # a Project or a DepartmentEvaluation
    s: Scores
    unit: str
    n: int  # grid columns
    extra: int  # columns the 三级指标 cell spans beyond its own

    def prompt(self, text: str, key: str) -> str:
        """An empty narrative cell: the form's own prompt where the layout prints it."""
        return text or (self.p.label(key) if self.spec.提示语 else "")


def project_header(f: Form) -> list[Row]:
    p, L = f.data, f.p.label
    name = L("项目名称格式", 名称=p.名称, 编码=p.编码) if p.编码 else p.名称
    rest = spans(f.n - LABEL_SPAN, 3)
    return [(c(L("项目名称"), LABEL_SPAN), c(name, f.n - LABEL_SPAN, align="left")),
            (c(L("主管部门"), LABEL_SPAN), c(p.主管部门, rest[0]), c(L("实施单位"), rest[1]), c(p.实施单位, rest[2]))]


def department_header(f: Form) -> list[Row]:
    return [(c(f.p.label("部门"), LABEL_SPAN), c(f.unit, f.n - LABEL_SPAN, align="left"))]


def basics(f: Form) -> list[Row]:
    """项目基本情况 (四川 0013zp): the year's target beside its outcome, then what was done."""
    L, g = f.p.label, f.data.年度总体目标
    lead = 2
    halves = spans(f.n - 1 - lead, 2)
    return [
        (c(L("基本情况"), rowspan=3), c(L("目标完成情况标题"), lead, rowspan=2), c(L("项目年度目标"), halves[0]),
         c(L("年度目标完成情况"), halves[1])),
        (c(g.预期目标, halves[0], align="left"), c(f.prompt(g.实际完成情况, "完成情况提示"), halves[1], align="left")),
        (c(L("实施概述"), lead), c(getattr(f.data, "实施概述", ""), sum(halves), align="left")),
    ]


def goals(f: Form) -> list[Row]:
    L, g = f.p.label, f.data.年度总体目标
    halves = spans(f.n - 1, 2)
    return [(c(L("目标"), rowspan=2), c(L("预期目标"), halves[0]), c(L("实际完成情况"), halves[1])),
            (c(g.预期目标, halves[0], align="left"),
             c(f.prompt(g.实际完成情况, "完成情况提示"), halves[1], align="left"))]


def funds(f: Form) -> list[Row]:
    """年度资金总额 and its 其中 rows (or, 湖南 部门整体, the split by source and by nature)."""
    spec, p, money = f.spec, f.p, f.p.money
    fund = f.data.资金
    columns = spec.资金列
    label_span, widths = fund_spans(f.n, columns)
    if spec.按性质:
        lines = _by_nature(f, f.n - 1)
    else:
        lines = [_part_row(f, i == 0, *part, label_span, widths) for i, part in enumerate(_parts(f))]
    side = p.label("项目资金" if f.kind == "项目" else "部门资金", 分值=points(fund.分值))
    head = (c(side, rowspan=2 + len(lines)), c(p.label("资金表头"), label_span),
            *(c(p.label(col), widths[col]) for col in columns))
    scored = f.s.已评分 or fund.得分调整 is not None
    total = {"年初预算数": money(fund.年初预算数), "全年预算数": money(fund.全年预算数),
             "全年执行数": money(fund.全年执行数), "资金分值": points(fund.分值), "执行率": p.rate(f.s.执行率),
             "资金得分": points(f.s.预算执行得分) if scored else "", "原因": fund.原因 or p.label("原因说明")}
    first = [c(p.label("年度资金总额"), label_span)]
    for col in columns:
        span = 1 + (len(lines) if col == "原因" and not spec.按性质 else 0)
        first.append(c(total[col], widths[col], rowspan=span, align="left" if col == "原因" else "center"))
    return [head, tuple(first), *lines]


def fund_spans(n: int, columns: Sequence[str]) -> tuple[int, dict[str, int]]:
    """How the funds block shares an n-column grid: the row labels over up to three columns
    after the side label, the values over the rest.

    >>> fund_spans(9, ["a", "b", "c", "d", "e", "f"])
    (2, {'a': 1, 'b': 1, 'c': 1, 'd': 1, 'e': 1, 'f': 1})
    """
    label = min(LABEL_SPAN, n - 1 - len(columns))
    return label, dict(zip(columns, spans(n - 1 - label, len(columns))))


def _parts(f: Form) -> list[tuple[str, Optional[FundRow], Optional[Decimal]]]:
    """The 其中 rows to print: the layout's, in its order and wording, each with the data file's
    row of that name (or alias); then any row the data file names that the layout does not."""
    rows = list(f.data.资金.其中)
    rates = dict(zip(map(id, rows), f.s.其中执行率))
    out: list[tuple[str, Optional[FundRow], Optional[Decimal]]] = []
    used: set[int] = set()
    for spec_row in f.spec.资金行:
        row = next((r for r in rows if id(r) not in used and spec_row.matches(r.名称)), None)
        if row is not None:
            used.add(id(row))
        out.append((spec_row.名称, row, rates.get(id(row)) if row else None))
    out += [(r.名称, r, rates[id(r)]) for r in rows if id(r) not in used]
    return out


def _part_row(f: Form, first: bool, name: str, row: Optional[FundRow], rate: Optional[Decimal],
              label_span: int, widths: dict[str, int]) -> Row:
    spec, p = f.spec, f.p
    label = (p.label("其中") if first else "") + name
    empty = row is None or all(getattr(row, k) is None for k in ("年初预算数", "全年预算数", "全年执行数"))
    fill = _unfilled(spec.row_for(name))
    cells: list[Cell] = [c(label, label_span, align="left")]
    for col in spec.资金列:
        if col == "原因":
            continue
        if col in ("年初预算数", "全年预算数", "全年执行数"):
            text = fill(p, "amount") if empty else p.money(getattr(row, col))
        elif col == "执行率":
            text = "" if not spec.其中行.执行率 else (fill(p, "rate") if empty else p.rate(rate))
        else:
            text = spec.其中行.分值 if col == "资金分值" else spec.其中行.得分
        cells.append(c(text, widths[col]))
    return tuple(cells)


def _unfilled(row: Optional[FundRowSpec]) -> Callable[[Printer, str], str]:
    """How a row the data file leaves empty prints: blank, zeros (0.00, 0.00%), or a sign."""
    how = row.未填 if row else "空白"
    if how == "零":
        return lambda p, what: p.money(Decimal(0)) if what == "amount" else p.zero_rate()
    return lambda p, what: "" if how == "空白" else (how if what == "amount" else "")


def _by_nature(f: Form, width: int) -> list[Row]:
    """按收入性质分 / 按支出性质分 side by side (seed 004), labels printed even when empty."""
    fund, p = f.data.资金, f.p
    income, spending = list(fund.按收入性质.items()), list(fund.按支出性质.items())
    halves = spans(width, 2)
    rows: list[Row] = [(c(p.label("按收入性质"), halves[0], align="left"), c(p.label("按支出性质"), halves[1], align="left"))]
    for i in range(max(len(income), len(spending))):
        rows.append(tuple(_nature_cell(p, items, i, w) for items, w in ((income, halves[0]), (spending, halves[1]))))
    return rows


def _nature_cell(p: Printer, items: list, i: int, width: int) -> Cell:
    if i >= len(items):
        return c("", width)
    name, value = items[i]
    return c((p.label("其中") if i == 0 else "") + p.label("按性质项", 名称=name, 金额=p.money(value)), width, align="left")


def indicators(f: Form) -> list[Row]:
    levels: Sequence[FirstLevel] = f.data.绩效指标
    p = f.p
    rows: list[Row] = []
    for first, total in zip(levels, f.s.一级):
        span = sum(max(1, len(second.指标)) for second in first.二级)
        lead: list[Cell] = [c(p.label("一级名称", 名称=first.名称, 分值=points(total.分值)), rowspan=span)]
        for second in first.二级:
            items = second.指标 or [Indicator()]
            lead.append(c(second.名称, rowspan=len(items)))
            for item in items:
                rows.append(tuple(lead) + tuple(_item_cells(f, item)))
                lead = []
    weight = sum((t.分值 for t in f.s.一级), Decimal(0))
    return [*_indicator_head(f, p.label("指标", 分值=points(weight)), len(rows)), *rows]


def _indicator_head(f: Form, side: str, body: int) -> list[Row]:
    """The column headings; a group (云南's 年度指标值) takes a second row for its columns."""
    group, p = f.spec.指标分组, f.p
    depth = 2 if group else 1
    first: list[Cell] = [c(side, rowspan=body + depth)]
    for col in f.spec.指标列:
        if col in group:
            if col == group[0]:
                first.append(c(p.label("指标分组"), len(group)))
            continue
        first.append(c(p.label(col), 1 + (f.extra if col == "三级指标" else 0), rowspan=depth))
    second = tuple(c(p.label(col)) for col in group)
    return [tuple(first), second] if group else [tuple(first)]


def _item_cells(f: Form, item: Indicator) -> list[Cell]:
    values = {"三级指标": item.名称, "指标性质": item.性质 or "", "指标值": item.指标值, "度量单位": item.度量单位,
              "实际完成值": item.实际完成值, "分值": points(item.分值), "得分": points(item.得分),
              "偏差原因": item.偏差原因}
    out = []
    for col in f.spec.指标列[2:]:
        left = col in ("三级指标", "偏差原因")
        out.append(c(values[col], 1 + (f.extra if col == "三级指标" else 0), align="left" if left else "center"))
    return out


def closing(f: Form, grid: Sequence[str]) -> list[Row]:
    """总分 (合计): the weights' sum under 分值, the total under 得分, the grade after it if printed."""
    p, s, spec = f.p, f.s, f.spec
    at, score_at = grid.index("分值"), grid.index("得分")
    lead: list[Cell]
    if spec.总分行.说明:
        parts = spans(at, 3)
        lead = [c(p.label("其他说明"), parts[0]), c(f.data.其他说明, parts[1], align="left"),
                c(p.label("总分"), parts[2])]
    else:
        lead = [c(p.label("总分"), at)]
    tail = []
    for col in range(at, f.n):
        if col == at:
            text = points(s.分值合计)
        elif col == score_at:
            text = points(s.总分)
        elif col == score_at + 1 and spec.总分行.等级:
            text = s.等级 or ""
        else:
            text = ""
        tail.append(c(text))
    return [tuple(lead + tail)]


def conclusions(f: Form) -> list[Row]:
    """评价结论, 存在问题, 改进措施 (四川 0013zp), each under its label."""
    p = f.p
    return [(c(p.label(key), LABEL_SPAN), c(f.prompt(getattr(f.data, key), key + "提示"), f.n - LABEL_SPAN, align="left"))
            for key in ("评价结论", "存在问题", "改进措施")]


def signers(f: Form, sign: Any) -> list[Row]:
    """项目负责人 | 财务负责人 (四川 0013zp): one row, the names after the printed words."""
    keys = f.spec.负责人
    return [tuple(c(f.p.label(k, **{k: getattr(sign, k)}), w, align="left") for k, w in zip(keys, spans(f.n, len(keys))))]
