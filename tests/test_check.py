"""`reportgen check`: every identity violation is listed with file, line, field, severity and values."""

from __future__ import annotations

import json

from examples import EXAMPLES
from test_cli import bad_copy, run

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]


def test_clean_examples_pass():
    r = run("check", *map(str, EXAMPLES.values()))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 个错误" in r.stdout


def test_each_finding_names_line_field_severity_and_both_values_in_the_file_unit(tmp_path):
    path = bad_copy(tmp_path, "本年收入合计: 5682700", "本年收入合计: 5682800")
    r = run("check", str(path), "--json")
    assert r.returncode == 1
    [finding] = [f for f in json.loads(r.stdout) if f["field"] == "收入.本年收入合计"]
    assert finding["severity"] == "error"
    assert finding["stated"] == "5682800 元" and finding["expected"] == "5682700 元"
    assert finding["line"] == next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                                   if "本年收入合计: 5682800" in l)


def test_several_problems_are_reported_together(tmp_path):
    path = bad_copy(tmp_path, "本年收入合计: 5682700", "本年收入合计: 1")
    text = path.read_text(encoding="utf-8").replace("基本支出: 1415449", "基本支出: 1415000")
    text = text.replace("  原因: 预算人数增加\n", "")
    path.write_text(text, encoding="utf-8")
    r = run("check", str(path))
    assert r.returncode == 1
    assert "收入.本年收入合计: 错误" in r.stdout
    assert "一般公共预算财政拨款基本支出超过了本年基本支出" in r.stdout
    assert "机关运行经费.原因: 提示：数字有变动，但没有写明原因" in r.stdout


def test_spending_beyond_income_is_an_unbalanced_account(tmp_path):
    path = bad_copy(tmp_path, "项目支出: 4267251", "项目支出: 4367251")
    r = run("check", str(path))
    assert r.returncode == 1 and "收、支总计不平衡" in r.stdout


def test_a_performance_file_is_checked_too(tmp_path):
    source = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"].parent / "桃江县社会保险服务中心-2024-绩效评价.yaml"
    lines = source.read_text(encoding="utf-8").splitlines()
    n = next(i for i, l in enumerate(lines) if "参保扩面任务" in l and "得分: 10}" in l)
    lines[n] = lines[n].replace("得分: 10}", "得分: 15}")
    path = tmp_path / "p.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("check", str(path), "--json")
    assert r.returncode == 1
    [finding] = [f for f in json.loads(r.stdout) if f["severity"] == "error"]
    assert finding["line"] == n + 1 and "超过了分值" in finding["message"]
