"""Read the text that templates render into the document model, numbering headings on the way.

Templates write a small line-based markup, one block per line, so that each section template
reads like the document it produces:

    # 部门概况                  heading, level = number of '#' (1 部分 … 5 （1）), numbered here
    # 附件 {-}                  an unnumbered heading; it restarts the numbering below it
    + 财政拨款收入：指…          a numbered paragraph at level 4 ("1.")
    +5 民生服务保障工作…         a numbered paragraph at level 5 ("（1）"); +3 gives "（一）"
    ::center 部门预算绩效评价报告  a centred, unindented paragraph (also ::right, ::plain)
    ::pagebreak  ::toc 2        a page break; the table of contents (to level 2); text after
                                the level prints under its title (::toc 2 公开时间：…)
    ::shift +1   ::shift -1     the headings and numbered paragraphs that follow sit one level
                                deeper (or back): a section written as "## …" can be placed as
                                a sub-section of another layout's part
    ::block 7                   a table, figure or cover registered by the template (see templating),
                                or the blocks of a document rendered on its own (a 绩效 annex)
    any other line              a body paragraph

Figures are numbered 图1, 图2 … in reading order, unless a template gave one its own
label; a figure with nothing to draw prints as its fallback sentence and takes no number.

Numbers are generated from the structure, so a section that a template leaves out renumbers the
rest. Headings and numbered paragraphs share one counter per level: a heading or item resets
the counters of the levels below it. An unnumbered heading keeps its own level's count but also
resets the levels below, so an annex titled `# 附件1 {-}` numbers its sections 一、二、… afresh.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from reportgen.document.escape import MARK, unmark
from reportgen.document.nodes import Block, Document, Figure, Heading, PageBreak, Paragraph, TableOfContents
from reportgen.errors import TemplateError
from reportgen.phrasing.words import chinese_numeral

#: GB/T 9704's heading sequence; a layout may number its levels otherwise (see reportgen.layouts).
GB_T_9704 = ("第{一}部分", "{一}、", "（{一}）", "{1}.", "（{1}）")


def label(pattern: str, n: int) -> str:
    """A heading number from its layout's pattern: "{一}" is a Chinese numeral, "{1}" a digit.

    >>> label("第{一}部分", 3), label("（{1}）", 12)
    ('第三部分', '（12）')
    """
    return pattern.replace("{一}", chinese_numeral(n)).replace("{1}", str(n))

_HEADING = re.compile(r"^(#{1,5})\s+(.*?)(\s+\{-\})?$")
# Data text cannot hold them (the loaders refuse them); a template's own text must not either:
# they are invalid in the DOCX's XML and invisible in print.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ITEM = re.compile(r"^\+([1-5])?\s+(.*)$")
_DIRECTIVE = re.compile(r"^::(\w+)(?:\s+(.*))?$")


class _Counters:
    def __init__(self, numbering: Sequence[str]) -> None:
        self.numbering = numbering
        self.counts = [0] * 6
        self.figures = 0
        self.shift = 0

    def level(self, written: int, lineno: int) -> int:
        level = written + self.shift
        if not 1 <= level <= 5:
            raise TemplateError(f"模板输出第 {lineno} 行：标题或编号段落的层级 {level} 超出 1–5")
        return level

    def next(self, level: int) -> str:
        self.counts[level] += 1
        self.restart_below(level)
        return label(self.numbering[level - 1], self.counts[level])

    def restart_below(self, level: int) -> None:
        for deeper in range(level + 1, 6):
            self.counts[deeper] = 0

    def label_figure(self, block: Block) -> Block:
        if not isinstance(block, Figure) or block.label or block.is_empty:
            return block
        self.figures += 1
        return dataclasses.replace(block, label=f"图{self.figures}")


def read(text: str, blocks: Sequence[Block | tuple[Block, ...]] = (), title: str = "",
         numbering: Sequence[str] = GB_T_9704) -> Document:
    """Turn rendered markup into a Document; `blocks` are the objects `::block N` refers to."""
    if m := _CONTROL.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise TemplateError(f"模板输出第 {line} 行有控制字符 U+{ord(m[0]):04X}")
    counters = _Counters(numbering)
    out: list[Block] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(MARK):  # data text that would read as markup (document/escape.py)
            out.append(Paragraph(unmark(line).strip()))
            continue
        node = _read_line(line, counters, blocks, lineno)
        if isinstance(node, tuple):
            out.extend(counters.label_figure(b) for b in node)
        else:
            out.append(node)
    return Document(title=title, blocks=tuple(out))


def _read_line(line: str, counters: _Counters, blocks: Sequence, lineno: int) -> Block | tuple[Block, ...]:
    if m := _HEADING.match(line):
        level, text, unnumbered = counters.level(len(m[1]), lineno), unmark(m[2]).strip(), m[3]
        if unnumbered:
            counters.restart_below(level)
            return Heading(level, text)
        return Heading(level, text, counters.next(level))
    if m := _ITEM.match(line):
        level = counters.level(int(m[1] or 4), lineno)
        return Paragraph(unmark(m[2]).strip(), label=counters.next(level))
    if m := _DIRECTIVE.match(line):
        if m[1] == "shift" and (m[2] or "").strip() in ("+1", "-1"):
            counters.shift += int(m[2].strip())
            return ()
        node = _directive(m[1], unmark(m[2] or "").strip(), blocks, lineno)
        return node if isinstance(node, tuple) else counters.label_figure(node)
    return Paragraph(unmark(line))


def _directive(name: str, arg: str, blocks: Sequence, lineno: int) -> Block | tuple[Block, ...]:
    if name == "pagebreak":
        return PageBreak()
    if name == "toc":
        depth, _, note = arg.partition(" ")
        if depth not in ("", "1", "2", "3", "4", "5"):
            raise TemplateError(f"模板输出第 {lineno} 行：::toc 的层级应为 1–5，收到 {depth}")
        return TableOfContents(depth=int(depth or 2), lines=(note.strip(),) if note.strip() else ())
    if name in ("center", "right"):
        return Paragraph(arg, align=name, indent=False)
    if name == "plain":
        return Paragraph(arg, align="left", indent=False)
    if name == "block" and arg.isdigit() and int(arg) < len(blocks):
        return blocks[int(arg)]
    raise TemplateError(f"模板输出第 {lineno} 行有无法识别的指令：::{name} {arg}")
