"""The parsed copies of bundled data kept between runs: the same values, used only when safe."""

from __future__ import annotations

import os
import tempfile

import pytest
import yaml

from reportgen.core import catalogue, datacache
from reportgen.resources import data_dir


@pytest.fixture
def temp(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def counting_parse(calls: list):
    def parse(raw: bytes):
        calls.append(raw)
        return yaml.safe_load(raw)
    return parse


def test_a_second_run_reads_the_copy_and_an_edited_file_is_parsed_afresh(temp):
    calls: list = []
    assert datacache.parsed("x", b"a: [1, 2]", counting_parse(calls)) == {"a": [1, 2]}
    assert datacache.parsed("x", b"a: [1, 2]", counting_parse(calls)) == {"a": [1, 2]}
    assert len(calls) == 1
    assert datacache.parsed("x", b"a: [3]", counting_parse(calls)) == {"a": [3]}
    assert len(calls) == 2


def test_a_damaged_copy_is_parsed_again_and_replaced(temp):
    calls: list = []
    datacache.parsed("x", b"a: 1", counting_parse(calls))
    [copy] = (temp / f"reportgen-{os.getuid()}" / "data-1").glob("x-*.json")
    copy.write_text('{"a": ', encoding="utf-8")
    assert datacache.parsed("x", b"a: 1", counting_parse(calls)) == {"a": 1}
    assert len(calls) == 2 and copy.read_text(encoding="utf-8") == '{"a": 1}'


def test_a_folder_others_may_write_is_not_used(temp):
    folder = temp / f"reportgen-{os.getuid()}" / "data-1"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    calls: list = []
    for _ in range(2):
        assert datacache.parsed("x", b"a: 1", counting_parse(calls)) == {"a": 1}
    assert len(calls) == 2 and not any(folder.iterdir())


def test_the_catalogues_read_from_their_copies_are_the_parsed_ones(temp):
    for name, load in (("功能分类科目.yaml", catalogue.builtin_catalogue), ("经济分类科目.yaml", catalogue.economic_catalogue)):
        fresh = yaml.load((data_dir() / "catalogue" / name).read_text(encoding="utf-8"), Loader=catalogue._LOADER)
        for year in (2018, 2020, 2023, None):
            catalogue._raw.cache_clear()
            load.cache_clear()
            first = load(year)  # parsed, and a copy kept
            catalogue._raw.cache_clear()
            load.cache_clear()
            again = load(year)  # from the copy
            assert again == first == catalogue.parse(fresh, year)
            assert again.entries == first.entries
    assert len(list((temp / f"reportgen-{os.getuid()}" / "data-1").glob("catalogue-*.json"))) == 2
    catalogue._raw.cache_clear()
    catalogue.builtin_catalogue.cache_clear()
    catalogue.economic_catalogue.cache_clear()
