"""Consistency of each claim: a finding only when no values inside the printed intervals fit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from reportgen.audit.claims import Change, Claim, PartsList, Ratio, Score
from reportgen.audit.numbers import HUNDRED, INF, ZERO, Figure, Interval, change_rate, disjoint
from reportgen.audit.numbers import ratio, show_range, total
from reportgen.audit.headings import Note
from reportgen.audit.repeats import Repeat
from reportgen.audit.report import Finding
from reportgen.audit.subrows import SubRows
from reportgen.audit.years import YearRef


@dataclass(frozen=True)
class _Problem:
    """A finding before it knows its file and sentence: `offset` is the stated figure's."""

    offset: int
    kind: str
    stated: str
    consistent_range: tuple[str, str]
    message: str
    severity: str = "error"


def check(claim: Claim | YearRef, file: str) -> list[Finding]:
    """The findings one claim gives rise to (usually none)."""
    findings = []
    for problem in _problems(claim):
        line, sentence = claim.where.place(problem.offset)
        findings.append(Finding(file, line, sentence, problem.kind, problem.stated,
                                problem.consistent_range, problem.message, problem.severity))
    return findings


def _problems(claim: Claim | YearRef) -> list[_Problem]:
    if isinstance(claim, PartsList):
        return _shares(claim) + _sum(claim)
    if isinstance(claim, Change):
        problems = _change_problems(claim)
        # A change that fits another figure of its clause may be of that figure: no slip.
        if problems and any(not _change_problems(replace(claim, current=f)) for f in claim.others):
            return []
        return problems
    if isinstance(claim, Ratio):
        return _ratio(claim)
    if isinstance(claim, Score):
        return _score(claim)
    if isinstance(claim, Repeat):
        return _repeat(claim)
    if isinstance(claim, SubRows):
        return _subrows(claim)
    if isinstance(claim, Note):
        return [_Problem(claim.offset, claim.kind, claim.stated, ("—", "—"), claim.message, claim.severity)]
    return _year(claim)


def _change_problems(claim: Change) -> list[_Problem]:
    if claim.current is None:
        return _direction(claim, (ZERO, INF))
    return _change_with_prior(claim) if claim.prior is not None else _change(claim)


def _pct(rng: Interval, stated: Figure) -> tuple[str, str]:
    return _shown(rng, max(stated.decimals, 2), "%", stated)


def _shown(rng: Interval, decimals: int, unit: str, stated: Figure) -> tuple[str, str]:
    """The range printed with enough decimals not to seem to hold the stated figure: 6.00999%
    printed as "6.00%" is a slip, but the range "6.00%～6.01%" would look as if it allowed it.
    """
    for extra in range(4):
        shown = show_range(rng, decimals + extra, unit)
        lo, hi = (_value(text, unit) for text in shown)
        if not lo <= stated.value <= hi:
            break
    return shown


def _shares(claim: PartsList) -> list[_Problem]:
    whole = claim.total.interval()
    rows = [(p, s, ratio(p.interval(), whole)) for p, s in zip(claim.parts, claim.shares) if s]
    failing = [r for r in rows if r[2][0].is_finite() and disjoint(r[2], r[1].interval())]
    if not failing:
        return []
    nudged = _apportioned(rows, failing)
    if nudged and _largest_remainder(rows):
        return []  # the largest-remainder method: each share within a step, in remainder order
    problems = []
    for part, share, rng in failing:
        shown = _pct(rng, share)
        message = f"{part.printed} ÷ {claim.total.printed} 应为 {'～'.join(shown)}，不是 {share.printed}"
        if nudged:
            message += "；各项占比凑足 100%（倒挤）所致，宜按实际数计算"
            problems.append(_Problem(share.start, "share_apportioned", share.printed, shown, message, "warning"))
        else:
            problems.append(_Problem(share.start, "share", share.printed, shown, message))
    return problems


def _largest_remainder(rows) -> bool:
    """Whether the printed shares are what the largest-remainder method gives: each the exact
    share rounded down or up by one step, and every one rounded up with a larger remainder than
    every one rounded down."""
    ups, downs = [], []
    for _, share, rng in rows:
        step = Decimal(1).scaleb(-share.decimals)
        exact = (rng[0] + rng[1]) / 2
        floor = (exact / step).to_integral_value(rounding="ROUND_FLOOR") * step
        remainder = exact - floor
        if share.value == floor:
            downs.append(remainder)
        elif share.value == floor + step:
            ups.append(remainder)
        else:
            return False
    return not ups or not downs or min(ups) >= max(downs)


