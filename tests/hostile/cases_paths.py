"""Class 3, paths from data: output names, temporary files, a full disk, and files a data file names.

Output names come from the unit's 名称: whatever it holds, every file lands inside -o. Temporary
files are created exclusively (a planted symlink is never followed), and a failed write leaves
nothing behind. A 附件 must be a 绩效 file inside the data file's folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hostile.harness import (HAIYUAN, LIESHAN, QUXIAN, Case, Outcome, Outcomes, Plan, Run, build, copy_example, data_case,
                             markdown, written)

UNIT = "  名称: 海原县高崖乡卫生院"
STEM = "渠县城乡居民社会养老保险管理局-2023决算"  # QUXIAN's: a 四川 document with charts


def named(case: str, name: str, expected_stem: str, escapes: str) -> Case:
    """A 名称 that is a path: the build succeeds, every file is inside out/ under a safe stem,
    and nothing named `escapes` exists anywhere else."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in", [(UNIT, f"  名称: {json.dumps(name, ensure_ascii=False)}")])

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]
            files = [p for p in written(folder) if p.is_file()]
            assert {p.name for p in files} >= {f"{expected_stem}.md", f"{expected_stem}.docx"}, files
            everywhere = [p for p in folder.parent.rglob(f"*{escapes}*") if folder / "out" not in p.parents]
            assert everywhere == [], everywhere

        return Plan({"build": build(path, folder)}, verify)

    return Case(case, "paths", prepare)


def _names() -> list[Case]:
    return [
        named("name-dotdot-path", "../../逃逸单位", "_.._.._逃逸单位-2023决算", "逃逸单位"),
        named("name-slash", "财政局/国资委", "财政局_国资委-2023决算", "国资委-2023"),
        named("name-absolute", "/tmp/绝对路径单位", "_tmp_绝对路径单位-2023决算", "绝对路径单位"),
        named("name-backslash", "..\\..\\反斜杠单位", "_.._.._反斜杠单位-2023决算", "反斜杠单位"),
        named("name-dotdot-only", "..", "_..-2023决算", ".-2023决算.md"),
        named("name-leading-dot", ".隐藏单位", "_.隐藏单位-2023决算", "隐藏单位"),
        named("name-windows-reserved", "CON", "CON-2023决算", "CON-2023决算.md"),
        named("name-windows-characters", 'a:b*c?"d<e>f|g', "a_b_c__d_e_f_g-2023决算", "a_b_c"),
        named("name-very-long", "很长的单位名称" * 40, ("很长的单位名称" * 40)[:60], "很长的单位名称很长"),
    ]


def _planted(case: str, plant, verify_more, code: int = 0) -> Case:
    """Something planted in the output folder before the build."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(QUXIAN, folder / "in")
        (folder / "out").mkdir()
        (folder / "victim").mkdir()
        (folder / "victim" / "keep.txt").write_text("keep", encoding="utf-8")
        plant(folder / "out", folder / "victim")

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == code, got.text[-2000:]
            assert sorted(p.name for p in (folder / "victim").iterdir()) == ["keep.txt"]
            assert (folder / "victim" / "keep.txt").read_text(encoding="utf-8") == "keep"
            verify_more(folder, got)

        return Plan({"build": build(path, folder)}, verify)

    return Case(case, "paths", prepare)


def _no_temporaries(folder: Path, _: Outcome) -> None:
    planted = folder / "out" / f".{STEM}.md.tmp"
    assert not [p for p in (folder / "out").rglob("*.tmp") if p != planted], "temporary files left"


def _built_regular(folder: Path, got: Outcome) -> None:
    _no_temporaries(folder, got)
    md = folder / "out" / f"{STEM}.md"
    assert md.is_file() and not md.is_symlink() and "第一部分" in md.read_text(encoding="utf-8")


def _refused_link(folder: Path, got: Outcome) -> None:
    _no_temporaries(folder, got)
    assert "链接" in got.stderr and not (folder / "out" / f"{STEM}.md").exists()


def _output_faults() -> list[Case]:
    def old_temp_name(out: Path, victim: Path) -> None:
        (out / f".{STEM}.md.tmp").symlink_to(victim / "keep.txt")

    def final_name(out: Path, victim: Path) -> None:
        (out / f"{STEM}.md").symlink_to(victim / "keep.txt")

    def chart_folder(out: Path, victim: Path) -> None:
        (out / f"{STEM}_图").symlink_to(victim)

    return [_planted("planted-temp-symlink", old_temp_name, _built_regular),
            _planted("planted-final-symlink", final_name, _built_regular),
            _planted("planted-chart-folder-symlink", chart_folder, _refused_link, code=1)]


def full_disk(case: str, limit: int) -> Case:
    """Writes fail past `limit` bytes (a full disk): exit 1, no file, no temporary, no folder left."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in")
        run = build(path, folder)

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 1, got.text[-2000:]
            assert "无法写入" in got.stderr and not (folder / "out").exists(), written(folder)

        return Plan({"build": Run(run.argv, run.cwd, fsize=limit)}, verify)

    return Case(case, "paths", prepare)


