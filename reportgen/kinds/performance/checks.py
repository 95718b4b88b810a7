"""Checks of a 绩效 data file: parts that must add up, scores within their 分值, known figure names.

Like reportgen.kinds.final_accounts.checks, each check returns Findings (never raises); the pipeline stops on errors.
Amounts and scores are quoted in the message, since a Finding's stated/expected print as 万元.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Mapping, Optional, Sequence

from reportgen.core.findings import Finding
from reportgen.core.numbers import ZERO
from reportgen.kinds.performance.facts import PerformanceFacts, Scores
from reportgen.kinds.performance.model import Funds, PerformanceEvaluation, SelfEvaluation
from reportgen.kinds.performance.basics import COLUMNS, Group
from reportgen.kinds.performance.report import MAX_DEPTH, Section
from reportgen.phrasing.references import names, score

FieldPath = tuple  # a field path as in the data file: ("项目", 0, "资金")


def _n(value: Decimal) -> str:
    return score(value)


def check_structure(data: PerformanceEvaluation) -> list[Finding]:
    """What can be checked before the facts: the kind's parts, sums of parts, scores, depth."""
    out: list[Finding] = []
    if data.文档类型 == "部门整体绩效评价" and data.部门整体 is None:
        out.append(Finding("error", ("部门整体",), "部门整体绩效评价须填写“部门整体”（自评表与绩效报告）"))
    if data.文档类型 == "项目绩效自评" and not data.项目:
        out.append(Finding("error", ("项目",), "项目绩效自评须至少填写一个“项目”"))
    forms: list[tuple[FieldPath, SelfEvaluation]] = [(("项目", i), p) for i, p in enumerate(data.项目)]
    if data.部门整体:
        forms.insert(0, (("部门整体",), data.部门整体))
    for at, form in forms:
        out += _funds(at + ("资金",), form.资金)
        out += _indicators(at, form)
    if data.基础数据表:
        for name in ("项目支出", "公用经费"):
            out += _group(("基础数据表", name), getattr(data.基础数据表, name))
    out += _depth(data)
    return out


def check_scores(data: PerformanceEvaluation, facts: PerformanceFacts) -> list[Finding]:
    """Overrides within their 分值, a 总分 for every form, weights adding up to 100."""
    out: list[Finding] = []
    pairs: list[tuple[FieldPath, SelfEvaluation, Scores]] = [
        (("项目", i), p, f.评分) for i, (p, f) in enumerate(zip(data.项目, facts.项目))]
    if data.部门整体 and facts.部门整体:
        pairs.insert(0, (("部门整体",), data.部门整体, facts.部门整体))
    for at, form, s in pairs:
        adj = form.资金.得分调整
        if adj is not None and adj.得分 > form.资金.分值:
            out.append(Finding("error", at + ("资金", "得分调整", "得分"),
                               f"预算执行得分 {_n(adj.得分)} 超过了分值 {_n(form.资金.分值)}"))
        if form.总分调整 is not None and form.总分调整.得分 > s.分值合计:
            out.append(Finding("error", at + ("总分调整", "得分"),
                               f"总分 {_n(form.总分调整.得分)} 超过了分值合计 {_n(s.分值合计)}"))
        out += _unscored(at, form, s)
        if s.分值合计 != 100:
            out.append(Finding("warning", at + ("绩效指标",), f"分值合计为 {_n(s.分值合计)}，不是 100"))
        if form.资金.全年预算数 == 0 and adj is None:
            # No budget, no 执行率: a derived full score would be a number nobody computed.
            out.append(Finding("error", at + ("资金", "全年预算数"),
                               "全年预算数为 0，执行率无法计算，预算执行得分无从算出：请核对全年预算数，"
                               "或在“资金.得分调整”下写明得分及理由"))
        elif form.资金.全年执行数 > form.资金.全年预算数:
            out.append(Finding("warning", at + ("资金", "全年执行数"), "全年执行数超过了全年预算数"))
        day = form.填报.填报日期 or data.填报.填报日期
        if day is not None and day.year <= data.单位.报告年度:
            out.append(Finding("warning", at + ("填报", "填报日期"),
                               f"填报日期 {day.isoformat()} 早于评价年度 {data.单位.报告年度} 年结束"))
    return out