def _apportioned(rows, failing) -> bool:
    """Shares printed to add up to 100% may bend one step to get there.

    Largest remainder moves each share by less than one unit in the last place; 倒挤 lets one
    share (the last or the largest) absorb the others' rounding, up to half a unit for each.
    """
    if sum((s.value for _, s, _ in rows), ZERO) != HUNDRED:
        return False
    steps = [_distance(rng, s.value) / Decimal(1).scaleb(-s.decimals) for _, s, rng in failing]
    if all(step < 1 for step in steps):
        return True
    return len(steps) == 1 and steps[0] <= max(Decimal(1), Decimal(len(rows) - 1) / 2)


def _value(shown: str, unit: str) -> Decimal:
    number = shown.removesuffix(unit)
    return INF if number == "∞" else Decimal(number)


def _distance(rng: Interval, value: Decimal) -> Decimal:
    return max(rng[0] - value, value - rng[1], ZERO)


def _sum(claim: PartsList) -> list[_Problem]:
    """Parts adding up to more than the total are always wrong; to less, only in a full list."""
    if not claim.clean:
        return []
    whole = claim.total.interval()
    parts = total([p.interval() for p in claim.parts])
    shares_whole = all(claim.shares) and sum((s.value for s in claim.shares), ZERO) == HUNDRED
    complete = claim.complete or shares_whole
    if parts[0] > whole[1]:
        if _subtotal_listed(claim, parts, whole):
            return []
    elif not (complete and parts[1] < whole[0]):
        return []
    decimals = max(f.decimals for f in (claim.total, *claim.parts))
    shown = _shown(parts, decimals, claim.total.unit, claim.total)
    message = f"所列 {len(claim.parts)} 项合计 {'～'.join(shown)}，与总数 {claim.total.printed} 不符"
    if claim.external:
        message += "（总数见前文）"
    offset = claim.parts[0].start if claim.external else claim.total.start
    return [_Problem(offset, "parts_total", claim.total.printed, shown, message)]


def _subtotal_listed(claim: PartsList, parts: Interval, whole: Interval) -> bool:
    """Whether dropping one part makes the sum fit: a subtotal listed beside its own items
    ("工资福利支出 100 万元、基本工资 60 万元、津贴 40 万元") looks like that, a slip does not.
    """
    for part in claim.parts:
        lo, hi = part.interval()
        if not disjoint((parts[0] - hi, parts[1] - lo), whole):
            return True
    return False


def _change(claim: Change) -> list[_Problem]:
    """Last year is this year's figure less the increase (plus the decrease)."""
    current, change = claim.current.interval(), claim.change.interval()
    if claim.increase and claim.change.value == claim.current.value:
        return _zero_base(claim)
    rng = change_rate(change, current, claim.increase)
    if not rng[0].is_finite():
        return []  # the change exceeds the figure it is a change of: we misread the sentence
    if claim.increase:
        base = (current[0] - change[1], current[1] - change[0])
    else:
        base = (current[0] + change[0], current[1] + change[1])
    decimals = max(claim.current.decimals, claim.change.decimals)
    lo, hi = show_range(base, decimals, claim.current.unit)
    return _direction(claim, rng) or _rate(claim, rng, f"则上年为 {lo}～{hi}")


def _zero_base(claim: Change) -> list[_Problem]:
    """"增加 135.19 万元，增长 100%" where the increase is the whole figure: last year (or the
    budget) was nothing, so no rate exists; documents print 100% for a first year. A hint."""
    if claim.rate.value != HUNDRED or not claim.rate_increase:
        return []
    message = (f"增加额 {claim.change.printed} 等于本年数 {claim.current.printed}，比较基数为零，"
               f"增长率无法计算；文中写作 {claim.rate.printed}，宜改为“上年无此项支出”等说明")
    return [_Problem(claim.rate.start, "zero_base", claim.rate.printed, ("—", "—"), message, "warning")]


