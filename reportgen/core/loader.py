"""Load a data file into the model; every problem becomes a DataError naming file, field and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reportgen.errors import DataError, DataErrors
from reportgen.core.yamlfile import Path_, load_yaml

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（请检查拼写；字段名见 README 的数据文件说明）",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "finite_number": "应为有限的数",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为若干“名称: 值”的字段",
    "model_type": "应为若干“名称: 值”的字段",
    "date_from_datetime_parsing": "应为日期，如 2024-10-24",
    "date_type": "应为日期，如 2024-10-24",
    "date_parsing": "应为日期，如 2024-10-24",
    "date_from_datetime_inexact": "应为日期，如 2024-10-24",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "string_pattern_mismatch": "格式不对",
    "string_too_short": "内容过短",
    "literal_error": "取值不在允许范围内",
}


def load_model(path: Path, model: type[M]) -> tuple[M, dict[Path_, int]]:
    """Read `path` (YAML) and validate it as `model`; raise DataErrors listing every problem.

    Returns the model and the line of every field, for messages about checks found later.
    """
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise DataError("数据文件应是若干“名称: 值”的字段", file=str(path), line=1)
    return validate(data, lines, model, str(path)), lines


def validate(data: dict[str, Any], lines: dict[Path_, int], model: type[M], filename: str) -> M:
    """Validate parsed data; errors carry the line of the field (or of its nearest parent)."""
    unit = data.get("金额单位")
    context = {"金额单位": unit if unit in ("元", "万元") else "万元"}
    try:
        return model.model_validate(data, context=context)
    except ValidationError as e:
        raise DataErrors([_to_data_error(err, lines, filename) for err in e.errors()]) from None


def _to_data_error(err: Any, lines: dict[Path_, int], filename: str) -> DataError:
    loc = tuple(err["loc"])
    field = _field_path(loc)
    problem = _MESSAGES.get(err["type"])
    if err.get("input", 0) is None and err["type"] != "missing":
        # An empty field: what `import` and `next-year` leave for the officer to fill.
        return DataError("待填：尚未填写", file=filename, field=field, line=line_of(loc, lines))
    if problem is None:
        problem = str(err.get("ctx", {}).get("error") or err["msg"]).removeprefix("Value error, ")
    if "input" in err and err["type"] not in ("missing", "extra_forbidden") and not isinstance(err["input"], dict):
        problem += f"（填写的是：{err['input']!s:.40}）"
    return DataError(problem, file=filename, field=field, line=line_of(loc, lines))


def _field_path(loc: tuple) -> str:
    """收入.事业收入, 一般公共预算财政拨款支出[3].决算数 (list positions counted from 1)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif not str(part).startswith(("function-", "constrained-")):
            out += ("." if out else "") + str(part)
    return out


def line_of(loc: tuple, lines: dict[Path_, int]) -> int | None:
    # A missing field has no line of its own: point at the nearest parent that exists.
    path = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
