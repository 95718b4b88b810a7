"""Write a data file with comments: each figure's source cell, each empty field's “待填”.

ruamel.yaml (round-trip mode) writes it, so that `--into` can update an existing file in place and
keep its comments, key order and flow-style lists; figures are written as exact decimals in the
file's 金额单位.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from reportgen.workbook.publish_import.draft import Draft


def yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # a long flow list stays on its line rather than being re-wrapped
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(Decimal, _decimal)
    y.representer.ignore_aliases = lambda data: True  # the same 0 in two places is written twice
    return y


def plain(d: Decimal) -> str:
    """A figure as written: exact, without exponent or needless zeros.

    >>> plain(Decimal("1849000.0000")), plain(Decimal("184.90")), plain(Decimal("-0.5E+1"))
    ('1849000', '184.9', '-5')
    """
    d = d.normalize()
    return format(d.quantize(Decimal(1)) if d == d.to_integral_value() else d, "f")


def _decimal(representer: Any, value: Decimal) -> Any:
    text = plain(value)
    tag = "tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float"
    return representer.represent_scalar(tag, text)


def to_text(node: Any) -> str:
    out = io.StringIO()
    yaml().dump(node, out)
    return out.getvalue()


def draft_text(draft: Draft, header: str) -> str:
    """The draft as a commented YAML document under `header` (comment lines)."""
    root = _node(draft.data, (), draft)
    root.yaml_set_start_comment(header)
    return to_text(root)


def _node(value: Any, path: tuple, draft: Draft) -> Any:
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _node(v, path + (k,), draft)
            comment = _comment(path + (k,), draft)
            if comment and not isinstance(v, (dict, list)) or comment and not v:
                m.yaml_add_eol_comment(comment, k)
            elif comment:
                m.yaml_set_comment_before_after_key(k, before=comment, indent=2 * len(path))
        return m
    if isinstance(value, list):
        s = CommentedSeq()
        for i, v in enumerate(value):
            s.append(_node(v, path + (i,), draft))
        return s
    return value


def _comment(path: tuple, draft: Draft) -> str:
    if path in draft.todo:
        return f"待填：{draft.todo[path]}"
    return draft.sources.get(path, "")