def _change_with_prior(claim: Change) -> list[_Problem]:
    """With the figure compared with printed (last year's, or another: "较年初结转和结余 20 万元"),
    the change must be the difference, and the rate the change over that figure (the printed
    change and the difference are both accepted as change).
    """
    current, prior = claim.current.interval(), claim.prior.interval()
    if claim.increase:
        expected = (current[0] - prior[1], current[1] - prior[0])
    else:
        expected = (prior[0] - current[1], prior[1] - current[0])
    problems = []
    if disjoint(expected, claim.change.interval()):
        shown = _shown(expected, claim.change.decimals, claim.change.unit, claim.change)
        word = "增加" if claim.increase else "减少"
        message = (f"{claim.current.printed} 与比较基数 {claim.prior.printed} 相差 {'～'.join(shown)}，"
                   f"不是{word} {claim.change.printed}")
        stated = claim.change.printed
        problems.append(_Problem(claim.change.start, "change_amount", stated, shown, message))
    by_change = ratio(claim.change.interval(), prior)
    by_difference = ratio((max(expected[0], ZERO), max(expected[1], ZERO)), prior)
    rng = (min(by_change[0], by_difference[0]), max(by_change[1], by_difference[1]))
    if not rng[0].is_finite():
        return problems
    return problems + (_direction(claim, rng) or _rate(claim, rng, f"比较基数为 {claim.prior.printed}"))


def _direction(claim: Change, rng: Interval) -> list[_Problem]:
    """"减少 0.92 万元，增长 10%": the rate word must go the way the amount went."""
    if claim.rate_increase == claim.increase:
        return []
    amount_word, rate_word = ("增加", "增长") if claim.increase else ("减少", "下降")
    said = "增长" if claim.rate_increase else "下降"
    lo, hi = _pct(rng, claim.rate)
    message = f"{amount_word} {claim.change.printed} 却说{said}"
    stated = f"{said} {claim.rate.printed}"
    shown = (f"{rate_word} {lo}", f"{rate_word} {hi}")
    return [_Problem(claim.rate.start, "change_direction", stated, shown, message)]


def _rate(claim: Change, rng: Interval, base: str) -> list[_Problem]:
    if not disjoint(rng, claim.rate.interval()):
        return []
    amount_word, rate_word = ("增加", "增长") if claim.increase else ("减少", "下降")
    shown = _pct(rng, claim.rate)
    message = (f"{amount_word} {claim.change.printed}，{base}，{rate_word}幅度应为 "
               f"{'～'.join(shown)}，不是 {claim.rate.printed}")
    return [_Problem(claim.rate.start, "change_rate", claim.rate.printed, shown, message)]


def _ratio(claim: Ratio) -> list[_Problem]:
    rng = ratio(claim.numerator.interval(), claim.denominator.interval())
    if not rng[0].is_finite() or not disjoint(rng, claim.rate.interval()):
        return []
    if claim.slack and _distance(rng, claim.rate.value) <= claim.slack * Decimal(1).scaleb(-claim.rate.decimals):
        return []
    shown = _pct(rng, claim.rate)
    message = (f"{claim.numerator.printed} ÷ {claim.denominator.printed} = {'～'.join(shown)}，"
               f"不是 {claim.rate.printed}")
    return [_Problem(claim.rate.start, claim.kind, claim.rate.printed, shown, message)]


def _score(claim: Score) -> list[_Problem]:
    # A weight is a set number, not a rounded one; only the score's own rounding is allowed.
    if claim.score.interval()[0] <= claim.weight.value:
        return []
    if claim.source == "得分":
        message = f"得分 {claim.score.text} 超过该项分值 {claim.weight.text}"
    else:
        message = f"评分标准计 {claim.score.text} 分，超过该项分值 {claim.weight.text} 分"
    rng = ("0", claim.weight.text)
    return [_Problem(claim.score.start, "score_exceeds_weight", claim.score.text, rng, message)]


def _repeat(claim: Repeat) -> list[_Problem]:
    first, second = claim.first.printed, claim.second.printed
    message = f"财政拨款安排的{claim.name} {second} 大于前文{claim.name}总数 {first}，同一数字前后不一"
    return [_Problem(claim.second.start, "repeated_figure", second, (first, first), message)]


def _subrows(claim: SubRows) -> list[_Problem]:
    parts = "、".join(f"{lo.normalize():f}～{hi.normalize():f}" for lo, hi in claim.sums)
    message = f"“{claim.parent.label.text}”的其中各项合计 {parts}，超过该行 {claim.stated}"
    return [_Problem(0, "parts_total", claim.stated, (parts, parts), message)]


def _year(claim: YearRef) -> list[_Problem]:
    expected = f"{claim.expected}年"
    message = f"本报告年度为 {claim.expected + 1} 年，“{claim.text}”所比较的上年应为 {expected}"
    stated = f"{claim.year}年"
    rng = (expected, expected)
    return [_Problem(claim.offset, "year_reference", stated, rng, message, "warning")]
