"""The template environment: user overrides before the layout's templates, strict, sandboxed.

A layout is a chain of folders (its own, then those it inherits from); a user template folder
placed first on the loader path overrides any section, and can still `{% extends "builtin/…" %}`
the template it replaces (Pelican's idea). `<layout>/…` names one layout of the chain, so a
layout may extend the very template it replaces in its parent.

Templates come from anyone (a data file's 模板目录 travels with it), so every one renders in
reportgen.sandbox's bounded sandbox; a data file's folders must lie inside its own folder (or a
folder given with -t), and no template file may lead outside its folder through a symlink. Every
value a template prints is data text as far as the line markup goes (reportgen.document.escape):
it cannot add a heading or a directive; only literal template text, macros and `block(…)`
write markup.
"""

from __future__ import annotations

import os
import traceback
from functools import cache
from pathlib import Path
from typing import Any, Sequence

import jinja2
from jinja2.sandbox import SecurityError
from markupsafe import Markup

from reportgen.core.paths import inside
from reportgen.document.escape import escape
from reportgen.document.nodes import Document
from reportgen.document.reader import read
from reportgen.errors import DataError, ReportgenError, TemplateError
from reportgen.layouts import Layout
from reportgen.phrasing import FILTERS
from reportgen.sandbox import BoundedSandbox, bounded_render
from reportgen.template_cache import bytecode_cache

MAX_TEMPLATE_BYTES = 1024 * 1024  # a section template is a few kilobytes


class ConfinedLoader(jinja2.FileSystemLoader):
    """A folder loader that serves only regular files inside its folders, symlinks resolved."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            root = os.path.realpath(folder)
            filename = os.path.realpath(os.path.join(root, *pieces))
            if os.path.commonpath([root, filename]) != root or not os.path.isfile(filename):
                continue
            if os.path.getsize(filename) > MAX_TEMPLATE_BYTES:
                raise TemplateError(f"模板 {filename} 过大（超过 1 MB）")
            with open(filename, encoding=self.encoding) as f:
                contents = f.read()
            mtime = os.path.getmtime(filename)
            return contents, filename, lambda: _unchanged(filename, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(filename: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(filename) == mtime
    except OSError:
        return False


def _finalize(value: Any) -> Any:
    """Every printed value: the template's own markup (macros, block(), |safe) as it is, data
    text escaped so that it reads as text (see reportgen.document.escape)."""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape(str(value)))


@cache
def make_env(layout: Layout, overrides: tuple[Path, ...] = ()) -> jinja2.Environment:
    """One environment per layout and override chain, kept for the life of the process."""
    builtin = ConfinedLoader([str(p) for p in layout.folders])
    named = {name: ConfinedLoader(str(folder)) for name, folder in zip(layout.names, layout.folders)}
    loader = jinja2.ChoiceLoader(
        [ConfinedLoader([str(p) for p in overrides]), builtin,
         jinja2.PrefixLoader({"builtin": builtin, **named})]
    )
    env = BoundedSandbox(
        loader=loader,
        # Compiling the ~25 section templates is a fifth of a build; jinja keys its cache on each
        # template's source checksum, so an edited or overriding template is never served stale.
        bytecode_cache=bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # "Escaping" is reportgen's own (finalize): autoescape only makes macros' output Markup,
        # so that a macro may write markup while the data it prints may not.
        autoescape=True,
        finalize=_finalize,
    )
    env.add_filters(FILTERS)
    return env


def template_folders(data_path: Path, names: Sequence[str], lines: dict | None = None) -> list[Path]:
    """A data file's 模板目录 (relative to the file): existing folders inside the file's own folder
    or a folder of the command line's (reportgen.core.paths)."""
    out = []
    for i, name in enumerate(names):
        where = {"field": f"模板目录[{i + 1}]", "line": (lines or {}).get(("模板目录", i))}
        folder = inside(data_path, name, what="模板目录", **where)
        if not folder.is_dir():
            raise DataError(f"模板目录不存在：{folder}", file=str(data_path), **where)
        out.append(folder)
    return out


def render(layout: Layout, context: dict[str, Any], overrides: Sequence[Path] = (), title: str = "",
           name: str = "document.md.j2") -> Document:
    """Render the layout's template `name` with `context` and read the result into a Document.

    Templates place prepared nodes with `block(node)` (a table, a chart, the cover) and whole
    documents rendered elsewhere (a 绩效 annex) with `block(document.blocks)`.
    """
    blocks: list[Any] = []

    def block(node: Any) -> Markup:
        blocks.append(node)
        return Markup(f"::block {len(blocks) - 1}")

    env = make_env(layout, tuple(Path(p) for p in overrides))
    values = {"选项": layout.options, **context, "block": block, "layout": layout}
    try:
        template = env.get_template(name)
        text = bounded_render(lambda: template.render(**values))
    except ReportgenError:
        raise
    except jinja2.TemplateNotFound as e:
        raise TemplateError(f"找不到模板：{e.name}") from None
    except jinja2.UndefinedError as e:
        raise TemplateError(f"模板{_where(e) or f' {name} '}引用了不存在的数据：{e.message}") from None
    except jinja2.TemplateSyntaxError as e:
        raise TemplateError(f"模板 {e.filename or e.name}:{e.lineno} 语法错误：{e.message}") from None
    except SecurityError as e:
        raise TemplateError(f"模板{_where(e)}被拒绝：{e}") from None
    except RecursionError:
        raise TemplateError("模板嵌套或递归过深") from None
    except MemoryError:
        raise TemplateError("模板占用内存过多") from None
    except Exception as e:  # a template's own expression failed (1/0, a filter given a wrong value)
        raise TemplateError(f"模板{_where(e)}出错：{type(e).__name__}: {e}") from None
    return read(text, blocks, title=title, numbering=layout.numbering)


def _where(e: BaseException) -> str:
    """ "<file>:<line>" of the innermost template frame of an exception's traceback, or ""."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename.endswith(".j2")]
    return f" {frames[-1].filename}:{frames[-1].lineno} " if frames else ""
