"""Table nodes of the 四川 绩效目标完成情况自评表 (seed 000's 附表): 部门整体 and 专项预算项目.

The 四川 forms print 指标性质, 指标值, 度量单位, 权重 and 实际完成指标值 but no 得分 column;
their scores appear in the report's text, and an adjusted score is noted under the table.
"""

from __future__ import annotations

from typing import Sequence

from reportgen.document.nodes import Cell, Row, Table
from reportgen.kinds.performance.forms.common import adjustment_notes, c, indicator_rows, money, points
from reportgen.kinds.performance.facts import Scores
from reportgen.kinds.performance.model import DepartmentEvaluation, FirstLevel, Indicator, Project
from reportgen.core.style import NumberStyle

WIDTHS = (2, 2, 2, 4, 2, 2, 2, 1, 3)
METHODS = ("因素法", "项目法", "据实据效", "因素法与项目法相结合")


def _cells(item: Indicator) -> list[Cell]:
    weight = points(item.分值) if item.分值 or item.名称 else ""
    return [c(item.名称, align="left"), c(item.性质 or ""), c(item.指标值), c(item.度量单位), c(weight),
            c(item.实际完成值)]


def indicator_block(label: str, levels: Sequence[FirstLevel], s: Scores) -> list[Row]:
    # The 四川 forms print the bare 一级 name, without its weight.
    rows = indicator_rows(levels, s, _cells, weighted=False)
    head = (c(label, rowspan=len(rows) + 1), c("一级指标"), c("二级指标"), c("三级指标"), c("指标性质"),
            c("指标值"), c("度量单位"), c("权重"), c("实际完成指标值"))
    return [head, *rows]


def department_table(unit: str, year: int, d: DepartmentEvaluation, s: Scores, style: NumberStyle,
                     notes: Sequence[str] = ()) -> Table:
    """部门整体支出绩效目标完成情况自评表 (seed 000, 附件1 附表)."""
    f = d.资金
    part = {r.名称: r.全年预算数 for r in f.其中}  # the form's 财政拨款 and 其他资金 columns
    rows: list[Row] = [
        (c("部门名称"), c(unit, colspan=8, align="left")),
        (c("年度部门整体支出预算", rowspan=2), c("资金总额", colspan=3), c("财政拨款", colspan=3), c("其他资金", colspan=2)),
        (c(money(f.全年预算数, style), colspan=3), c(money(part.get("财政拨款"), style), colspan=3),
         c(money(part.get("其他资金"), style), colspan=2)),
        (c("年度总体目标"), c(d.年度总体目标.预期目标, colspan=8, align="left")),
        (c("年度主要任务", rowspan=1 + len(d.主要任务)), c("任务名称", colspan=3), c("主要内容", colspan=5)),
        *((c(t.名称, colspan=3, align="left"), c(t.主要内容, colspan=5, align="left")) for t in d.主要任务),
        *indicator_block("年度绩效指标", d.绩效指标, s),
    ]
    return Table(title="附表", header=(), body=tuple(rows), unit_left=f"（{year}年度）", unit_right="单位：万元",
                 notes=(*adjustment_notes(s), *notes), widths=WIDTHS)


def project_table(unit: str, p: Project, s: Scores, style: NumberStyle, notes: Sequence[str] = ()) -> Table:
    """专项预算项目绩效目标完成情况自评表 (seed 000, 附件2 附表)."""
    g = p.概况
    method = " ".join(("☑" if m == g.绩效分配方式 else "□") + m for m in METHODS)
    profile = [("中长期规划（名称、文号，仅指常年项目）", g.中长期规划), ("资金管理办法（名称、文号）", g.资金管理办法),
               ("绩效分配方式", method), ("立项依据", g.立项依据), ("使用范围", g.使用范围),
               ("申报（补助）条件", g.申报条件), ("项目起止年限", g.起止年限)]
    funds = [("年度资金总额：", p.资金.全年预算数)] + [
        (("其中：" if i == 0 else "") + r.名称, r.全年预算数) for i, r in enumerate(p.资金.其中)]
    rows: list[Row] = [
        (c("项目名称"), c(p.名称, colspan=8, align="left")),
        (c("预算单位"), c(p.实施单位 or unit, colspan=8, align="left")),
        (c("项目类型"), c(g.项目类型, colspan=8, align="left")),
    ]
    for i, (label, text) in enumerate(profile):
        side = (c("项目概况", rowspan=len(profile)),) if i == 0 else ()
        rows.append(side + (c(label, colspan=3, align="left"), c(text, colspan=5, align="left")))
    for i, (label, value) in enumerate(funds):
        side = (c("项目资金（万元）", rowspan=len(funds)),) if i == 0 else ()
        rows.append(side + (c(label, colspan=3, align="left"), c(money(value, style), colspan=5)))
    rows += [(c("总体目标", rowspan=2), c("年度目标", colspan=8)),
             (c(p.年度总体目标.预期目标, colspan=8, align="left"),)]
    rows += indicator_block("绩效指标", p.绩效指标, s)
    return Table(title="附表", header=(), body=tuple(rows), notes=(*adjustment_notes(s), *notes), widths=WIDTHS)