def _unscored(at: FieldPath, form: SelfEvaluation, s: Scores) -> list[Finding]:
    """A form may be published before it is scored (its 得分 cells blank); a 综述 may not."""
    if s.总分 is not None:
        return []
    if getattr(form, "综述", None) is not None:
        return [Finding("error", at + ("综述",), "综述要写明自评得分：请填写各指标得分，或在“总分调整”下写明总分及理由")]
    if not s.已评分:
        return [Finding("warning", at + ("绩效指标",), "各指标都未填“得分”：自评表的得分与总分留空")]
    return [Finding("warning", at + ("绩效指标",),
                    "有指标未填“得分”：总分留空（请填写各指标得分，或在“总分调整”下写明总分及理由）")]


def check_references(texts: Sequence[tuple[FieldPath, str]], figures: Mapping[str, object]) -> list[Finding]:
    """Every {名称} in free text must be a figure the document has."""
    return [Finding("error", at, f"文中引用了不存在的数字“{{{name}}}”（可引用：{'、'.join(figures)}）")
            for at, text in texts for name in names(text) if name not in figures]


def section_texts(sections: Sequence[Section], at: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    """The titles and paragraphs of sections, with their field paths, for check_references."""
    for i, s in enumerate(sections):
        here = at + (i,)
        yield here + ("标题",), s.标题
        for j, p in enumerate(s.段落):
            if isinstance(p, str):
                yield here + ("段落", j), p
        yield from section_texts(s.小节, here + ("小节",))


def _sum(values: Sequence[Optional[Decimal]]) -> Optional[Decimal]:
    given = [v for v in values if v is not None]
    return sum(given, ZERO) if given else None


def _funds(at: FieldPath, f: Funds) -> Iterator[Finding]:
    for column in ("年初预算数", "全年预算数", "全年执行数"):
        parts = _sum([getattr(r, column) for r in f.其中])
        if parts is not None and parts != getattr(f, column):
            yield Finding("error", at + ("其中",),
                          f"“其中”各行的{column}之和 {_n(parts)} 与年度资金总额 {_n(getattr(f, column))} 不符")
    for split in ("按收入性质", "按支出性质"):
        parts = _sum(list(getattr(f, split).values()))
        if parts is not None and parts != f.全年执行数:
            yield Finding("error", at + (split,), f"{split}各项之和 {_n(parts)} 与全年执行数 {_n(f.全年执行数)} 不符")


def _indicators(at: FieldPath, form: SelfEvaluation) -> Iterator[Finding]:
    for i, first in enumerate(form.绩效指标):
        for j, second in enumerate(first.二级):
            for k, item in enumerate(second.指标):
                if item.得分 is not None and item.得分 > item.weight:
                    yield Finding("error", at + ("绩效指标", i, "二级", j, "指标", k, "得分"),
                                  f"得分 {_n(item.得分)} 超过了分值 {_n(item.weight)}")


def _group(at: FieldPath, g: Group) -> Iterator[Finding]:
    if g.合计 is None:
        return
    for column in COLUMNS:
        parts, whole = _sum([r.column(column) for r in g.明细]), g.合计.column(column)
        if parts is not None and parts > (whole or ZERO):
            yield Finding("error", at + ("合计", column), f"明细之和 {_n(parts)} 超过了合计 {_n(whole or ZERO)}")


def _depth(data: PerformanceEvaluation) -> Iterator[Finding]:
    reports = [(("部门整体", "报告"), data.部门整体.报告 if data.部门整体 else None)]
    reports += [(("项目", i, "报告"), p.报告) for i, p in enumerate(data.项目)]
    for at, report in reports:
        for i, s in enumerate(report.章节 if report else []):
            if s.depth() > MAX_DEPTH:
                yield Finding("error", at + ("章节", i), f"章节最多 {MAX_DEPTH} 层（一、（一）1.（1））")
