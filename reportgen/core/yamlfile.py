"""Read a YAML data file into plain Python values, with exact Decimals and the line of every field.

PyYAML would read 141.54 as a float; here every number that is not a whole number becomes the
Decimal of its written digits, so no figure is ever inexact. Each value's 1-based line number
is kept by field path, so that a validation error can point at the line to fix.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import DataError

Path_ = tuple[str | int, ...]

# libyaml's parser is some ten times faster than PyYAML's own and gives the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse `path`; returns the data and a map from field path to line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("文件不存在", file=str(path)) from None
    except UnicodeDecodeError:
        raise DataError("文件不是 UTF-8 编码的文本", file=str(path)) from None
    except OSError as e:
        raise DataError(f"无法读取：{e.strerror}", file=str(path)) from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, filename: str = "<data>") -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text (see `load_yaml`).

    >>> data, lines = parse_yaml("收入:\\n  事业收入: 12.30\\n")
    >>> data, lines[("收入", "事业收入")]
    ({'收入': {'事业收入': Decimal('12.30')}}, 2)
    """
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(e, "problem", None) or str(e)
        raise DataError(f"YAML 格式错误：{problem}", file=filename, line=line) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    return _convert(node, (), lines, filename), lines


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], filename: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node))
            if key in out:
                raise DataError(f"字段重复：{key}", file=filename, line=key_node.start_mark.line + 1)
            out[key] = _convert(value_node, path + (key,), lines, filename)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path + (i,), lines, filename) for i, v in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if node.tag == "tag:yaml.org,2002:float":
        # Keep the digits as written: "141.54" is Decimal("141.54"), never 141.53999…
        try:
            return Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            return node.value  # .inf / .nan: left as text for the model to reject by name
    # A fresh constructor per scalar: a shared one keeps every object it ever built (its
    # constructed_objects memo), which grew by megabytes per data file in a long batch.
    return yaml.SafeLoader("").construct_object(node, deep=True)
