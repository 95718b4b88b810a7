"""The 绩效 pipeline: load → check → facts → templates → Document, also as the 决算's 附件.

A 绩效 data file is a document of its own (文档类型 部门整体绩效评价 or 项目绩效自评); a 决算
data file may name it under 附件, and its reports are then printed in 第四部分.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from reportgen.kinds.performance.forms import basic_data as basic_tables
from reportgen.kinds.performance.forms import common as forms
from reportgen.kinds.performance.forms import sichuan
from reportgen.errors import DataErrors
from reportgen.kinds.performance.named import document_figures, project_figures
from reportgen.kinds.performance.facts import PerformanceFacts, compute
from reportgen.core.findings import Located, locate
from reportgen.kinds.final_accounts.annex import Annex
from reportgen.core.loader import load_model
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.kinds.performance.checks import check_references, check_scores, check_structure, section_texts
from reportgen.phrasing.references import fill
from reportgen.kinds.final_accounts.pipeline import Built
from reportgen.templating import render


def load(path: Path) -> tuple[PerformanceEvaluation, PerformanceFacts, list[Located]]:
    """Load, check and compute; raise DataErrors (with lines) when a check finds an error."""
    data, lines = load_model(path, PerformanceEvaluation)
    findings = locate(check_structure(data), lines, path, data.金额单位)
    _raise_errors(findings)
    facts = compute(data)
    findings += locate([*check_scores(data, facts), *_references(data, facts)], lines, path, data.金额单位)
    _raise_errors(findings)
    return data, facts, findings


def _raise_errors(findings: list[Located]) -> None:
    errors = [f.as_error() for f in findings if f.severity == "error"]
    if errors:
        raise DataErrors(errors)


def _references(data: PerformanceEvaluation, facts: PerformanceFacts) -> list:
    base = document_figures(data, facts)
    found = check_references([(("前言", i), t) for i, t in enumerate(data.前言)]
                             + [(("结语", i), t) for i, t in enumerate(data.结语)], base)
    if data.部门整体 and data.部门整体.报告:
        found += check_references(list(section_texts(data.部门整体.报告.章节, ("部门整体", "报告", "章节"))), base)
        found += check_references(_indicator_texts(data.部门整体, ("部门整体",)), base)
    for i, (p, f) in enumerate(zip(data.项目, facts.项目)):
        own = project_figures(base, p, f)
        if p.报告:
            found += check_references(list(section_texts(p.报告.章节, ("项目", i, "报告", "章节"))), own)
        found += check_references(_indicator_texts(p, ("项目", i)), own)
    return found


def _indicator_texts(form, at: tuple) -> list[tuple[tuple, str]]:
    return [(at + ("绩效指标", i, "二级", j, "指标", k, "实际完成值"), item.实际完成值)
            for i, first in enumerate(form.绩效指标) for j, second in enumerate(first.二级)
            for k, item in enumerate(second.指标)]


_KIND_TITLES = {"部门整体绩效评价": "部门整体支出绩效评价", "项目绩效自评": "项目支出绩效自评"}


def context(data: PerformanceEvaluation, facts: PerformanceFacts) -> dict[str, Any]:
    """What the 绩效 templates see: data (pd), facts (pf), named figures, built tables, style."""
    unit, year = data.单位, data.单位.报告年度
    base = document_figures(data, facts)
    projects = [project_figures(base, p, f) for p, f in zip(data.项目, facts.项目)]
    return {
        "pd": data,
        "pf": facts,
        "style": data.样式,
        "引用": base,
        "项目引用": projects,
        "表": _tables(data, facts, base, projects),
        "标题": data.标题 or f"{unit.地区}{year}年度{_KIND_TITLES[data.文档类型]}",
    }


def _filled(form, figures: dict, style):
    """The form with each 实际完成值 that names a figure ("下降{三公经费下降率}") printed out."""
    def indicators(second):
        return [i.model_copy(update={"实际完成值": fill(i.实际完成值, style, figures)}) for i in second.指标]

    return form.model_copy(update={"绩效指标": [
        first.model_copy(update={"二级": [s.model_copy(update={"指标": indicators(s)}) for s in first.二级]})
        for first in form.绩效指标]})


def _tables(data: PerformanceEvaluation, facts: PerformanceFacts, base: dict, projects: list) -> dict[str, Any]:
    """The Table nodes the templates place with block(): 基础数据表, 共性指标, 部门整体, 项目 (a list)."""
    unit, year, style, layout = data.单位, data.单位.报告年度, data.样式, data.表式
    out: dict[str, Any] = {"项目": []}
    sign = data.填报
    if data.基础数据表 and facts.基础:
        out["基础数据表"] = basic_tables.basic_data_table(
            data.基础数据表, facts.基础, year, style, [data.基础数据表.说明, forms.signature(sign)])
        if data.共性指标评分表:
            rules = {i.名称: data.评分规则.common_rule(i.名称) for i in facts.共性指标}
            out["共性指标"] = basic_tables.common_indicator_table(facts.共性指标, rules, style)
    if data.部门整体 and facts.部门整体:
        d = _filled(data.部门整体, base, style)
        note = [forms.signature(forms.merged(d.填报, sign))]
        if layout == "四川":
            out["部门整体"] = sichuan.department_table(unit.名称, year, d, facts.部门整体, style)
        else:
            out["部门整体"] = forms.department_form(f"{unit.地区}{year}年度部门整体支出绩效自评表", unit.名称, d,
                                                 facts.部门整体, layout, style, note)
    for p, f, figures in zip(data.项目, facts.项目, projects):
        p = _filled(p, figures, style)
        if layout == "四川":
            out["项目"].append(sichuan.project_table(unit.名称, p, f.评分, style))
        elif layout == "安徽":
            out["项目"].append(forms.project_form("项目支出绩效自评表", p, f.评分, layout, style,
                                                [p.备注], unit_left=f"（{year}年度）"))
        else:
            note = [f"备注：{p.备注}" if p.备注 else "", forms.signature(forms.merged(p.填报, sign))]
            out["项目"].append(forms.project_form(f"{unit.地区}{year}年度项目支出绩效自评表", p, f.评分, layout,
                                                style, note))
    return out


def build(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """部门整体绩效评价 / 项目绩效自评: carry one data file through every stage."""
    data, facts, findings = load(path)
    ctx = context(data, facts)
    document = render("绩效/document.md.j2", ctx, overrides, title=ctx["标题"])
    stem = f"{data.单位.名称}-{data.单位.报告年度}{data.文档类型}"
    return Built(path, stem, data, facts, tuple(findings), document)


def annexes(entries: Sequence[Annex], data_file: Path) -> list[dict[str, Any]]:
    """The 决算's 附件: each entry's 绩效 file loaded (paths relative to the 决算 data file).

    Two entries may print parts of one file (附件1 its 部门整体, 附件2 its 项目): it is loaded once.
    """
    loaded: dict[Path, dict[str, Any]] = {}
    out = []
    for n, entry in enumerate(entries, 1):
        item: dict[str, Any] = {"编号": f"附件{n}", "标题": entry.标题, "内容": entry.内容, "绩效": None}
        if entry.文件:
            path = (data_file.parent / entry.文件).resolve()
            if path not in loaded:
                data, facts, _ = load(path)
                loaded[path] = context(data, facts)
            item["绩效"] = loaded[path]
        out.append(item)
    return out
