"""The audit of each seed equals tests/data/audit_seed_findings.yaml: no false alarm, no loss."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from reportgen.audit import audit_paths

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_FILE = ROOT / "tests" / "data" / "audit_seed_findings.yaml"
EXPECTED = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
# The seeds live beside the checkout (shared/seeds), as for the fidelity tests; REPORTGEN_SEEDS
# points elsewhere.
_CANDIDATES = [ROOT.parent / "shared" / "seeds", ROOT / "seeds", ROOT / "tests" / "data" / "seeds"]


def _seed_dir() -> Path | None:
    if os.environ.get("REPORTGEN_SEEDS"):
        return Path(os.environ["REPORTGEN_SEEDS"])
    return next((d for d in _CANDIDATES if (d / EXPECTED["seeds"][0]).is_file()), None)


SEEDS = _seed_dir()
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="shared/seeds not found (or set REPORTGEN_SEEDS)")


def _expected(seed: str) -> list[tuple]:
    rows = [f for f in EXPECTED["findings"] if f["seed"] == seed]
    return sorted((f["line"], f["kind"], str(f["stated"])) for f in rows)


def test_every_expected_finding_names_a_listed_seed_and_says_why():
    for finding in EXPECTED["findings"]:
        assert finding["seed"] in EXPECTED["seeds"]
        assert len(finding["why"]) > 20


@needs_seeds
@pytest.mark.parametrize("seed", EXPECTED["seeds"])
def test_seed_findings_are_exactly_the_listed_ones(seed):
    found = audit_paths([SEEDS / seed])
    assert sorted((f.line, f.kind, f.stated) for f in found) == _expected(seed)


@needs_seeds
def test_seed_000_growth_rate_slip_is_reported_with_the_range_its_figures_allow():
    found = [f for f in audit_paths([SEEDS / EXPECTED["seeds"][0]]) if f.kind == "change_rate"]
    assert [(f.stated, f.consistent_range) for f in found] == [("128.25%", ("77.79%", "78.12%"))]
    assert "14.29万元" in found[0].sentence


@needs_seeds
def test_seed_002_completion_slips_are_reported_from_the_sentences():
    found = audit_paths([SEEDS / "002_7f5d5af4a69b0ca3.txt"])
    sentences = {f.stated: f for f in found if f.kind == "budget_completion" and "完成预算" in f.sentence}
    assert set(sentences) == {"100%", "75%"}
    assert sentences["100%"].consistent_range == ("97.24%", "97.39%")
    assert sentences["75%"].consistent_range == ("84.42%", "84.52%")


@needs_seeds
def test_seed_004_is_consistent():
    assert audit_paths([SEEDS / "004_a74d644552a354b1.txt"]) == []
