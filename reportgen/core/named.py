"""A figure that free text may name in braces ("{全年执行数}"), with its kind.

Each value carries its kind (an amount, a percentage, a score, a count, text, a list), so the
phrasing layer prints it by the document's style; no word is chosen here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["金额", "百分比", "分数", "整数", "文字", "列表"]


@dataclass(frozen=True)
class Named:
    kind: Kind
    value: Any


