"""A pie in SVG: slices clockwise from twelve o'clock as arc paths, each printing the share the
text prints, and a legend of the categories with their shares.

Each slice's start and end are exact fractions of the whole (Decimal), so the slices close the
circle exactly; only cos/sin need floats, and they are rounded where coordinates are printed.
"""

from __future__ import annotations

import math
from decimal import Decimal

from reportgen.charts.data import INSIDE_MIN, ChartData, ink, label_of
from reportgen.charts.svg import (
    FONT_SIZE, HEIGHT, WIDTH, esc, legend_key, line, num, text, text_width, wrap,
)

_MARGIN = Decimal(16)
_LINE = FONT_SIZE * Decimal("1.5")
_GAP = Decimal(24)  # between the pie's labels and the legend
_OFF = Decimal(14)  # how far outside the pie an outside label starts
_INSIDE_R = 0.62  # where an inside label stands, in radii
_BASELINE = float(FONT_SIZE) * 0.35  # from a text's middle to its baseline
_LEADER = "7F7F7F"
_KEY = FONT_SIZE * Decimal("0.8") + 6  # a legend key and the space after it


def _point(cx: Decimal, cy: Decimal, r: float, fraction: Decimal) -> tuple[float, float]:
    """Where `fraction` of a turn, clockwise from twelve o'clock, meets the circle of radius r.

    >>> _point(Decimal(0), Decimal(0), 1.0, Decimal("0.25"))
    (1.0, 0.0)
    """
    angle = 2 * math.pi * float(fraction) - math.pi / 2
    return float(cx) + r * math.cos(angle), float(cy) + r * math.sin(angle)


def _slice(cx: Decimal, cy: Decimal, r: float, start: Decimal, end: Decimal, colour: str, tip: str) -> str:
    if end - start == 1:  # the whole circle: one arc cannot start and end at the same point
        top, bottom = f"{num(cx)} {num(cy - Decimal(repr(r)))}", f"{num(cx)} {num(cy + Decimal(repr(r)))}"
        d = f"M {top} A {num(r)} {num(r)} 0 1 1 {bottom} A {num(r)} {num(r)} 0 1 1 {top} Z"
    else:
        (x0, y0), (x1, y1) = _point(cx, cy, r, start), _point(cx, cy, r, end)
        large = int(end - start > Decimal("0.5"))
        d = (f"M {num(cx)} {num(cy)} L {num(x0)} {num(y0)} "
             f"A {num(r)} {num(r)} 0 {large} 1 {num(x1)} {num(y1)} Z")
    return (f'<path d="{d}" fill="#{colour}" stroke="#FFFFFF" stroke-width="1.5" class="slice">'
            f"<title>{esc(tip)}</title></path>")


def spread(ys: list[float], gap: float, limit: float) -> list[float]:
    """`ys` (rising) moved at least `gap` apart and within ±`limit`: one pass up, one down, so
    the labels of neighbouring thin slices do not print over each other.

    >>> [round(y, 2) for y in spread([1.1, 1.1, 1.15], 0.15, 1.2)]
    [0.9, 1.05, 1.2]
    """
    out: list[float] = []
    for y in ys:
        out.append(max(y, out[-1] + gap) if out else max(y, -limit))
    for k in range(len(out) - 1, -1, -1):
        out[k] = min(out[k], limit if k == len(out) - 1 else out[k + 1] - gap)
    return out


def pie(data: ChartData) -> str:
    series = data.series[0]
    total = sum(series.values)
    labels = [label_of(series, i) for i in range(len(series.values))]
    entries = [wrap(f"{c} {s}", WIDTH * Decimal("0.45")) for c, s in zip(data.categories, labels)]
    legend_w = max(text_width(part) for lines in entries for part in lines) + _KEY
    legend_x = WIDTH - _MARGIN - legend_w
    inside = [v >= INSIDE_MIN * total or len(series.values) == 1 for v in series.values]
    room = max([text_width(s) + _OFF for s, i in zip(labels, inside) if not i] or [Decimal(0)])
    area = legend_x - _GAP - _MARGIN
    # Outside labels may stand above or below the pie: keep a line of room for them there.
    r = min(HEIGHT / 2 - _MARGIN - (_OFF + FONT_SIZE if room else 8), (area - 2 * room) / 2)
    cx, cy = _MARGIN + area / 2, HEIGHT / 2
    out, outside, start = [], [], Decimal(0)
    for i, (value, colour) in enumerate(zip(series.values, data.colours)):
        end = start + value / total if i < len(series.values) - 1 else Decimal(1)
        out.append(_slice(cx, cy, float(r), start, end, colour,
                          f"{data.categories[i]}：{labels[i]}"))
        middle = (start + end) / 2
        if inside[i]:
            x, y = _point(cx, cy, float(r) * _INSIDE_R, middle) if end - start < 1 else (cx, cy)
            out.append(text(x, float(y) + _BASELINE, labels[i], anchor="middle", fill=ink(colour),
                            css="share"))
        else:
            outside.append((middle, labels[i]))
        start = end
    for right in (True, False):
        out += _outside_labels(cx, cy, r, [o for o in outside if (o[0] <= Decimal("0.5")) == right], right)
    out += _legend(legend_x, entries, data.colours)
    return "\n".join(out) + "\n"


def _outside_labels(cx: Decimal, cy: Decimal, r: Decimal, items: list[tuple[Decimal, str]],
                    right: bool) -> list[str]:
    """Labels of thin slices just outside the pie, on the slice's side, with a leader line each.

    Thin slices are often neighbours: their labels are moved apart vertically, then each
    follows the circle at its new height, so it stays close to its slice and off the pie.
    """
    outer = float(r + _OFF)
    # (edge of the slice, height of the label on the outer circle, label), top to bottom.
    placed = sorted(((_point(cx, cy, float(r), middle), _point(Decimal(0), Decimal(0), outer, middle)[1], label)
                     for middle, label in items), key=lambda p: p[1])
    side = 1 if right else -1
    out = []
    ys = spread([p[1] for p in placed], float(FONT_SIZE) * 1.15, outer)
    for ((x, y), _, label), dy in zip(placed, ys):
        dx = side * math.sqrt(max(outer * outer - dy * dy, 0.0))
        out.append(line(x, y, float(cx) + dx - side * 3, float(cy) + dy, _LEADER, "leader"))
        out.append(text(float(cx) + dx, float(cy) + dy + _BASELINE, label,
                        anchor="start" if right else "end", css="share"))
    return out


def _legend(x: Decimal, entries: list[list[str]], colours: tuple[str, ...]) -> list[str]:
    """The categories with their shares, one entry per slice, centred on the pie's height."""
    lines = sum(len(e) for e in entries)
    pitch = min(_LINE, (HEIGHT - 2 * _MARGIN) / lines)
    y = HEIGHT / 2 - pitch * lines / 2 + pitch * Decimal("0.75")
    out = []
    for entry, colour in zip(entries, colours):
        out.append(legend_key(x, y - 1, colour))
        for part in entry:
            out.append(text(x + _KEY, y, part, css="legend"))
            y += pitch
    return out
