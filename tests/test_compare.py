"""`reportgen diff`: after a correction, every sentence the corrected figure reaches, and no other."""

from __future__ import annotations

from examples import EXAMPLES
from test_cli import bad_copy, run

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]


def test_a_corrected_figure_shows_every_sentence_it_reaches(tmp_path):
    # 机关运行经费 last year corrected from 8.025 to 8.1 万元: the 十(一) sentence changes, nothing else.
    corrected = bad_copy(tmp_path, "  上年: 80250", "  上年: 81000")
    r = run("diff", str(QUXIAN), str(corrected))
    assert r.returncode == 1, r.stderr
    assert "共 1 处变化" in r.stdout
    assert "【（一）机关运行经费支出情况】" in r.stdout
    assert "- 2023年，渠县城乡居民社会养老保险管理局机关运行经费支出14.29万元，比2022年增加6.26万元，增长78.01%。" in r.stdout
    assert "+ 2023年，渠县城乡居民社会养老保险管理局机关运行经费支出14.29万元，比2022年增加6.19万元，增长76.36%。" in r.stdout


def test_a_budget_correction_reaches_the_item_and_the_total_completion(tmp_path):
    corrected = bad_copy(tmp_path, "{科目编码: 2080109, 预算数: 1849000, 决算数: 1849000",
                         "{科目编码: 2080109, 预算数: 1859000, 原因: 年底结余资金收回, 决算数: 1849000")
    r = run("diff", str(QUXIAN), str(corrected))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "+ 2023年一般公共预算支出决算数为568.27万元，完成预算99.82%。" in r.stdout
    assert ("+ 1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）：支出决算为184.90万元，"
            "完成预算99.46%，决算数小于预算数的主要原因是年底结余资金收回。") in r.stdout


def test_identical_versions_have_no_changes():
    r = run("diff", str(QUXIAN), str(QUXIAN))
    assert r.returncode == 0 and "完全相同" in r.stdout


def test_build_several_files_skips_the_bad_one_and_exits_1(tmp_path):
    bad = bad_copy(tmp_path, "本年收入合计: 5682700", "本年收入合计: 1")
    out = tmp_path / "out"
    r = run("build", str(QUXIAN), str(bad), "-o", str(out))
    assert r.returncode == 1
    assert (out / "渠县城乡居民社会养老保险管理局-2023决算.md").is_file()
    assert "bad.yaml" in r.stderr and "1 个有错误" in r.stderr
