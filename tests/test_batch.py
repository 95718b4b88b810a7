"""A bureau's batch: a folder on every core gives exactly the files of one-by-one builds; bad and
clashing files are listed and skipped; a defect in one file stays in that file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from examples import ROOT
from reportgen import batch
from reportgen.batch import Job, Outcome, data_files, run_batch
from reportgen.batch_report import Progress
from reportgen.cli import write_all

EXAMPLES = ROOT / "data" / "examples"
HAIYUAN = EXAMPLES / "海原县高崖乡卫生院-2023.yaml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    """Every bundled example (with their 模板 folders and 绩效 附件) and one file with an error."""
    folder = tmp_path / "局"
    shutil.copytree(EXAMPLES, folder)
    text = HAIYUAN.read_text(encoding="utf-8")
    assert "\n  名称: 海原县高崖乡卫生院" in text
    bad = text.replace("\n  名称: 海原县高崖乡卫生院", "\n  名称: 坏单位").replace("报告年度: 2023", "报告年度: 二〇二三")
    (folder / "坏单位.yaml").write_text(bad, encoding="utf-8")
    return folder


def test_a_folder_on_two_cores_gives_the_files_of_one_by_one_builds(bureau, tmp_path):
    together = tmp_path / "together"
    r = run("build", str(bureau), "-o", str(together), "-f", "md,docx", "-j", "2")
    assert r.returncode == 1, r.stderr
    files, other = data_files([bureau])
    good = [p for p in files if p.name != "坏单位.yaml"]
    assert len(good) == len(list(EXAMPLES.glob("*.yaml"))) and [p.name for p in other] == ["渠县城乡居民社会养老保险管理局-2023-公开表.xlsx"]
    alone = tmp_path / "alone"
    for path in good:
        single = run("build", str(path), "-o", str(alone), "-f", "md,docx")
        assert single.returncode == 0, single.stderr
    assert outputs(together) == outputs(alone)
    # The summary: a line per file in name order, then the totals; the bad file's message on stderr.
    lines = r.stdout.splitlines()
    assert lines[0] == "数据文件 | 单位 | 年度 | 大小 | 提示 | 结果"
    assert [line.split(" | ")[0] for line in lines[1:-1]] == [p.name for p in files]
    assert "跳过 1 个不是填报工作簿的 Excel 文件（渠县城乡居民社会养老保险管理局-2023-公开表.xlsx；" in r.stderr
    assert "坏单位.yaml | — | — | — | — | 错误" in lines
    assert any(line.startswith("海原县高崖乡卫生院-2023.yaml | 海原县高崖乡卫生院 | 2023 | ") and line.endswith(" | 已生成")
               for line in lines)
    assert lines[-1].startswith(f"{len(good) + 1} 个数据文件：{len(good)} 个已生成，1 个有错误（未生成）")
    assert "坏单位.yaml" in r.stderr and "报告年度" in r.stderr and "Traceback" not in r.stderr


def test_two_files_of_the_same_unit_and_year_are_caught_not_raced(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(HAIYUAN, tmp_path / name)
    r = run("build", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(tmp_path / "out"), "-j", "2")
    assert r.returncode == 1
    assert "b.yaml" in r.stderr and "与" in r.stderr and "a.yaml 的相同" in r.stderr
    assert (tmp_path / "out" / "海原县高崖乡卫生院-2023决算.md").is_file()


def test_a_defect_while_building_one_file_leaves_the_others_built(tmp_path, monkeypatch):
    real = batch.build

    def flawed(path, templates=()):
        if path.name == "b.yaml":
            raise ZeroDivisionError("division by zero")
        return real(path, templates)

    monkeypatch.setattr(batch, "build", flawed)  # before the workers fork, so they have it too
    paths = []
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        text = HAIYUAN.read_text(encoding="utf-8").replace("海原县高崖乡卫生院", f"{name[0]}卫生院")
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    outcomes = run_batch(paths, Job(("md",)), tmp_path / "out", 2, write_all, Progress(3, io.StringIO()))
    assert [(o.path.name, o.ok, o.internal) for o in outcomes] == [
        ("a.yaml", True, False), ("b.yaml", False, True), ("c.yaml", True, False)]
    assert "ZeroDivisionError" in outcomes[1].error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a卫生院-2023决算.md", "c卫生院-2023决算.md"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_counts_files_on_a_terminal_and_stays_silent_elsewhere():
    shown, quiet = Terminal(), io.StringIO()
    for stream in (shown, quiet):
        with Progress(2, stream) as progress:
            progress.done(Outcome(Path("a.yaml")))
            progress.done(Outcome(Path("b.yaml"), error="b.yaml:3: 单位.名称: 缺少必填项"))
    assert "2/2" in shown.getvalue() and "b.yaml:3" in shown.getvalue()
    assert quiet.getvalue() == "错误：b.yaml:3: 单位.名称: 缺少必填项\n"


def test_a_folder_stands_for_the_data_files_under_it(tmp_path):
    from openpyxl import Workbook

    from reportgen.workbook.export import workbook_for

    for name in ("b.yaml", "a/~$c.xlsx", ".hidden/d.yaml", "notes.txt", "e.yml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "a" / "c.xlsx").write_bytes(workbook_for(HAIYUAN, tmp_path / "a" / "c.xlsx"))  # a fill-in workbook
    foreign = Workbook()
    foreign.active.title = "公开01表"
    foreign.save(tmp_path / "a" / "公开表.xlsx")  # the software's export: for `reportgen import`, not build
    files, other = data_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a/c.xlsx", "b.yaml", "e.yml"]
    assert [p.relative_to(tmp_path).as_posix() for p in other] == ["a/公开表.xlsx"]
    (tmp_path / "empty").mkdir()
    with pytest.raises(batch.ReportgenError, match="没有数据文件"):
        data_files([tmp_path / "empty"])
