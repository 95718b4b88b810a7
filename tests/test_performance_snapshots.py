"""Snapshots of the 绩效 examples at two seams: the facts (JSON) and the Markdown."""

from __future__ import annotations

from functools import cache

import pytest

from examples import ROOT
from reportgen.run import build
from reportgen.run import facts_as_json
from reportgen.writers.markdown import render_text

CASES = {
    "taojiang-2024": ROOT / "data/examples/桃江县社会保险服务中心-2024-绩效评价.yaml",
    "lieshan-2023": ROOT / "data/examples/烈山区-2023-项目绩效自评.yaml",
    "quxian-2023": ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml",
    "hecheng-2020": ROOT / "tests/data/performance_seed003.yaml",
}


@cache
def built(name: str):
    return build(CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_facts(name, snapshot_json):
    assert facts_as_json(built(name).facts) == snapshot_json


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown(name, snapshot_md):
    assert render_text(built(name).document) == snapshot_md
