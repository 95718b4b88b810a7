"""Drawing one Figure on a matplotlib figure: grouped bars, or a pie whose slices print the text's shares."""

from __future__ import annotations

import math
from typing import Any, Callable

from reportgen.document.nodes import Figure
from reportgen.errors import WriterError

# Every number printed in a chart is a label the Figure carries (formatted from the facts by the
# document's style); the float values here only set the size of a bar or a slice.

#: Office-like colours that stay distinct when printed in grey.
PIE_COLOURS = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47",
               "#264478", "#9E480E", "#636363", "#997300")
#: Bars: 上年 grey, 本年 blue (series beyond two reuse the pie colours).
BAR_COLOURS = ("#A5A5A5", "#4472C4", *PIE_COLOURS[1:])
#: A slice narrower than this prints its share outside, on a leader line.
_INSIDE_MIN = 0.08
#: Vertical room of one outside label, in pie radii (10.5 pt on a radius of about 3.3 cm),
#: and how far from the centre outside labels stand.
_LINE = 0.15
_LABEL_R = 1.2


def bars(canvas: Any, figure: Figure) -> None:
    """Series side by side in each category, each bar labelled with its printed value."""
    ax = canvas.add_subplot()
    n = len(figure.series)
    width = 0.7 / n
    top = max(float(v) for s in figure.series for v in s.values)
    for i, s in enumerate(figure.series):
        xs = [c + (i - (n - 1) / 2) * width for c in range(len(figure.categories))]
        rects = ax.bar(xs, [float(v) for v in s.values], width * 0.9, label=s.name,
                       color=BAR_COLOURS[i % len(BAR_COLOURS)])
        if s.labels:
            ax.bar_label(rects, labels=list(s.labels), padding=2)
    ax.set_xticks(range(len(figure.categories)), figure.categories)
    ax.set_xlim(-0.6, len(figure.categories) - 0.4)
    ax.set_ylim(0, top * 1.15 if top > 0 else 1)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.yaxis.grid(True, color="#D9D9D9", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.text(0, 1.04, f"单位：{figure.unit}", transform=ax.transAxes, ha="left", va="bottom")
    ax.legend(loc="lower right", bbox_to_anchor=(1, 1.0), ncols=n, frameon=False)


def pie(canvas: Any, figure: Figure) -> None:
    """One series as slices; zero items are left out of the pie (the text still lists them)."""
    series = figure.series[0]
    drawn = [i for i, v in enumerate(series.values) if v != 0]
    if any(series.values[i] < 0 for i in drawn):
        raise WriterError(f"图“{figure.title}”有负数，无法画成饼图")
    values = [float(series.values[i]) for i in drawn]
    colours = [PIE_COLOURS[k % len(PIE_COLOURS)] for k in range(len(drawn))]
    ax = canvas.add_subplot()
    wedges, _ = ax.pie(values, colors=colours, startangle=90, counterclock=False,
                       wedgeprops={"linewidth": 1, "edgecolor": "white"})
    ax.set_xlim(-1.75, 1.75)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    if series.labels:
        _share_labels(ax, wedges, [series.labels[i] for i in drawn], values, colours)
    # The legend repeats each share after its name: a thin slice's label is otherwise hard to match.
    names = [figure.categories[i] + (f"  {series.labels[i]}" if series.labels else "") for i in drawn]
    canvas.legend(wedges, names, loc="outside right center", frameon=False)


def _share_labels(ax: Any, wedges: list[Any], labels: list[str], values: list[float],
                  colours: list[str]) -> None:
    total = sum(values)
    outside: list[tuple[float, str]] = []
    for wedge, label, value, colour in zip(wedges, labels, values, colours):
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        if len(values) == 1:
            ax.text(0, 0, label, ha="center", va="center", color=_ink(colour))
        elif value / total >= _INSIDE_MIN:
            ax.text(0.62 * math.cos(angle), 0.62 * math.sin(angle), label, ha="center", va="center",
                    color=_ink(colour))
        else:
            outside.append((angle, label))
    for side in (1, -1):
        _outside_labels(ax, [o for o in outside if (math.cos(o[0]) >= 0) == (side == 1)], side)


def _outside_labels(ax: Any, items: list[tuple[float, str]], side: int) -> None:
    # Neighbouring thin slices would print their shares on top of each other: stack the labels
    # of each side of the pie at least a line apart, in their order from bottom to top, and
    # within the pie's height.
    items = sorted(items, key=lambda o: math.sin(o[0]))
    ys = _spread([_LABEL_R * math.sin(a) for a, _ in items], _LINE, _LABEL_R)
    for (angle, label), y in zip(items, ys):
        edge = (math.cos(angle), math.sin(angle))
        ax.annotate(label, xy=edge, xytext=(side * _LABEL_R, y), ha="left" if side == 1 else "right",
                    va="center", arrowprops={"arrowstyle": "-", "color": "#7F7F7F", "linewidth": 0.6})


def _spread(ys: list[float], gap: float, limit: float) -> list[float]:
    """`ys` (rising) moved at least `gap` apart and within ±`limit`: one pass up, one down.

    >>> [round(y, 2) for y in _spread([1.1, 1.1, 1.15], 0.15, 1.2)]
    [0.9, 1.05, 1.2]
    """
    out: list[float] = []
    for y in ys:
        out.append(max(y, out[-1] + gap) if out else max(y, -limit))
    for k in range(len(out) - 1, -1, -1):
        out[k] = min(out[k], limit if k == len(out) - 1 else out[k + 1] - gap)
    return out


def _ink(colour: str) -> str:
    """Black or white text, whichever reads better on `colour`.

    >>> _ink("#264478"), _ink("#FFC000")
    ('white', 'black')
    """
    r, g, b = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


DRAW: dict[str, Callable[[Any, Figure], None]] = {"bar": bars, "pie": pie}
