"""What the 绩效 templates see: one typed context, filled in one place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from reportgen.core.named import Named
from reportgen.core.style import NumberStyle
from reportgen.kinds.performance.facts import PerformanceFacts
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.kinds.performance.named import document_figures, project_figures
from reportgen.kinds.performance.forms.labels import Labels
from reportgen.kinds.performance.tables import labels, tables
from reportgen.layouts import Layout
from reportgen.phrasing.references import fill

_TITLE_LABELS = {"部门整体绩效评价": "部门整体文档标题", "项目绩效自评": "项目文档标题"}


@dataclass(frozen=True)
class Context:
    """The 绩效 template context.

    `data` is the data file as entered, `f` the facts (scores, rates, grades), `style` the
    number style in force; `引用` the figures free text may quote, `项目引用` each project's own
    (its {全年预算数} is its own); `表` the tables to place with block(); `标题` the title;
    `标签` the layout's printed words (`标签("项目附表")`), as the forms use them.
    """

    data: PerformanceEvaluation
    f: PerformanceFacts
    style: NumberStyle
    引用: Mapping[str, Named]
    项目引用: Sequence[Mapping[str, Named]]
    表: Mapping[str, Any]
    标题: str
    标签: Labels

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def title(data: PerformanceEvaluation, layout: Layout) -> str:
    """The document's own title line: the data file's, else the layout's (empty where the forms
    carry their own titles and nothing goes above them, as 四川 prints them)."""
    return data.标题 if data.标题 is not None else labels(data, layout)(_TITLE_LABELS[data.文档类型])


@dataclass(frozen=True)
class _Filled:
    department: Any
    projects: list


def context(data: PerformanceEvaluation, facts: PerformanceFacts, style: NumberStyle, layout: Layout,
            path: Path) -> dict[str, Any]:
    """The template context of a checked 绩效 data file."""
    base = document_figures(data, facts)
    projects = [project_figures(base, p, f) for p, f in zip(data.项目, facts.项目)]
    filled = _Filled(_filled(data.部门整体, base, style) if data.部门整体 else None,
                     [_filled(p, figures, style) for p, figures in zip(data.项目, projects)])
    return Context(data, facts, style, base, projects, tables(data, facts, style, layout, filled),
                   title(data, layout), labels(data, layout)).as_dict()


def _filled(form, figures: dict, style):
    """The form with each 实际完成值 that names a figure ("下降{三公经费下降率}") printed out."""
    def indicators(second):
        return [i.model_copy(update={"实际完成值": fill(i.实际完成值, style, figures)}) for i in second.指标]

    return form.model_copy(update={"绩效指标": [
        first.model_copy(update={"二级": [s.model_copy(update={"指标": indicators(s)}) for s in first.二级]})
        for first in form.绩效指标]})
