"""Page geometry (GB/T 9704 A4 margins), section properties and the page-number footer."""

from __future__ import annotations

from reportgen.writers.docx._ooxml import field, part, run, twips_mm

PAGE_W, PAGE_H = twips_mm(210), twips_mm(297)

# GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, hence bottom 35 mm and right 26 mm.
PORTRAIT = {"top": 37, "right": 26, "bottom": 35, "left": 28}
# A landscape page is the portrait sheet turned a quarter clockwise, so that the head of a
# table faces the binding edge (GB/T 9704 on odd pages): the old left margin is now the top.
LANDSCAPE = {"top": 28, "right": 37, "bottom": 26, "left": 35}

# The page number's dash line sits 7 mm below the 版心 (35 mm − 7 mm = 28 mm above the bottom
# edge); Word measures the footer distance to the bottom of the line, about 5.5 mm lower.
FOOTER_MM = {False: 22.5, True: 10.0}
HEADER_MM = 15.0

FOOTER_ID = "rIdFooter"  # odd pages (Word's "default" footer once odd and even differ)
EVEN_FOOTER_ID = "rIdFooterEven"
FIRST_FOOTER_ID = "rIdFooterFirst"
ONE_CHAR = 280  # 一字 of the 4号 (14 pt) page number, in twips


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

    Every section names its footer again: Word would inherit it, but LibreOffice builds a
    page style per section and is safer told explicitly.
    """
    m = LANDSCAPE if landscape else PORTRAIT
    refs = (f'<w:footerReference w:type="even" r:id="{EVEN_FOOTER_ID}"/>'
            f'<w:footerReference w:type="default" r:id="{FOOTER_ID}"/>')
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
    return (
        f'<w:sectPr>{refs}<w:type w:val="nextPage"/>{size}{margins}'
        f'<w:cols w:space="425"/>{title_pg}</w:sectPr>'
    )


def footer_xml(even: bool = False) -> str:
    """The footer of a numbered page: "— N —", N a PAGE field, in 4号 宋体; GB/T 9704 puts it
    at the right of odd pages and the left of even pages, 空一字 from the edge of the 版心."""
    number = run("— ") + field("PAGE", "1") + run(" —")
    side = "left" if even else "right"
    props = f'<w:pStyle w:val="Footer"/><w:ind w:{side}="{ONE_CHAR}"/><w:jc w:val="{side}"/>'
    return part("ftr", f"<w:p><w:pPr>{props}</w:pPr>{number}</w:p>", r_ns=True)


def empty_footer_xml() -> str:
    """The cover's footer: nothing, so the cover carries no page number."""
    return part("ftr", '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>', r_ns=True)
