"""A layout's description, `版式.yaml`: read, checked key by key, and merged with its ancestors'.

The description is data a maintainer writes, so an unknown key or a wrong type is reported with
the file and key rather than ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import yaml

from reportgen.errors import TemplateError

DESCRIPTION = "版式.yaml"
Description = Mapping[str, Any]

#: Each key a description may hold, the type of its value, and how a child layout merges it:
#: "replace" takes the child's value, "update" merges mappings key by key (child wins), "deep"
#: merges nested mappings at every level (a 绩效 layout changes one option of one form).
KEYS: dict[str, tuple[type, str]] = {
    "名称": (str, "replace"),
    "说明": (str, "replace"),
    "继承": (str, "replace"),
    "部分": (list, "replace"),
    "章节": (dict, "update"),
    "节标题": (dict, "update"),
    "标题编号": (list, "replace"),
    "样式": (dict, "update"),
    "表": (dict, "update"),
    "附表": (list, "replace"),
    "选项": (dict, "update"),
    "选项取值": (dict, "update"),
    "选项占位": (dict, "update"),
    "版式": (dict, "update"),
    "自评表": (dict, "deep"),
    "标签": (dict, "update"),
}


def read_description(path: Path) -> Description:
    """Parse and check one `版式.yaml`."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise TemplateError(f"{path}: 版式说明无法读取：{e}") from None
    if not isinstance(raw, dict):
        raise TemplateError(f"{path}: 版式说明应是若干“名称: 值”的字段")
    for key, value in raw.items():
        if key not in KEYS:
            raise TemplateError(f"{path}: 不认识的版式字段“{key}”（可用：{'、'.join(KEYS)}）")
        kind = KEYS[key][0]
        if not isinstance(value, kind):
            raise TemplateError(f"{path}: 版式字段“{key}”的值类型不对")
    numbering = raw.get("标题编号")
    if numbering is not None and len(numbering) != 5:
        raise TemplateError(f"{path}: 标题编号应列出 5 级")
    return raw


def _deep(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """
    >>> _deep({"项目": {"a": 1, "b": {"x": 1}}}, {"项目": {"b": {"y": 2}}})
    {'项目': {'a': 1, 'b': {'x': 1, 'y': 2}}}
    """
    out = dict(base)
    for key, value in over.items():
        both = isinstance(value, Mapping) and isinstance(out.get(key), Mapping)
        out[key] = _deep(out[key], value) if both else value
    return out


def merged(chain: list[Description]) -> Description:
    """The descriptions of a layout and its ancestors (own first) merged into one.

    >>> merged([{"样式": {"百分比小数位": 1}, "附表": []}, {"样式": {"金额小数位": 2}, "附表": [1], "部分": ["a"]}])
    {'样式': {'金额小数位': 2, '百分比小数位': 1}, '附表': [], '部分': ['a']}
    """
    out: dict[str, Any] = {}
    for description in reversed(chain):  # ancestors first, so the child's entries win
        for key, value in description.items():
            if KEYS[key][1] == "update" and key in out:
                out[key] = {**out[key], **value}
            elif KEYS[key][1] == "deep" and key in out:
                out[key] = _deep(out[key], value)
            else:
                out[key] = value
    return out
