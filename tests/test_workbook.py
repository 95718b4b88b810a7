"""The Excel workbook as input: YAML → workbook → build gives the same document; bad cells are named."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from examples import EXAMPLES, IDS, markdown
from reportgen.errors import DataErrors
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.kinds.final_accounts import read as read_data
from reportgen.run import build
from reportgen.workbook.export import workbook_bytes, workbook_for
from reportgen.workbook.layout import BASICS, TEXTS, layout_of
from reportgen.writers.markdown import render_text
from test_cli import run

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]
ALL = pytest.mark.parametrize("name", sorted(EXAMPLES), ids=IDS.get)


def workbook_of(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(workbook_for(source, target))
    return target


@pytest.fixture(scope="module")
def quxian_book(tmp_path_factory) -> Path:
    return workbook_of(QUXIAN, tmp_path_factory.mktemp("book") / "渠县.xlsx")


def edited(book: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(book)
    edit(wb)
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    return path


@ALL
def test_round_trip_gives_the_same_markdown(name, tmp_path):
    book = workbook_of(EXAMPLES[name], tmp_path / "sub" / "数据.xlsx")  # elsewhere: paths are rebased
    # …to folders outside the workbook's own, which a build reads only when the command line gives them.
    assert render_text(build(book, [EXAMPLES[name].parent]).document) == markdown(name)


@ALL
def test_round_trip_gives_the_same_model(name, tmp_path):
    yaml_data, _ = read_data(EXAMPLES[name])
    book_data, _ = read_data(workbook_of(EXAMPLES[name], tmp_path / "x.xlsx"))
    plain = lambda m: m.model_dump(exclude={"模板目录", "附件"})  # noqa: E731  (paths differ by design)
    assert plain(book_data) == plain(yaml_data)


def test_the_same_data_gives_the_same_bytes(tmp_path):
    assert workbook_for(QUXIAN, tmp_path / "a.xlsx") == workbook_for(QUXIAN, tmp_path / "b.xlsx")
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(None))) as z:
        assert b"2000-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_sheets_headers_formats_and_validation(quxian_book):
    wb = openpyxl.load_workbook(quxian_book)
    assert wb.sheetnames == ["说明", *layout_of(FinalAccounts).sheet_names]
    items = wb["一般公共预算财政拨款支出"]
    assert [c.value for c in items[1]][:4] == ["科目编码", "科目名称", "预算数", "决算数"]
    assert items["A2"].value == "2080109" and items["A2"].number_format == "@"
    assert items["C2"].value == 1849000 and items["C2"].number_format == "#,##0.00"
    kinds = {dv.type for dv in items.data_validations.dataValidation}
    assert {"decimal"} <= kinds
    basics = {r[0].value: r[1] for r in wb[BASICS].iter_rows(min_row=2) if r[0].value}
    assert basics["金额单位"].value == "元"
    assert basics["版式.科目简称"].value == "否"
    assert any(dv.type == "list" for dv in wb[BASICS].data_validations.dataValidation)
    texts = [r[0].value for r in wb[TEXTS].iter_rows(min_row=2)]
    assert "单位.部门职责" in texts and "机关运行经费.原因" in texts and "说明" in texts
    assert "build" in " ".join(str(r[0].value) for r in wb["说明"].iter_rows())


def test_an_empty_workbook_has_every_sheet_and_names_what_is_missing(tmp_path):
    path = tmp_path / "空白.xlsx"
    path.write_bytes(workbook_bytes(None))
    with pytest.raises(DataErrors) as e:
        read_data(path)
    where = {(err.field, err.line) for err in e.value.errors}
    basics_rows = {r[0].value: r[0].row for r in openpyxl.load_workbook(path)[BASICS].iter_rows(min_row=2)}
    assert ("单位.名称", f"{BASICS}!B{basics_rows['单位.名称']}") in where


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda wb: wb["一般公共预算财政拨款支出"].__setitem__("D3", "三万"),
         "一般公共预算财政拨款支出!D3: 一般公共预算财政拨款支出[2].决算数: 应为数字（填写的是：三万）"),
        (lambda wb: wb["一般公共预算财政拨款支出"].__setitem__("A5", "2089109"),
         "一般公共预算财政拨款支出!A5: 一般公共预算财政拨款支出[4].科目编码: 未知科目编码 20891"),
        (lambda wb: wb.remove(wb["非财政拨款收支"]), " 非财政拨款收支: 缺少工作表“非财政拨款收支”"),
        (lambda wb: wb["人员经费经济分类"].__setitem__("A2", "30201"),
         "人员经费经济分类!A2: 一般公共预算财政拨款基本支出.人员经费.经济分类[1].科目编码: 经济分类 30201 不属于人员经费"),
        (lambda wb: wb["一般公共预算财政拨款支出"].__setitem__("Z1", "备注"), "一般公共预算财政拨款支出!Z1: 一般公共预算财政拨款支出: 不认识的列“备注”"),
    ],
    ids=["text-in-number", "unknown-code", "missing-sheet", "wrong-class", "unknown-column"],
)
def test_a_bad_cell_is_named_by_sheet_and_cell(quxian_book, tmp_path, edit, expected):
    bad = edited(quxian_book, tmp_path, edit)
    with pytest.raises(DataErrors) as e:
        build(bad)
    assert all(err.file == str(bad) for err in e.value.errors)
    assert f"bad.xlsx:{expected}" in str(e.value)


def test_the_command_line_prints_it_exits_1_and_writes_nothing(quxian_book, tmp_path):
    bad = edited(quxian_book, tmp_path, lambda wb: wb["一般公共预算财政拨款支出"].__setitem__("D3", "三万"))
    out = tmp_path / "out"
    r = run("build", str(bad), "-o", str(out))
    assert r.returncode == 1
    assert "bad.xlsx:一般公共预算财政拨款支出!D3: " in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_a_total_that_disagrees_is_named_by_its_cell(quxian_book, tmp_path):
    def edit(wb):
        ws = wb[BASICS]
        cell = next(r[1] for r in ws.iter_rows(min_row=2) if r[0].value == "收入.本年收入合计")
        cell.value = 1

    with pytest.raises(DataErrors) as e:
        build(edited(quxian_book, tmp_path, edit), [QUXIAN.parent])  # its 附件 stay beside the example
    [err] = e.value.errors
    assert err.field == "收入.本年收入合计" and str(err.line).startswith(f"{BASICS}!B")


def test_not_a_workbook_is_a_message(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    r = run("build", str(path), "-o", str(tmp_path / "o"))
    assert r.returncode == 1 and "不是有效的 Excel 工作簿" in r.stderr and "Traceback" not in r.stderr


def test_the_workbook_command(tmp_path):
    r = run("workbook", str(QUXIAN), "-o", str(tmp_path / "w.xlsx"))
    assert r.returncode == 0, r.stderr
    built = build(tmp_path / "w.xlsx", [QUXIAN.parent])  # its 附件 and 模板目录 stay beside the example
    assert render_text(built.document) == markdown("渠县城乡居民社会养老保险管理局-2023")
    r = run("workbook", str(QUXIAN), "-o", str(tmp_path / "w.csv"))
    assert r.returncode == 1 and ".xlsx" in r.stderr and "Traceback" not in r.stderr


def test_without_data_the_workbook_is_blank(tmp_path):
    path = tmp_path / "blank.xlsx"
    path.write_bytes(workbook_for(None, path))
    wb = openpyxl.load_workbook(path)
    ws = wb["一般公共预算财政拨款支出"]
    assert ws.max_row == 1 and ws["A1"].value == "科目编码"
    assert ws.column_dimensions["A"].number_format == "@" and ws.column_dimensions["C"].number_format == "#,##0.00"
    assert any("C2:C501" in str(dv.sqref) for dv in ws.data_validations.dataValidation)
