"""The form for what the tables cannot hold: its sections, its fields with their values and
findings, and a submission merged onto the latest version field by field.

Sections name subtrees of the 部门决算 model; their fields are the model's own leaves (so a field
the model gains appears by itself), and the rows of the 科目 lists give one 原因 each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from pydantic import BaseModel

from reportgen.core.catalogue import builtin_catalogue
from reportgen.errors import DataError
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.resources import templates_dir
from reportgen.web.datafile import field_name, show, value_at
from reportgen.web.fields import FieldKind, _annotated, _args, _plain, _strip_optional, kind_at, same, to_value

Path = tuple[str | int, ...]

#: (title, subtrees of the data file, field names left out because the tables or the header hold them)
SECTIONS: tuple[tuple[str, tuple[Path, ...], frozenset[str]], ...] = (
    ("单位基本情况", (("单位",),), frozenset({"单位.名称", "单位.报告年度"})),
    ("上年决算数", (("上年决算",),), frozenset()),
    ("增减变动原因", (("变动原因",),), frozenset()),
    ("各项预算数与预决算差异原因", (), frozenset()),
    ("“三公”经费", (("三公经费",),), frozenset()),
    ("机关运行经费", (("机关运行经费",),), frozenset()),
    ("政府采购", (("政府采购",),), frozenset()),
    ("国有资产占有使用情况", (("国有资产",),), frozenset()),
    ("预算绩效管理", (("预算绩效管理",),), frozenset()),
    ("版式与数字格式", (("版式",), ("样式",)), frozenset()),
)
#: The 科目 lists whose rows each get a 原因 (why 决算数 differs from 预算数).
SUBJECT_LISTS = ("一般公共预算财政拨款支出", "政府性基金预算财政拨款支出", "国有资本经营预算财政拨款支出")


@dataclass
class FormField:
    path: Path
    name: str
    label: str
    kind: FieldKind
    value: str
    anchor: str = ""
    note: str = ""  # figures beside a reason (预算数, 决算数)
    findings: list = field(default_factory=list)


@dataclass
class Section:
    title: str
    fields: list[FormField]
    findings: list = field(default_factory=list)  # about the section's subtree but no one field


def form_fields(data: Mapping[str, Any]) -> list[Section]:
    """Every section with its fields and the values `data` holds."""
    sections = []
    for title, roots, skip in SECTIONS:
        if title == "各项预算数与预决算差异原因":
            fields = list(_reason_rows(data))
        else:
            fields = [f for root in roots for f in _leaves(FinalAccounts, root, data) if f.name not in skip]
        sections.append(Section(title, fields))
    n = 0
    for s in sections:
        for f in s.fields:
            n += 1
            f.anchor = f"f{n}"
    return sections


def _leaves(model: Any, path: Path, data: Mapping[str, Any]) -> Iterator[FormField]:
    try:
        kind = kind_at(model, path)
    except KeyError:
        return
    annotation = _type_at(model, path)
    plain = _plain(_strip_optional(annotation))
    if isinstance(plain, type) and issubclass(plain, BaseModel):
        for name, info in plain.model_fields.items():
            yield from _leaves(model, path + (info.alias or name,), data)
        return
    if getattr(plain, "__origin__", None) is dict:
        keys = list(kind.default or {}) + [k for k in (value_at(data, path) or {}) if k not in (kind.default or {})]
        for key in keys:
            yield from _leaves(model, path + (str(key),), data)
        return
    if kind.kind == "text" and getattr(plain, "__origin__", None) is not None:
        return  # a switch of several types (版式.选项 values): edited in the data file, not here
    unit = data.get("金额单位", "万元")
    label = " · ".join(str(p) for p in path[1:]) + (f"（{unit}）" if kind.kind == "money" else "")
    yield FormField(path, field_name(path), label, kind, show(value_at(data, path)))


def _type_at(model: Any, path: Path) -> Any:
    annotation: Any = model
    for step in path:
        annotation = _strip_optional(annotation)
        plain = _plain(annotation)
        if isinstance(plain, type) and issubclass(plain, BaseModel):
            info = next(i for n, i in plain.model_fields.items() if step in (n, i.alias))
            annotation = _annotated(info)
        else:
            annotation = _args(annotation)[1] if isinstance(step, str) else _args(annotation)[0]
    return annotation


def _reason_rows(data: Mapping[str, Any]) -> Iterator[FormField]:
    """Each 项's 预算数 (the 公开表 print none) and its reason where 决算数 differs from it."""
    unit = data.get("金额单位", "万元")
    year = value_at(data, ("单位", "报告年度"))
    catalogue = builtin_catalogue(year if isinstance(year, int) else None)
    for listed in SUBJECT_LISTS:
        for i, row in enumerate(data.get(listed) or []):
            if not isinstance(row, dict):
                continue
            code = row.get("科目编码", "")
            name = f"{code} {row.get('科目名称') or _name(catalogue, str(code))}".strip()
            budget = (listed, i, "预算数")
            yield FormField(budget, field_name(budget), f"{name} · 预算数（{unit}）", kind_at(FinalAccounts, budget),
                            show(row.get("预算数")), note=f"决算数 {show(row.get('决算数'))}（{unit}）")
            reason = (listed, i, "原因")
            yield FormField(reason, field_name(reason), f"{name} · 原因", kind_at(FinalAccounts, reason),
                            show(row.get("原因")))


