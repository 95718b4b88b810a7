"""Table nodes of the 湖南/安徽 绩效 forms: the 自评表 of a 部门 or 项目 and their indicator trees.

Every form is nine grid columns: a side label (年度预算申请, 年度总体目标, 绩效指标) and eight
columns under it. 一级 and 二级 cells span their rows (Cell.rowspan), as on the printed forms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Mapping, Optional, Sequence

from reportgen.document.nodes import Cell, Row, Table
from reportgen.kinds.performance.facts import Scores
from reportgen.kinds.performance.scoring import Adjustment
from reportgen.kinds.performance.model import FirstLevel, Funds, Goals, Indicator, Signature
from reportgen.phrasing.numbers import format_amount, format_percent
from reportgen.phrasing.references import score
from reportgen.core.style import NumberStyle

WIDTHS = (2, 3, 3, 4, 4, 4, 2, 3, 4)


def money(value: Optional[Decimal], style: NumberStyle) -> str:
    return "" if value is None else format_amount(value, style)


def rate(value: Optional[Decimal], style: NumberStyle) -> str:
    return "" if value is None else format_percent(value, style)


def points(value: Optional[Decimal]) -> str:
    return "" if value is None else score(value)


def c(text: str, colspan: int = 1, rowspan: int = 1, align: str = "center") -> Cell:
    return Cell(text, colspan=colspan, rowspan=rowspan, align=align)  # type: ignore[arg-type]


def first_label(first: FirstLevel, weight: Decimal) -> str:
    """"产出指标（50分）": the weight is the sum of the rows' 分值, never typed."""
    return f"{first.名称}（{score(weight)}分）" if weight else first.名称


def indicator_rows(levels: Sequence[FirstLevel], s: Scores, cells: Callable[[Indicator], list[Cell]],
                   weighted: bool = True) -> list[Row]:
    """One row per 三级 (an empty 二级 keeps one blank row); `cells(indicator)` gives the rest.

    `weighted` prints each 一级's weight after its name, as the 湖南 and 安徽 forms do.
    """
    rows: list[Row] = []
    for first, total in zip(levels, s.一级):
        span = sum(max(1, len(second.指标)) for second in first.二级)
        name = first_label(first, total.分值) if weighted else first.名称
        lead: list[Cell] = [c(name, rowspan=span)]
        for second in first.二级:
            items = second.指标 or [Indicator()]
            lead.append(c(second.名称, rowspan=len(items)))
            for item in items:
                rows.append(tuple(lead) + tuple(cells(item)))
                lead = []
    return rows


def _score_cells(item: Indicator) -> list[Cell]:
    weight = points(item.分值) if item.分值 or item.名称 else ""
    return [c(item.名称, align="left"), c(item.指标值), c(item.实际完成值), c(weight),
            c(points(item.得分)), c(item.偏差原因, align="left")]


def indicator_block(levels: Sequence[FirstLevel], s: Scores, labels: dict[str, str]) -> list[Row]:
    rows = indicator_rows(levels, s, _score_cells)
    head = (c(labels["指标"], rowspan=len(rows) + 1), c("一级指标"), c("二级指标"), c("三级指标"),
            c(labels["指标值"]), c("实际完成值"), c("分值"), c(labels["得分"]), c("偏差原因分析及改进措施"))
    return [head, *rows]


def funds_head(side: Cell, labels: dict[str, str]) -> Row:
    return (side, c("", colspan=2), c("年初预算数"), c(labels["全年预算数"]), c(labels["全年执行数"]),
            c("分值"), c(labels["执行率"]), c(labels["得分"]))


def funds_total(f: Funds, s: Scores, labels: dict[str, str], style: NumberStyle) -> Row:
    return (c(labels["总额"], colspan=2), c(money(f.年初预算数, style)), c(money(f.全年预算数, style)),
            c(money(f.全年执行数, style)), c(points(f.分值)), c(rate(s.执行率, style)), c(points(s.预算执行得分)))


def goals_block(g: Goals, labels: dict[str, str]) -> list[Row]:
    return [(c(labels["目标"], rowspan=2), c("预期目标", colspan=4), c("实际完成情况", colspan=4)),
            (c(g.预期目标, colspan=4, align="left"), c(g.实际完成情况, colspan=4, align="left"))]


