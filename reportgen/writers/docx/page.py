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

    The turned line is a one-cell table floating at a fixed place on the page, its text direction
    top to bottom (w:textDirection tbRl): a DrawingML text box there is misplaced by LibreOffice
    on every other page of a section.
    """
    m = LANDSCAPE
    box_w, box_h = 7.0, 40.0  # mm: one 4号 line across, room for "— 999 —" along
    x = m["left"] - NUMBER_GAP_MM - box_w
    one_char_mm = ONE_CHAR / 1440 * 25.4
    y = m["top"] + one_char_mm if even else 210 - m["bottom"] - one_char_mm - box_h
    jc = "left" if even else "right"  # the start and the end of the turned line
    w, h = twips_mm(box_w), twips_mm(box_h)
    text = f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="{jc}"/></w:pPr>{_number()}</w:p>'
    table = (
        '<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="page"'
        f' w:horzAnchor="page" w:tblpX="{twips_mm(x)}" w:tblpY="{twips_mm(y)}"/>'
        f'<w:tblW w:w="{w}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{w}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:trHeight w:val="{h}" w:hRule="exact"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:textDirection w:val="tbRl"/>'
        f'<w:vAlign w:val="center"/></w:tcPr>{text}</w:tc></w:tr></w:tbl>'
    )
    # A table must be followed by a paragraph, here the footer's own (empty) one.
    return part("ftr", f'{table}<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>', r_ns=True)


def empty_footer_xml() -> str:
    """The cover's footer: nothing, so the cover carries no page number."""
    return part("ftr", '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>', r_ns=True)