def _name(catalogue: Any, code: str) -> str:
    try:
        return catalogue.name(code)
    except (KeyError, ValueError, DataError):
        return ""


def layout_choices() -> tuple[str, ...]:
    """The 决算 layouts installed (folders of templates/zh_CN/决算 with a 版式.yaml)."""
    family = templates_dir() / "zh_CN" / "决算"
    return tuple(sorted(p.parent.name for p in family.glob("*/版式.yaml")))


def place_findings(sections: list[Section], findings: list) -> list:
    """Put each finding beside its field, else at the top of its section; returns the rest."""
    by_name = {f.name: f for s in sections for f in s.fields}
    rest = []
    for finding in findings:
        target = by_name.get(finding["field"])
        if target is not None:
            target.findings.append(finding)
            continue
        section = next((s for s in sections for f in s.fields
                        if finding["field"].startswith(f.name.split(".")[0] + ".")), None)
        if section is not None:
            section.findings.append(finding)
        else:
            rest.append(finding)
    return rest


def edits_of(base: Mapping[str, Any], submitted: Mapping[str, str]) -> dict[Path, Any]:
    """The fields the officer changed against the version the form showed, as YAML values."""
    edits = {}
    for section in form_fields(base):
        for f in section.fields:
            text = submitted.get(f.name, "")
            new = to_value(f.kind, text)
            old = value_at(base, f.path)
            # An explicit null (what `reportgen import` leaves 待填) is not the default: filling it is an edit.
            waiting = old is None and new is not None and _present(base, f.path)
            if waiting or not same(f.kind, new, old):
                edits[f.path] = new
    return edits


def _present(data: Mapping[str, Any], path: Path) -> bool:
    parent = value_at(data, path[:-1])
    return isinstance(parent, dict) and path[-1] in parent


def conflicts(base: Mapping[str, Any], latest: Mapping[str, Any], edits: Mapping[Path, Any]) -> list[Path]:
    """Edits that someone else's newer version changed differently (or whose 科目 row moved)."""
    out = []
    for path, new in edits.items():
        kind = kind_at(FinalAccounts, path)
        moved = isinstance(path[1] if len(path) > 1 else None, int) and \
            value_at(base, path[:2] + ("科目编码",)) != value_at(latest, path[:2] + ("科目编码",))
        theirs = value_at(latest, path)
        if moved or (not same(kind, theirs, value_at(base, path)) and not same(kind, theirs, new)):
            out.append(path)
    return out
