"""SVG pieces shared by the bars and the pie: the canvas, text, shapes and their coordinates.

Coordinates are computed exactly (Decimal; a pie's angles need cos/sin) and printed with two
decimals, so the same Figure always gives the same bytes.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.charts.data import ems

#: Canvas in CSS pixels: 6 × 3.6 inches at 100 px an inch, the DOCX chart's proportions.
WIDTH, HEIGHT = Decimal(600), Decimal(360)
FONT_SIZE = Decimal(14)
#: The viewer picks the first it has: Noto/Source Han on Linux, 微软雅黑 on Windows, 苹方 on macOS.
FONT_FAMILY = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
               "'WenQuanYi Micro Hei', SimHei, sans-serif")
_CENT = Decimal("0.01")


def num(x: Decimal | float) -> str:
    """A coordinate as printed: two decimals at most, 四舍五入, no "-0".

    >>> num(Decimal("12.345")), num(Decimal("3.10")), num(-0.001), num(1e-7), num(Decimal(600))
    ('12.35', '3.1', '0', '0', '600')
    """
    d = Decimal(repr(x)) if isinstance(x, float) else x
    text = format(d.quantize(_CENT, ROUND_HALF_UP), "f").rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def esc(text: str) -> str:
    """Text for SVG content and attributes.

    >>> esc('“三公”<经费> & "x"')
    '“三公”&lt;经费&gt; &amp; &quot;x&quot;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def text_width(text: str, size: Decimal = FONT_SIZE) -> Decimal:
    """Estimated width of `text` set at `size`.

    >>> text_width("基本支出 24.91%")
    Decimal('109.90')
    """
    return ems(text) * size


def wrap(label: str, width: Decimal) -> list[str]:
    """`label` in as few lines no wider than `width` as it needs, of about equal length (a lone
    last character reads badly), at least one character a line.

    >>> wrap("一般公共预算财政拨款支出", Decimal(100)), wrap("国有资本经营预算", Decimal(100))
    (['一般公共预算', '财政拨款支出'], ['国有资本', '经营预算'])
    >>> wrap("其他收入", Decimal(100))
    ['其他收入']
    """
    lines = [""]
    for c in label:
        if lines[-1] and text_width(lines[-1] + c) > width:
            lines.append("")
        lines[-1] += c
    if len(lines) == 1:
        return lines
    # The same number of lines, filled evenly (half a character of slack, within `width`).
    even = min(text_width(label) / len(lines) + FONT_SIZE / 2, width)
    out = [""]
    for c in label:
        if out[-1] and text_width(out[-1] + c) > even and len(out) < len(lines):
            out.append("")
        out[-1] += c
    return out


def text(x: Decimal | float, y: Decimal | float, content: str, *, anchor: str = "start",
         fill: str = "", css: str = "", size: Decimal | None = None) -> str:
    """A <text> whose baseline sits at `y`."""
    attrs = [f'x="{num(x)}"', f'y="{num(y)}"']
    if anchor != "start":
        attrs.append(f'text-anchor="{anchor}"')
    if fill:
        attrs.append(f'fill="#{fill}"')
    if size is not None:
        attrs.append(f'font-size="{num(size)}"')
    if css:
        attrs.append(f'class="{css}"')
    return f"<text {' '.join(attrs)}>{esc(content)}</text>"


def rect(x: Decimal, y: Decimal, w: Decimal, h: Decimal, fill: str, css: str, tip: str = "") -> str:
    tooltip = f"<title>{esc(tip)}</title>" if tip else ""
    body = f'x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="#{fill}" class="{css}"'
    return f"<rect {body}>{tooltip}</rect>" if tip else f"<rect {body}/>"


def line(x1: Decimal | float, y1: Decimal | float, x2: Decimal | float, y2: Decimal | float,
         stroke: str, css: str) -> str:
    return (f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="#{stroke}" stroke-width="1" class="{css}"/>')


def legend_key(x: Decimal, y: Decimal, colour: str) -> str:
    """The square before a legend entry, centred on the text line whose baseline is `y`."""
    side = FONT_SIZE * Decimal("0.8")
    return rect(x, y - side, side, side, colour, "key")
