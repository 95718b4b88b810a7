"""Plain text (.txt, PDF text layers) and Markdown turned into fragments and cells."""

from __future__ import annotations

import re

from reportgen.audit.text import Cell, Fragment, normalise

# A line that opens a numbered heading starts a new flow of text; "2.24 万元" at the start of
# a wrapped line must not count, hence the look-ahead for a digit after the dot.
HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|\d{1,2}[、.](?![\d])|[（(]\d{1,2}[）)]|附件|附表)"
)
_PAGE_NUMBER = re.compile(r"^[—\-－]?\s*\d{1,3}\s*[—\-－]?$")
_NUMERIC_CELL = re.compile(r"^[\d.,%％\s万元]+$")
# Lines as an editor counts them: a form feed (a PDF page break) is not a new line.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PUNCTUATION = re.compile(r"[。；;，,：:！？!?]")
_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|\*\*|__|`")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_SPACED_TOKENS, _SPACED_FIGURES = 8, 4
# Mirror sites print table rows as "合 计 | 34.35 | 34.35 |": a bar splits cells.
_BAR = "|"


def plain(text: str) -> tuple[list[Fragment], list[Cell]]:
    """PDF/Word/web extraction: blank lines are not breaks; tab-led lines and bar-separated
    rows are table cells."""
    raw = [line.lstrip("\f") for line in LINE_BREAK.split(text)]
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    for index, line in enumerate(raw):
        stripped = line.strip()
        if not stripped or _is_page_number(raw, index):
            continue
        number = index + 1
        if _BAR in stripped:
            for part in stripped.split(_BAR):
                add_cell(fragments, cells, part, number)
            continue
        cells += _spaced_cells(stripped, number)
        if line.startswith("\t"):
            kind = "cell"
        elif HEADING.match(normalise(stripped)):
            kind = "start"
        else:
            kind = "text"
        fragments.append(Fragment(stripped, number, kind))
    return _titles_apart(fragments), cells


def _spaced_cells(line: str, number: int) -> list[Cell]:
    """A line is one cell, unless it is a table row flattened with spaces ("年度资金总额: 0 0 0
    10 0 0 其中:本年财政拨款 90 89.974 89.974", as Word tables come out of some converters):
    then each space-separated piece is a cell."""
    tokens = line.split()
    figures = sum(1 for t in tokens if _NUMERIC_CELL.match(t))
    if len(tokens) >= _SPACED_TOKENS and figures >= _SPACED_FIGURES:
        return [Cell(normalise(t), number) for t in tokens]
    return [Cell(normalise(line), number)]


def _titles_apart(fragments: list[Fragment]) -> list[Fragment]:
    """Short lines without punctuation that open a paragraph are titles: they must not run into
    the sentence below. A wrapped list item ("1.社会保障和就业支出（类）…") fills the line, and
    the second line of a wrapped title follows a line that ended no sentence.
    """
    lengths = sorted(len(f.text) for f in fragments if f.kind != "cell")
    if not lengths:
        return fragments
    short = 0.8 * lengths[int(len(lengths) * 0.9)]
    out: list[Fragment] = []
    after_break = True
    for f in fragments:
        title = f.kind != "cell" and len(f.text) < short and not _PUNCTUATION.search(f.text)
        if title and (f.kind == "start" or after_break):
            f = Fragment(f.text, f.line, "cell")
        out.append(f)
        after_break = f.kind == "cell" or f.text.endswith(tuple("。！？!?；;"))
    return out


def _is_page_number(raw: list[str], index: int) -> bool:
    """A bare 1–3 digit line that is not a table cell and has no numeric cell beside it."""
    line = raw[index]
    if line.startswith("\t") or not _PAGE_NUMBER.match(line.strip()):
        return False
    neighbours = [_nearest(raw, index, -1), _nearest(raw, index, 1)]
    return not any(n is not None and _NUMERIC_CELL.match(n) for n in neighbours)


def _nearest(raw: list[str], index: int, step: int) -> str | None:
    i = index + step
    while 0 <= i < len(raw):
        if raw[i].strip():
            return raw[i].strip()
        i += step
    return None


def markdown(text: str) -> tuple[list[Fragment], list[Cell]]:
    """Markdown: blank lines and headings break the flow, table rows are split into cells."""
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    for index, line in enumerate(LINE_BREAK.split(text)):
        number = index + 1
        stripped = line.strip()
        if not stripped:
            fragments.append(Fragment("", number, "start"))
            continue
        if stripped.startswith("|"):
            if not _MD_RULE.match(stripped):
                for part in stripped.strip("|").split("|"):
                    add_cell(fragments, cells, _MD_MARKUP.sub("", part), number)
            continue
        heading = stripped.startswith("#")
        text_only = _MD_MARKUP.sub("", stripped)
        cells.append(Cell(normalise(text_only), number))
        kind = "start" if heading or HEADING.match(normalise(text_only)) else "text"
        fragments.append(Fragment(text_only, number, kind))
    return fragments, cells


def add_cell(fragments: list[Fragment], cells: list[Cell], text: str, line: int) -> None:
    """A table cell: a block of its own for the sentence readers, a cell for the table ones."""
    text = text.strip()
    if text:
        cells.append(Cell(normalise(text), line))
        fragments.append(Fragment(text, line, "cell"))
