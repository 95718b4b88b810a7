"""Reading a published document of any supported kind into blocks (for sentences) and cells.

Each format has its own module (plain, office, pdf, html) imported only when a file of that kind
is read; whatever the format, traditional characters are converted here, so every reader after
this point sees simplified text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.audit.chinese import is_traditional, simplifier
from reportgen.audit.plain import markdown, plain
from reportgen.audit.text import Block, Cell, Fragment, build_blocks, normalise
from reportgen.errors import ReportgenError

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a text or web page larger than this is no published document

__all__ = ["Cell", "Document", "SUFFIXES", "document_from_text", "expand_paths", "read_document"]


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
        kinds = "、".join(SUFFIXES)
        raise ReportgenError(f"{path}：不支持的文件类型“{path.suffix or '无后缀'}”（可审核 {kinds}）")
    if not path.is_file():
        raise ReportgenError(f"{path}：文件不存在或不是普通文件")
    if suffix == ".docx":
        from reportgen.audit.office import read_docx

        fragments, cells = read_docx(path)
    elif suffix == ".pdf":
        from reportgen.audit.pdf import read_pdf_text

        fragments, cells = plain(read_pdf_text(path))
    elif suffix in (".html", ".htm"):
        from reportgen.audit.html import read_html

        fragments, cells = read_html(_read_text(path))
    else:
        text = _read_text(path)
        fragments, cells = markdown(text) if suffix == ".md" else plain(text)
    return _document(str(path), fragments, cells)


def document_from_text(text: str, name: str = "<text>") -> Document:
    """A plain-text document held in memory (tests, piping)."""
    return _document(name, *plain(text))


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders replaced by the supported files in them (recursively, sorted)."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            out += found
        else:
            out.append(path)
    return out


def _document(name: str, fragments: list[Fragment], cells: list[Cell]) -> Document:
    """Blocks and cells in simplified characters, whatever the source wrote."""
    fix = simplifier(is_traditional("".join(f.text for f in fragments[:4000])))
    fragments = [Fragment(fix(f.text), f.line, f.kind) for f in fragments]
    cells = [Cell(normalise(fix(c.text)), c.line) for c in cells]
    return Document(name, build_blocks(fragments), cells)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ReportgenError(f"{path}：文件过大（{size:,} 字节），不是一份公开文档")
        data = path.read_bytes()
    except OSError as exc:
        raise ReportgenError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportgenError(f"{path}：无法识别文本编码（应为 UTF-8 或 GB18030）")
