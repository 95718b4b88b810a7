"""Writers turn a Document into files; they know nothing about finance.

Each writer is `write(document, stem) -> dict[str, bytes]`: relative file name -> content. The
main file is `<stem>.<suffix>`; a writer may add files beside it (charts under `<stem>_图/`).
The command line writes them all or none.
"""

from __future__ import annotations

from typing import Callable

from reportgen.document.nodes import Document
from reportgen.errors import ReportgenError

Writer = Callable[[Document, str], dict[str, bytes]]


def get_writer(name: str) -> Writer:
    """The writer for a format name ("md", "docx", "pdf", "html", "xlsx"); imported lazily to keep
    start-up fast."""
    if name == "md":
        from reportgen.writers.markdown import write
    elif name == "docx":
        from reportgen.writers.docx import write
    elif name == "xlsx":
        from reportgen.writers.xlsx import write
    elif name == "pdf":
        from reportgen.writers.pdf import write
    elif name == "html":
        from reportgen.writers.html import write
    else:
        raise ReportgenError(f"未知的输出格式：{name}（可选：{', '.join(FORMATS)}）")
    return write


FORMATS = ("md", "docx", "pdf", "html", "xlsx")
