"""The Table nodes a 绩效 document places with block(): 基础数据表, 共性指标, 部门整体, 项目.

Which form prints, its shape and its words are the layout's (版式.yaml `自评表`, `标签`) under
the data file's own `标签`: 形式 通用 is the 财政部-model family described block by block (湖南,
安徽, 四川 0013zp … differ in data only), 渠县 the county forms of seed 000.
"""

from __future__ import annotations

from typing import Any, Mapping

from reportgen.core.style import NumberStyle
from reportgen.kinds.performance.facts import PerformanceFacts
from reportgen.kinds.performance.forms import basic_data, county
from reportgen.kinds.performance.forms.cells import Printer
from reportgen.kinds.performance.forms.form import general_form, merged, sign_values
from reportgen.kinds.performance.forms.labels import Labels
from reportgen.kinds.performance.forms.spec import FormSpec, form_spec
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.layouts import Layout

FORMS = ("部门整体", "项目")


def specs(layout: Layout) -> dict[str, FormSpec]:
    """The layout's 部门整体 and 项目 forms."""
    forms = layout.option("自评表", {})
    return {which: form_spec(layout.name, forms, which) for which in FORMS}


def labels(data: PerformanceEvaluation, layout: Layout, own: Mapping[str, str] = {}) -> Labels:
    """The labels in force: the layout's, a form's own (`自评表.<form>.标签`), the data file's."""
    unit = data.单位
    document = {"年度": str(unit.报告年度), "上年": str(unit.报告年度 - 1), "地区": unit.地区, "单位": unit.名称,
                "金额单位": data.自评表金额单位}
    return Labels(layout.name, {**layout.option("标签", {}), **own, **data.标签}, document)


def tables(data: PerformanceEvaluation, facts: PerformanceFacts, style: NumberStyle, layout: Layout,
           filled: Any) -> dict[str, Any]:
    """Every table of the document; `filled` holds the forms with the figures 实际完成值 names printed."""
    unit, sign = data.单位, data.填报
    forms = specs(layout)

    def printer(which: str) -> Printer:
        return Printer(labels(data, layout, forms[which].标签), style, data.自评表金额单位)

    out: dict[str, Any] = {"项目": []}
    if data.基础数据表 and facts.基础:
        p = printer("部门整体")
        sign_line = p.label("签字", **sign_values(sign))
        out["基础数据表"] = basic_data.basic_data_table(data.基础数据表, facts.基础, p, [data.基础数据表.说明, sign_line])
        if data.共性指标评分表:
            rules = {i.名称: data.评分规则.common_rule(i.名称) for i in facts.共性指标}
            out["共性指标"] = basic_data.common_indicator_table(facts.共性指标, rules, p)
    if data.部门整体 and facts.部门整体:
        d, spec, p = filled.department, forms["部门整体"], printer("部门整体")
        if spec.形式 == "渠县":
            out["部门整体"] = county.department_table(p, unit.名称, d, facts.部门整体)
        else:
            out["部门整体"] = general_form("部门整体", spec, p, d, facts.部门整体, unit.名称, merged(d.填报, sign))
    spec, p = forms["项目"], printer("项目")
    for pr, f in zip(filled.projects, facts.项目):
        if spec.形式 == "渠县":
            out["项目"].append(county.project_table(p, unit.名称, pr, f.评分))
        else:
            out["项目"].append(general_form("项目", spec, p, pr, f.评分, unit.名称, merged(pr.填报, sign)))
    return out
