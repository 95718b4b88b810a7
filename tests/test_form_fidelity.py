"""Real published 绩效 forms of five provinces, rebuilt from data files and compared cell by cell.

Each case (tests/data/form_fidelity.yaml) names a real form's text (tests/data/real/绩效/, with
its url) and how the text renders cells; its data file (real/绩效/数据/) was written from the
form as a user would, from the README. At least 90% of the real form's cells must be reproduced,
and every cell that is not must be listed with its reason — and no listed cell may match now.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from form_cells import generated_cells, norm, real_cells, unmatched
from reportgen.run import build

REAL = Path(__file__).parent / "data" / "real" / "绩效"
CASES = yaml.safe_load((Path(__file__).parent / "data" / "form_fidelity.yaml").read_text(encoding="utf-8"))
#: Styles whose text breaks a cell into pieces (at spaces, or at the lines of a multi-line cell).
PIECES = ("空格", "段落")
KINDS = ("笔误", "提取", "摘录", "版式")


@cache
def comparison(name: str) -> tuple[list[str], list[str]]:
    case = CASES[name]
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    real = real_cells(text, case["style"], case.get("start", ""), case.get("end", ""))
    ours = generated_cells(build(REAL / "数据" / f"{name}.yaml").document)
    return real, unmatched(real, ours, pieces=case["style"] in PIECES)


def listed(name: str) -> Counter:
    return Counter({norm(d["单元格"]): d.get("次数", 1) for d in CASES[name]["differences"]})


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_cell_we_do_not_reproduce_is_listed(name):
    _, missing = comparison(name)
    assert Counter(missing) - listed(name) == Counter(), "cells that differ but are not listed"
    assert listed(name) - Counter(missing) == Counter(), "listed cells that now match"


@pytest.mark.parametrize("name", sorted(CASES))
def test_at_least_90_percent_of_the_cells(name):
    real, missing = comparison(name)
    assert len(real) >= 40
    assert 1 - len(missing) / len(real) >= 0.9


def test_every_listed_difference_has_a_kind_and_a_reason():
    for case in CASES.values():
        for d in case["differences"]:
            assert d["类别"] in KINDS and len(d["原因"]) > 8, d


def test_five_provinces():
    assert len({name.split("-")[0] for name in CASES}) >= 5
