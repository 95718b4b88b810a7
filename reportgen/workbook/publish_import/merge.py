"""`import --into`: this year's figures from the tables into an existing data file, its text kept.

The existing file (rolled forward by `next-year`, or last run's) is read with its comments; each
figure the tables hold replaces the one at its place, in the file's own 金额单位 (converted
exactly). Lists by 科目编码 are matched code by code: a 项 keeps its 预算数, 原因 and name; a 项
the tables no longer list keeps its budget with 决算数 0, or goes when it has no budget either; a
new 项 is added. Reasons, 职责, 上年决算, layout and style are left as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen.errors import DataError
from reportgen.workbook.publish_import.assemble import FUND_LISTS
from reportgen.workbook.publish_import.draft import Draft
from reportgen.workbook.publish_import.yamlout import to_text, yaml

ZERO = Decimal(0)
#: Comments this command writes (a source cell, 待填), replaced when it writes the field again.
_OURS = re.compile(r"^#\s*(待填|由 \d{4} 年度结转|上年年末数|\d{4} 年度|\S+![A-Z]{1,3}\d+)")
TEN_THOUSAND = Decimal(10000)
#: Sections of single figures, replaced key by key (a zero the file does not state is not added).
SECTIONS = ("收入", "支出", "结转结余")
#: Lists of amounts by 经济分类 款: code → the figures replaced.
ECONOMIC = {("一般公共预算财政拨款基本支出", "人员经费", "经济分类"): ("金额",),
            ("一般公共预算财政拨款基本支出", "公用经费", "经济分类"): ("金额",),
            ("一般公共预算财政拨款项目支出",): ("金额",),
            ("其他财政拨款支出经济分类",): ("基本支出", "项目支出")}
NON_FISCAL = ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入", "基本支出", "项目支出",
              "上缴上级支出", "经营支出", "对附属单位补助支出")


def merge_into(target: Path, draft: Draft) -> tuple[str, list[str]]:
    """The text of `target` with the draft's figures in it, and notes for the officer."""
    try:
        doc = yaml().load(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError("文件不存在", file=str(target)) from None
    except Exception as e:  # ruamel raises many kinds on broken YAML
        raise DataError(f"无法读取：{str(e).splitlines()[0]}", file=str(target)) from None
    if not isinstance(doc, CommentedMap):
        raise DataError("数据文件应是若干“名称: 值”的字段", file=str(target), line=1)
    unit = str(doc.get("金额单位", "万元"))
    factor = Decimal(1) if unit == draft.data["金额单位"] else TEN_THOUSAND if unit == "元" else 1 / TEN_THOUSAND
    m = _Merger(draft, factor)
    notes = m.identity(doc)
    for section in SECTIONS:
        m.section(doc, section)
    for side in ("预算", "决算"):
        m.put_all(_child(_child(doc, "三公经费"), side), draft.data["三公经费"][side], ("三公经费", side))
    basic = _child(doc, "一般公共预算财政拨款基本支出")
    for group in ("人员经费", "公用经费"):
        m.put(_child(basic, group), "金额", draft.data["一般公共预算财政拨款基本支出"][group]["金额"],
              ("一般公共预算财政拨款基本支出", group, "金额"))
    for path, fields in ECONOMIC.items():
        if _get(draft.data, path) is not None:
            m.by_code(doc, path, fields, keep_unlisted=False)
    for _, name in FUND_LISTS:
        # Carry-over by 项 that the tables could not tell stays as the file has it.
        carry = () if (name,) in draft.todo else ("年初结转和结余", "年末结转和结余")
        m.by_code(doc, (name,), ("决算数", "基本支出", "项目支出", *carry), keep_unlisted=True)
    m.by_code(doc, ("非财政拨款收支",), NON_FISCAL, keep_unlisted=False)
    names = draft.data.get("科目名称", {})
    if names:
        own = _child(doc, "科目名称")
        for code, name in names.items():
            own.setdefault(code, name)
    return to_text(doc), notes


class _Merger:
    def __init__(self, draft: Draft, factor: Decimal):
        self.draft, self.factor = draft, factor

    def value(self, v: Any) -> Any:
        return (v * self.factor).normalize() if isinstance(v, Decimal) else v

    def put(self, node: CommentedMap, key: str, v: Any, path: tuple, add_zero: bool = True) -> None:
        if key not in node and not add_zero and not v:
            return
        if key not in node and node:
            _move_blank_lines(node, key)
        node[key] = self.value(v)
        source = self.draft.sources.get(path)
        if source and not node.fa.flow_style():
            note(node, key, source)

    def put_all(self, node: CommentedMap, values: dict, path: tuple) -> None:
        for k, v in values.items():
            self.put(node, k, v, path + (k,))

    def section(self, doc: CommentedMap, section: str) -> None:
        node = _child(doc, section)
        for k, v in self.draft.data.get(section, {}).items():
            self.put(node, k, v, (section, k), add_zero=False)

    def by_code(self, doc: CommentedMap, path: tuple, fields: tuple, keep_unlisted: bool) -> None:
        new = _get(self.draft.data, path) or []
        parent = doc
        for key in path[:-1]:
            parent = _child(parent, key)
        items = parent.get(path[-1])
        if not isinstance(items, CommentedSeq):
            items = CommentedSeq()
            if new or path[-1] in parent:
                parent[path[-1]] = items
        by_code = {str(x.get("科目编码")): i for i, x in enumerate(new)}
        for x in list(items):
            code = str(x.get("科目编码")) if isinstance(x, dict) else None
            if code in by_code:
                i = by_code.pop(code)
                self._update(x, new[i], path + (i,), fields)
            elif keep_unlisted and x.get("预算数") is not None:
                for k in fields:  # budgeted, nothing spent: the tables leave it out
                    if k in x:
                        x[k] = 0
            else:
                items.remove(x)
        for code, i in by_code.items():
            item = CommentedMap()
            for k, v in new[i].items():
                self.put(item, k, v, path + (i, k))
            items.append(item)

    def _update(self, item: CommentedMap, new: dict, path: tuple, fields: tuple) -> None:
        for k in fields:
            if k in new:
                # A 项's 基本支出 is the rest of its 决算数 unless the file states it: keep that form.
                implied = k == "基本支出" and "基本支出" not in item or \
                    k == "项目支出" and "项目支出" not in item and "基本支出" in item
                if not implied:
                    self.put(item, k, new[k], path + (k,), add_zero=k in ("决算数", "金额"))
            elif k in item:
                item[k] = 0
        if "预算数" in new and new["预算数"] is not None:
            self.put(item, "预算数", new["预算数"], path + ("预算数",))

    def identity(self, doc: CommentedMap) -> list[str]:
        unit, data = doc.get("单位") or {}, self.draft.data["单位"]
        notes = []
        if data.get("名称") and unit.get("名称") and str(unit["名称"]) != data["名称"]:
            notes.append(f"工作簿的单位是“{data['名称']}”，数据文件是“{unit['名称']}”：请确认没有选错文件")
        if data.get("报告年度") and unit.get("报告年度") and int(unit["报告年度"]) != data["报告年度"]:
            notes.append(f"工作簿是 {data['报告年度']} 年度的，数据文件是 {unit['报告年度']} 年度")
        return notes


def note(node: CommentedMap, key: str, text: str) -> None:
    """`key`'s end-of-line comment becomes `text`; blank lines that followed it stay (ruamel keeps
    them in the same comment token) and so does a comment of the officer's own."""
    old = node.ca.items.get(key)
    token = old[2] if old and len(old) > 2 else None
    if token is not None and token.value.strip() and not _OURS.search(token.value):
        return
    node.yaml_add_eol_comment(text, key)
    if token is not None and token.value.count("\n") > 1:
        new = node.ca.items[key][2]
        new.value = new.value.rstrip("\n") + "\n" * token.value.count("\n")


def _move_blank_lines(node: CommentedMap, key: str) -> None:
    """Blank lines after a section's last key go after the key appended to it."""
    last = list(node)[-1]
    old = node.ca.items.get(last)
    token = old[2] if old and len(old) > 2 else None
    if token is None:
        return
    extra = len(token.value) - len(token.value.rstrip("\n")) - 1
    if extra <= 0:
        return
    token.value = token.value.rstrip("\n") + "\n"
    node[key] = None
    node.yaml_add_eol_comment("#", key)
    node.ca.items[key][2].value = "\n" * (extra + 1)


def _child(node: CommentedMap, key: str) -> CommentedMap:
    if not isinstance(node.get(key), CommentedMap):
        node[key] = CommentedMap()
    return node[key]


def _get(data: Any, path: tuple) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data
