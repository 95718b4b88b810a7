"""Writing outputs: all or none, inside the output folder, never through a planted link."""

from __future__ import annotations

import errno
import os

import pytest

from reportgen.errors import ReportgenError
from reportgen.output import safe_stem, write_all


def test_every_file_or_none(tmp_path, monkeypatch):
    real, calls = os.fdopen, []

    def disk_full_on_the_second(fd, mode):
        calls.append(fd)
        if len(calls) == 2:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, mode)

    monkeypatch.setattr(os, "fdopen", disk_full_on_the_second)
    with pytest.raises(ReportgenError, match="未写出任何文件"):
        write_all(tmp_path / "out", {"a.md": b"a", "a_图/图1.svg": b"<svg/>"})
    assert len(calls) == 2 and not (tmp_path / "out").exists()  # no file, no temporary, no folder


def test_files_land_inside_and_temporaries_are_gone(tmp_path):
    written = write_all(tmp_path / "out", {"a.md": b"a", "a_图/图1.svg": b"<svg/>"})
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["out/a.md", "out/a_图/图1.svg"]
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["a.md", "a_图", "图1.svg"]


@pytest.mark.parametrize("name", ["../x.md", "/etc/x.md", "a/../../x.md", "", "a\x00.md", "a\\..\\x.md"])
def test_a_name_that_would_leave_the_folder_is_refused(tmp_path, name):
    with pytest.raises(ReportgenError):
        write_all(tmp_path / "out", {name: b"x"})
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_planted_link_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.md").symlink_to(victim)
    write_all(tmp_path / "out", {"a.md": b"new"})
    assert victim.read_text(encoding="utf-8") == "keep"
    assert not (tmp_path / "out" / "a.md").is_symlink() and (tmp_path / "out" / "a.md").read_bytes() == b"new"


def test_a_linked_subfolder_is_refused(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a_图").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ReportgenError, match="链接"):
        write_all(tmp_path / "out", {"a.md": b"a", "a_图/图1.svg": b"x"})
    assert list((tmp_path / "elsewhere").iterdir()) == [] and not (tmp_path / "out" / "a.md").exists()


@pytest.mark.parametrize("stem, safe", [
    ("../../x", "_.._.._x"), ("a/b", "a_b"), ("a\\b", "a_b"), (".x", "_.x"), ("NUL", "_NUL"), ("a:b*c?", "a_b_c_"),
    ("甲" * 100, "甲" * 60), ("正常单位-2023决算", "正常单位-2023决算"),
])
def test_safe_stems(stem, safe):
    assert safe_stem(stem) == safe
