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
from reportgen.kinds.performance.coverage import form_findings, label_findings, signature_findings
from reportgen.kinds.performance.facts import PerformanceFacts
from reportgen.kinds.performance.facts import compute as compute_facts
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.kinds.performance.forms.labels import check_layout_labels
from reportgen.kinds.performance.named import document_figures, project_figures
from reportgen.kinds.performance.tables import specs as form_specs
from reportgen.layouts import Layout


def read(path: Path) -> tuple[PerformanceEvaluation, dict]:
    return load_model(path, PerformanceEvaluation)


def compute(data: PerformanceEvaluation, style: NumberStyle, layout: Layout, path: Path) -> Computed:
    """The form's structure first (the facts need it whole), what the layout's forms leave out,
    then scores and quoted figures."""
    findings = [*check_structure(data), *_layout_findings(data, layout)]
    if any(f.severity == "error" for f in findings):
        return Computed(None, findings)
    facts = compute_facts(data, style)
    return Computed(facts, [*findings, *check_scores(data, facts), *_references(data, facts)])


def _layout_findings(data: PerformanceEvaluation, layout: Layout) -> list:
    """The data file's own labels, and what it enters that the layout's forms do not print."""
    specs = form_specs(layout)
    known = dict(layout.option("标签", {}))
    check_layout_labels(layout.name, known)
    for spec in specs.values():
        check_layout_labels(layout.name, spec.标签)
        known.update(spec.标签)
    found = label_findings(data, known)
    forms = [("部门整体", ("部门整体",), data.部门整体)] if data.部门整体 else []
    forms += [("项目", ("项目", i), p) for i, p in enumerate(data.项目)]
    for which, at, form in forms:
        found += form_findings(layout.name, which, at, form, specs[which])
    return found + signature_findings(layout.name, data, specs)


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


def _title(data: PerformanceEvaluation, facts: Any, layout: Layout) -> str:
    """The document's title (its file properties); the stem's words where it prints none."""
    return title(data, layout) or f"{data.单位.名称}{data.单位.报告年度}年度{data.文档类型}"


_KIND = dict(family="绩效", read=read, layout_name=_layout, compute=compute, context=context, title=_title, stem=_stem)
KINDS = {name: Kind(name=name, **_KIND) for name in ("部门整体绩效评价", "项目绩效自评")}
