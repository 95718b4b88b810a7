"""Read a YAML data file into plain Python values, with exact Decimals and the line of every field.

The file is read by the YAML 1.2 core schema, not PyYAML's YAML 1.1 default: `0100000` is one
hundred thousand (not octal 32768), `9:18` is text (not 558 in base 60), only true/false are
booleans (not yes/no/on/off), and a date is text that the model parses (2024-02-30 is then an
error on its line, not a crash). Every number that is not a whole number becomes the Decimal of
its written digits, so no figure is ever inexact.

Values are built here from libyaml's events rather than by PyYAML's composer, so that hostile
files stay bounded: the file's size, the nesting depth and the number of values after aliases
are expanded (a "billion laughs" file) are limited before the work is done, an alias to an
anchor that is not complete (a recursive alias) is refused, and any tag outside the core schema
(`!unit`, `!!python/object`, `!!binary`) is an error on its line. Text holding control
characters (NUL, ESC, bidirectional overrides) is refused on its line: they are invisible in
print and reach no published document.
"""

from __future__ import annotations

import os
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import DataError

Path_ = tuple[str | int, ...]

MAX_BYTES = 8 * 1024 * 1024  # the largest bundled example is 30 KB
MAX_DEPTH = 64  # a data file nests five or six levels deep
MAX_VALUES = 200_000  # values after aliases are expanded; a busy unit's file holds a few thousand
MAX_TEXT = 100_000  # characters in one text: some sixty printed pages

# libyaml's parser is some ten times faster than PyYAML's own and gives the same events and marks.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
#: The characters a null, bool, int or float above can start with.
_TYPED_STARTS = frozenset("~nNtTfF+-.0123456789")

#: C0 controls but tab and line ends, DEL, C1 controls, bidirectional overrides and isolates, and
#: the noncharacters U+FDD0–U+FDEF (reportgen.document.escape marks template data with one).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]")


