"""A bureau's batch: many files or a folder, a summary table, JSON, and the exit code."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from reportgen.audit.batch import audit_batch, format_summary
from reportgen.cli import app

CLEAN = "2023年度某县财政局部门决算\n基本支出100万元，其中：人员经费60万元，占60%；公用经费40万元，占40%。\n"
SLIP = "2023年度某县文物中心单位决算\n机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。\n"
HINT = "2022年度某镇人民政府部门决算\n三、出决算表\n"


def _folder(tmp_path):
    folder = tmp_path / "批量"
    (folder / "子目录").mkdir(parents=True)
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "子目录" / "b.md").write_text(SLIP, encoding="utf-8")
    (folder / "c.txt").write_text(HINT, encoding="utf-8")
    (folder / "d.docx").write_bytes(b"not a zip")
    (folder / "说明.xls").write_bytes(b"ignored: not a kind the audit reads")
    return folder


def test_a_folder_is_read_recursively_with_unit_year_and_counts(tmp_path):
    reports = audit_batch([_folder(tmp_path)])
    rows = [(r.file.split("批量/")[1], r.unit, r.year, r.errors, r.hints, bool(r.problem)) for r in reports]
    assert rows == [
        ("a.txt", "某县财政局", "2023", 0, 0, False),
        ("c.txt", "某镇人民政府", "2022", 0, 1, False),
        ("d.docx", "—", "—", 0, 0, True),
        ("子目录/b.md", "某县文物中心", "2023", 1, 0, False),
    ]
    table = format_summary(reports).splitlines()
    assert table[0] == "文件 | 单位 | 年度 | 错误 | 提示"
    assert table[2].endswith("c.txt | 某镇人民政府 | 2022 | 0 | 1")
    assert table[-1] == "共 4 个文件：错误 1 处，提示 1 处，无法读取 1 个。"


def test_the_command_prints_each_file_then_the_summary_and_fails_on_errors(tmp_path):
    result = CliRunner().invoke(app, ["audit", str(_folder(tmp_path))])
    assert result.exit_code == 1
    assert "a.txt：未发现问题。" in result.output
    assert "错误 [增减幅度]" in result.output and "提示 [标题漏字]" in result.output
    assert "无法读取 Word 文件" in result.output
    assert result.output.rstrip().endswith("共 4 个文件：错误 1 处，提示 1 处，无法读取 1 个。")


def test_hints_alone_do_not_fail_the_command(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(HINT, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(path)])
    assert result.exit_code == 0 and "提示 [标题漏字]" in result.output


def test_json_holds_every_file_and_the_totals(tmp_path):
    result = CliRunner().invoke(app, ["audit", "--json", str(_folder(tmp_path))])
    data = json.loads(result.output)
    assert data["totals"] == {"files": 4, "errors": 1, "hints": 1, "unreadable": 1}
    [slip] = [f for f in data["files"] if f["file"].endswith("b.md")]
    assert slip["unit"] == "某县文物中心" and slip["findings"][0]["grade"] == "错误"
    assert slip["findings"][0]["consistent_range"] == ["77.79%", "78.12%"]


def test_the_unit_is_read_from_real_titles_or_left_blank(tmp_path):
    # Real pages' openings (tests/data/real/): a title on one line or two, with 部门/单位 before the
    # year or after it; a page that opens with a table or a sentence names no unit rather than a
    # wrong one (the bureau's view files each audit under the unit named here).
    from pathlib import Path

    real = Path(__file__).parents[1] / "data" / "real" / "决算"
    expected = {
        "units/湖北-广水白泉卫生院-2023.txt": "广水市白泉卫生院",
        "中央/陕西柞水县-审计局-2020.txt": "柞水县审计局",
        "中央/甘肃平凉市-统计局-2022.txt": "平凉市统计局",
        "重庆/开州区-南雅镇中心幼儿园-2023.txt": "重庆市开州区南雅镇中心幼儿园",
        "中央/上海嘉定区-司法局-三公-2017.txt": "—",  # opens with the 三公 table
        "中央/广东省-财政厅-三公-2023.txt": "—",
    }
    for i, name in enumerate(expected):
        text = (real / name).read_text(encoding="utf-8").split("---", 2)[2]
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    reports = audit_batch(sorted(tmp_path.glob("*.txt")))
    assert [r.unit for r in reports] == list(expected.values())
