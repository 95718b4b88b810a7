"""Checks that refuse, before they run, the operations and filters that would build a value past
the bounds (string repetition, powers, printf widths, join, replace, padding filters)."""

from __future__ import annotations

import functools
import math
import re
from typing import Any, Callable

from reportgen.sandbox.budget import (
    MAX_ARGUMENT, MAX_ITEMS, MAX_TEXT, LimitExceeded, bounded, check_size, step,
)

_PRINTF_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _small_widths(spec: str) -> None:
    """Refuse a printf or format spec whose width or precision would build a huge text."""
    for number in re.findall(r"\d+", spec):
        if int(number) > MAX_ARGUMENT:
            raise LimitExceeded(f"格式宽度 {number} 超过上限 {MAX_ARGUMENT}")


def _check_printf(template: str, args: Any) -> None:
    for m in _PRINTF_WIDTH.finditer(template):
        _small_widths(m[0])
    for a in args if isinstance(args, tuple) else (args,):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARGUMENT and "*" in template:
            raise LimitExceeded("格式宽度过大")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse, before it runs, an operation whose result would pass the bounds."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
                limit = MAX_TEXT if isinstance(seq, str) else MAX_ITEMS
                if len(seq) * n > limit:
                    raise LimitExceeded("模板中的乘法会生成过长的文字或列表")
    elif operator == "**":
        if isinstance(left, (int, float)) and isinstance(right, (int, float)) and abs(left) > 1 and right > 0:
            if right * math.log2(abs(left)) > 10_000:
                raise LimitExceeded("模板中的乘方结果过大")
    elif operator == "%" and isinstance(left, str):
        _check_printf(left, right)
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, type(left)):
        limit = MAX_TEXT if isinstance(left, str) else MAX_ITEMS
        if len(left) + len(right) > limit:
            raise LimitExceeded("模板中的加法会生成过长的文字或列表")


def join_size(items: Any, d: Any = "", attribute: Any = None) -> None:
    """`items` is a list (see `guarded_filter`): a generator is not consumed by the check."""
    if not isinstance(items, list):
        return
    if len(items) > MAX_ITEMS or sum(len(str(x)) for x in items) + len(str(d)) * len(items) > MAX_TEXT:
        raise LimitExceeded("join 的结果过长")


def replace_size(s: Any, old: Any, new: Any, count: Any = None) -> None:
    s, old, new = str(s), str(old), str(new)
    hits = s.count(old) if old else len(s) + 1
    if len(s) + hits * max(0, len(new) - len(old)) > MAX_TEXT:
        raise LimitExceeded("replace 的结果过长")


def small_numbers(*args: Any, **kwargs: Any) -> None:
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARGUMENT:
            raise LimitExceeded(f"过滤器参数 {a} 超过上限 {MAX_ARGUMENT}")


def _format_size(template: Any, *args: Any, **kwargs: Any) -> None:
    """The `format` filter is printf: its template's widths and its `*` arguments are bounded."""
    small_numbers(*args, **kwargs)
    if isinstance(template, str):
        _check_printf(template, args)


#: Filters whose output grows with an argument: the check runs before the filter does.
_PRECHECKS: dict[str, Callable[..., None]] = {
    "join": join_size, "replace": replace_size, "format": _format_size,
    **{name: small_numbers for name in ("center", "indent", "batch", "slice", "tojson", "wordwrap", "truncate",
                                          "filesizeformat", "round")},
}


def guarded_filter(name: str, func: Callable) -> Callable:
    """A filter that counts as a step, is checked before it runs where it must be, and whose
    result obeys the size bounds."""
    precheck = _PRECHECKS.get(name)
    passes = getattr(func, "jinja_pass_arg", None) is not None

    first = 1 if passes else 0  # the filter's own value, after any context Jinja passes

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        step()
        if name == "join" and len(args) > first and not isinstance(args[first], (str, list)):
            args = (*args[:first], list(bounded(args[first])), *args[first + 1:])  # measured, then joined
        if precheck is not None:
            precheck(*args[first:], **kwargs)
        return check_size(func(*args, **kwargs))

    return guarded
