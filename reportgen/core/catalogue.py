"""The 支出功能分类科目 catalogue: names of 类/款/项 codes and their 名词解释 wording."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Mapping

import yaml

from reportgen.errors import DataError
from reportgen.resources import data_dir


@dataclass(frozen=True)
class Catalogue:
    names: Mapping[str, str]
    explanations: Mapping[str, str]

    def name(self, code: str, field: str = "科目编码") -> str:
        try:
            return self.names[code]
        except KeyError:
            raise DataError(
                f"未知科目编码 {code}：科目表中没有它，请在“科目名称”下写明它的名称", field=field
            ) from None

    def with_names(self, extra: Mapping[str, str]) -> "Catalogue":
        return Catalogue({**self.names, **extra}, self.explanations)


@cache
def builtin_catalogue() -> Catalogue:
    """The bundled catalogue, data/catalogue/功能分类科目.yaml."""
    raw = yaml.safe_load((data_dir() / "catalogue" / "功能分类科目.yaml").read_text(encoding="utf-8"))
    names = {str(k): v for k, v in raw["类"].items()} | {str(k): v for k, v in raw["款"].items()}
    explanations = {}
    for code, entry in raw["项"].items():
        names[str(code)] = entry["名称"]
        explanations[str(code)] = entry["解释"]
    return Catalogue(names, explanations)
