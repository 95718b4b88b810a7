"""The command line as a user meets it: outputs, messages for bad data, exit codes, nothing half-written."""

from __future__ import annotations

import shutil
import os
import subprocess
import sys
from pathlib import Path

import pytest

from examples import EXAMPLES, ROOT

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, capture_output=True,
                          text=True, env=env or {**os.environ, "PYTHONPATH": str(ROOT)})


def test_build_without_data_builds_the_bundled_example_into_out(tmp_path):
    r = run("build", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "渠县城乡居民社会养老保险管理局-2023决算.md").is_file()


def test_help_explains_every_command():
    r = run("--help")
    for command in ("build", "check", "audit"):
        assert command in r.stdout
    assert "Traceback" not in r.stderr


def bad_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = QUXIAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # Copies, not symlinks: a data file's folders and 附件 must lie inside its own folder.
    shutil.copytree(QUXIAN.parent / "渠县-模板", tmp_path / "渠县-模板")
    for annex in QUXIAN.parent.glob("渠县*绩效*.yaml"):  # the 附件 files it names
        shutil.copy(annex, tmp_path / annex.name)
    return path


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("一般公共预算财政拨款收入: 5682700", "一般公共预算财政拨款收入: 五百万", "收入.一般公共预算财政拨款收入: 应为数字"),
        ("本年收入合计: 5682700", "本年收入合计: 5682701", "收入.本年收入合计: 本年收入合计与其组成部分之和不符"),
        ("{科目编码: 2080109,", "{科目编码: 2089109,", "未知科目编码 20891"),
        ("  报告年度: 2023", "  报告年份: 2023", "单位.报告年份: 不认识的字段"),
        ("{科目编码: 2080501, 预算数: 31500,", "{科目编码: 2080501, 预算数: 31600,", "决算数与预算数不同，须写明原因"),
    ],
)
def test_bad_data_names_file_field_and_line_and_writes_nothing(tmp_path, old, new, expected):
    path = bad_copy(tmp_path, old, new)
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new.strip() in l)
    out = tmp_path / "out"
    r = run("build", str(path), "-o", str(out), "-f", "md")
    assert r.returncode == 1
    assert expected in r.stderr
    assert f"bad.yaml:{line}:" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_file_is_a_message_not_a_traceback(tmp_path):
    r = run("build", str(tmp_path / "nope.yaml"), "-o", str(tmp_path))
    assert r.returncode == 1 and "文件不存在" in r.stderr and "Traceback" not in r.stderr


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("金额单位: 元\n收入: [1, 2\n", encoding="utf-8")
    r = run("build", str(path), "-o", str(tmp_path / "o"))
    assert r.returncode == 1 and "YAML 格式错误" in r.stderr and "x.yaml:" in r.stderr


def test_unknown_format_is_refused_before_anything_is_written(tmp_path):
    r = run("build", str(QUXIAN), "-o", str(tmp_path / "o"), "-f", "md,odt")
    assert r.returncode == 1 and "未知的输出格式" in r.stderr
    assert not (tmp_path / "o").exists()


def test_check_reports_a_clean_example():
    r = run("check", str(QUXIAN))
    assert r.returncode == 0, r.stderr


def test_a_plain_install_finds_its_templates_from_another_directory(tmp_path):
    # Not editable: the package is copied into a target folder, then run from elsewhere, so the
    # top-level templates/ and data/ of the checkout are out of reach.
    target = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                          "--target", str(target), str(ROOT)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    assert (target / "reportgen" / "_templates" / "zh_CN" / "决算" / "四川" / "版式.yaml").is_file()
    work = tmp_path / "elsewhere"
    work.mkdir()
    r = run("build", cwd=work, env={**os.environ, "PYTHONPATH": str(target)})
    assert r.returncode == 0, r.stderr
    text = (work / "out" / "渠县城乡居民社会养老保险管理局-2023决算.md").read_text(encoding="utf-8")
    assert "收、支总计各增加465.54万元，增长453.14%" in text


def test_building_twice_gives_byte_identical_files(tmp_path):
    # Two fresh processes, charts drawn each time (the tests disable the chart cache).
    outputs = []
    for n in (1, 2):
        out = tmp_path / str(n)
        r = run("build", str(QUXIAN), "-o", str(out), "-f", "md,docx")
        assert r.returncode == 0, r.stderr
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert any(p.suffix == ".docx" for p in outputs[0]) and any(p.suffix == ".svg" for p in outputs[0])


def test_a_bug_of_ours_is_a_short_message_with_exit_2_not_a_traceback(tmp_path):
    crash = ("import sys, reportgen.run as p; p.build = lambda *a, **k: 1 / 0; "
             "sys.argv = ['reportgen', 'build']; from reportgen.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", crash], cwd=tmp_path, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert "内部错误（ZeroDivisionError" in r.stderr and "Traceback" not in r.stderr
