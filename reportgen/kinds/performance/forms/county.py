"""Table nodes of 渠县's 绩效目标完成情况自评表 (seed 000's 附表): 部门整体 and 专项预算项目.

A county's own forms, not the province's (those are 四川 0013zp, built as 通用 forms): they print
指标性质, 指标值, 度量单位, 权重 and 实际完成指标值 but no 得分 column; the scores appear in the
report's text, and an adjusted score is noted under the table. Their cells follow no shared
grid, so this shape is Python; every word they print is a label of the layout.
"""

from __future__ import annotations

from typing import Sequence

from reportgen.document.nodes import Cell, Row, Table
from reportgen.kinds.performance.facts import Scores
from reportgen.kinds.performance.forms.cells import Printer, c, points
from reportgen.kinds.performance.forms.form import adjustment_notes
from reportgen.kinds.performance.model import DepartmentEvaluation, FirstLevel, Indicator, Project

#: Millimetres of the 156 mm line: the four-character labels (项目名称, 一级指标, 指标性质, 度量单位) and
#: 权重 keep to one line.
WIDTHS = (17, 17, 17, 24, 17, 14, 17, 10, 23)
METHODS = ("因素法", "项目法", "据实据效", "因素法与项目法相结合")
#: The 其中 row the 部门整体 form prints in its 财政拨款 column, and the names it may go by.
APPROPRIATION = ("财政拨款", "当年财政拨款", "本年财政拨款", "财政资金")
#: The 部门整体 form's two 其中 columns.
COLUMNS = ("财政拨款", "其他资金")


def printed_part(name: str) -> bool:
    """Whether the 部门整体 form has a column for the 其中 row `name`."""
    return name in APPROPRIATION or name == "其他资金"


def _cells(item: Indicator) -> list[Cell]:
    return [c(item.名称, align="left"), c(item.性质 or ""), c(item.指标值), c(item.度量单位), c(points(item.分值)),
            c(item.实际完成值)]


def indicator_block(p: Printer, side: str, levels: Sequence[FirstLevel]) -> list[Row]:
    """The bare 一级 names (no weight), 权重 and 实际完成指标值 last."""
    rows: list[Row] = []
    for first in levels:
        lead: list[Cell] = [c(first.名称, rowspan=sum(max(1, len(s.指标)) for s in first.二级))]
        for second in first.二级:
            items = second.指标 or [Indicator()]
            lead.append(c(second.名称, rowspan=len(items)))
            for item in items:
                rows.append(tuple(lead) + tuple(_cells(item)))
                lead = []
    L = p.label
    head = (c(side, rowspan=len(rows) + 1), c(L("一级指标")), c(L("二级指标")), c(L("三级指标")), c(L("指标性质")),
            c(L("指标值")), c(L("度量单位")), c(L("分值")), c(L("实际完成值")))
    return [head, *rows]


def department_table(p: Printer, unit: str, d: DepartmentEvaluation, s: Scores) -> Table:
    """部门整体支出绩效目标完成情况自评表 (seed 000, 附件1 附表)."""
    f, L = d.资金, p.label
    part = next((r.全年预算数 for r in f.其中 if r.名称 in APPROPRIATION), None)  # the others: coverage.py
    other = next((r.全年预算数 for r in f.其中 if r.名称 == "其他资金"), None)
    rows: list[Row] = [
        (c(L("部门")), c(unit, colspan=8, align="left")),
        (c(L("部门资金"), rowspan=2), c(L("资金总额"), colspan=3), c(L("财政拨款"), colspan=3),
         c(L("其他资金"), colspan=2)),
        (c(p.money(f.全年预算数), colspan=3), c(p.money(part), colspan=3), c(p.money(other), colspan=2)),
        (c(L("目标")), c(d.年度总体目标.预期目标, colspan=8, align="left")),
        (c(L("主要任务"), rowspan=1 + len(d.主要任务)), c(L("任务名称"), colspan=3), c(L("主要内容"), colspan=5)),
        *((c(t.名称, colspan=3, align="left"), c(t.主要内容, colspan=5, align="left")) for t in d.主要任务),
        *indicator_block(p, L("部门指标"), d.绩效指标),
    ]
    return Table(title=L("部门整体标题"), header=(), body=tuple(rows), unit_left=L("标题下"), unit_right=L("表头右"),
                 notes=adjustment_notes(s), widths=WIDTHS)


def project_table(p: Printer, unit: str, pr: Project, s: Scores) -> Table:
    """专项预算项目绩效目标完成情况自评表 (seed 000, 附件2 附表)."""
    g, L = pr.概况, p.label
    method = " ".join(("☑" if m == g.绩效分配方式 else "□") + m for m in METHODS)
    profile = [(L("中长期规划"), g.中长期规划), (L("资金管理办法"), g.资金管理办法), (L("绩效分配方式"), method),
               (L("立项依据"), g.立项依据), (L("使用范围"), g.使用范围), (L("申报条件"), g.申报条件),
               (L("起止年限"), g.起止年限)]
    funds = [(L("年度资金总额"), pr.资金.全年预算数)] + [
        ((L("其中") if i == 0 else "") + r.名称, r.全年预算数) for i, r in enumerate(pr.资金.其中)]
    rows: list[Row] = [
        (c(L("项目名称")), c(pr.名称, colspan=8, align="left")),
        (c(L("预算单位")), c(pr.实施单位 or unit, colspan=8, align="left")),
        (c(L("项目类型")), c(g.项目类型, colspan=8, align="left")),
    ]
    for i, (label, text) in enumerate(profile):
        side = (c(L("项目概况"), rowspan=len(profile)),) if i == 0 else ()
        rows.append(side + (c(label, colspan=3, align="left"), c(text, colspan=5, align="left")))
    for i, (label, value) in enumerate(funds):
        side = (c(L("项目资金"), rowspan=len(funds)),) if i == 0 else ()
        rows.append(side + (c(label, colspan=3, align="left"), c(p.money(value), colspan=5)))
    rows += [(c(L("项目目标"), rowspan=2), c(L("年度目标"), colspan=8)),
             (c(pr.年度总体目标.预期目标, colspan=8, align="left"),)]
    rows += indicator_block(p, L("指标"), pr.绩效指标)
    return Table(title=L("项目标题"), header=(), body=tuple(rows), notes=adjustment_notes(s), widths=WIDTHS)
