"""绩效自评: 部门整体绩效评价 and 项目绩效自评 — 基础数据表, 自评表 and reports, in the form (表式)
of the layout the data file chooses; also printed as a 决算's 附件 (kinds/performance/annex.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.core.loader import load_model
from reportgen.core.style import NumberStyle
from reportgen.kinds.kind import Computed, Kind
from reportgen.kinds.performance.checks import check_references, check_scores, check_structure, section_texts
from reportgen.kinds.performance.context import context, title
from reportgen.kinds.performance.facts import PerformanceFacts
from reportgen.kinds.performance.facts import compute as compute_facts
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.kinds.performance.named import document_figures, project_figures


def read(path: Path) -> tuple[PerformanceEvaluation, dict]:
    return load_model(path, PerformanceEvaluation)


def compute(data: PerformanceEvaluation, style: NumberStyle, layout: Any, path: Path) -> Computed:
    """The form's structure first (the facts need it whole), then scores and quoted figures."""
    findings = check_structure(data)
    if any(f.severity == "error" for f in findings):
        return Computed(None, findings)
    facts = compute_facts(data, style)
    return Computed(facts, [*findings, *check_scores(data, facts), *_references(data, facts)])


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
        if p.综述:  # its sentences may quote the project's figures too
            found += check_references([(("项目", i, "综述", k), v) for k, v in p.综述.model_dump().items()], own)
        found += check_references(_indicator_texts(p, ("项目", i)), own)
    return found


def _indicator_texts(form, at: tuple) -> list[tuple[tuple, str]]:
    return [(at + ("绩效指标", i, "二级", j, "指标", k, "实际完成值"), item.实际完成值)
            for i, first in enumerate(form.绩效指标) for j, second in enumerate(first.二级)
            for k, item in enumerate(second.指标)]


def _layout(data: PerformanceEvaluation) -> tuple[str, tuple[str, ...]]:
    return data.表式, ("表式",)


def _stem(data: PerformanceEvaluation) -> str:
    return f"{data.单位.名称}-{data.单位.报告年度}{data.文档类型}"


def _title(data: PerformanceEvaluation, facts: Any, layout: Any = None) -> str:
    return title(data)


_KIND = dict(family="绩效", read=read, layout_name=_layout, compute=compute, context=context, title=_title, stem=_stem)
KINDS = {name: Kind(name=name, **_KIND) for name in ("部门整体绩效评价", "项目绩效自评")}
