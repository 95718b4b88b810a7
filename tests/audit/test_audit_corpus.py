"""Recall and false alarms on the corpus of published texts (tests/data/audit/corpus).

Each text is kept as retrieved, with its url in a front matter block; tests/data/audit/truth.yaml
lists, per text, the figures no rounding of its printed inputs can produce. This test
  - re-checks every truth entry's arithmetic with Decimal, independently of reportgen.audit;
  - requires the audit to find at least 90% of those figures as errors (错误);
  - allows no error that the truth does not list (no false alarm), on any text;
  - lists the hints (提示), which are allowed.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from reportgen.audit import audit_document
from reportgen.audit.reader import document_from_text

DATA = Path(__file__).resolve().parents[1] / "data" / "audit"
CORPUS = sorted((DATA / "corpus").glob("*.txt"))
TRUTH = yaml.safe_load((DATA / "truth.yaml").read_text(encoding="utf-8"))
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_NOISE = re.compile(r"[\s，,。；;：:、“”\"（）()]")


def body_and_meta(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    m = _FRONT.match(text)
    assert m, f"{path.name}: no front matter"
    return text[m.end():], yaml.safe_load(m.group(1))


def audit_corpus_text(path: Path):
    body, _ = body_and_meta(path)
    return audit_document(document_from_text(body, path.name))


# Every text's audit, computed once for the whole module.
FOUND = {p.name: audit_corpus_text(p) for p in CORPUS}


def _interval(text: str) -> tuple[Decimal, Decimal]:
    """A printed figure stands for half a unit in its last place either side."""
    value = Decimal(text)
    half = Decimal(5).scaleb(-(len(text.split(".")[1]) + 1) if "." in text else -1)
    return max(value - half, Decimal(0)), value + half


def _range(calc: dict) -> tuple[Decimal, Decimal]:
    """The range the inputs allow for the stated figure, in the stated figure's own terms."""
    (form, args), = calc.items()
    if form == "share" or (form == "ratio" and "den" in args):
        part, whole = _interval(args.get("part", args.get("num"))), _interval(args.get("whole", args.get("den")))
        return part[0] / whole[1] * 100, part[1] / whole[0] * 100
    if form == "ratio":  # den_minus: the denominator is a − b
        num, (a, b) = _interval(args["num"]), map(_interval, args["den_minus"])
        return num[0] / (a[1] - b[0]) * 100, num[1] / (a[0] - b[1]) * 100
    if form == "change":
        cur, chg = _interval(args["current"]), _interval(args["change"])
        if args["up"]:
            return chg[0] / (cur[1] - chg[0]) * 100, chg[1] / (cur[0] - chg[1]) * 100
        return chg[0] / (cur[1] + chg[0]) * 100, chg[1] / (cur[0] + chg[1]) * 100
    if form == "sum":
        parts = [_interval(p) for p in args["parts"]]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    if form == "implied":  # the total implied by base_part at base_share, then part's share of it
        base, share = _interval(args["base_part"]), _interval(args["base_share"])
        total = base[0] * 100 / share[1], base[1] * 100 / share[0]
        part = _interval(args["part"])
        return part[0] / total[1] * 100, part[1] / total[0] * 100
    if form == "equal":
        return _interval(args["a"])
    raise AssertionError(f"unknown calc form {form}")


def _stated_interval(entry: dict) -> tuple[Decimal, Decimal]:
    (form, args), = entry["calc"].items()
    if form == "equal":
        return _interval(args["b"])
    return _interval(re.sub(r"[%万元亿]", "", str(entry["stated"])))


def _entries():
    for name, entries in TRUTH.items():
        for entry in entries or []:
            yield name, entry


def test_the_corpus_is_large_and_every_text_has_a_truth():
    assert len(CORPUS) >= 60
    assert {p.name for p in CORPUS} == set(TRUTH)
    for path in CORPUS:
        _, meta = body_and_meta(path)
        assert meta["url"] and meta["region"] and meta["kind"], path.name


@pytest.mark.parametrize("name, entry", list(_entries()), ids=lambda v: v if isinstance(v, str) else v["stated"])
def test_every_truth_entry_is_impossible_under_any_rounding(name, entry):
    (form, args), = entry["calc"].items()
    assert entry["quote"] and len(entry["why"]) > 20
    if form == "direction":
        assert args["change_word"][0] != args["rate_word"][0]  # 减 against 增
        return
    lo, hi = _range(entry["calc"])
    stated = _stated_interval(entry)
    if form == "sum" and args.get("at_least"):
        assert stated[1] < lo, (name, entry["stated"], lo)  # a total below the sum of its parts
        return
    assert stated[1] < lo or hi < stated[0], (name, entry["stated"], lo, hi)


def _plain(text: str) -> str:
    return _NOISE.sub("", text)


def _matches(finding, entry) -> bool:
    return (
        finding.severity == "error"
        and finding.kind == entry["kind"]
        and _plain(str(entry["stated"])) in _plain(finding.stated)
        and _plain(entry["quote"]) in _plain(finding.sentence)
    )


def test_recall_is_at_least_90_percent_of_the_impossible_figures():
    entries = list(_entries())
    missed = [(n, e["stated"], e["kind"]) for n, e in entries if not any(_matches(f, e) for f in FOUND[n])]
    recall = 1 - len(missed) / len(entries)
    assert recall >= 0.9, f"recall {recall:.1%}; missed {missed}"


def test_no_error_that_the_truth_does_not_list():
    false_alarms = [
        (name, f.kind, f.stated, f.sentence)
        for name, found in FOUND.items()
        for f in found
        if f.severity == "error" and not any(_matches(f, e) for e in TRUTH[name] or [])
    ]
    assert false_alarms == []


def test_hints_are_listed(capsys):
    hints = Counter(f.kind for found in FOUND.values() for f in found if f.severity != "error")
    with capsys.disabled():
        print(f"\n提示 on the corpus: {dict(sorted(hints.items()))}")
