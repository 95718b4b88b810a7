"""Data files are read by the YAML 1.2 core schema, bounded, and every problem is a DataError on its line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.core.yamlfile import MAX_DEPTH, parse_yaml
from reportgen.errors import DataError


def value(text: str):
    return parse_yaml(f"x: {text}\n")[0]["x"]


@pytest.mark.parametrize("written, read", [
    ("0100000", 100000), ("9:18", "9:18"), ("yes", "yes"), ("on", "on"), ("True", True), ("false", False),
    ("2024-02-30", "2024-02-30"), ("0o17", "0o17"), ("0x1F", "0x1F"), ("141.54", Decimal("141.54")),
    ("1e3", Decimal("1E+3")), ("~", None), ("", None), ("'0100'", "0100"), ("!!str 12", "12"),
    ("!!float 12", Decimal(12)), (".inf", ".inf"),
])
def test_the_core_schema(written, read):
    got = value(written)
    assert got == read and type(got) is type(read)


def error(text: str) -> DataError:
    with pytest.raises(DataError) as e:
        parse_yaml(text, "a.yaml")
    return e.value


@pytest.mark.parametrize("text, line, says", [
    ("a: 1\nb: !unit 5\n", 2, "标签"),
    ("a: 1\nb: !!python/object/apply:os.system [ls]\n", 2, "标签"),
    ("a: !!binary aGk=\n", 1, "标签"),
    ('a: !!int "x"\n', 1, "!!int"),
    ("a: &x [*x]\n", 1, "别名"),
    ("a: *nowhere\n", 1, "别名"),
    ("a: 1\n? [k]\n: 2\n", 2, "字段名"),
    ("a: 1\na: 2\n", 2, "字段重复"),
    ("a: 1\n---\nb: 2\n", 2, "一个 YAML 文档"),
    ('a: 1\nb: "x\\0y"\n', 2, "U+0000"),
    ('a: "\\e[31m"\n', 1, "U+001B"),
    ('a: "\\u202e"\n', 1, "U+202E"),
    ("a: 1\nb: \x01\n", 2, "U+0001"),
    ("名称: 海原县\nb: \x01\n", 2, "U+0001"),  # libyaml counts bytes: the line is still right
    ("a: " + "[" * 100 + "]" * 100 + "\n", 1, f"{MAX_DEPTH}"),
])
def test_refusals_name_their_line(text, line, says):
    e = error(text)
    assert e.file == "a.yaml" and e.line == line and says in e.problem, e


def test_an_alias_bomb_stops_before_it_is_expanded():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8))
    assert "数据项" in error(laughs).problem


def test_aliases_within_the_bounds_are_shared_not_copied():
    data, lines = parse_yaml("base: &b {a: 1}\nuse: *b\n")
    assert data["use"] is data["base"] and lines[("use",)] == 2
