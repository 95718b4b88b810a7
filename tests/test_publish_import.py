"""The officer's path from the workbooks they have: `-f xlsx`, `import`, `import --into`, `next-year`.

Every 决算 example goes data → 公开表 workbook → import → build and must give the identical
document; workbooks laid out as the 决算 software exports them (tests/software_workbook.py: 元 as
text with thousand separators, three-column codes, filler rows, notes, 31-character names, an
.xls copy) import to the same figures; bad workbooks get one message each naming sheet!cell.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from examples import EXAMPLES, ROOT, built, markdown
from software_workbook import BUNDLED, bundled_bytes, software_workbook
from test_cli import run

from reportgen.core.yamlfile import parse_yaml
from reportgen.errors import DataError, DataErrors
from reportgen.run import build
from reportgen.workbook.next_year import roll_forward
from reportgen.workbook.publish_import import import_workbook
from reportgen.writers.markdown import render_text
from reportgen.writers.xlsx import write as write_xlsx

NAMES = sorted(EXAMPLES)
QUXIAN = "渠县城乡居民社会养老保险管理局-2023"
PANZHIHUA = "攀枝花市东区社会保险事务中心-2023"


def _examples(tmp_path: Path) -> Path:
    """A copy of data/examples/ (template folders and 绩效 files beside the data files)."""
    target = tmp_path / "examples"
    shutil.copytree(ROOT / "data/examples", target)
    return target


def _own_workbook(name: str, folder: Path) -> Path:
    b = built(name)
    (content,) = write_xlsx(b.document, b.stem).values()
    path = folder / f"{name}-公开表.xlsx"
    path.write_bytes(content)
    return path


def _into_and_build(workbook: Path, data: Path) -> str:
    data.write_text(import_workbook(workbook, into=data).text, encoding="utf-8")
    return render_text(build(data).document)


def test_xlsx_has_one_sheet_per_table_with_merged_headers_and_is_the_same_bytes_twice():
    b = built(QUXIAN)
    first, second = write_xlsx(b.document, b.stem), write_xlsx(b.document, b.stem)
    assert first == second
    book = load_workbook(io.BytesIO(first[f"{b.stem}.xlsx"]))
    assert len(book.sheetnames) == 13 and book.sheetnames[0] == "公开01表 收入支出决算总表"
    assert all(len(n) <= 31 for n in book.sheetnames)
    ws = book["公开02表 收入决算表"]
    assert ws["A1"].value == "收入决算表" and ws["I2"].value == "公开02表" and ws["I3"].value == "金额单位：万元"
    assert "A4:B4" in {str(m) for m in ws.merged_cells.ranges}  # 项目 over 科目编码 | 科目名称
    total = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "合计")
    assert total[2].value == pytest.approx(568.27) and total[2].number_format == "#,##0.00"


def test_a_chongqing_document_without_tables_still_posts_its_nine():
    b = built("开州区南雅镇中心幼儿园-2023")
    assert not any(type(x).__name__ == "Table" for x in b.document.blocks)
    book = load_workbook(io.BytesIO(next(iter(write_xlsx(b.document, b.stem).values()))))
    assert len(book.sheetnames) == 9


@pytest.mark.parametrize("name", NAMES)
def test_own_workbook_imported_into_the_data_file_gives_the_identical_document(name, tmp_path):
    folder = _examples(tmp_path)
    workbook = _own_workbook(name, tmp_path)
    assert _into_and_build(workbook, folder / f"{name}.yaml") == markdown(name)


@pytest.mark.parametrize("name", NAMES)
def test_software_layout_workbook_gives_the_same_figures_and_document(name, tmp_path):
    b = built(name)
    workbook = tmp_path / "软件导出.xlsx"
    workbook.write_bytes(software_workbook(b.document, b.data.单位.报告年度))
    fresh, _ = parse_yaml(import_workbook(workbook).text)
    assert fresh["金额单位"] == "元" and fresh["单位"]["名称"] == b.data.单位.名称
    assert fresh["单位"]["报告年度"] == b.data.单位.报告年度
    wan = {i["科目编码"]: Decimal(i["决算数"]) / 10000 for i in fresh["一般公共预算财政拨款支出"]}
    assert wan == {i.科目编码: i.决算数 for i in b.data.一般公共预算财政拨款支出 if i.决算数}
    assert Decimal(fresh["支出"]["本年支出合计"]) / 10000 == b.facts.本年支出合计
    assert Decimal(fresh["一般公共预算财政拨款基本支出"]["人员经费"]["金额"]) / 10000 == b.facts.人员经费
    assert _into_and_build(workbook, _examples(tmp_path) / f"{name}.yaml") == markdown(name)


def test_an_xls_copy_imports_like_the_xlsx(tmp_path):
    soffice = shutil.which("soffice")
    source = tmp_path / "公开表.xlsx"
    source.write_bytes(bundled_bytes())
    converted = None
    if soffice:
        subprocess.run([soffice, "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                       capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
        converted = tmp_path / "公开表.xls"
    if converted is None or not converted.is_file():
        message = "LibreOffice Calc is not installed (libreoffice-calc-nogui): no .xls copy can be made"
        if os.environ.get("CI"):  # .ci/run installs Calc
            pytest.fail(message)
        pytest.skip(message)
    assert converted.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert import_workbook(converted).text == import_workbook(source).text.replace("公开表.xlsx", "公开表.xls")
    assert _into_and_build(converted, _examples(tmp_path) / f"{QUXIAN}.yaml") == markdown(QUXIAN)


def test_the_bundled_workbook_is_what_the_generator_makes():
    assert BUNDLED.read_bytes() == bundled_bytes(), "run: python -m tests.software_workbook"


def test_fresh_import_marks_what_the_tables_cannot_hold_and_check_names_it(tmp_path):
    result = import_workbook(BUNDLED, output_name="渠县.yaml")
    text = result.text
    assert "# 公开06表!E11" in text and "待填：各项的年初预算数" in text
    listed = "\n".join(result.checklist)
    for field in ("单位.部门职责", "上年决算.收支总计", "预算数", "三公经费.上年决算", "政府采购.货物", "预算绩效管理.自评情况"):
        assert field in listed
    data = tmp_path / "渠县.yaml"
    data.write_text(text, encoding="utf-8")
    r = run("check", str(data))
    assert r.returncode == 1 and "单位.部门职责: 错误：待填：尚未填写" in r.stdout


def _edited(tmp_path: Path, sheet: str, cell: str, value) -> Path:
    book = load_workbook(io.BytesIO(bundled_bytes()))
    ws = next(book[n] for n in book.sheetnames if n.startswith(sheet))
    ws[cell] = value
    path = tmp_path / "坏.xlsx"
    book.save(path)
    return path


BAD = {
    "missing sheet": (lambda p: _write(p, software_workbook(built(QUXIAN).document, 2023, drop="三公")),
                      "找不到工作表“财政拨款“三公”经费支出决算表”"),
    "label not found": (lambda p: _edited(p, "公开02表", "H4", "事业"), "公开02表!A4: 收入决算表: 表头中找不到“事业收入”栏"),
    "text in an amount cell": (lambda p: _edited(p, "公开02表", "E9", "约五万元"), "公开02表!E9: 收入决算表: 应为金额（填写的是“约五万元”）"),
    "totals that do not add up": (lambda p: _edited(p, "公开02表", "E8", "5,682,800.00"), "公开02表!E8: 合计与各项不符"),
    "corrupt file": (lambda p: _write(p, b"PK\x03\x04 not a workbook"), "工作簿已损坏"),
    "password-protected file": (lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
                                                 + "EncryptedPackage".encode("utf-16-le")), "工作簿受密码保护"),
}


def _write(folder: Path, content: bytes) -> Path:
    path = folder / "坏.xlsx"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_workbook_gets_one_clear_message_exit_1_and_nothing_written(case, tmp_path):
    make, expected = BAD[case]
    workbook = make(tmp_path)
    r = run("import", str(workbook), "-o", str(tmp_path / "out.yaml"))
    assert r.returncode == 1, r.stderr
    assert expected in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out.yaml").exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_cent_of_rounding_in_a_wan_yuan_table_is_accepted_a_yuan_is_not(tmp_path):
    workbook = _own_workbook(PANZHIHUA, tmp_path)
    book = load_workbook(workbook)
    ws = book["公开02表 收入决算表"]
    total = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "合计")[2]
    printed = total.value
    total.value = round(printed + 0.01, 2)
    book.save(workbook)
    notes = import_workbook(workbook).notes
    assert any("公开02表!C" in n and "四舍五入" in n for n in notes)
    total.value = round(printed + 1, 2)
    book.save(workbook)
    with pytest.raises(DataErrors) as e:
        import_workbook(workbook)
    assert "公开02表!C" in str(e.value)


def test_import_refuses_to_overwrite_a_data_file_without_into(tmp_path):
    target = tmp_path / "DATA.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    r = run("import", str(BUNDLED), "-o", str(target))
    assert r.returncode == 1 and "--into" in r.stderr and target.read_text(encoding="utf-8") == "# mine\n"


def test_next_year_carries_this_year_forward_and_clears_the_rest(tmp_path):
    folder = _examples(tmp_path)
    rolled = roll_forward(folder / f"{QUXIAN}.yaml")
    data, _ = parse_yaml(rolled.text)
    this = built(QUXIAN)
    assert data["单位"]["报告年度"] == 2024 and data["单位"]["部门职责"] == this.data.单位.部门职责[0]
    assert Decimal(data["上年决算"]["收支总计"]) == this.facts.收入总计 * 10000
    assert Decimal(data["机关运行经费"]["上年"]) == 142850 and data["机关运行经费"]["本年"] is None
    assert data["变动原因"]["收支总计"] == "" and data["样式"]["占比口径"] == "最大余数"
    assert all(i["决算数"] is None and i["预算数"] is None for i in data["一般公共预算财政拨款支出"])
    assert data["一般公共预算财政拨款基本支出"]["人员经费"]["明细"][0] == "基本工资"
    assert "# 待填" in rolled.text and "说明" not in data
    next_file = folder / "next.yaml"
    next_file.write_text(rolled.text, encoding="utf-8")
    with pytest.raises(DataErrors) as e:  # a rolled file nobody filled can never build
        build(next_file)
    assert "待填" in str(e.value)
    # The second year: import --into fills this year's figures and keeps the text.
    next_file.write_text(import_workbook(BUNDLED, into=next_file).text, encoding="utf-8")
    filled, _ = parse_yaml(next_file.read_text(encoding="utf-8"))
    assert filled["一般公共预算财政拨款支出"][0]["决算数"] == 1849000
    assert filled["单位"]["部门职责"] == this.data.单位.部门职责[0]
    errors = [e for e in _errors(next_file)]
    assert errors and all("预算数" in e or "机关运行经费" in e or "绩效" in e for e in errors), errors


def _errors(path: Path) -> list[str]:
    try:
        build(path)
    except (DataError, DataErrors) as e:
        return str(e).splitlines()
    return []