def total_row(s: Scores) -> Row:
    return (c("总分", colspan=6), c(points(s.分值合计)), c(points(s.总分)), c(""))


def adjustment_notes(s: Scores) -> tuple[str, ...]:
    """The 自评调整 a unit made, printed under its table with the derived score beside it."""
    out = []
    for what, adj in (("预算执行得分", s.预算执行调整), ("总分", s.总分调整)):
        if adj is not None:
            out.append(adjustment_note(what, adj))
    return tuple(out)


def adjustment_note(what: str, adj: Adjustment) -> str:
    derived = f"按评分规则计算为{score(adj.计算得分)}分，" if adj.计算得分 is not None else ""
    return f"（自评调整：{what}{derived}自评为{score(adj.得分)}分。理由：{adj.理由.rstrip('。')}。）"


def signature(sig: Signature) -> str:
    day = sig.填报日期.isoformat() if sig.填报日期 else ""
    return (f"填表人：{sig.填表人}　　填报日期：{day}　　联系电话：{sig.联系电话}　　"
            f"单位负责人签字：{sig.单位负责人}")


def merged(own: Signature, default: Signature) -> Signature:
    """A table's own sign-off entries over the document's."""
    given = own.model_dump(exclude_defaults=True)
    return default.model_copy(update=given)


def form_table(title: str, rows: list[Row], notes: Sequence[str], unit_left: str = "") -> Table:
    return Table(title=title, header=(), body=tuple(rows), notes=tuple(n for n in notes if n),
                 widths=WIDTHS, unit_left=unit_left)


def department_form(title: str, unit: str, form, s: Scores, labels: Mapping[str, str], style: NumberStyle,
                    notes: Sequence[str]) -> Table:
    """部门整体支出绩效自评表 (seed 004): funds split by source and by nature, goals, indicators."""
    L = labels
    f: Funds = form.资金
    income, spending = list(f.按收入性质.items()), list(f.按支出性质.items())
    pairs = max(len(income), len(spending))
    rows: list[Row] = [(c(L["部门"], colspan=3), c(unit, colspan=6))]
    rows.append(funds_head(c(L["部门资金"], rowspan=3 + pairs), L))
    rows.append(funds_total(f, s, L, style))
    rows.append((c("按收入性质分：", colspan=4, align="left"), c("按支出性质分：", colspan=4, align="left")))
    for i in range(pairs):
        rows.append((_split_cell(income, i, style), _split_cell(spending, i, style)))
    rows += goals_block(form.年度总体目标, L)
    rows += indicator_block(form.绩效指标, s, L)
    rows.append(total_row(s))
    return form_table(title, rows, [*adjustment_notes(s), *notes])


def _split_cell(items: list, i: int, style: NumberStyle) -> Cell:
    if i >= len(items):
        return c("", colspan=4)
    name, value = items[i]
    return c(f"{'其中：' if i == 0 else ''}{name}：{money(value, style)}", colspan=4, align="left")


def project_form(title: str, p, s: Scores, labels: Mapping[str, str], style: NumberStyle, notes: Sequence[str],
                 unit_left: str = "") -> Table:
    """项目支出绩效自评表 (seeds 002, 004): funds with their 其中 rows, goals, indicators."""
    L = labels
    f: Funds = p.资金
    rows: list[Row] = [(c(L["项目"], colspan=3), c(p.名称, colspan=6)),
                       (c("主管部门", colspan=3), c(p.主管部门, colspan=2), c("实施单位", colspan=2),
                        c(p.实施单位, colspan=2))]
    rows.append(funds_head(c(L["项目资金"], rowspan=2 + len(f.其中)), L))
    rows.append(funds_total(f, s, L, style))
    for i, r in enumerate(f.其中):
        label = f"{L['其中'] if i == 0 else ''}{r.名称}"
        rows.append((c(label, colspan=2), c(money(r.年初预算数, style)), c(money(r.全年预算数, style)),
                     c(money(r.全年执行数, style)), c(""), c(""), c("")))
    rows += goals_block(p.年度总体目标, L)
    rows += indicator_block(p.绩效指标, s, L)
    rows.append(total_row(s))
    return form_table(title, rows, [*adjustment_notes(s), *notes], unit_left)
