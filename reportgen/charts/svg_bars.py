"""Grouped bars in SVG: one group per category, the series side by side, each bar labelled
with the figure the text prints. Every coordinate is Decimal arithmetic on the exact values."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from reportgen.charts.data import ChartData, label_of
from reportgen.charts.svg import FONT_SIZE, HEIGHT, WIDTH, legend_key, line, rect, text, text_width, wrap

_MARGIN = Decimal(16)
_HEADER = Decimal(24)  # baseline of the unit and the legend
_PLOT_TOP = Decimal(52)
_LINE = FONT_SIZE * Decimal("1.25")
_GROUP = Decimal("0.7")  # of a category's slot, the rest is the gap between groups
_BAR = Decimal("0.9")  # of a series' share of the group
_WIDEST = WIDTH * Decimal("0.15")  # a lone category's bars would otherwise fill the plot
#: Head room above the tallest bar for its label, as a share of the axis.
_ROOM = Decimal("1.12")
_GRID, _AXIS = "D9D9D9", "7F7F7F"
_SMALLEST = Decimal(9)  # value labels are set no smaller than this


def ticks(lo: Decimal, hi: Decimal, most: int = 6) -> list[Decimal]:
    """Round values from at most `lo` to at least `hi`, at most `most` intervals apart (1, 2,
    2.5 or 5 times a power of ten), as an axis prints them.

    >>> ticks(Decimal(0), Decimal("636.46"))
    [Decimal('0'), Decimal('200'), Decimal('400'), Decimal('600'), Decimal('800')]
    >>> [str(t) for t in ticks(Decimal("-1.2"), Decimal("3"))]
    ['-2', '-1', '0', '1', '2', '3']
    >>> [str(t) for t in ticks(Decimal(0), Decimal("0.07"))]
    ['0', '0.02', '0.04', '0.06', '0.08']
    """
    raw = (hi - lo) / most
    base = Decimal(1).scaleb(raw.adjusted())
    step = next(m * base for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
                if m * base >= raw)
    first = (lo / step).to_integral_value(ROUND_FLOOR)
    last = (hi / step).to_integral_value(ROUND_CEILING)
    return [_tidy(k * step) for k in range(int(first), int(last) + 1)]


def _tidy(value: Decimal) -> Decimal:
    # 2E+2 prints as "200", 0.040 as "0.04", -0 as "0".
    value = value.normalize() + 0
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def bars(data: ChartData) -> str:
    values = [v for s in data.series for v in s.values]
    grid = ticks(min(min(values), Decimal(0)) * _ROOM, max(max(values), Decimal(0)) * _ROOM)
    lo, hi = grid[0], grid[-1]
    left = _MARGIN + max(text_width(format(t, "f")) for t in grid) + 8
    right = WIDTH - _MARGIN
    slot = (right - left) / len(data.categories)
    names = [wrap(c, slot * Decimal("0.95")) for c in data.categories]
    bottom = HEIGHT - _MARGIN - _LINE * max(len(n) for n in names)

    def y(value: Decimal) -> Decimal:
        return bottom - (value - lo) / (hi - lo) * (bottom - _PLOT_TOP)

    out = [_header(data, right)]
    for t in grid:
        out.append(line(left, y(t), right, y(t), _GRID, "grid"))
        out.append(text(left - 6, y(t) + FONT_SIZE * Decimal("0.35"), format(t, "f"), anchor="end"))
    out.append(line(left, y(Decimal(0)), right, y(Decimal(0)), _AXIS, "axis"))
    n = len(data.series)
    width = min(slot * _GROUP / n, _WIDEST / _BAR)
    for c, lines in enumerate(names):
        middle = left + slot * (c + Decimal("0.5"))
        for k, part in enumerate(lines):
            out.append(text(middle, bottom + _LINE * (k + 1), part, anchor="middle"))
        for k, (series, colour) in enumerate(zip(data.series, data.colours)):
            value, label = series.values[c], label_of(series, c)
            x = middle + (k - Decimal(n - 1) / 2) * width
            top, base = sorted((y(value), y(Decimal(0))))
            if value:  # a zero is its label alone, on the axis
                out.append(rect(x - width * _BAR / 2, top, width * _BAR, base - top, colour, "bar",
                                f"{series.name} {data.categories[c]}：{label}"))
            # A label wider than its bar's room would run into its neighbour's: set it smaller.
            size = max(min(FONT_SIZE, FONT_SIZE * (width - 4) / text_width(label)), _SMALLEST)
            above = top - 5 if value >= 0 else base + size
            out.append(text(x, above, label, anchor="middle", css="value",
                            size=None if size == FONT_SIZE else size))
    return "\n".join(out) + "\n"


def _header(data: ChartData, right: Decimal) -> str:
    """The unit on the left, the series' legend on the right, on one line above the plot."""
    out = [text(_MARGIN, _HEADER, f"单位：{data.unit}")] if data.unit else []
    key = FONT_SIZE * Decimal("0.8") + 4
    widths = [key + text_width(s.name) for s in data.series]
    x = right - sum(widths) - 16 * (len(widths) - 1)
    for series, colour, w in zip(data.series, data.colours, widths):
        out += [legend_key(x, _HEADER - 1, colour), text(x + key, _HEADER, series.name, css="legend")]
        x += w + 16
    return "\n".join(out)
