"""The forms' DOCX in LibreOffice: no amount, rate, score or short label breaks across lines.

Each real form of tests/data/form_fidelity.yaml and each 绩效 example is built to DOCX, converted to PDF as `-f pdf` does
(the 公文 fonts aliased), and read back line by line: every figure cell (238.93,
100.00%, 387664.62) and every label of up to four characters (一级指标, 权重, 合计) must sit whole
on one line. Side labels spanning rows are left out: the forms themselves print them wrapped.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from reportgen.document.nodes import Table
from reportgen.run import build
from reportgen.writers import get_writer
from rendering import tool

DATA = Path(__file__).parent / "data"
REAL = {name: DATA / "real" / "绩效" / "数据" / f"{name}.yaml"
        for name in yaml.safe_load((DATA / "form_fidelity.yaml").read_text(encoding="utf-8"))}
EXAMPLES = {path.stem: path for path in (DATA.parents[1] / "data" / "examples").glob("*绩效*.yaml")}
FILES = {**REAL, **EXAMPLES, "performance_seed003": DATA / "performance_seed003.yaml"}
CASES = sorted(FILES)
_FIGURE = re.compile(r"^[\d.,]+%?$")
_SHORT = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def whole_cells(table: Table) -> list[str]:
    """The cells that must keep to one line: figures, and labels of two to four characters."""
    out = []
    for row in table.body:
        for i, cell in enumerate(row):
            side = i == 0 and cell.rowspan > 1
            text = cell.text.strip()
            if not side and (_FIGURE.match(text) and len(text) > 1 or _SHORT.match(text)):
                out.append(text)
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[list[Table], list[str]]]:
    from reportgen.writers.pdf import convert  # LibreOffice with the 公文 fonts aliased, as -f pdf runs it

    tool("soffice")
    pdftotext = tool("pdftotext")
    folder = tmp_path_factory.mktemp("forms")
    tables: dict[str, list[Table]] = {}
    docx: dict[str, bytes] = {}
    for name in CASES:
        document = build(FILES[name]).document
        tables[name] = [b for b in document.blocks if isinstance(b, Table)]
        docx[name] = next(c for f, c in get_writer("docx")(document, name).items() if f.endswith(".docx"))
    out = {}
    for name, converted in convert(docx).items():
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(converted.pdf)
        text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout
        out[name] = (tables[name], [re.sub(r"\s+", "", line) for line in text.splitlines()])
    return out


@pytest.mark.parametrize("name", CASES)
def test_no_figure_or_short_label_breaks_across_lines(rendered, name):
    tables, lines = rendered[name]
    cells = [c for t in tables for c in whole_cells(t)]
    assert len(cells) > 20
    broken = sorted({c for c in cells if not any(c in line for line in lines)})
    assert broken == []
