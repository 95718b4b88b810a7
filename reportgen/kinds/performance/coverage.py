"""Nothing entered is dropped silently: what the layout's forms do not print, the check says.

A data file written for one form and built in another (a 湖南 file in the 渠县 layout, a 四川
one in the 财政部 layout) may hold entries the chosen form has no cell for. Each such entry is a
提示 naming its field and the form, once per field and form; so is an empty narrative cell that
prints the form's own prompt instead of content, and a form whose labels the data file words
differently with a key or placeholder the layout does not have (an error).
"""

from __future__ import annotations

from typing import Any, Iterator

from reportgen.core.findings import Finding
from reportgen.kinds.performance.forms import county
from reportgen.kinds.performance.forms.labels import allowed, unknown_placeholders
from reportgen.kinds.performance.forms.spec import FormSpec
from reportgen.kinds.performance.model import PerformanceEvaluation, SelfEvaluation, Signature
from reportgen.phrasing.references import score

FieldPath = tuple
_AMOUNTS = ("年初预算数", "全年预算数", "全年执行数")
_ITEM_COLUMNS = {"指标性质": "性质", "指标值": "指标值", "度量单位": "度量单位", "实际完成值": "实际完成值",
                 "偏差原因": "偏差原因"}
_CONCLUSIONS = ("评价结论", "存在问题", "改进措施")


def label_findings(data: PerformanceEvaluation, known: dict[str, str]) -> list[Finding]:
    """The data file's own 标签: only the layout's keys, only the placeholders each may use."""
    out = []
    for key, text in data.标签.items():
        if key not in known:
            out.append(Finding("error", ("标签", key), f"版式没有标签“{key}”（可改的标签见 README 或版式.yaml 标签）"))
            continue
        bad = unknown_placeholders(key, text)
        if bad:
            out.append(Finding("error", ("标签", key), f"标签“{key}”用了未知的占位符“{{{bad[0]}}}”"
                                                         f"（可用：{'、'.join(sorted(allowed(key)))}）"))
    return out


def form_findings(layout: str, which: str, at: FieldPath, form: SelfEvaluation, spec: FormSpec) -> list[Finding]:
    """Entries of one form the layout does not print, and prompts printed for empty cells."""
    printed = _printed(spec, which)
    out = [Finding("warning", path, f"表式“{layout}”的{which}自评表没有{_cell(name)}这一栏，所填内容未印出")
           for path, name in _entered(form, at, which) if name not in printed]
    if spec.形式 == "渠县" and which == "部门整体":  # its funds row has two columns of 其中 only
        out += [Finding("warning", at + ("资金", "其中", i, "名称"),
                        f"表式“{layout}”的部门整体自评表只列{'、'.join(county.COLUMNS)}，“{r.名称}”未印出")
                for i, r in enumerate(form.资金.其中) if not county.printed_part(r.名称)]
    out += _reasons(at, form, spec)
    if spec.提示语:
        out += [Finding("warning", at + field, f"“{field[-1]}”未填写，{which}自评表印出表式的提示语")
                for field in _prompted(form, spec)]
    return out


def _reasons(at: FieldPath, form: SelfEvaluation, spec: FormSpec) -> list[Finding]:
    """A 原因 the form asks for and the data file does not give."""
    f, rule = form.资金, spec.说明原因
    if f.原因 or "原因" not in spec.资金列:
        return []
    out = []
    if rule.预算调整 and f.全年预算数 != f.年初预算数:
        out.append(Finding("warning", at + ("资金", "原因"), f"预算年中由 {score(f.年初预算数)} 调整为 "
                           f"{score(f.全年预算数)}（万元），表式要求说明理由：请填写“原因”"))
    low = rule.执行率低于
    if low is not None and f.全年预算数 and f.全年执行数 * 100 < f.全年预算数 * low:
        out.append(Finding("warning", at + ("资金", "原因"), f"执行率未达到 {score(low)}%，表式要求说明原因：请填写“原因”"))
    return out


def _cell(name: str) -> str:
    """
    >>> _cell("其中.年初预算数"), _cell("偏差原因")
    ('其中各行的“年初预算数”', '“偏差原因”')
    """
    return f"其中各行的“{name[3:]}”" if name.startswith("其中.") else f"“{name}”"


