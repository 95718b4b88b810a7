"""The 科目 catalogues as a unit meets them: `reportgen catalogue`, names by year, and the data a
corpus document needs being there."""

from __future__ import annotations

import re

from reportgen.catalogue_view import lookup
from reportgen.core.catalogue import FILES, bundled, sources
from test_cli import run


def test_a_code_shows_its_name_by_year_its_parents_explanation_and_sources():
    r = run("catalogue", "2130599", "--year", "2020")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "2130599 其他扶贫支出（项，功能分类）"
    assert "款：21305 扶贫" in lines[1] and "类：213 农林水支出" in lines[1]
    assert "2020 年及以前“其他扶贫支出”" in r.stdout
    assert any(line.startswith("  解释：反映") for line in lines)
    assert any(line.startswith("  来源：S0 ") for line in lines)


def test_a_word_lists_the_codes_whose_name_holds_it_now_or_before():
    out = lookup("扶贫")
    assert "21305 巩固脱贫攻坚成果衔接乡村振兴（款，功能分类；2020年及以前“扶贫”）" in out
    assert out.splitlines()[-1].startswith("共 5 条")


def test_economic_codes_and_an_unknown_word():
    assert lookup("30101").startswith("30101 基本工资（款，经济分类）")
    assert "没有“火星”" in lookup("火星")


def test_without_a_query_it_counts_each_catalogue():
    out = run("catalogue").stdout
    assert re.search(r"功能分类：类 30 个、款 \d+ 个、项 1\d{3} 个", out)


def test_a_项_without_an_explanation_says_where_to_write_one():
    cat = bundled(FILES["功能分类"])
    code = next(c for c in sorted(cat.entries) if len(c) == 7 and c not in cat.explanations)
    assert "请在数据文件“名词解释”下写明" in lookup(code)


def test_every_source_an_entry_names_is_described():
    for file in FILES.values():
        described = sources(file)
        cat = bundled(file)
        assert {s for e in cat.entries.values() for s in e.sources} <= set(described), file
