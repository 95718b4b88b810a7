"""The Jinja environment every template renders in: sandboxed, and bounded in time and memory.

A bureau builds documents from folders units send it, template overrides included, and may run
reportgen as a service; so no template — built in or supplied — may reach the machine or run
without end. Jinja's immutable sandbox refuses private attributes and mutation; on top of it:

- no file, module or class is reachable: attributes of paths, modules and types are refused,
  and only the callables templates need (macros, loops, our helpers, methods of plain values
  and of reportgen's own objects) may be called;
- every loop iteration, call and include counts against one render's budget of steps and time,
  and the process's memory is watched as they run;
- no single value may grow past a bound: `*`, `**`, `%`, `+`, string formatting, the filters
  that size their output by an argument, namespace attributes and every buffer a template
  joins (macros, `{% set %}` blocks, the output) are checked before or as they are built.

What a template can still do is print any words it likes, which is what it is for.
"""

from __future__ import annotations

import functools
import math
import os
import re
import time
import types
from contextvars import ContextVar
from decimal import Decimal
from pathlib import PurePath
from string import Formatter
from typing import Any, Callable, Iterable, Iterator

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

MAX_STEPS = 1_000_000  # loop iterations, calls and includes in one render (a document takes ~10⁴)
MAX_SECONDS = 10.0  # one render (a document takes ~0.1 s)
MAX_TEXT = 1_000_000  # characters in any one value a template builds
MAX_ITEMS = 100_000  # items in any one list a template builds
MAX_OUTPUT = 8_000_000  # characters a render, macro or captured block may join
MAX_GROWTH = 512 * 1024 * 1024  # bytes the process may grow by during one render
MAX_ARGUMENT = 10_000  # widths, counts and indents given to formatting filters
_MEMORY_EVERY = 8  # steps between looks at the process's memory

_BUDGET: ContextVar["_Budget | None"] = ContextVar("reportgen_template_budget", default=None)


class LimitExceeded(SecurityError):
    """A template went past one of the bounds; the message says which."""


class _Budget:
    """The steps, time and memory one render may use."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        try:
            self.statm: int | None = os.open("/proc/self/statm", os.O_RDONLY)
        except OSError:  # not Linux: the per-value bounds still hold
            self.statm = None
        self.ceiling = self._resident() + MAX_GROWTH if self.statm is not None else 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise LimitExceeded(f"模板执行的步数超过上限 {MAX_STEPS:,}（循环或递归过多）")
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"模板运行超过 {MAX_SECONDS:g} 秒")
        if self.statm is not None and self.steps % _MEMORY_EVERY == 0 and self._resident() > self.ceiling:
            raise LimitExceeded(f"模板占用内存超过 {MAX_GROWTH // 1024 // 1024} MB")

    def _resident(self) -> int:
        assert self.statm is not None
        return int(os.pread(self.statm, 64, 0).split()[1]) * self.page

    def close(self) -> None:
        if self.statm is not None:
            os.close(self.statm)


def step() -> None:
    """Count one unit of work against the current render's budget (none outside a render)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.step()


def bounded_render(render: Callable[[], str]) -> str:
    """Run `render` (a template's render) under a fresh budget."""
    budget = _Budget()
    token = _BUDGET.set(budget)
    try:
        return render()
    finally:
        _BUDGET.reset(token)
        budget.close()


def check_size(value: Any) -> Any:
    """`value`, unless it is a text or list larger than the bounds."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise LimitExceeded(f"模板生成的文字超过 {MAX_TEXT:,} 个字符")
    if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS:
        raise LimitExceeded(f"模板生成的列表超过 {MAX_ITEMS:,} 项")
    return value


def _bounded(iterable: Iterable) -> Iterator:
    """A loop's items, each counted as a step."""
    for item in iterable:
        step()
        yield item


def _joined(pieces: Iterable[str]) -> str:
    """Environment.concat: every buffer a template joins, refused once it passes the bound."""
    out, size = [], 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise LimitExceeded(f"模板输出超过 {MAX_OUTPUT:,} 个字符")
        out.append(piece)
    return "".join(out)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with every for-loop's iterable counted (loops have no other hook)."""

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        # Before the generator collects the filters the template uses, so "_bounded" is among them.
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_bounded", [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)


class _Namespace(Namespace):
    """`namespace()` whose attributes obey the size bounds (it is how a loop carries a value)."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, check_size(value))


def _range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_ITEMS:
        raise LimitExceeded(f"range 超过 {MAX_ITEMS:,} 项")
    return result


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


def _binop(operator: str, left: Any, right: Any) -> None:
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


def _join_size(items: Any, d: Any = "", attribute: Any = None) -> None:
    """`items` is a list (see `_guarded_filter`): a generator is not consumed by the check."""
    if not isinstance(items, list):
        return
    if len(items) > MAX_ITEMS or sum(len(str(x)) for x in items) + len(str(d)) * len(items) > MAX_TEXT:
        raise LimitExceeded("join 的结果过长")


def _replace_size(s: Any, old: Any, new: Any, count: Any = None) -> None:
    s, old, new = str(s), str(old), str(new)
    hits = s.count(old) if old else len(s) + 1
    if len(s) + hits * max(0, len(new) - len(old)) > MAX_TEXT:
        raise LimitExceeded("replace 的结果过长")


def _small_numbers(*args: Any, **kwargs: Any) -> None:
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARGUMENT:
            raise LimitExceeded(f"过滤器参数 {a} 超过上限 {MAX_ARGUMENT}")


def _format_size(template: Any, *args: Any, **kwargs: Any) -> None:
    """The `format` filter is printf: its template's widths and its `*` arguments are bounded."""
    _small_numbers(*args, **kwargs)
    if isinstance(template, str):
        _check_printf(template, args)


