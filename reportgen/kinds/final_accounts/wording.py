"""The wording in force for one 决算: the layout's defaults for the data file's 版式 fields, its
wording switches (选项) and headings (节标题), each with the data file's own over them.

A layout states what its documents usually say; a unit whose document says it otherwise sets the
field, switch or heading in its data file — never a template of its own. Everything a data file
sets here is checked against the layout (a key it does not have, a value it does not allow, a
heading placeholder that does not exist), so `check` refuses what the templates could not print.
"""

from __future__ import annotations

import string
from typing import Any, Callable, Iterator, Mapping

from pydantic import ValidationError

from reportgen.core.findings import Finding
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.model import FinalAccounts, Wording
from reportgen.layouts import Layout

#: What a heading may name: {单位} the unit where headings carry its name (版式.标题含单位名称),
#: else nothing; {名称} and {简称} the unit; {称谓} 部门/单位; {年} the report year; {主体} {单位}
#: or, without it, {称谓}; {职责} 部门职责 (a 部门决算) or 主要职责 (a 单位决算).
PLACEHOLDERS = ("单位", "名称", "简称", "称谓", "年", "主体", "职责")


def effective_wording(layout: Layout, given: Wording) -> Wording:
    """The data file's 版式 over its layout's defaults: only what the file states overrides.

    A layout's defaults that do not validate are the maintainer's error, not the user's.
    """
    stated = given.model_dump(by_alias=True, include=given.model_fields_set)
    try:
        return Wording.model_validate({**layout.wording, **stated})
    except ValidationError as e:
        raise TemplateError(f"版式“{layout.name}”的“版式”默认值有误：{e.errors()[0]['msg']}") from None


def options(layout: Layout, wording: Wording) -> dict[str, Any]:
    """The layout's wording switches with the data file's own over them."""
    return {**layout.options, **wording.选项}


def heading_maker(layout: Layout, data: FinalAccounts, wording: Wording) -> Callable[[str], str]:
    """`标题(key)`: the heading the document prints for a section or part (see PLACEHOLDERS)."""
    headings = {**layout.headings, **wording.节标题}
    values = placeholder_values(data, wording)

    def heading(key: str) -> str:
        if key not in headings:
            raise TemplateError(f"版式“{layout.name}”没有写明“{key}”一节的标题（版式.yaml 节标题）")
        return headings[key].format_map(values)

    return heading


def placeholder_values(data: FinalAccounts, wording: Wording) -> dict[str, Any]:
    unit = data.单位
    prefix = unit.称呼 if wording.标题含单位名称 else ""
    return {"单位": prefix, "名称": unit.名称, "简称": unit.称呼, "称谓": wording.称谓, "年": unit.报告年度,
            "主体": prefix or wording.称谓, "职责": "部门职责" if wording.称谓 == "部门" else "主要职责"}


def table_set(layout: Layout, wording: Wording) -> tuple[Any, ...]:
    """The 公开表 the document prints, in order: the layout's, or as the data file orders them."""
    if not wording.附表顺序:
        return layout.table_set
    entries = {e["表"]: e for e in layout.table_set}
    return tuple(entries[name] for name in wording.附表顺序)


def wording_findings(layout: Layout, wording: Wording, notes: Mapping[str, str] | None = None) -> list[Finding]:
    """Every 选项, 节标题, 附表顺序 and 附注 of the data file that its layout cannot print."""
    return [*_options(layout, wording), *_headings(layout, wording), *_tables(layout, wording),
            *_notes(layout, notes or {})]


def _notes(layout: Layout, notes: Mapping[str, str]) -> Iterator[Finding]:
    sections = [s for part in layout.description.get("章节", {}).values() for s in part]
    for key in notes:
        if key not in sections:
            yield Finding("error", ("附注", key), f"版式“{layout.name}”没有“{key}”一节（可用：{'、'.join(dict.fromkeys(sections))}）")


def _tables(layout: Layout, wording: Wording) -> Iterator[Finding]:
    known = [e["表"] for e in layout.table_set]
    for n, name in enumerate(wording.附表顺序):
        if name not in known:
            yield Finding("error", ("版式", "附表顺序", n), f"版式“{layout.name}”没有“{name}”这张表（可用：{'、'.join(known)}）")
        elif wording.附表顺序.index(name) != n:
            yield Finding("error", ("版式", "附表顺序", n), f"“{name}”列了两次")
    for name in wording.附表标题:
        if name not in layout.tables:
            yield Finding("error", ("版式", "附表标题", name), f"版式“{layout.name}”没有“{name}”这张表（可用：{'、'.join(layout.tables)}）")


def _options(layout: Layout, wording: Wording) -> Iterator[Finding]:
    known, allowed = layout.options, layout.option_values
    for key, value in wording.选项.items():
        at = ("版式", "选项", key)
        if key not in known:
            yield Finding("error", at, f"版式“{layout.name}”没有选项“{key}”（可用：{'、'.join(known)}）")
        elif isinstance(known[key], bool) != isinstance(value, bool):
            want = "true 或 false" if isinstance(known[key], bool) else "文字"
            yield Finding("error", at, f"选项“{key}”应为{want}")
        elif key in allowed and value not in allowed[key]:
            yield Finding("error", at, f"选项“{key}”只能是：{'、'.join(allowed[key])}")
        elif isinstance(value, str):
            yield from _placeholders(at, value, layout.option_placeholders.get(key, ()))


def _fields(text: str) -> tuple[str, ...] | None:
    """The {names} a wording fills in; None when its braces do not pair."""
    try:
        return tuple(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)
    except ValueError:
        return None


def _placeholders(at: tuple, text: str, allowed: tuple[str, ...]) -> Iterator[Finding]:
    """A wording may fill in only what its layout's own wording does ({上年}, {年} …)."""
    fields = _fields(text)
    if fields is None:
        yield Finding("error", at, "花括号不成对（要填写的内容写作 {上年} 这样的形式）")
        return
    unknown = [f for f in fields if f not in allowed]
    if unknown:
        can = "、".join("{" + p + "}" for p in allowed) if allowed else "无"
        yield Finding("error", at, f"“{{{unknown[0]}}}”不能在这里填写（可填写：{can}）")


def _headings(layout: Layout, wording: Wording) -> Iterator[Finding]:
    for key, text in wording.节标题.items():
        at = ("版式", "节标题", key)
        if key not in layout.headings:
            yield Finding("error", at, f"版式“{layout.name}”没有“{key}”这一标题（可用：{'、'.join(layout.headings)}）")
            continue
        yield from _placeholders(at, text, PLACEHOLDERS)
