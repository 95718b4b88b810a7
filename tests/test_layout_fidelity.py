"""Each built-in layout's example reproduces the real published document it follows.

The 四川 examples are measured against the seeds in test_fidelity.py; the others here against the
documents kept in tests/data/real/ (each with its url). Every sentence of the document's retrieved
text must appear in the generated Markdown, but for the listed differences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from examples import IDS, markdown
from fidelity import missing_units, normalise

DATA = Path(__file__).parent / "data"
CASES = yaml.safe_load((DATA / "layout_fidelity.yaml").read_text(encoding="utf-8"))


def _missing(name: str) -> tuple[list[str], int]:
    case = CASES[name]
    text = (DATA / case["document"]).read_text(encoding="utf-8").split("---", 2)[2]
    return missing_units(text, case["start"], case["end"], markdown(name))


@pytest.mark.parametrize("name", sorted(CASES), ids=IDS.get)
def test_every_difference_is_listed_with_its_reason(name):
    missing, _ = _missing(name)
    listed = [d["sentence"] for d in CASES[name]["differences"]]
    assert [m for m in missing if m not in listed] == [], "unlisted differences"
    assert [s for s in listed if s not in missing] == [], "listed differences that now match"
    assert all(d["kind"] in ("笔误", "版式", "提取") and d["reason"] for d in CASES[name]["differences"])


@pytest.mark.parametrize("name", sorted(CASES), ids=IDS.get)
def test_what_an_artefact_of_the_page_stands_for_is_printed(name):
    artefacts = [d for d in CASES[name]["differences"] if d["kind"] == "提取"]
    have = normalise(markdown(name))
    assert all(normalise(d["reproduced_as"]) in have for d in artefacts)


@pytest.mark.parametrize("name", sorted(CASES), ids=IDS.get)
def test_at_least_90_percent_of_the_documents_sentences(name):
    # As in the corpus (test_corpus.py): the document's own slips cannot be reproduced by a right
    # document, and an artefact of the retrieved page (a heading rendered as "1.") is not one of its
    # sentences; both leave the count. What the layout prints otherwise (版式) stays a miss.
    missing, total = _missing(name)
    not_its_own = sum(1 for d in CASES[name]["differences"] if d["kind"] in ("笔误", "提取"))
    assert total - not_its_own >= 20
    assert (total - len(missing)) / (total - not_its_own) >= 0.90


def test_the_bare_中央_layout_differs_from_the_宁夏_document_only_in_the_provinces_choices(tmp_path):
    # The same data in the 中央 layout: the misses are exactly what 宁夏/版式.yaml changes.
    from examples import EXAMPLES
    from reportgen.run import build
    from reportgen.writers.markdown import render_text

    source = EXAMPLES["海原县高崖乡卫生院-2023"]
    path = tmp_path / source.name
    path.write_text(source.read_text(encoding="utf-8").replace("地区: 宁夏", "地区: 中央"), encoding="utf-8")
    case = CASES["海原县高崖乡卫生院-2023"]
    text = (DATA / case["document"]).read_text(encoding="utf-8").split("---", 2)[2]
    missing, _ = missing_units(text, case["start"], case["end"], render_text(build(path).document))
    assert sorted(missing) == sorted([
        "第一部分单位概况", "七、财政拨款“三公”经费支出决算表", "九、国有资本经营预算财政拨款支出情况说明",
        "十一、政府采购情况说明", "十二、国有资产占有使用情况说明", "十三、项目绩效评价情况说明",
    ])
