"""The template environment: user overrides before the layout's templates, strict, with our filters.

A layout is a chain of folders (its own, then those it inherits from); a user template folder
placed first on the loader path overrides any section, and can still `{% extends "builtin/…" %}`
the template it replaces (Pelican's idea). `<layout>/…` names one layout of the chain, so a
layout may extend the very template it replaces in its parent.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Sequence

import jinja2

from reportgen.document.nodes import Document
from reportgen.document.reader import read
from reportgen.errors import TemplateError
from reportgen.layouts import Layout
from reportgen.phrasing import FILTERS


@cache
def make_env(layout: Layout, overrides: tuple[Path, ...] = ()) -> jinja2.Environment:
    """One environment per layout and override chain, kept for the life of the process."""
    builtin = jinja2.FileSystemLoader([str(p) for p in layout.folders])
    named = {name: jinja2.FileSystemLoader(str(folder)) for name, folder in zip(layout.names, layout.folders)}
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader([str(p) for p in overrides]), builtin,
         jinja2.PrefixLoader({"builtin": builtin, **named})]
    )
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    # Compiling the ~25 section templates is a fifth of a build; jinja keys its cache on each
    # template's source checksum, so an edited or overriding template is never served stale.
    directory = Path(tempfile.gettempdir()) / f"reportgen-jinja-{os.getuid() if hasattr(os, 'getuid') else 0}"
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(directory))


def render(layout: Layout, context: dict[str, Any], overrides: Sequence[Path] = (), title: str = "",
           name: str = "document.md.j2") -> Document:
    """Render the layout's template `name` with `context` and read the result into a Document.

    Templates place prepared nodes with `block(node)` (a table, a chart, the cover) and whole
    documents rendered elsewhere (a 绩效 annex) with `block(document.blocks)`.
    """
    blocks: list[Any] = []

    def block(node: Any) -> str:
        blocks.append(node)
        return f"::block {len(blocks) - 1}"

    env = make_env(layout, tuple(Path(p) for p in overrides))
    try:
        text = env.get_template(name).render(**{"选项": layout.options, **context}, block=block, layout=layout)
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"找不到模板：{e.name}") from None
    except jinja2.UndefinedError as e:
        raise TemplateError(f"模板 {name} 引用了不存在的数据：{e.message}") from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"模板 {e.filename or e.name}:{e.lineno} 语法错误：{e.message}") from None
    return read(text, blocks, title=title, numbering=layout.numbering)
