"""Page geometry (GB/T 9704 A4 margins and its 22-line grid), section properties and the
page-number footers, upright and on landscape pages."""

from __future__ import annotations

from reportgen.writers.docx._ooxml import field, part, run, twips_mm

PAGE_W, PAGE_H = twips_mm(210), twips_mm(297)

# GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, hence bottom 35 mm and right 26 mm.
PORTRAIT = {"top": 37, "right": 26, "bottom": 35, "left": 28}
# A landscape page is the portrait sheet turned a quarter clockwise, so that the head of a
# table faces the binding edge (GB/T 9704 on odd pages): the old left margin is now the top,
# and the old bottom edge, where the page number is read, is now the left edge.
LANDSCAPE = {"top": 28, "right": 37, "bottom": 26, "left": 35}

# The page number's dash line sits 7 mm below the 版心 (35 mm − 7 mm = 28 mm above the bottom
# edge); Word measures the footer distance to the bottom of the line, about 5.5 mm lower.
FOOTER_MM = {False: 22.5, True: 10.0}
HEADER_MM = 15.0
NUMBER_GAP_MM = 7.0

FOOTER_ID = "rIdFooter"  # odd pages (Word's "default" footer once odd and even differ)
EVEN_FOOTER_ID = "rIdFooterEven"
FIRST_FOOTER_ID = "rIdFooterFirst"
WIDE_FOOTER_ID = "rIdFooterWide"  # landscape pages, odd and even
WIDE_EVEN_FOOTER_ID = "rIdFooterWideEven"
ONE_CHAR = 280  # 一字 of the 4号 (14 pt) page number, in twips
LINE_PITCH = 579  # 225 mm / 22 lines (styles.LINE_BODY)

_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_EMU_PER_MM = 36000


def text_width(landscape: bool = False) -> int:
    """Width of the 版心 in twips: 156 mm upright, 225 mm on a landscape page.

    >>> text_width(), text_width(True)
    (8845, 12756)
    """
    m = LANDSCAPE if landscape else PORTRAIT
    width = PAGE_H if landscape else PAGE_W
    return width - twips_mm(m["left"]) - twips_mm(m["right"])


def sect_pr(landscape: bool, *, first: bool, cover: bool) -> str:
    """Properties of one section, written at its end; `cover` hides the number on page 1.

    Every section names its footers again: Word would inherit them, but LibreOffice builds a
    page style per section and is safer told explicitly. The line grid (docGrid) makes Word's
    page setup show GB/T 9704's 22 lines a page.
    """
    m = LANDSCAPE if landscape else PORTRAIT
    odd, even = (WIDE_FOOTER_ID, WIDE_EVEN_FOOTER_ID) if landscape else (FOOTER_ID, EVEN_FOOTER_ID)
    refs = (f'<w:footerReference w:type="even" r:id="{even}"/>'
            f'<w:footerReference w:type="default" r:id="{odd}"/>')
    if first and cover:
        refs += f'<w:footerReference w:type="first" r:id="{FIRST_FOOTER_ID}"/>'
    size = (
        f'<w:pgSz w:w="{PAGE_H}" w:h="{PAGE_W}" w:orient="landscape"/>'
        if landscape
        else f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
    )
    margins = (
        f'<w:pgMar w:top="{twips_mm(m["top"])}" w:right="{twips_mm(m["right"])}"'
        f' w:bottom="{twips_mm(m["bottom"])}" w:left="{twips_mm(m["left"])}"'
        f' w:header="{twips_mm(HEADER_MM)}" w:footer="{twips_mm(FOOTER_MM[landscape])}"'
        ' w:gutter="0"/>'
    )
    title_pg = "<w:titlePg/>" if first and cover else ""
    grid = f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
    return (
        f'<w:sectPr>{refs}<w:type w:val="nextPage"/>{size}{margins}'
        f'<w:cols w:space="425"/>{title_pg}{grid}</w:sectPr>'
    )


def _number() -> str:
    return run("— ") + field("PAGE", "1") + run(" —")


def footer_xml(even: bool = False) -> str:
    """The footer of a numbered page: "— N —", N a PAGE field, in 4号 宋体; GB/T 9704 puts it
    at the right of odd pages and the left of even pages, 空一字 from the edge of the 版心."""
    side = "left" if even else "right"
    props = f'<w:pStyle w:val="Footer"/><w:ind w:{side}="{ONE_CHAR}"/><w:jc w:val="{side}"/>'
    return part("ftr", f"<w:p><w:pPr>{props}</w:pPr>{_number()}</w:p>", r_ns=True)


def landscape_footer_xml(even: bool = False) -> str:
    """The footer of a landscape page: the number where a reader holding the bound, upright
    document expects it (GB/T 9704), i.e. along the page's left edge, turned a quarter
    clockwise so it reads upright once the sheet is, 7 mm outside the 版心; at the upright
    page's right (the landscape page's bottom) on odd pages, at its left (the top) on even ones.
    """
    m = LANDSCAPE
    box_w, box_h = 7.0, 40.0  # mm: one 4号 line across, room for "— 999 —" along
    x = m["left"] - NUMBER_GAP_MM - box_w
    one_char_mm = ONE_CHAR / 1440 * 25.4
    y = m["top"] + one_char_mm if even else 210 - m["bottom"] - one_char_mm - box_h
    jc = "left" if even else "right"  # the start and the end of the turned line
    text = (f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="{jc}"/></w:pPr>{_number()}</w:p>')
    emu = lambda mm: round(mm * _EMU_PER_MM)  # noqa: E731
    box = (
        '<w:r><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"'
        ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(x)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(y)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{emu(box_w)}" cy="{emu(box_h)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{9000 + int(even)}" name="页码" descr="页码"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_WPS}"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(box_w)}" cy="{emu(box_h)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{text}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    body = f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{box}</w:p>'
    xml = part("ftr", body, r_ns=True)
    return xml.replace("<w:ftr ", f'<w:ftr xmlns:wp="{_WP}" xmlns:wps="{_WPS}" ', 1)


def empty_footer_xml() -> str:
    """The cover's footer: nothing, so the cover carries no page number."""
    return part("ftr", '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>', r_ns=True)
