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

import re
import types
from decimal import Decimal
from pathlib import PurePath
from string import Formatter
from typing import Any, Callable

from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen.sandbox.budget import (
    MAX_ARGUMENT, BoundedCodeGenerator, BoundedNamespace, LimitExceeded, bounded, bounded_range,
    bounded_render, check_size, joined, step,
)
from reportgen.sandbox.sizes import check_binop, guarded_filter, join_size, replace_size, small_numbers

__all__ = ["BoundedSandbox", "LimitExceeded", "bounded_render"]


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with reportgen's bounds (see the module's description)."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "%", "+"])
    concat = staticmethod(joined)  # type: ignore[assignment]

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)  # lipsum(n) writes n paragraphs: unbounded, and unneeded
        self.globals.update(range=bounded_range, namespace=BoundedNamespace)
        self.filters["_bounded"] = bounded

    def add_filters(self, filters: dict[str, Callable]) -> None:
        """Install `filters` beside Jinja's own, every one of them guarded."""
        self.filters.update(filters)
        for name, func in list(self.filters.items()):
            if name != "_bounded" and not hasattr(func, "__reportgen_guarded__"):
                guarded = guarded_filter(name, func)
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
            args = (bounded(args[0]), *args[1:])
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        step()
        check_binop(operator, left, right)
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
    if isinstance(obj, (Macro, LoopContext, BoundedNamespace)) or obj in (bounded_range, BoundedNamespace, dict):
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
        join_size(args[0], owner if isinstance(owner, str) else "")
    elif name == "replace" and len(args) >= 2:
        replace_size(owner, args[0], args[1])
    else:
        small_numbers(*args, **kwargs)