def signature_findings(layout: str, data: PerformanceEvaluation, specs: dict[str, FormSpec]) -> list[Finding]:
    """填报 entries no form prints: a form's own, and the document's (which every form and the
    基础数据表's line under it take unless they have their own)."""
    forms = [("部门整体", ("部门整体",), data.部门整体)] if data.部门整体 else []
    forms += [("项目", ("项目", i), p) for i, p in enumerate(data.项目)]
    everywhere = set(_LINE) if data.基础数据表 is not None else set()
    for which, _, _ in forms:
        everywhere |= _printed_signers(specs[which])
    out = [Finding("warning", ("填报", name), f"表式“{layout}”的自评表不印“{name}”，所填内容未印出")
           for name in _signed(data.填报) if name not in everywhere]
    for which, at, form in forms:
        own = _printed_signers(specs[which])
        out += [Finding("warning", at + ("填报", name), f"表式“{layout}”的{which}自评表不印“{name}”，所填内容未印出")
                for name in _signed(form.填报) if name not in own]
    return out


_LINE = ("填表人", "填报日期", "联系电话", "单位负责人")  # the 签字 line under a 湖南 form


def _printed_signers(spec: FormSpec) -> set[str]:
    if spec.形式 != "通用":
        return set()
    return (set(spec.负责人) if "负责人" in spec.块 else set()) | (set(_LINE) if spec.签字 else set())


def _signed(sign: Signature) -> list[str]:
    return list(sign.model_dump(exclude_defaults=True))


def _printed(spec: FormSpec, which: str) -> set[str]:
    """The names of the entries the form has a cell for (as `_entered` names them)."""
    if spec.形式 == "渠县":
        common = {"全年预算数", "其中.全年预算数", "预期目标", *_ITEM_COLUMNS.values()} - {"偏差原因"}
        return common | ({"主要任务"} if which == "部门整体" else {"名称", "实施单位", "概况"})
    out: set[str] = {"全年预算数", "名称"}
    blocks = set(spec.块)
    if "项目抬头" in blocks:
        out |= {"编码", "主管部门", "实施单位"}
    if blocks & {"基本情况", "目标"}:
        out |= {"预期目标", "实际完成情况"}
    if "基本情况" in blocks:
        out.add("实施概述")
    if "资金" in blocks:
        out |= {c for c in spec.资金列 if c in ("年初预算数", "原因")}
        if spec.按性质:
            out |= {"按收入性质", "按支出性质"}
        else:
            out |= {f"其中.{c}" for c in spec.资金列 if c in _AMOUNTS}
    if "指标" in blocks:
        out |= {_ITEM_COLUMNS[c] for c in spec.指标列 if c in _ITEM_COLUMNS}
    if "结论" in blocks:
        out |= set(_CONCLUSIONS)
    if "总分" in blocks and spec.总分行.说明:
        out.add("其他说明")
    return out


def _entered(form: SelfEvaluation, at: FieldPath, which: str) -> Iterator[tuple[FieldPath, str]]:
    """Each entry of the form that some form prints, with the name `_printed` knows it by; an
    indicator or 其中 field once, at its first entry."""
    f = form.资金
    for name in ("年初预算数", "原因", "按收入性质", "按支出性质"):
        if getattr(f, name):
            yield at + ("资金", name), name
    for column in _AMOUNTS:
        first = next((i for i, r in enumerate(f.其中) if getattr(r, column) is not None), None)
        if first is not None:
            yield at + ("资金", "其中", first, column), f"其中.{column}"
    goal = form.年度总体目标
    if goal.实际完成情况:
        yield at + ("年度总体目标", "实际完成情况"), "实际完成情况"
    for name in ("编码", "主管部门", "实施单位", "实施概述", *_CONCLUSIONS, "其他说明"):
        if getattr(form, name, ""):
            yield at + (name,), name
    if getattr(form, "主要任务", None):
        yield at + ("主要任务",), "主要任务"
    profile = getattr(form, "概况", None)
    if profile is not None and profile.model_dump(exclude_defaults=True):
        yield at + ("概况",), "概况"
    seen: set[str] = set()
    for path, item in _items(form, at):
        for name in _ITEM_COLUMNS.values():
            if name not in seen and getattr(item, name):
                seen.add(name)
                yield path + (name,), name


def _items(form: SelfEvaluation, at: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    for i, first in enumerate(form.绩效指标):
        for j, second in enumerate(first.二级):
            for k, item in enumerate(second.指标):
                yield at + ("绩效指标", i, "二级", j, "指标", k), item


def _prompted(form: SelfEvaluation, spec: FormSpec) -> Iterator[FieldPath]:
    blocks = set(spec.块)
    if blocks & {"基本情况", "目标"} and not form.年度总体目标.实际完成情况:
        yield ("年度总体目标", "实际完成情况")
    if "结论" in blocks:
        yield from ((name,) for name in _CONCLUSIONS if not getattr(form, name))