#: Filters whose output grows with an argument: the check runs before the filter does.
_PRECHECKS: dict[str, Callable[..., None]] = {
    "join": _join_size, "replace": _replace_size, "format": _format_size,
    **{name: _small_numbers for name in ("center", "indent", "batch", "slice", "tojson", "wordwrap", "truncate",
                                          "filesizeformat", "round")},
}


def _guarded_filter(name: str, func: Callable) -> Callable:
    """A filter that counts as a step, is checked before it runs where it must be, and whose
    result obeys the size bounds."""
    precheck = _PRECHECKS.get(name)
    passes = getattr(func, "jinja_pass_arg", None) is not None

    first = 1 if passes else 0  # the filter's own value, after any context Jinja passes

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        step()
        if name == "join" and len(args) > first and not isinstance(args[first], (str, list)):
            args = (*args[:first], list(_bounded(args[first])), *args[first + 1:])  # measured, then joined
        if precheck is not None:
            precheck(*args[first:], **kwargs)
        return check_size(func(*args, **kwargs))

    return guarded


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with reportgen's bounds (see the module's description)."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "%", "+"])
    concat = staticmethod(_joined)  # type: ignore[assignment]

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)  # lipsum(n) writes n paragraphs: unbounded, and unneeded
        self.globals.update(range=_range, namespace=_Namespace)
        self.filters["_bounded"] = _bounded

    def add_filters(self, filters: dict[str, Callable]) -> None:
        """Install `filters` beside Jinja's own, every one of them guarded."""
        self.filters.update(filters)
        for name, func in list(self.filters.items()):
            if name != "_bounded" and not hasattr(func, "__reportgen_guarded__"):
                guarded = _guarded_filter(name, func)
                guarded.__reportgen_guarded__ = True  # type: ignore[attr-defined]
                self.filters[name] = guarded

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, (PurePath, types.ModuleType, type)) or isinstance(value, (types.ModuleType, type)):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        return super().is_safe_callable(obj) and _callable_allowed(obj)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        step()
        for a in (*args, *kwargs.values()):
            check_size(a)
        _method_arguments(__obj, args, kwargs)
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (_bounded(args[0]), *args[1:])
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        step()
        _binop(operator, left, right)
        return check_size(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        for _, _, spec, _ in Formatter().parse(value.__self__):
            if spec and ("{" in spec or any(int(n) > MAX_ARGUMENT for n in re.findall(r"\d+", spec))):
                raise LimitExceeded("格式宽度过大或含嵌套字段")

        def checked(*args: Any, **kwargs: Any) -> str:
            return check_size(wrapped(*args, **kwargs))

        return checked

    def get_template(self, name: Any, parent: Any = None, globals: Any = None) -> Any:
        step()  # an include or import: templates including each other must not run forever
        return super().get_template(name, parent, globals)


#: Builtin callables a template may call (globals and the methods of plain values are below).
_PLAIN = (str, int, float, bool, dict, list, tuple, set, frozenset, bytes, type(None))


def _callable_allowed(obj: Any) -> bool:
    """Macros, loops, our helpers and the methods of plain values and of reportgen's objects."""
    if isinstance(obj, (Macro, LoopContext, _Namespace)) or obj in (_range, _Namespace, dict):
        return True
    owner = getattr(obj, "__self__", None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        if isinstance(owner, PurePath):
            return False
        return isinstance(owner, _PLAIN) or _ours_or_jinja(type(owner))
    module = getattr(obj, "__module__", "") or ""
    return module.startswith(("reportgen.", "jinja2.", "decimal")) and not isinstance(obj, type)


def _ours_or_jinja(cls: type) -> bool:
    return cls is Decimal or cls.__module__.startswith(("reportgen.", "jinja2.", "markupsafe"))


def _method_arguments(obj: Any, args: tuple, kwargs: dict) -> None:
    """Methods of texts and numbers that size their result by an argument (center, zfill,
    to_bytes, join, replace) are checked before they run, like the filters."""
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, (str, int, bytes)):
        return
    name = getattr(obj, "__name__", "")
    if name == "join" and args:
        _join_size(args[0], owner if isinstance(owner, str) else "")
    elif name == "replace" and len(args) >= 2:
        _replace_size(owner, args[0], args[1])
    else:
        _small_numbers(*args, **kwargs)
