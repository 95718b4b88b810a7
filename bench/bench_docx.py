"""Benchmark the writers: Markdown, DOCX, and the floor DOCX is measured against.

The floor is the least any DOCX writer must do: deflate the same word/document.xml, given as
one string, into a zip. The target is a DOCX stage within 3x the floor.

    .venv/bin/python bench/bench_docx.py [--repeat 15]

Add documents to measure (e.g. the bundled examples, once a pipeline builds them) in
`documents()`.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportgen.document.nodes import Document  # noqa: E402
from reportgen.writers.docx import build  # noqa: E402
from reportgen.writers.docx.sample import large_document, synthetic_document  # noqa: E402

TARGET = 3.0
REALISTIC = 200_000  # bytes of document.xml: a 决算 with its 13 tables is well above


def documents() -> dict[str, Document]:
    """Name -> Document to measure: the synthetic documents, then the bundled examples."""
    docs = {
        "synthetic (small)": synthetic_document(),
        "synthetic (~320 paragraphs, 13 tables)": large_document(),
    }
    try:
        from reportgen.run import build as build_example
        from reportgen.resources import data_dir
    except ImportError:
        return docs
    for path in sorted((data_dir() / "examples").glob("*.yaml")):
        try:
            docs[path.stem] = build_example(path).document
        except Exception as error:  # the benchmark still measures what it can
            print(f"({path.name} skipped: {type(error).__name__})")
    return docs


def median_ms(works: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median time of each piece of work; the pieces take turns, so that a busy moment on a
    shared machine slows all of them alike and their ratio holds."""
    for work in works:
        work()  # warm-up: imports, caches
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, spent in zip(works, times):
            start = time.perf_counter()
            work()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def floor_work(docx_bytes: bytes) -> Callable[[], bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        document_xml = archive.read("word/document.xml").decode("utf-8")

    def work() -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", document_xml)
        return buffer.getvalue()

    return work


def markdown_writer() -> Callable[[Document, str], dict[str, bytes]] | None:
    if importlib.util.find_spec("reportgen.writers.markdown") is None:
        return None
    from reportgen.writers.markdown import write

    return write


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per figure (median)")
    args = parser.parse_args()
    markdown = markdown_writer()
    docs = documents()
    print(f"{'document':42} {'md ms':>7} {'docx ms':>8} {'floor ms':>9} {'docx/floor':>10}"
          "  document.xml")
    judged = []
    for name, document in docs.items():
        data = build(document)
        docx_ms, floor_ms = median_ms([lambda: build(document), floor_work(data)], args.repeat)
        md = "      -"
        if markdown:
            md = f"{median_ms([lambda: markdown(document, 'x')], args.repeat)[0]:7.1f}"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = archive.getinfo("word/document.xml").file_size
        ratio = docx_ms / floor_ms
        if size >= REALISTIC:
            judged.append(ratio)
        print(f"{name:42} {md} {docx_ms:8.1f} {floor_ms:9.1f} {ratio:9.1f}x  {size / 1e6:.2f} MB")
    # A small document is dominated by the ~0.5 ms of parts every file has (styles, settings,
    # footers, relationships), which the floor does not write; the target is for real sizes.
    if judged:
        verdict = "within" if max(judged) <= TARGET else "OVER"
        print(f"DOCX stage {verdict} {TARGET:.0f}x the floor for documents of real size "
              f"(document.xml >= {REALISTIC // 1000} kB): worst {max(judged):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
