"""Free text in a 决算 data file can quote figures by name, so a correction propagates into it."""

from __future__ import annotations

import shutil

from examples import EXAMPLES
from reportgen.run import build
from reportgen.writers.markdown import render_text
from test_cli import run

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]


def with_reason(tmp_path, reason: str, last_year: str = "1027349"):
    text = QUXIAN.read_text(encoding="utf-8")
    old = "  收支总计: 增加财政代缴城乡居民基本养老保险费支出348.91万元"
    assert old in text and "  收支总计: 1027349" in text
    text = text.replace(old, f"  收支总计: {reason}").replace("  收支总计: 1027349", f"  收支总计: {last_year}")
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(QUXIAN.parent / "渠县-模板", tmp_path / "渠县-模板")  # copies: paths must stay inside
    for sibling in QUXIAN.parent.glob("渠县*绩效*.yaml"):
        shutil.copy(sibling, tmp_path / sibling.name)
    return path


def test_a_quoted_figure_follows_a_correction(tmp_path):
    reason = "财政代缴城乡居民基本养老保险费支出{2083001}万元，上年收支总计仅{收支总计上年}万元"
    md = render_text(build(with_reason(tmp_path, reason, last_year="1127349")).document)
    assert "主要变动原因是财政代缴城乡居民基本养老保险费支出348.92万元，上年收支总计仅112.73万元。" in md
    assert "收、支总计各增加455.54万元，增长404.08%" in md


def test_an_unknown_name_is_a_data_error_with_its_line(tmp_path):
    path = with_reason(tmp_path, "增加{不存在的数}万元")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "不存在的数" in l)
    r = run("check", str(path))
    assert r.returncode == 1
    assert f"q.yaml:{line}: 变动原因.收支总计: 错误：文中引用了不存在的数字“{{不存在的数}}”" in r.stdout
