"""Timing of `reportgen audit`; prints, asserts nothing.

Run: .venv/bin/python bench/bench_audit.py [--seeds DIR] [--repeat N]

1. A 40-page document (~60,000 characters: the seed texts joined, or a synthetic 决算 text) as
   .txt and as .docx (paragraphs plus the 自评表 tables), warm (best and median of N in one
   process) and cold (a fresh interpreter that imports reportgen.audit and audits once).
2. A 100-page PDF (the seed texts printed by LibreOffice, cut to 100 pages with pypdfium2): its
   audit time against the 2 s the issue allows, and, measured in the same run, its ratio to the
   text extraction alone (the floor any PDF audit pays) and to the audit of the same text as .txt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_CHARS = 60_000
SEED_DIRS = [ROOT.parent / "shared" / "seeds", ROOT / "seeds", ROOT / "tests" / "data" / "seeds"]
SYNTHETIC = (
    "2023年本年收入合计568.27万元，其中：一般公共预算财政拨款收入568.27万元，占100%；事业收入0万元，占0%。\n"
    "机关运行经费支出14.29万元，比2022年增加6.26万元，增长78.00%。主要原因是预算人数增加。\n"
    "项目全年预算数为680万元，执行数为661.7252万元，完成预算的97.31%。\n"
    "\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n"
    "\t年度资金总额\n\t680\n\t680\n\t661.7252\n\t10\n\t97.31%\n\t10\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = _document_text(args.seeds)
    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "document.txt"
        txt.write_text(text, encoding="utf-8")
        docx = Path(tmp) / "document.docx"
        _write_docx(text, docx)
        print(f"document: {len(text):,} characters, {text.count(chr(10)):,} lines")
        _report("txt, warm", _warm(txt, args.repeat))
        _report("docx, warm", _warm(docx, args.repeat))
        _report("txt, cold process", [_cold(txt) for _ in range(3)])
        _report("docx, cold process", [_cold(docx) for _ in range(3)])
        _report("import reportgen.audit, cold", [_cold(None) for _ in range(3)])
        _pdf_bench(Path(tmp), text, args.repeat)


def _pdf_bench(tmp: Path, text: str, repeat: int) -> None:
    """The 100-page PDF: audit time, and its ratios to the extraction floor and to .txt."""
    pdf = _hundred_pages(tmp, text)
    if pdf is None:
        print("100-page PDF: skipped (LibreOffice soffice not found)")
        return
    from reportgen.audit.pdf import read_pdf_text

    plain = tmp / "hundred.txt"
    plain.write_text(read_pdf_text(pdf), encoding="utf-8")
    extract = []
    for _ in range(max(repeat // 4, 3)):
        start = time.perf_counter()
        read_pdf_text(pdf)
        extract.append(time.perf_counter() - start)
    audit_pdf = _warm(pdf, max(repeat // 4, 3))
    audit_txt = _warm(plain, max(repeat // 4, 3))
    cold = [_cold(pdf) for _ in range(3)]
    chars = len(plain.read_text(encoding="utf-8"))
    print(f"100-page PDF: {chars:,} characters of text")
    _report("pdf text extraction only (floor)", extract)
    _report("pdf audit, warm", audit_pdf)
    _report("pdf audit, cold process", cold)
    _report("same text as .txt, warm", audit_txt)
    best = min(audit_pdf)
    print(f"ratios: pdf audit / extraction floor = {best / min(extract):.2f}; "
          f"pdf audit / txt audit = {best / min(audit_txt):.1f}; "
          f"cold pdf audit / 2 s limit = {min(cold) / 2:.2f} ({'within' if min(cold) < 2 else 'OVER'} the limit)")


def _hundred_pages(tmp: Path, text: str) -> Path | None:
    """The seed text printed to PDF by LibreOffice until it fills 100 pages, then cut to 100."""
    import shutil

    if shutil.which("soffice") is None:
        return None
    import pypdfium2 as pdfium

    source = tmp / "long.txt"
    source.write_text((text + "\n") * 4, encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
                   check=True, capture_output=True, timeout=300)
    long, hundred = pdfium.PdfDocument(str(tmp / "long.pdf")), pdfium.PdfDocument.new()
    if len(long) < 100:
        raise SystemExit(f"the printed text has only {len(long)} pages")
    hundred.import_pages(long, list(range(100)))
    out = tmp / "hundred.pdf"
    hundred.save(str(out))
    return out


def _document_text(seed_dir: Path | None) -> str:
    folders = [seed_dir] if seed_dir else SEED_DIRS
    seeds = next((sorted(d.glob("*.txt")) for d in folders if d.is_dir() and any(d.glob("*.txt"))), [])
    source = "\n".join(p.read_text(encoding="utf-8") for p in seeds) or SYNTHETIC
    while len(source) < TARGET_CHARS:
        source += "\n" + source
    return source[:TARGET_CHARS]


def _write_docx(text: str, path: Path) -> None:
    """Paragraphs for running text; each run of tab-led cells becomes a one-column table."""
    import docx

    document = docx.Document()
    cells: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            cells.append(line.strip())
            continue
        if cells:
            table = document.add_table(rows=len(cells), cols=1)
            for row, cell_text in zip(table.rows, cells):
                row.cells[0].text = cell_text
            cells = []
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(path)


def _warm(path: Path, repeat: int) -> list[float]:
    from reportgen.audit import audit_paths

    audit_paths([path])  # warm-up: imports and regex compilation
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        audit_paths([path])
        times.append(time.perf_counter() - start)
    return times


def _cold(path: Path | None) -> float:
    code = "from reportgen.audit import audit_paths\n"
    if path is not None:
        code += f"audit_paths([__import__('pathlib').Path({str(path)!r})])\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    elapsed = time.perf_counter() - start
    baseline = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return elapsed - (time.perf_counter() - baseline)


def _report(label: str, times: list[float]) -> None:
    best, median = min(times), statistics.median(times)
    n = len(times)
    print(f"{label:32} best {best * 1000:7.1f} ms   median {median * 1000:7.1f} ms   (n={n})")


if __name__ == "__main__":
    main()
