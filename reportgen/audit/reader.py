"""Reading .txt, .md and .docx files into fragments (for sentences) and cells (for tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.audit.text import Block, Fragment, build_blocks, normalise
from reportgen.errors import ReportgenError

SUFFIXES = (".txt", ".md", ".docx")

# A line that opens a numbered heading starts a new flow of text; "2.24 万元" at the start of
# a wrapped line must not count, hence the look-ahead for a digit after the dot.
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]"
    r"|\d{1,2}[、.](?![\d])|[（(]\d{1,2}[）)]|附件|附表)"
)
_PAGE_NUMBER = re.compile(r"^[—\-－]?\s*\d{1,3}\s*[—\-－]?$")
_NUMERIC_CELL = re.compile(r"^[\d.,%％\s万元]+$")
# Lines as an editor counts them: a form feed (pdftotext's page break) is not a new line.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PUNCTUATION = re.compile(r"[。；;，,：:！？!?]")
_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|\*\*|__|`")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass(frozen=True)
class Cell:
    """One non-empty table cell or line, in reading order, for the table checks."""

    text: str
    line: int


@dataclass(frozen=True)
class Document:
    """What the checks read: blocks of running text and the stream of cells."""

    name: str
    blocks: list[Block]
    cells: list[Cell]


def read_document(path: Path) -> Document:
    """Read a published document; any failure becomes a ReportgenError naming the file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportgenError(f"{path}：不支持的文件类型“{path.suffix or '无后缀'}”（可审核 .txt、.md、.docx）")
    if not path.is_file():
        raise ReportgenError(f"{path}：文件不存在或不是普通文件")
    if suffix == ".docx":
        fragments, cells = _docx(path)
    else:
        text = _read_text(path)
        fragments, cells = _markdown(text) if suffix == ".md" else _plain(text)
    return Document(str(path), build_blocks(fragments), cells)


def document_from_text(text: str, name: str = "<text>") -> Document:
    """A plain-text document held in memory (tests, piping)."""
    fragments, cells = _plain(text)
    return Document(name, build_blocks(fragments), cells)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportgenError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportgenError(f"{path}：无法识别文本编码（应为 UTF-8 或 GB18030）")


def _plain(text: str) -> tuple[list[Fragment], list[Cell]]:
    """PDF/Word extraction: blank lines are not breaks, tab-led lines are table cells."""
    raw = [line.lstrip("\f") for line in _LINE_BREAK.split(text)]
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    for index, line in enumerate(raw):
        stripped = line.strip()
        if not stripped or _is_page_number(raw, index):
            continue
        number = index + 1
        cells.append(Cell(normalise(stripped), number))
        if line.startswith("\t"):
            kind = "cell"
        elif _HEADING.match(normalise(stripped)):
            kind = "start"
        else:
            kind = "text"
        fragments.append(Fragment(stripped, number, kind))
    return _titles_apart(fragments), cells


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


def _markdown(text: str) -> tuple[list[Fragment], list[Cell]]:
    """Markdown: blank lines and headings break the flow, table rows are split into cells."""
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    for index, line in enumerate(_LINE_BREAK.split(text)):
        number = index + 1
        stripped = line.strip()
        if not stripped:
            fragments.append(Fragment("", number, "start"))
            continue
        if stripped.startswith("|"):
            if not _MD_RULE.match(stripped):
                for part in stripped.strip("|").split("|"):
                    _add_cell(fragments, cells, _MD_MARKUP.sub("", part), number)
            continue
        heading = stripped.startswith("#")
        plain = _MD_MARKUP.sub("", stripped)
        cells.append(Cell(normalise(plain), number))
        kind = "start" if heading or _HEADING.match(normalise(plain)) else "text"
        fragments.append(Fragment(plain, number, kind))
    return fragments, cells


def _docx(path: Path) -> tuple[list[Fragment], list[Cell]]:
    """Word: body paragraphs and table cells in document order; `line` is their 1-based index."""
    try:
        from docx import Document as open_docx  # imported here: only .docx needs it
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = open_docx(str(path))
        items = list(document.iter_inner_content())
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ReportgenError(f"{path}：无法读取 Word 文件（{exc}）") from exc
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    index = 0
    for item in items:
        if isinstance(item, Paragraph):
            index += 1
            text = item.text.strip()
            if text:
                cells.append(Cell(normalise(text), index))
                fragments.append(Fragment(text, index, "start"))
        elif isinstance(item, Table):
            for text in _table_cells(item):
                index += 1
                _add_cell(fragments, cells, text, index)
    return fragments, cells


def _table_cells(table) -> list[str]:
    """Cell texts row by row, read from the XML: a merged cell is one <w:tc> (a vertical merge
    leaves the cells below it empty), and python-docx's per-row cell grid costs quadratic time.
    """
    from docx.oxml.ns import qn

    def paragraph_text(p) -> str:
        return "".join(t.text or "" for t in p.iter(qn("w:t")))

    texts = []
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            texts.append("\n".join(paragraph_text(p) for p in tc.iter(qn("w:p"))).strip())
    return texts


def _add_cell(fragments: list[Fragment], cells: list[Cell], text: str, line: int) -> None:
    text = text.strip()
    if text:
        cells.append(Cell(normalise(text), line))
        fragments.append(Fragment(text, line, "cell"))
