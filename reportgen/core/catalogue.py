"""The classification catalogues (支出功能分类, 部门预算支出经济分类): names by year and 名词解释.

Each bundled file (data/catalogue/*.yaml, see its README) lists 类/款/项 codes with their name,
their older names (`历年名称: [{至: 2020, 名称: 扶贫}]` — the name printed in report years up to
2020), an optional explanation and where the entry came from. A catalogue is read for one report
year, so a 2020 report prints 扶贫 where a 2024 one prints 巩固脱贫攻坚成果衔接乡村振兴.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Mapping

import yaml

from reportgen.errors import DataError
from reportgen.resources import data_dir

FUNCTIONAL = "功能分类科目.yaml"
ECONOMIC = "经济分类科目.yaml"


@dataclass(frozen=True)
class Entry:
    """One code: its current name, older names (until year, name), explanation and sources."""

    code: str
    name: str
    history: tuple[tuple[int, str], ...] = ()
    explanation: str | None = None
    sources: tuple[str, ...] = ()

    def name_in(self, year: int | None) -> str:
        """The name printed in a report of `year` (the current name when no year is given).

        >>> e = Entry("21305", "巩固脱贫攻坚成果衔接乡村振兴", ((2020, "扶贫"),))
        >>> e.name_in(2020), e.name_in(2021), e.name_in(None)
        ('扶贫', '巩固脱贫攻坚成果衔接乡村振兴', '巩固脱贫攻坚成果衔接乡村振兴')
        """
        if year is not None:
            for until, old in sorted(self.history):
                if year <= until:
                    return old
        return self.name


@dataclass(frozen=True)
class Catalogue:
    """Names and explanations of one catalogue as printed in one report year."""

    names: Mapping[str, str]
    explanations: Mapping[str, str]
    entries: Mapping[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def name(self, code: str, field: str = "科目编码") -> str:
        try:
            return self.names[code]
        except KeyError:
            raise DataError(
                f"未知科目编码 {code}：科目表中没有它，请在“科目名称”下写明它的名称", field=field
            ) from None

    def with_names(self, extra: Mapping[str, str]) -> "Catalogue":
        """The catalogue with a data file's own names (科目名称) over the bundled ones."""
        return Catalogue({**self.names, **extra}, self.explanations, self.entries)

    def search(self, words: str) -> list[Entry]:
        """Entries whose code starts with `words`, or whose name (current or older) contains it."""
        return [e for code, e in sorted(self.entries.items())
                if code.startswith(words) or words in e.name or any(words in n for _, n in e.history)]


def parse(raw: Mapping[str, Any], year: int | None = None) -> Catalogue:
    """A catalogue file's content, named as in `year`.

    >>> c = parse({"类": {"213": {"名称": "农林水支出"}},
    ...            "款": {"21305": {"名称": "巩固脱贫攻坚成果衔接乡村振兴", "历年名称": [{"至": 2020, "名称": "扶贫"}]}},
    ...            "项": {"2130599": {"名称": "其他巩固脱贫攻坚成果衔接乡村振兴支出", "解释": "反映……"}}}, 2020)
    >>> c.name("21305"), c.explanations["2130599"]
    ('扶贫', '反映……')
    """
    entries: dict[str, Entry] = {}
    for level in ("类", "款", "项"):
        for code, value in (raw.get(level) or {}).items():
            entries[str(code)] = _entry(str(code), value)
    names = {code: e.name_in(year) for code, e in entries.items()}
    explanations = {code: e.explanation for code, e in entries.items() if e.explanation}
    return Catalogue(names, explanations, entries)


def _entry(code: str, value: Any) -> Entry:
    if isinstance(value, str):  # a bare name
        return Entry(code, value)
    history = tuple((int(h["至"]), str(h["名称"])) for h in value.get("历年名称", ()))
    return Entry(code, str(value["名称"]), history, value.get("解释"), tuple(value.get("来源", ())))


@cache
def _raw(file: str) -> Mapping[str, Any]:
    return yaml.safe_load((data_dir() / "catalogue" / file).read_text(encoding="utf-8"))


#: The bundled catalogues, by what `reportgen catalogue` calls them.
FILES = {"功能分类": FUNCTIONAL, "经济分类": ECONOMIC, "政府预算经济分类": "政府预算经济分类科目.yaml"}


def sources(file: str) -> Mapping[str, str]:
    """A catalogue file's 来源 table: key → what the source is (and where)."""
    out = {}
    for key, value in (_raw(file).get("来源") or {}).items():
        where = value.get("地址", "") if isinstance(value, dict) else ""
        name = value.get("名称", "") if isinstance(value, dict) else str(value)
        out[str(key)] = f"{name}（{where}）" if where else name
    return out


def bundled(file: str, year: int | None = None) -> Catalogue:
    """Any bundled catalogue file, named as in `year`."""
    return parse(_raw(file), year)


@cache
def builtin_catalogue(year: int | None = None) -> Catalogue:
    """The bundled 支出功能分类科目, named as in `year` (data/catalogue/功能分类科目.yaml)."""
    return parse(_raw(FUNCTIONAL), year)


@cache
def economic_catalogue(year: int | None = None) -> Catalogue:
    """The bundled 部门预算支出经济分类科目 (data/catalogue/经济分类科目.yaml)."""
    return parse(_raw(ECONOMIC), year)
