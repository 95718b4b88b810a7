"""Layouts are folders: resolved by following 继承, described in 版式.yaml, chosen by the data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from examples import EXAMPLES
from reportgen.document.reader import read
from reportgen.errors import DataError, TemplateError
from reportgen.layouts import available, resolve
from reportgen.layouts.description import merged, read_description
from reportgen.run import build

HAIYUAN = EXAMPLES["海原县高崖乡卫生院-2023"]


def test_the_built_in_决算_layouts():
    assert {"中央", "四川", "重庆", "宁夏"} <= set(available("决算"))
    assert {"湖南", "安徽", "四川"} <= set(available("绩效"))


def test_a_layout_inherits_what_it_does_not_change():
    ningxia, central = resolve("决算", "宁夏"), resolve("决算", "中央")
    assert ningxia.names == ("宁夏", "中央") and len(ningxia.folders) == 2
    assert ningxia.parts == central.parts  # inherited
    assert ningxia.heading("政府采购") == "政府采购情况说明" != central.heading("政府采购")  # replaced
    assert ningxia.heading("收入") == central.heading("收入")  # merged key by key
    assert [t["表"] for t in ningxia.table_set][6] == "财政拨款“三公”经费支出决算表"  # the list is replaced whole
    assert [t["表"] for t in central.table_set][8] == "财政拨款“三公”经费支出决算表"


def test_四川_prints_13_tables_and_charts_and_中央_9_without():
    sichuan, central = resolve("决算", "四川"), resolve("决算", "中央")
    assert (len(sichuan.table_set), sichuan.options["图表"]) == (13, True)
    assert (len(central.table_set), central.options["图表"]) == (9, False)


def test_an_unknown_layout_is_a_data_error_on_its_line(tmp_path):
    path = tmp_path / HAIYUAN.name
    path.write_text(HAIYUAN.read_text(encoding="utf-8").replace("地区: 宁夏", "地区: 火星"), encoding="utf-8")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "地区: 火星" in text)
    with pytest.raises(DataError) as e:
        build(path)
    assert (e.value.line, e.value.field) == (line, "版式.地区")
    assert "没有名为“火星”的决算版式" in e.value.problem and "中央" in e.value.problem


def test_a_description_with_an_unknown_key_or_a_wrong_type_is_refused(tmp_path):
    bad = tmp_path / "版式.yaml"
    bad.write_text("名称: x\n部份: []\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="不认识的版式字段“部份”"):
        read_description(bad)
    bad.write_text("标题编号: [a, b]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="标题编号应列出 5 级"):
        read_description(bad)
    bad.write_text("章节: [a]\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="类型不对"):
        read_description(bad)


def test_merging_takes_the_child_over_its_ancestors():
    child = {"选项": {"图表": True}, "附表": [{"表": "x"}]}
    parent = {"选项": {"图表": False, "分页": True}, "附表": [{"表": "a"}, {"表": "b"}], "部分": ["p"]}
    assert merged([child, parent]) == {"选项": {"图表": True, "分页": True}, "附表": [{"表": "x"}], "部分": ["p"]}


def test_a_section_can_be_placed_one_level_deeper():
    doc = read("# 部分\n## 节\n::shift +1\n## 节\n+ 项\n::shift -1\n## 节\n")
    assert [b.full_text for b in doc.blocks] == ["第一部分 部分", "一、节", "（一）节", "（1）项", "二、节"]
    with pytest.raises(TemplateError, match="层级 6 超出"):
        read("::shift +1\n##### 太深\n")


def test_a_layout_numbers_headings_its_own_way():
    doc = read("# 甲\n## 乙\n", numbering=("{一}、", "{1}.", "（{一}）", "{1})", "（{1}）"))
    assert [b.full_text for b in doc.blocks] == ["一、 甲", "1.乙"]


def test_the_same_data_in_another_layout(tmp_path):
    # One data file, three layouts: the figures are the same, the documents are not.
    texts = {}
    for layout in ("中央", "四川", "重庆"):
        path = tmp_path / f"{layout}.yaml"
        path.write_text(HAIYUAN.read_text(encoding="utf-8").replace("地区: 宁夏", f"地区: {layout}"), encoding="utf-8")
        built = build(path)
        texts[layout] = [b for b in built.document.blocks if hasattr(b, "level")][0].full_text
        assert built.facts.收入总计 == build(HAIYUAN).facts.收入总计
    assert texts == {"中央": "第一部分 部门概况", "四川": "第一部分 部门概况", "重庆": "一、部门基本情况"}
