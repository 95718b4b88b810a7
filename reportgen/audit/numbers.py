"""Printed figures as intervals: k decimals stand for ± half a unit in the last place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

INF = Decimal("Infinity")
ZERO = Decimal(0)
HUNDRED = Decimal(100)

# Forty digits keep every quotient exact far beyond the printed precision; the contexts are
# our own so the caller's decimal settings are never touched. Printing a range may meet absurd
# magnitudes (a share of a total printed as 0.00000001), hence the wide one for quantizing.
_CTX = Context(prec=40)
_SHOW = Context(prec=200)

# At most 15 integer digits: longer runs are identifiers or garbage, and capping them keeps
# every value far from the Decimal exponent limits whatever the input.
NUMBER = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.\d{1,8})?(?![\d])"
UNIT_SCALE = {
    "亿元": Decimal(100_000_000),
    "万元": Decimal(10_000),
    "千元": Decimal(1000),
    "元": Decimal(1),
}
# "单价 50 万元以上设备 3 台" names a threshold, not an amount anything adds up to.
MONEY_RE = re.compile(rf"({NUMBER})\s?(亿元|万元|千元|元)(?!\s?(?:[（(]含[）)])?(?:以上|以下|以内))")
PERCENT_RE = re.compile(rf"({NUMBER})\s?%")

Interval = tuple[Decimal, Decimal]


@dataclass(frozen=True)
class Figure:
    """A number as printed: its value, its decimals, its unit ("万元", "%", "" …) and its place."""

    text: str
    value: Decimal
    decimals: int
    unit: str = ""
    start: int = 0
    end: int = 0
    exact: bool = False  # a count of people is a whole number, not a rounded one

    @property
    def printed(self) -> str:
        """The figure with its unit, as the reader saw it (thousands separators dropped)."""
        return f"{self.text}{self.unit}"

    def interval(self) -> Interval:
        """Every true value that prints as this figure; amounts in 元 so mixed units compare.

        >>> parse_number("568.27").interval()
        (Decimal('568.265'), Decimal('568.275'))
        >>> parse_number("6.26", "万元").interval()
        (Decimal('62550.000'), Decimal('62650.000'))
        """
        half = ZERO if self.exact else Decimal(5).scaleb(-(self.decimals + 1))
        scale = UNIT_SCALE.get(self.unit, Decimal(1))
        lo = max(ZERO, self.value - half)
        return (_CTX.multiply(lo, scale), _CTX.multiply(self.value + half, scale))


def parse_number(text: str, unit: str = "", start: int = 0, end: int = 0) -> Figure:
    """A Figure from its digits ("3,107.50" is 3107.50 with 2 decimals).

    >>> parse_number("3,107.50").value, parse_number("3,107.50").decimals
    (Decimal('3107.50'), 2)
    """
    digits = text.replace(",", "")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Figure(digits, Decimal(digits), decimals, unit, start, end)


def find_money(text: str, pos: int = 0, endpos: int | None = None) -> list[Figure]:
    """Every amount of money in text[pos:endpos], in order."""
    end = len(text) if endpos is None else endpos
    found = MONEY_RE.finditer(text, pos, end)
    return [parse_number(m.group(1), m.group(2), m.start(), m.end()) for m in found]


def percent_at(text: str, pos: int) -> Figure | None:
    """The percentage that starts exactly at `pos`, if any."""
    m = PERCENT_RE.match(text, pos)
    return parse_number(m.group(1), "%", m.start(), m.end()) if m else None


def ratio(num: Interval, den: Interval) -> Interval:
    """num / den × 100 over the intervals; a denominator that may be zero leaves it unbounded.

    >>> ratio((Decimal(1), Decimal(2)), (Decimal(4), Decimal(5)))
    (Decimal('20'), Decimal('50'))
    >>> ratio((Decimal(1), Decimal(2)), (Decimal(0), Decimal(5)))[1]
    Decimal('Infinity')
    """
    lo = _div(num[0], den[1])
    hi = _div(num[1], den[0])
    return (lo, hi)


def change_rate(change: Interval, current: Interval, increase: bool) -> Interval:
    """The growth (or fall) rate in % given this year's figure and the change from last year.

    The base is current − change for an increase and current + change for a decrease. The rate
    rises with the change and falls with the current figure, so the corners give exact bounds
    (treating base and change as independent would widen the range for nothing).

    >>> lo, hi = change_rate(_wan("465.54"), _wan("568.27"), True)
    >>> round(lo, 3), round(hi, 3)
    (Decimal('453.120'), Decimal('453.217'))
    """
    if increase:
        lo = _div(change[0], _CTX.subtract(current[1], change[0]))
        hi = _div(change[1], _CTX.subtract(current[0], change[1]))
    else:
        lo = _div(change[0], _CTX.add(current[1], change[0]))
        hi = _div(change[1], _CTX.add(current[0], change[1]))
    return (lo, hi)


def total(intervals: list[Interval]) -> Interval:
    """The interval of a sum."""
    return (sum((i[0] for i in intervals), ZERO), sum((i[1] for i in intervals), ZERO))


def disjoint(derived: Interval, stated: Interval) -> bool:
    """True when no value allowed by the figures can print as the stated one.

    Intervals are taken as closed: at a rounding boundary we give the document the benefit.
    """
    return derived[1] < stated[0] or stated[1] < derived[0]


def show_range(rng: Interval, decimals: int, unit: str = "") -> tuple[str, str]:
    """The range printed outward (floor, ceiling) so it never looks narrower than it is; an
    amount (held in 元) is printed in `unit`.

    >>> show_range((Decimal("77.8012"), Decimal("78.1149")), 2, "%")
    ('77.80%', '78.12%')
    >>> show_range((Decimal("80250"), Decimal("80450")), 2, "万元")
    ('8.02万元', '8.05万元')
    """
    scale = UNIT_SCALE.get(unit, Decimal(1))
    quantum = Decimal(1).scaleb(-decimals)

    def fmt(value: Decimal, rounding: str) -> str:
        if value.is_infinite():
            return "∞"
        shown = _CTX.divide(value, scale).quantize(quantum, rounding=rounding, context=_SHOW)
        return f"{shown}{unit}"

    return (fmt(rng[0], ROUND_FLOOR), fmt(rng[1], ROUND_CEILING))


def _div(a: Decimal, b: Decimal) -> Decimal:
    """a / b × 100, with a non-positive denominator standing for an unbounded ratio."""
    if b <= 0:
        return INF
    return _CTX.divide(_CTX.multiply(a, HUNDRED), b)


def _wan(text: str) -> Interval:
    """Doctest shorthand: the interval of an amount printed in 万元."""
    return parse_number(text, "万元").interval()
