"""A data file's YAML text as the web edits it: values at field paths, edits that keep the
officer's comments and key order (ruamel.yaml round trip), and the field-by-field change log.

Reading values goes through reportgen's own loader (exact Decimals); only writing uses ruamel,
whose round-trip mode keeps comments, key order and untouched scalars exactly as typed.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from reportgen.core.yamlfile import parse_yaml
from reportgen.errors import DataError

Path = tuple[str | int, ...]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_name(path: Path) -> str:
    """The path as reportgen's findings write it (list positions from 1).

    >>> field_name(("一般公共预算财政拨款支出", 2, "原因"))
    '一般公共预算财政拨款支出[3].原因'
    """
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else ("." if out else "") + p
    return out


def parse_field_name(name: str) -> Path:
    """The inverse of `field_name`.

    >>> parse_field_name("三公经费.公务用车购置.轿车.辆数")
    ('三公经费', '公务用车购置', '轿车', '辆数')
    >>> parse_field_name("一般公共预算财政拨款支出[3].原因")
    ('一般公共预算财政拨款支出', 2, '原因')
    """
    return tuple(int(i) - 1 if i else k for k, i in _STEP.findall(name))


def values(text: str) -> Any:
    """The data of a YAML text (exact Decimals); an unreadable text gives {}."""
    try:
        data, _ = parse_yaml(text)
    except DataError:
        return {}
    return data if isinstance(data, dict) else {}


def value_at(data: Any, path: Path) -> Any:
    """The value at a path, or None where any step is missing."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or step >= len(data):
                return None
        elif not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def has_aliases(text: str) -> bool:
    """Whether the YAML uses anchors or aliases: the web refuses them (an alias bomb grows
    without bound when expanded, and a data file has no need of them)."""
    try:
        return any(isinstance(e, (yaml.AliasEvent,)) or getattr(e, "anchor", None)
                   for e in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        return False  # the loader reports the syntax error itself, with its line


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.allow_unicode = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(Decimal, _decimal)
    # `null` as the importer writes it (ruamel would leave the value empty: the same, but less plain).
    y.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def _decimal(representer, value: Decimal):
    # Written as the digits typed, so the loader reads back the same Decimal.
    text = format(value, "f")
    return representer.represent_scalar("tag:yaml.org,2002:" + ("float" if "." in text else "int"), text)


def apply_edits(text: str, edits: dict[Path, Any]) -> str:
    """The text with each path set to its value (None removes the key), comments kept."""
    y = _yaml()
    doc = y.load(text) if text.strip() else CommentedMap()
    if not isinstance(doc, dict):
        doc = CommentedMap()
    for path, value in edits.items():
        _set(doc, path, value)
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue()


def dump(data: Any) -> str:
    """Plain values as a data file."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _set(doc: Any, path: Path, value: Any) -> None:
    node = doc
    for i, step in enumerate(path[:-1]):
        nxt = path[i + 1]
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return  # a row the file no longer has: nothing to set
            node = node[step]
            continue
        if step not in node or not isinstance(node[step], (dict, list)):
            if value is None:
                return
            node[step] = [] if isinstance(nxt, int) else CommentedMap()
        node = node[step]
    last = path[-1]
    if value is None:
        if isinstance(node, dict):
            node.pop(last, None)
        return
    if isinstance(value, str) and "\n" in value:
        value = LiteralScalarString(value)
    if isinstance(last, int):
        if isinstance(node, list) and last < len(node):
            node[last] = value
    elif isinstance(node, dict):
        node[last] = value
        _drop_todo_comment(node, last)


def _drop_todo_comment(node: Any, key: str) -> None:
    # `reportgen import` marks what the tables lack "# 待填：…"; once filled, the mark would mislead.
    # Only the comment's own line goes: blank lines and comments after it stay where they were.
    items = getattr(getattr(node, "ca", None), "items", {})
    token = (items.get(key) or [None, None, None])[2]
    if token is not None and token.value.lstrip().startswith("# 待填"):
        rest = token.value.split("\n", 1)[1] if "\n" in token.value else ""
        token.value = "\n" + rest


def flatten(data: Any, prefix: Path = ()) -> dict[str, str]:
    """Every leaf as field name → text; rows of a 科目 list are named by their code, so that a
    row added above does not make every later row look changed.

    >>> flatten({"支出": [{"科目编码": 2080501, "原因": "x"}], "收入": {"事业收入": Decimal("1.50")}})
    {'支出[2080501].原因': 'x', '支出[2080501]': '（行）', '收入.事业收入': '1.50'}
    """
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(flatten(v, prefix + (str(k),)))
    elif isinstance(data, list) and data and all(isinstance(x, dict) and "科目编码" in x for x in data):
        for item in data:
            code = str(item["科目编码"])
            out.update({k: v for k, v in flatten({x: y for x, y in item.items() if x != "科目编码"},
                                                 prefix + (f"[{code}]",)).items()})
            out.setdefault(_join(prefix + (f"[{code}]",)), "（行）")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            out.update(flatten(item, prefix + (i,)))
    else:
        out[_join(prefix)] = show(data)
    return out


def _join(path: tuple) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p + 1}]"
        elif p.startswith("["):
            out += p
        else:
            out += ("." if out else "") + p
    return out


def show(value: Any) -> str:
    """A value as the form and the log print it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "\n".join(show(v) for v in value)
    return str(value)


def differ(old_text: str | None, new_text: str) -> list[tuple[str, str | None, str | None]]:
    """The change log rows between two texts of one data file."""
    if old_text is None:
        return [("（整个文件）", None, "新建")]
    old, new = flatten(values(old_text)), flatten(values(new_text))
    rows = [(k, old.get(k), new.get(k)) for k in list(old) + [k for k in new if k not in old]
            if old.get(k) != new.get(k)]
    if not rows and old_text != new_text:
        rows = [("（整个文件）", "旧文本", "新文本")]
    return rows
