"""One render's budget of steps, time and memory, and the size bound of every value it builds."""

from __future__ import annotations

import os
import time
from contextvars import ContextVar
from typing import Any, Callable, Iterable, Iterator

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SecurityError
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


def bounded(iterable: Iterable) -> Iterator:
    """A loop's items, each counted as a step."""
    for item in iterable:
        step()
        yield item


def joined(pieces: Iterable[str]) -> str:
    """Environment.concat: every buffer a template joins, refused once it passes the bound."""
    out, size = [], 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise LimitExceeded(f"模板输出超过 {MAX_OUTPUT:,} 个字符")
        out.append(piece)
    return "".join(out)


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator with every for-loop's iterable counted (loops have no other hook)."""

    def visit_Template(self, node: nodes.Template, frame: Any = None) -> None:
        # Before the generator collects the filters the template uses, so "_bounded" is among them.
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_bounded", [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)


class BoundedNamespace(Namespace):
    """`namespace()` whose attributes obey the size bounds (it is how a loop carries a value)."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, check_size(value))


def bounded_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_ITEMS:
        raise LimitExceeded(f"range 超过 {MAX_ITEMS:,} 项")
    return result
