"""Reading .txt, .md and .docx: broken lines, page numbers, tables, and files that cannot be read."""

from __future__ import annotations

import pytest

from reportgen.audit import audit_paths, audit_text
from reportgen.errors import ReportgenError

BROKEN = """二、机关运行经费

2023 年，某局机关运行经费

支出 14.29 万元，比 2022 年增加 6.26 万元，增长



16

128.25%。主要原因是预算人数增加。
"""


def test_broken_lines_join_and_a_page_number_between_them_is_dropped():
    [finding] = audit_text(BROKEN)
    assert (finding.line, finding.stated) == (3, "128.25%")
    assert finding.sentence == "2023年，某局机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。"


def test_lines_are_counted_as_an_editor_counts_them():
    text = "一、说明\r\n\f第二页\r\n支出 14.29 万元，比 2022 年增加 6.26 万元，\x0b增长 128.25%。\n"
    assert [f.line for f in audit_text(text)] == [3]


def test_a_title_line_does_not_run_into_the_sentence_below_it():
    text = "（一）机关运行经费支出情况\n\n支出 14.29 万元，比 2022 年增加 6.26 万元，增长 128.25%。\n"
    assert [f.line for f in audit_text(text)] == [3]


def test_tab_led_cells_of_a_self_assessment_table_are_read_as_a_row(tmp_path):
    cells = ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A)", "得分",
             "年度资金总额：", "900", "900", "760.2160", "10", "75.00%", "85", "年度总体目标完成情况"]
    path = tmp_path / "表.txt"
    path.write_text("项目支出绩效自评表\n" + "".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    found = [(f.line, f.kind, f.stated) for f in audit_paths([path])]
    assert found == [(13, "budget_completion", "75.00%"), (14, "score_exceeds_weight", "85")]


def test_headings_broken_over_two_lines_are_joined(tmp_path):
    lines = ["项目资金", "(万元)", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
             "年度资金总额", "43.2", "43.2", "37.24", "10", "96%", "9"]
    path = tmp_path / "表.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    assert [(f.kind, f.stated) for f in audit_paths([path])] == [("budget_completion", "96%")]


def test_a_row_with_a_missing_cell_is_not_guessed_at(tmp_path):
    cells = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "900", "760.2160", "10", "75.00%", "85"]
    path = tmp_path / "表.txt"
    path.write_text("".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    assert audit_paths([path]) == []


def test_sichuan_wording_and_a_row_missing_its_last_cells(tmp_path):
    cells = ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
             "总额", "238.93", "251.89", "226.70", "100.00%", "10", "其中：财政资金"]
    path = tmp_path / "表.txt"
    path.write_text("".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    assert [(f.kind, f.stated) for f in audit_paths([path])] == [("budget_completion", "100.00%")]


def test_a_dropped_cell_before_the_rate_column_is_not_read_as_a_shifted_row(tmp_path):
    # 年初预算数 is blank, so every figure would slide one column left: 84.47% lands under 全年执行数.
    cells = ["年初预算数", "全年预算数", "全年执行数", "执行率", "年度资金总额", "900", "760.2160", "84.47%"]
    path = tmp_path / "表.txt"
    path.write_text("".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    assert audit_paths([path]) == []


def test_staff_table_cells(tmp_path):
    path = tmp_path / "基础数据表.txt"
    path.write_text("".join(f"\t{c}\n" for c in ["编制数", "2020年实际在职人数", "控制率", "37", "31", "100%"]))
    assert [(f.kind, f.stated, f.line) for f in audit_paths([path])] == [("control_rate", "100%", 6)]


def test_a_scoring_rule_awarding_more_than_its_indicator_is_worth(tmp_path):
    cells = ["“三公经费”", "变动率 （2分）", "“三公经费”变动率为0，计5分；每超过一个百分点扣1分。",
             "重点支出安排率 （2分）", "安排率＞50%，计2分，每下降一个百分点扣0.5分。",
             "完成及时性 （10分）", "达到目标计5分，超过30%的不计分。"]
    path = tmp_path / "框架.txt"
    path.write_text("".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    assert [(f.line, f.kind, f.stated) for f in audit_paths([path])] == [(3, "score_exceeds_weight", "5")]


def test_markdown_is_read_with_its_markup_stripped_and_tables_split(tmp_path):
    path = tmp_path / "报告.md"
    path.write_text(
        "# 2023 年度部门决算\n\n"
        "**机关运行经费**支出 14.29 万元，比 2022 年增加 6.26 万元，\n增长 128.25%。\n\n"
        "| 编制数 | 实际在职人数 | 控制率 |\n|---|---|---|\n| 32 | 27 | 90% |\n",
        encoding="utf-8",
    )
    assert [(f.line, f.kind) for f in audit_paths([path])] == [(3, "change_rate"), (8, "control_rate")]


def test_docx_paragraphs_and_table_cells_are_read_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("2023年度某局部门决算")
    document.add_paragraph("项目全年预算数为680万元，执行数为661.7252万元，完成预算的100%。")
    table = document.add_table(rows=2, cols=7)
    heads = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    for cell, text in zip(table.rows[0].cells, heads):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["年度资金总额", "680", "680", "661.7252", "10", "100%", "10"]):
        cell.text = text
    path = tmp_path / "报告.docx"
    document.save(path)
    found = [(f.line, f.kind, f.stated) for f in audit_paths([path])]
    # Lines count paragraphs and table cells in reading order: the 执行率 cell is the 15th.
    assert found == [(2, "budget_completion", "100%"), (15, "budget_completion", "100%")]


def test_gb18030_text_is_read(tmp_path):
    path = tmp_path / "旧.txt"
    path.write_bytes("预算数为680万元，执行数为661.7252万元，完成预算的100%。".encode("gb18030"))
    assert len(audit_paths([path])) == 1


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("报告.xls", b"\xd0\xcf", "不支持"),
        ("报告.pdf", b"%PDF", "无法读取 PDF"),
        ("页面.html", b"\xff\xfe\x00\x81\x30", "编码"),
        ("坏.docx", b"not a zip", "无法读取 Word"),
        ("乱码.txt", b"\xff\xfe\x00\x81\x30", "编码"),
    ],
)
def test_unreadable_files_raise_a_message_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportgenError) as raised:
        audit_paths([path])
    assert name in str(raised.value) and words in str(raised.value)


def test_a_missing_file_raises_a_message_naming_it(tmp_path):
    with pytest.raises(ReportgenError, match="不存在.txt：文件不存在"):
        audit_paths([tmp_path / "不存在.txt"])