def load_yaml(path: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse `path`; returns the data and a map from field path to line number."""
    return parse_yaml(read_text(path), str(path))


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """A data file's text: a regular file of at most `limit` bytes, in UTF-8."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: a FIFO would block the open
            raise DataError("不是普通文件", file=str(path))
        with open(path, "rb") as f:
            raw = f.read(limit + 1)
    except FileNotFoundError:
        raise DataError("文件不存在", file=str(path)) from None
    except OSError as e:
        raise DataError(f"无法读取：{e.strerror}", file=str(path)) from None
    if len(raw) > limit:
        raise DataError(f"文件过大（超过 {limit // 1024 // 1024} MB），不是一份数据文件", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise DataError("文件不是 UTF-8 编码的文本", file=str(path), line=line) from None


def parse_yaml(text: str, filename: str = "<data>") -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text (see `load_yaml`).

    >>> data, lines = parse_yaml("收入:\\n  事业收入: 12.30\\n  编码: 0100000\\n")
    >>> data, lines[("收入", "事业收入")]
    ({'收入': {'事业收入': Decimal('12.30'), '编码': 100000}}, 2)
    >>> parse_yaml("时间: 9:18\\n开关: yes\\n")[0]
    {'时间': '9:18', '开关': 'yes'}
    """
    if len(text) > MAX_BYTES:
        raise DataError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不是一份数据文件", file=filename)
    builder = _Builder(_PARSER(text), filename, text)
    try:
        return builder.document()
    except yaml.YAMLError as e:
        raise DataError(f"YAML 格式错误：{_problem(e)}", file=filename, line=_line(e, text)) from None
    finally:
        builder.events.dispose()


class _Builder:
    """Plain values from the parser's events, with the line of every field path."""

    def __init__(self, events: Any, filename: str, text: str) -> None:
        self.events, self.filename, self.text = events, filename, text
        self.lines: dict[Path_, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # complete anchors: value and its size
        self.count = 0

    def document(self) -> tuple[Any, dict[Path_, int]]:
        self._expect(yaml.StreamStartEvent)
        if self.events.check_event(yaml.StreamEndEvent):
            return None, self.lines
        self._expect(yaml.DocumentStartEvent)
        value = self._value((), 0)
        self._expect(yaml.DocumentEndEvent)
        if not self.events.check_event(yaml.StreamEndEvent):
            extra = self.events.get_event()
            raise self._error("文件只能含一个 YAML 文档（多出的“---”）", extra)
        return value, self.lines

    def _expect(self, kind: type) -> Any:
        event = self.events.get_event()
        if not isinstance(event, kind):  # libyaml orders events; this guards our own reading
            raise self._error("YAML 结构异常", event)
        return event

    def _value(self, path: Path_, depth: int) -> Any:
        event = self.events.get_event()
        self.lines[path] = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event)
        if depth > MAX_DEPTH:
            raise self._error(f"嵌套超过 {MAX_DEPTH} 层", event)
        start = self.count
        self._tally(1, event)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self._only_tag(event, "map")
            value = self._mapping(path, depth)
        elif isinstance(event, yaml.SequenceStartEvent):
            self._only_tag(event, "seq")
            value = self._sequence(path, depth)
        else:
            raise self._error("YAML 结构异常", event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - start)
        return value

    def _mapping(self, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while not self.events.check_event(yaml.MappingEndEvent):
            key_event = self.events.get_event()
            if not isinstance(key_event, yaml.ScalarEvent):
                raise self._error("字段名应是一段文字（不能是列表、映射或别名）", key_event)
            key = str(self._scalar(key_event))
            if key in out:
                raise DataError(f"字段重复：{key}", file=self.filename, line=key_event.start_mark.line + 1)
            out[key] = self._value(path + (key,), depth + 1)
        self.events.get_event()
        return out

    def _sequence(self, path: Path_, depth: int) -> list[Any]:
        out: list[Any] = []
        while not self.events.check_event(yaml.SequenceEndEvent):
            out.append(self._value(path + (len(out),), depth + 1))
        self.events.get_event()
        return out

    def _alias(self, event: Any) -> Any:
        if event.anchor not in self.anchors:
            raise self._error(f"别名 *{event.anchor} 指向尚未写完或不存在的锚点（别名不能引用自身）", event)
        value, size = self.anchors[event.anchor]
        self._tally(size, event)
        # Shared, not copied: the model never mutates it, and a copy is what a bomb would cost.
        return value

    def _tally(self, n: int, event: Any) -> None:
        self.count += n
        if self.count > MAX_VALUES:
            raise self._error(f"数据项（别名展开后）超过 {MAX_VALUES:,} 个，不是一份数据文件", event)

    def _only_tag(self, event: Any, kind: str) -> None:
        if event.tag not in (None, "!", _CORE + kind):
            raise self._error(f"不支持的 YAML 标签 {event.tag}", event)

    def _scalar(self, event: Any) -> Any:
        tag, value = self._tag(event), event.value
        if tag == "str":
            if m := _CONTROL.search(value):
                raise self._error(f"文字中有控制字符 U+{ord(m[0]):04X}（不可见，不能印出），请删除", event)
            if len(value) > MAX_TEXT:
                raise self._error(f"一段文字超过 {MAX_TEXT:,} 个字符，请分段或删减", event)
            return value
        if tag == "null":
            return None
        if tag == "bool":
            return value.lower() == "true"
        if tag == "int":
            try:
                return int(value)
            except ValueError:  # beyond Python's 4,300-digit limit for text → int
                raise self._error("数字位数过多", event) from None
        # Keep the digits as written: "141.54" is Decimal("141.54"), never 141.53999…
        try:
            return Decimal(value.replace("_", ""))
        except InvalidOperation:
            return value  # .inf / .nan: left as text for the model to reject by name

    def _tag(self, event: Any) -> str:
        """The core-schema type of a scalar: str, null, bool, int or float."""
        if event.tag in (None, "!") and event.implicit[0]:
            return _resolve(event.value)
        if event.tag in (None, "!"):
            return "str"  # quoted
        kind = event.tag.removeprefix(_CORE)
        if event.tag.startswith(_CORE) and kind in ("str", "null", "bool", "int", "float"):
            if kind != "str" and _resolve(event.value) not in (kind, "int" if kind == "float" else kind):
                raise self._error(f"“{event.value}”不是 !!{kind} 类型的值", event)
            return kind
        raise self._error(f"不支持的 YAML 标签 {event.tag}", event)

    def _error(self, problem: str, event: Any) -> DataError:
        mark = getattr(event, "start_mark", None)
        return DataError(problem, file=self.filename, line=mark.line + 1 if mark else None)


def _resolve(value: str) -> str:
    """The type a plain scalar has in the YAML 1.2 core schema (octal and hex are left as text).

    >>> [_resolve(v) for v in ("", "True", "yes", "0100", "0o17", "1.5e3", ".inf", "9:18", "收入")]
    ['null', 'bool', 'str', 'int', 'str', 'float', 'float', 'str', 'str']
    """
    if value and value[0] not in _TYPED_STARTS:  # most scalars (names, texts, Chinese keys): no pattern can match
        return "str"
    for kind, pattern in (("null", _NULL), ("bool", _BOOL), ("int", _INT), ("float", _FLOAT),
                          ("float", _SPECIAL_FLOAT)):
        if pattern.fullmatch(value):
            return kind
    return "str"


def _problem(e: yaml.YAMLError) -> str:
    if isinstance(e, yaml.reader.ReaderError):
        return f"文件中有不允许的字符 U+{e.character:04X}" if isinstance(e.character, int) else str(e.reason)
    problem = str(getattr(e, "problem", None) or e)
    return "嵌套过深" if "nesting depth" in problem else problem  # libyaml's own bound, at 1,000 levels


def _line(e: yaml.YAMLError, text: str) -> int | None:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(e, "position", None)  # libyaml counts bytes of the UTF-8 text
    return text.encode("utf-8")[:position].count(b"\n") + 1 if isinstance(position, int) else None
