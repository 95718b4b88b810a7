"""Interval arithmetic: correctly rounded documents are never flagged, real slips always are."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reportgen.audit import audit_text
from reportgen.audit.numbers import change_rate, disjoint, parse_number, ratio

CENT = Decimal("0.01")
WAN = Decimal(10_000)

# Amounts entered in 元 (whole 元 or 分), printed in 万元 with 2 decimals: the documents compute
# from these, which is why their printed rates can differ from what the printed 万元 give.
yuan = st.integers(min_value=100_000, max_value=10_000_000_000).map(lambda n: Decimal(n) / 100)
# From 10 万元 up: the rounding slack of the printed figures stays well under a tenth of any rate.
large_yuan = st.integers(min_value=10_000_000, max_value=10_000_000_000).map(lambda n: Decimal(n) / 100)


def wan(value: Decimal) -> Decimal:
    return (value / WAN).quantize(CENT, rounding=ROUND_HALF_UP)


def pct(num: Decimal, den: Decimal) -> Decimal:
    return (num / den * 100).quantize(CENT, rounding=ROUND_HALF_UP)


def _change_sentence(prior: Decimal, current: Decimal, rate: Decimal) -> str:
    up = current > prior
    return (
        f"2023年支出{wan(current)}万元，比2022年{'增加' if up else '减少'}{wan(abs(current - prior))}万元，"
        f"{'增长' if up else '下降'}{rate}%。"
    )


@settings(max_examples=300, deadline=None)
@given(prior=yuan, current=yuan)
def test_a_correctly_rounded_change_is_never_flagged(prior, current):
    assume(prior != current)
    rate = pct(abs(current - prior), prior)
    assert audit_text(_change_sentence(prior, current, rate)) == []


@settings(max_examples=300, deadline=None)
@given(prior=large_yuan, current=large_yuan, factor=st.sampled_from(["0.5", "1.2", "2"]))
def test_a_change_rate_off_by_far_more_than_rounding_is_flagged(prior, current, factor):
    change = abs(current - prior)
    assume(change >= 100_000)
    right = pct(change, prior)
    wrong = (right * Decimal(factor) + 1).quantize(CENT)
    assume(abs(wrong - right) >= 1)  # halving a rate near 2% and adding 1 gives it back
    assert [f.kind for f in audit_text(_change_sentence(prior, current, wrong))] == ["change_rate"]


@settings(max_examples=300, deadline=None)
@given(budget=yuan, actual=yuan, trim=st.booleans())
def test_a_correctly_rounded_completion_is_never_flagged(budget, actual, trim):
    rate = pct(actual, budget)
    shown = f"{rate.normalize():f}" if trim and rate == rate.to_integral_value() else f"{rate}"
    text = f"全年预算数为{wan(budget)}万元，执行数为{wan(actual)}万元，完成预算的{shown}%。"
    assert audit_text(text) == []


@settings(max_examples=300, deadline=None)
@given(budget=large_yuan, actual=large_yuan, factor=st.sampled_from(["0.5", "1.2", "2"]))
def test_a_completion_off_by_far_more_than_rounding_is_flagged(budget, actual, factor):
    right = pct(actual, budget)
    wrong = (right * Decimal(factor) + 1).quantize(CENT)
    assume(abs(wrong - right) >= 1)  # halving a rate near 2% and adding 1 gives it back
    text = f"全年预算数为{wan(budget)}万元，执行数为{wan(actual)}万元，完成预算的{wrong}%。"
    assert [f.kind for f in audit_text(text)] == ["budget_completion"]


@st.composite
def breakdowns(draw, amounts=yuan):
    parts = draw(st.lists(amounts, min_size=2, max_size=6))
    return parts, sum(parts)


def _list_sentence(parts, whole, shares) -> str:
    items = "；".join(f"第{i}项{wan(p)}万元，占{s}%" for i, (p, s) in enumerate(zip(parts, shares), 1))
    return f"本年支出合计{wan(whole)}万元，其中：{items}。"


@settings(max_examples=300, deadline=None)
@given(breakdowns())
def test_independently_rounded_shares_are_never_flagged(breakdown):
    parts, whole = breakdown
    assert audit_text(_list_sentence(parts, whole, [pct(p, whole) for p in parts])) == []


@settings(max_examples=300, deadline=None)
@given(breakdowns(), st.booleans())
def test_shares_forced_to_100_by_the_last_or_largest_item_are_hints_never_errors(breakdown, largest):
    parts, whole = breakdown
    shares = [pct(p, whole) for p in parts]
    k = shares.index(max(shares)) if largest else len(shares) - 1
    bent = Decimal(100) - (sum(shares) - shares[k])
    assume(bent >= 0)
    moved = bent != shares[k]
    shares[k] = bent
    found = audit_text(_list_sentence(parts, whole, shares))
    assert all(f.severity == "warning" and f.kind == "share_apportioned" for f in found)
    assert len(found) <= (1 if moved else 0)


@settings(max_examples=300, deadline=None)
@given(breakdowns(large_yuan), st.data())
def test_a_share_off_by_far_more_than_rounding_is_flagged(breakdown, data):
    parts, whole = breakdown
    shares = [pct(p, whole) for p in parts]
    k = data.draw(st.integers(0, len(parts) - 1))
    shares[k] = (shares[k] * Decimal("1.5") + 1).quantize(CENT)
    found = audit_text(_list_sentence(parts, whole, shares))
    assert ("share", f"{shares[k]}%") in [(f.kind, f.stated) for f in found]


def test_a_printed_figure_stands_for_half_a_unit_either_side():
    assert parse_number("453.14").interval() == (Decimal("453.135"), Decimal("453.145"))
    assert parse_number("100").interval() == (Decimal("99.5"), Decimal("100.5"))
    assert parse_number("0").interval() == (Decimal("0"), Decimal("0.5"))


def test_the_seed_000_growth_fits_only_through_the_intervals():
    change, current = parse_number("465.54", "万元").interval(), parse_number("568.27", "万元").interval()
    rng = change_rate(change, current, increase=True)
    assert not disjoint(rng, parse_number("453.14").interval())
    # The point estimate from the printed figures is 453.17%: without intervals this would fail.
    assert pct(Decimal("465.54"), Decimal("568.27") - Decimal("465.54")) == Decimal("453.17")


def test_a_zero_denominator_leaves_the_ratio_unbounded():
    nothing_of_nothing = ratio(parse_number("0").interval(), parse_number("0").interval())
    assert nothing_of_nothing[1].is_infinite()
    assert not disjoint(nothing_of_nothing, parse_number("100").interval())
    # 5 万元 spent of a budget printed as 0 (under 0.5) is at least 900%: 100% cannot be right.
    five_of_nothing = ratio(parse_number("5").interval(), parse_number("0").interval())
    assert disjoint(five_of_nothing, parse_number("100").interval())


@settings(max_examples=200, deadline=None)
@given(budget=yuan, actual=yuan)
def test_a_correctly_rounded_change_against_the_budget_is_never_flagged(budget, actual):
    assume(budget != actual)
    up = actual > budget
    text = (f"公务接待费支出{wan(actual)}万元，与2023年度预算相比，{'增加' if up else '减少'}"
            f"{wan(abs(actual - budget))}万元，{'增长' if up else '下降'}{pct(abs(actual - budget), budget)}%。")
    assert audit_text(text) == []


@settings(max_examples=200, deadline=None)
@given(currents=st.tuples(yuan, yuan), falls=st.tuples(yuan, yuan))
def test_correctly_rounded_paired_changes_are_never_flagged(currents, falls):
    priors = [c + f for c, f in zip(currents, falls)]
    text = (f"2023年度收、支总计各是{wan(currents[0])},{wan(currents[1])}万元。与2022年相比，收、支总计各减少"
            f"{wan(falls[0])},{wan(falls[1])}万元，各下降{pct(falls[0], priors[0])}%、{pct(falls[1], priors[1])}%。")
    assert audit_text(text) == []


@settings(max_examples=100, deadline=None)
@given(amount=yuan)
def test_a_first_year_written_as_100_percent_growth_is_a_hint_never_an_error(amount):
    text = f"因公出国（境）费支出{wan(amount)}万元，比上年增加{wan(amount)}万元，增长100%。"
    assert [(f.kind, f.severity) for f in audit_text(text)] == [("zero_base", "warning")]
