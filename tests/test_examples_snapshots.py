"""Snapshots of the two bundled examples at two seams: the facts (JSON) and the Markdown."""

from __future__ import annotations

import pytest

from examples import EXAMPLES, IDS, built, markdown
from reportgen.run import facts_as_json


@pytest.mark.parametrize("name", sorted(EXAMPLES), ids=IDS.get)
def test_facts(name, snapshot_json):
    assert facts_as_json(built(name).facts) == snapshot_json


@pytest.mark.parametrize("name", sorted(EXAMPLES), ids=IDS.get)
def test_markdown(name, snapshot_md):
    assert markdown(name) == snapshot_md


def test_markdown_is_deterministic():
    from reportgen.run import build
    from reportgen.writers.markdown import render_text

    name = sorted(EXAMPLES)[0]
    assert render_text(build(EXAMPLES[name]).document) == markdown(name)


def test_seed_001_uses_its_own_number_style():
    md = markdown("攀枝花市东区社会保险事务中心-2023")
    assert "社会保障和就业支出483.16万元，占93.2%；卫生健康支出18.95万元，占3.7%；住房保障支出16.46万元，占3.1%" in md
    assert "项目支出293.8万元，占56.7%" in md
    assert "各减少951.66万元，下降64.7%" in md


def test_seed_000_growth_comes_from_yuan_figures():
    # From the rounded 万元 figures one would get 453.17%; the 元 figures give the published 453.14%.
    assert "各增加465.54万元，增长453.14%" in markdown("渠县城乡居民社会养老保险管理局-2023")
