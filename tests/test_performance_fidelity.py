"""Seed 004 (桃江县 2024 部门整体支出绩效评价): its 绩效报告 text, sentence by sentence.

The narrative outside the tables (the 部门整体 绩效报告 and the 项目支出绩效报告) is split at 。；
after white space is removed and half-width punctuation read as full-width (tests/fidelity.py);
at least 90% of its sentences must appear verbatim in our Markdown, and every one that does not
is listed with its reason in tests/data/performance_seed004_differences.yaml.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from examples import ROOT, SEEDS
from fidelity import generated_text, seed_region, sentences
from reportgen.run import build
from reportgen.writers.markdown import render_text

EXAMPLE = ROOT / "data" / "examples" / "桃江县社会保险服务中心-2024-绩效评价.yaml"
DIFFERENCES = Path(__file__).parent / "data" / "performance_seed004_differences.yaml"
#: The two reports, each from its title to the form that follows it (None: the end of the seed).
REGIONS = (("2024年度部门整体支出绩效报告", "桃江县2024年度项目支出绩效自评表"),
           ("2024年度项目支出绩效报告", None))

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout")


@cache
def comparison() -> tuple[list[str], frozenset[str]]:
    (seed_file,) = SEEDS.glob("004_*.txt")
    seed = seed_file.read_text(encoding="utf-8")
    wanted = [s for start, end in REGIONS for s in sentences(_region(seed, start, end))]
    ours = generated_text(render_text(build(EXAMPLE).document))
    return wanted, frozenset(s for s in wanted if s not in ours)


def _region(seed: str, start: str, end: str | None) -> str:
    return seed_region(seed + "\n〔完〕", start, end or "〔完〕")


def listed() -> dict[str, dict]:
    entries = yaml.safe_load(DIFFERENCES.read_text(encoding="utf-8"))
    return {e["句子"]: e for e in entries}


def test_at_least_90_percent_of_sentences_reproduced():
    wanted, differing = comparison()
    assert len(wanted) > 100
    assert 1 - len(differing) / len(wanted) >= 0.9


def test_every_differing_sentence_is_listed_with_its_reason():
    _, differing = comparison()
    assert sorted(differing - set(listed())) == [], "sentences that differ but are not listed"


def test_no_listed_sentence_matches_now():
    _, differing = comparison()
    assert sorted(set(listed()) - differing) == [], "listed as differing but now reproduced"


def test_every_listed_difference_has_a_kind_and_a_reason():
    for entry in listed().values():
        assert entry["类别"] in ("种子笔误", "提取痕迹") and entry["原因"], entry["句子"]


#: Seed 000's 附件 prints its forms as flattened text; those sentences begin with the forms' labels.
FORM_TEXT = ("附表", "绩效指标", "资金管理办法", "年度", "任务")
#: Our 附件 print each report's title between "附件1" and its first section; the seed has none.
SEED_000_DIFFERENCES = {"附件1一、部门（单位）基本情况（一）机构组成。"}


def test_seed_000_annexes_are_reproduced_in_the_final_accounts():
    from examples import markdown
    from fidelity import missing_sentences

    (seed_file,) = SEEDS.glob("000_*.txt")
    missing, total = missing_sentences(seed_file.read_text(encoding="utf-8"), "附件 1 一、部门（单位）基本情况",
                                       "一、收入支出决算总表 二、收入决算表",
                                       markdown("渠县城乡居民社会养老保险管理局-2023"))
    assert total > 400 and 1 - len(missing) / total >= 0.95
    assert {s for s in missing if not s.startswith(FORM_TEXT)} == SEED_000_DIFFERENCES