def _outdir_is_a_file() -> Case:
    def prepare(folder: Path) -> Plan:
        path = copy_example(HAIYUAN, folder / "in")
        (folder / "out").write_text("a file", encoding="utf-8")

        def verify(o: Outcomes) -> None:
            got = o["build"]
            assert isinstance(got, Outcome) and got.code == 1 and (folder / "out").read_text(encoding="utf-8") == "a file"

        return Plan({"build": build(path, folder)}, verify)

    return Case("outdir-is-a-file", "paths", prepare)


def _same_file_twice_at_once() -> Case:
    def prepare(folder: Path) -> Plan:
        path = copy_example(QUXIAN, folder / "in")
        run = build(path, folder)

        def verify(o: Outcomes) -> None:
            for got in o["twice"]:
                assert isinstance(got, Outcome) and got.code == 0, got.text[-2000:]
            _built_regular(folder, o["twice"][0])

        return Plan({"twice": [run, Run(list(run.argv), run.cwd)]}, verify)

    return Case("same-file-twice-at-once", "paths", prepare)


def _annexes() -> list[Case]:
    def annex(target: str) -> list[tuple[str, str]]:
        return [("\n国有资产:", f"\n附件:\n  - {{文件: {target}, 内容: 全部}}\n\n国有资产:")]

    def outside(folder: Path) -> None:
        copy_example(LIESHAN, folder.parent, name="outside.yaml")

    def link_out(folder: Path) -> None:
        outside(folder)
        (folder / "link.yaml").symlink_to(folder.parent / "outside.yaml")

    def directory(folder: Path) -> None:
        (folder / "folder.yaml").mkdir()

    def fifo(folder: Path) -> None:
        os.mkfifo(folder / "fifo.yaml")

    def broken(folder: Path) -> None:
        copy_example(LIESHAN, folder, [("      全年执行数: 661.7252\n", "      全年执行数: -661\n")], name="broken.yaml")

    def case(name: str, target: str, says: str, extra=None) -> Case:
        return data_case(name, "paths", HAIYUAN, annex(target), [says, "附件[1].文件"], marker=f"文件: {target}",
                         workbook=0, extra_files=extra)

    return [case("annex-etc-passwd", "/etc/passwd", "不在数据文件所在的文件夹之内"),
            case("annex-dotdot", "../outside.yaml", "不在数据文件所在的文件夹之内", outside),
            case("annex-symlink-out", "link.yaml", "不在数据文件所在的文件夹之内", link_out),
            case("annex-dev-zero", "/dev/zero", "不在数据文件所在的文件夹之内"),
            case("annex-self", "data.yaml", "附件应是绩效数据文件"),
            case("annex-missing", "nowhere.yaml", "附件文件不存在"),
            case("annex-directory", "folder.yaml", "不是普通文件", directory),
            case("annex-fifo", "fifo.yaml", "不是普通文件", fifo),
            case("annex-with-errors", "broken.yaml", "金额不能为负数", broken)]


def _absolute_folder_inside() -> Case:
    def prepare(folder: Path) -> Plan:
        inside = folder / "in" / "t"
        path = copy_example(HAIYUAN, folder / "in", [("文档类型: 部门决算\n", f"文档类型: 部门决算\n模板目录: [{inside}]\n")])
        inside.mkdir()
        (inside / "document.md.j2").write_text('{% extends "builtin/document.md.j2" %}\n', encoding="utf-8")

        def verify(o: Outcomes) -> None:
            assert all(isinstance(o[k], Outcome) and o[k].code == 0 for k in o), o
            assert "第一部分" in markdown(folder)

        return Plan({"build": build(path, folder), "check": Run(["check", str(path)], folder)}, verify)

    return Case("template-folder-absolute-inside", "paths", prepare)


CASES = [*_names(), *_output_faults(), full_disk("disk-full-midway", 20_000), full_disk("disk-full-at-once", 2000),
         _outdir_is_a_file(), _same_file_twice_at_once(), *_annexes(), _absolute_folder_inside()]
