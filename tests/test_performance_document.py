"""The 绩效 documents' structure: numbering that restarts in an annex, and well-formed merged tables."""

from __future__ import annotations

import pytest

from examples import ROOT
from reportgen.document.nodes import Heading, Paragraph, Table
from reportgen.document.reader import read
from reportgen.run import build
from reportgen.writers import get_writer
from reportgen.writers.markdown import render_text

FILES = [
    ROOT / "data/examples/桃江县社会保险服务中心-2024-绩效评价.yaml",
    ROOT / "data/examples/烈山区-2023-项目绩效自评.yaml",
    ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml",
    ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023.yaml",
    ROOT / "tests/data/performance_seed003.yaml",
]


def test_an_unnumbered_heading_restarts_the_numbering_below_it():
    doc = read("# 附件\n# 附件1 {-}\n## 基本情况\n## 资金\n+3 收入\n# 附件2 {-}\n## 项目概况\n+3 背景\n# 附表")
    labels = [b.label for b in doc.blocks if isinstance(b, (Heading, Paragraph))]
    assert labels == ["第一部分", "", "一、", "二、", "（一）", "", "一、", "（一）", "第二部分"]


def grid(table: Table) -> list[list[str]]:
    """The body as a full grid, each position holding the text of the cell that covers it."""
    rows: list[list[str | None]] = [[None] * table.n_cols for _ in table.body]
    for r, row in enumerate(table.body):
        col = 0
        for cell in row:
            while col < table.n_cols and rows[r][col] is not None:
                col += 1
            assert col + cell.colspan <= table.n_cols, f"{table.title}: row {r + 1} overflows at “{cell.text}”"
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    assert r + dr < len(rows), f"{table.title}: “{cell.text}” spans past the last row"
                    assert rows[r + dr][col + dc] is None, f"{table.title}: “{cell.text}” overlaps a cell"
                    rows[r + dr][col + dc] = cell.text
            col += cell.colspan
    for r, row in enumerate(rows):
        assert None not in row, f"{table.title}: row {r + 1} leaves a gap"
    return rows  # type: ignore[return-value]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_table_fills_its_grid_exactly(path):
    tables = [b for b in build(path).document.blocks if isinstance(b, Table)]
    assert tables
    for table in tables:
        grid(table)


def test_indicator_rows_merge_their_first_and_second_level_cells():
    doc = build(FILES[0]).document
    form = next(b for b in doc.blocks if isinstance(b, Table) and b.title.endswith("部门整体支出绩效自评表"))
    rows = grid(form)
    pension = next(r for r in rows if r[3] == "职业年金归集次数")
    assert pension[:4] == ["绩效指标", "产出指标（60分）", "数量指标", "职业年金归集次数"]
    assert pension[4:8] == ["12", "12", "5", "5"]


@pytest.mark.parametrize("path", FILES[:3], ids=lambda p: p.stem)
def test_the_docx_writer_takes_the_tables(path):
    files = get_writer("docx")(build(path).document, "x")
    assert files["x.docx"][:2] == b"PK"


def test_markdown_keeps_merged_rows_in_their_columns():
    md = render_text(build(FILES[0]).document)
    assert "|  |  | 职业年金归集次数 | 12 | 12 | 5 | 5 |  |" in md
