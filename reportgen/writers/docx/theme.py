"""The theme part (word/theme/theme1.xml): Office's colours and the 公文 fonts as theme fonts.

Styles name their fonts explicitly, so the theme decides nothing in our own text; but Word and WPS
fall back on it for what a user adds (a new style, a text box, a chart's own labels), and a
document without one opens in some versions with Calibri and 等线.
"""

from __future__ import annotations

from reportgen.writers.docx._ooxml import XML_DECL
from reportgen.writers.docx.styles import FANGSONG, HEITI, LATIN

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

# Office 2013's colour scheme: the chart colours (charts/data.py) are its accents.
_COLOURS = (("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"), ("accent2", "ED7D31"),
            ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "5B9BD5"),
            ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72"))


def _font(tag: str, latin: str, east_asia: str) -> str:
    return (f'<a:{tag}><a:latin typeface="{latin}"/><a:ea typeface="{east_asia}"/>'
            f'<a:cs typeface="{latin}"/><a:font script="Hans" typeface="{east_asia}"/></a:{tag}>')


def _fill(shade: str = "") -> str:
    return f'<a:solidFill><a:schemeClr val="phClr">{shade}</a:schemeClr></a:solidFill>'


def theme_xml() -> str:
    """A complete theme: colour, font and format schemes (the three the schema requires).

    >>> from lxml import etree
    >>> root = etree.fromstring(theme_xml().encode())
    >>> root.find(".//{%s}minorFont/{%s}ea" % (_A, _A)).get("typeface")
    '仿宋_GB2312'
    """
    colours = ('<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
               '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
               + "".join(f'<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>' for name, rgb in _COLOURS))
    line = '<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">{}<a:prstDash val="solid"/></a:ln>'
    formats = (
        f"<a:fillStyleLst>{_fill()}{_fill()}{_fill()}</a:fillStyleLst>"
        f"<a:lnStyleLst>{line.format(_fill()) * 3}</a:lnStyleLst>"
        "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3 + "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{_fill()}{_fill()}{_fill()}</a:bgFillStyleLst>"
    )
    return (
        f'{XML_DECL}<a:theme xmlns:a="{_A}" name="公文">'
        f'<a:themeElements><a:clrScheme name="Office">{colours}</a:clrScheme>'
        f'<a:fontScheme name="公文">{_font("majorFont", LATIN, HEITI)}{_font("minorFont", LATIN, FANGSONG)}'
        f'</a:fontScheme><a:fmtScheme name="Office">{formats}</a:fmtScheme></a:themeElements>'
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )
