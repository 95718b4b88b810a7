"""A data file in the making: each value with the cell it came from, and the fields left 待填."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportgen.workbook.publish_import.forms import Fig

ZERO = Decimal(0)
Path_ = tuple


@dataclass
class Draft:
    """A data file in the making: values, the source of each figure, and the fields left 待填."""

    data: dict = field(default_factory=dict)
    sources: dict[Path_, str] = field(default_factory=dict)
    todo: dict[Path_, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def put(self, path: Path_, value: Any, source: str = "") -> None:
        node: Any = self.data
        for key in path[:-1]:
            if isinstance(node, list):
                if key == len(node):
                    node.append({})
                node = node[key]
            else:
                node = node.setdefault(key, {})
        if isinstance(node, list) and path[-1] == len(node):
            node.append(value)
        else:
            node[path[-1]] = value
        if source:
            self.sources[path] = source

    def fig(self, path: Path_, f: Fig | None) -> None:
        self.put(path, f.value if f is not None else ZERO, f.at if f is not None else "")

    def ask(self, path: Path_, why: str, empty: Any = None) -> None:
        self.put(path, empty)
        self.todo[path] = why
