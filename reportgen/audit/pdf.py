"""PDF files: the text layer through pypdf, page by page, with bounded work."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from reportgen.errors import ReportgenError

# A published 决算 runs to tens of pages; a few thousand is already far past any real one.
MAX_PAGES = 3000
MAX_SECONDS = 120.0  # a hostile file (deep object nesting, huge content streams) stops here
_MIN_CHARS_PER_PAGE = 5  # below this on every page, the PDF is a scan: images without text


def read_pdf_text(path: Path) -> str:
    """The text of every page, pages separated by a form feed (which is not a new line).

    Raises ReportgenError for a damaged or encrypted file, one past the bounds, and a scan with
    no text layer (that needs OCR first, which the audit does not do).
    """
    try:
        from pypdf import PdfReader  # imported here: only PDFs need it
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReportgenError(f"{path}：读取 PDF 需要 pypdf（pip install pypdf）") from exc
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's concern
    started = time.monotonic()
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise ReportgenError(f"{path}：PDF 已加密，无法读取文字")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise ReportgenError(f"{path}：PDF 共 {count} 页，超过上限 {MAX_PAGES} 页，不予读取")
        pages = []
        for number, page in enumerate(reader.pages, 1):
            if time.monotonic() - started > MAX_SECONDS:
                raise ReportgenError(f"{path}：读取 PDF 超过 {MAX_SECONDS:.0f} 秒（停在第 {number} 页），不予读取")
            pages.append(page.extract_text() or "")
    except ReportgenError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on a damaged file
        raise ReportgenError(f"{path}：无法读取 PDF（{type(exc).__name__}: {exc}）") from exc
    if not pages or all(len(p.strip()) < _MIN_CHARS_PER_PAGE for p in pages):
        raise ReportgenError(
            f"{path}：PDF 没有可读取的文字层（可能是扫描件），请先做文字识别（OCR）或提供 Word/网页版本"
        )
    return "\n\f".join(pages)


def _unlock(reader) -> bool:
    """Many published PDFs are 'encrypted' with an empty user password only to stop editing."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False
