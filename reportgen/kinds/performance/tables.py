"""The Table nodes a 绩效 document places with block(): 基础数据表, 共性指标, 部门整体, 项目.

Which form prints, its title line and its labels are the layout's (版式.yaml `自评表`, `标签`):
`形式` 通用 is the 财政部-model form family (湖南, 安徽 labels), 四川县级 the 四川 county forms.
"""

from __future__ import annotations

from typing import Any, Mapping

from reportgen.core.style import NumberStyle
from reportgen.kinds.performance.facts import PerformanceFacts
from reportgen.kinds.performance.forms import basic_data, common, sichuan
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.layouts import Layout


def form_spec(layout: Layout, which: str) -> Mapping[str, Any]:
    """The layout's description of its 部门整体 or 项目 form."""
    return layout.option("自评表", {}).get(which, {})


def _title(spec: Mapping[str, Any], data: PerformanceEvaluation, default: str) -> str:
    return spec.get("标题", default).format(地区=data.单位.地区, 年度=data.单位.报告年度)


def tables(data: PerformanceEvaluation, facts: PerformanceFacts, style: NumberStyle, layout: Layout,
           filled: Any) -> dict[str, Any]:
    """Every table of the document; `filled(form, figures)` prints the figures 实际完成值 names."""
    unit, year, sign = data.单位, data.单位.报告年度, data.填报
    labels = layout.option("标签", {})
    out: dict[str, Any] = {"项目": []}
    if data.基础数据表 and facts.基础:
        out["基础数据表"] = basic_data.basic_data_table(
            data.基础数据表, facts.基础, year, style, [data.基础数据表.说明, common.signature(sign)])
        if data.共性指标评分表:
            rules = {i.名称: data.评分规则.common_rule(i.名称) for i in facts.共性指标}
            out["共性指标"] = basic_data.common_indicator_table(facts.共性指标, rules, style)
    if data.部门整体 and facts.部门整体:
        d, spec = filled.department, form_spec(layout, "部门整体")
        if spec.get("形式") == "四川县级":
            out["部门整体"] = sichuan.department_table(unit.名称, year, d, facts.部门整体, style)
        else:
            note = [common.signature(common.merged(d.填报, sign))]
            title = _title(spec, data, "{地区}{年度}年度部门整体支出绩效自评表")
            out["部门整体"] = common.department_form(title, unit.名称, d, facts.部门整体, labels, style, note)
    spec = form_spec(layout, "项目")
    for p, f in zip(filled.projects, facts.项目):
        if spec.get("形式") == "四川县级":
            out["项目"].append(sichuan.project_table(unit.名称, p, f.评分, style))
            continue
        title = _title(spec, data, "{地区}{年度}年度项目支出绩效自评表")
        if spec.get("签字", True):
            notes = [f"备注：{p.备注}" if p.备注 else "", common.signature(common.merged(p.填报, sign))]
        else:
            notes = [p.备注]
        year_line = f"（{year}年度）" if spec.get("年度行", False) else ""
        out["项目"].append(common.project_form(title, p, f.评分, labels, style, notes, unit_left=year_line))
    return out
