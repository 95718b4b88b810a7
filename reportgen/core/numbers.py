"""The number rules: 四舍五入 rounding, shares that print to 100%, changes and budget completion.

Every figure is computed from exact Decimals and rounded once, here, by the document's style;
the direction of a change is decided from the rounded figures so that the word always agrees
with what is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Literal, Sequence

HUNDRED = Decimal(100)
ZERO = Decimal(0)

SharePolicy = Literal["独立舍入", "最大余数", "倒挤"]
Direction = Literal["up", "down", "flat"]


def unit(places: int) -> Decimal:
    """One unit in the last printed place.

    >>> unit(2), unit(0)
    (Decimal('0.01'), Decimal('1'))
    """
    return Decimal(1).scaleb(-places)


def quantize(value: Decimal, places: int) -> Decimal:
    """四舍五入 to `places` decimals; the one rounding rule of the project.

    >>> quantize(Decimal("2.675"), 2), quantize(Decimal("-0.125"), 2)
    (Decimal('2.68'), Decimal('-0.13'))
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}: {value!r}")
    return value.quantize(unit(places), rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal, places: int) -> Decimal | None:
    """`part / whole` as a rounded percentage; None when `whole` is zero (no base, no rate).

    >>> percent(Decimal("465.54"), Decimal("102.73"), 2)
    Decimal('453.17')
    >>> percent(Decimal(1), Decimal(0), 2) is None
    True
    """
    if whole == 0:
        return None
    return quantize(part * HUNDRED / whole, places)


def shares(values: Sequence[Decimal], places: int, policy: SharePolicy = "最大余数") -> list[Decimal]:
    """Each value's share of their sum, rounded so that the printed shares add up to exactly 100.

    独立舍入 rounds each share on its own (the sum may miss 100 by a unit); 最大余数 gives the
    missing units to the largest remainders; 倒挤 lets the last non-zero item take the residual
    (the largest item takes it instead if the last would go below zero). Zero items stay 0, and
    a zero sum gives all zeros (the house style prints "0 万元，占 0%").

    >>> shares([Decimal("483.16"), Decimal("18.95"), Decimal("16.46")], 1, "倒挤")
    [Decimal('93.2'), Decimal('3.7'), Decimal('3.1')]
    >>> shares([Decimal("483.16"), Decimal("18.95"), Decimal("16.46")], 1, "最大余数")
    [Decimal('93.2'), Decimal('3.6'), Decimal('3.2')]
    """
    total = sum(values, ZERO)
    if total == 0:
        return [quantize(ZERO, places) for _ in values]
    exact = [v * HUNDRED / total for v in values]
    if policy == "独立舍入":
        return [quantize(e, places) for e in exact]
    if policy == "最大余数":
        return _largest_remainder(exact, places)
    if policy == "倒挤":
        return _residual_to_last(exact, places)
    raise ValueError(f"unknown share policy {policy!r}")


def _largest_remainder(exact: list[Decimal], places: int) -> list[Decimal]:
    step = unit(places)
    floors = [e.quantize(step, rounding=ROUND_FLOOR) for e in exact]
    missing = int((HUNDRED - sum(floors, ZERO)) / step)
    # Ties go to the earlier item so that the result does not depend on sort stability.
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += step
    return floors


def _residual_to_last(exact: list[Decimal], places: int) -> list[Decimal]:
    printed = [quantize(e, places) for e in exact]
    nonzero = [i for i, e in enumerate(exact) if e != 0]
    taker = nonzero[-1]
    residual = HUNDRED - sum(printed, ZERO) + printed[taker]
    if residual < 0:
        taker = max(nonzero, key=lambda i: (exact[i], -i))
        residual = HUNDRED - sum(printed, ZERO) + printed[taker]
    printed[taker] = residual
    return printed


@dataclass(frozen=True)
class Change:
    """This year against last year: the printed change, its rate, and the direction they share.

    `rate` is None when last year was zero: there is no growth rate from nothing.
    """

    current: Decimal
    previous: Decimal
    delta: Decimal
    rate: Decimal | None
    direction: Direction

    @property
    def magnitude(self) -> Decimal:
        """The printed change without its sign (prose says 减少 5, never -5)."""
        return abs(self.delta)

    @property
    def rate_magnitude(self) -> Decimal | None:
        return None if self.rate is None else abs(self.rate)


def change(current: Decimal, previous: Decimal, amount_places: int, percent_places: int,
           zero_base_rate: bool = False) -> Change:
    """Compare two exact amounts; the direction is that of the rounded change.

    From a zero base there is no growth rate, unless `zero_base_rate` asks for the "100%" some
    regions print (the whole amount is new).

    >>> c = change(Decimal("568.27"), Decimal("102.7349"), 2, 2)
    >>> c.delta, c.rate, c.direction
    (Decimal('465.54'), Decimal('453.14'), 'up')
    >>> change(Decimal("5.001"), Decimal("5"), 2, 2).direction
    'flat'
    >>> change(Decimal("2.59"), Decimal("0"), 2, 2).rate, change(Decimal("2.59"), Decimal("0"), 2, 2, True).rate
    (None, Decimal('100.00'))
    """
    delta = quantize(current - previous, amount_places)
    rate = percent(current - previous, previous, percent_places)
    direction: Direction = "up" if delta > 0 else "down" if delta < 0 else "flat"
    if direction == "flat" and rate is not None:
        rate = quantize(ZERO, percent_places)
    if rate is None and zero_base_rate and direction != "flat":
        rate = quantize(HUNDRED if direction == "up" else -HUNDRED, percent_places)
    return Change(current, previous, delta, rate, direction)


@dataclass(frozen=True)
class Completion:
    """决算数 against 预算数: the completion rate and how the printed figures compare.

    `rate` is None when the budget is zero; `comparison` is decided on the printed amounts.
    """

    actual: Decimal
    budget: Decimal
    rate: Decimal | None
    comparison: Literal["equal", "more", "less"]


def completion(actual: Decimal, budget: Decimal, amount_places: int, percent_places: int) -> Completion:
    """完成预算 rate of `actual` against `budget`.

    >>> completion(Decimal("661.7252"), Decimal("680"), 2, 2).rate
    Decimal('97.31')
    >>> completion(Decimal(0), Decimal(0), 2, 2).comparison
    'equal'
    """
    a, b = quantize(actual, amount_places), quantize(budget, amount_places)
    comparison = "equal" if a == b else "more" if a > b else "less"
    return Completion(actual, budget, percent(actual, budget, percent_places), comparison)
