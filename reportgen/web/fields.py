"""What kind of input a data-file field takes, read from the pydantic model itself — so a field
the model gains (issues 11/18) gets the right widget and the right conversion without a table here.

A form value is text; `to_value` turns it into what the YAML should hold. Text that is not a
valid number is kept as typed: the loader then reports it beside its field, as `check` would.
"""

from __future__ import annotations

import datetime
import re
import typing
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Union

from pydantic import BaseModel

from reportgen.core.model import paragraphs
from reportgen.kinds.final_accounts.fields import one_or_more

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class FieldKind:
    """money, count, bool, choice, text, paragraphs, lines or date; `choices` for a choice."""

    kind: str
    choices: tuple[str, ...] = ()
    required: bool = False
    default: Any = None


def kind_at(model: type[BaseModel], path: tuple[str | int, ...]) -> FieldKind:
    """The kind of the field at a data-file path (aliases as the file writes them)."""
    annotation: Any = model
    default, required = None, False
    for step in path:
        annotation = _strip_optional(annotation)
        if isinstance(step, int):
            annotation = _args(annotation)[0]
            continue
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = _field(annotation, step)
            annotation, default, required = _annotated(info), info.default, info.is_required()
        elif typing.get_origin(_plain(annotation)) is dict:
            annotation, default, required = _args(annotation)[1], None, False
        else:
            raise KeyError(step)
    return FieldKind(*_kind(annotation), required=required, default=_plain_default(default))


def _field(model: type[BaseModel], name: str):
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return info
    raise KeyError(name)


def _annotated(info) -> Any:
    # FieldInfo keeps the outer Annotated metadata apart; put it back so Paragraphs is recognised.
    if info.metadata:
        return typing.Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def _plain(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _args(annotation: Any) -> tuple:
    return typing.get_args(_plain(_strip_optional(annotation)))


def _strip_optional(annotation: Any) -> Any:
    plain = _plain(annotation)
    if typing.get_origin(plain) is Union:
        inner = [a for a in typing.get_args(plain) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return annotation


def _kind(annotation: Any) -> tuple[str, tuple[str, ...]]:
    annotation = _strip_optional(annotation)
    meta = typing.get_args(annotation)[1:] if typing.get_origin(annotation) is typing.Annotated else ()
    plain = _plain(annotation)
    if any(getattr(m, "func", None) is paragraphs for m in meta):
        return "paragraphs", ()
    if any(getattr(m, "func", None) is one_or_more for m in meta):
        return "reasons", ()  # one reason, or several printed "一是…；二是…": one a line
    if typing.get_origin(plain) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(plain))
    if typing.get_origin(plain) is list:
        return "lines", ()
    if typing.get_origin(plain) is Union:  # e.g. bool | str switches: typed as text
        return "text", ()
    return {Decimal: "money", int: "count", bool: "bool", datetime.date: "date"}.get(plain, "text"), ()


def _plain_default(default: Any) -> Any:
    return None if type(default).__name__ == "PydanticUndefinedType" else default


def to_value(kind: FieldKind, text: str) -> Any:
    """The YAML value for a submitted form text; None removes the key (the model's default applies).

    >>> to_value(FieldKind("money"), " 1234.50 ")
    Decimal('1234.50')
    >>> to_value(FieldKind("count"), "3"), to_value(FieldKind("count"), "三")
    (3, '三')
    >>> to_value(FieldKind("paragraphs"), "第一段\\n\\n第二段\\n")
    ['第一段', '第二段']
    """
    text = text.replace("\r\n", "\n").strip()
    if kind.kind == "bool":
        return text in ("1", "true", "on", "是")
    if not text:
        return None
    if kind.kind == "money" and _NUMBER.match(text.replace(" ", "")):
        return Decimal(text.replace(" ", ""))
    if kind.kind == "count" and re.fullmatch(r"\d+", text):
        return int(text)
    if kind.kind == "date":
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text
    if kind.kind in ("paragraphs", "lines", "reasons"):
        items = [line.strip() for line in text.split("\n") if line.strip()]
        return items[0] if kind.kind == "reasons" and len(items) == 1 else items
    return text


def same(kind: FieldKind, a: Any, b: Any) -> bool:
    """Whether two stored values mean the same to this field (absent = its default)."""
    return _norm(kind, a) == _norm(kind, b)


def _norm(kind: FieldKind, v: Any) -> Any:
    v = kind.default if v is None else v
    if kind.kind in ("paragraphs", "lines", "reasons"):
        v = [v] if isinstance(v, str) and kind.kind == "reasons" else v
        v = paragraphs(v) if v is not None else []
        return tuple(v or ())
    if kind.kind == "bool":
        return bool(v)
    if isinstance(v, (Decimal, int)) and not isinstance(v, bool):
        try:
            return Decimal(v).normalize()
        except InvalidOperation:
            return v
    return "" if v is None else v
