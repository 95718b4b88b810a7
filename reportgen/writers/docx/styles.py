"""The 公文 style sheet (styles.xml) and font table: every Chinese font set through w:eastAsia."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.writers.docx._ooxml import part
from reportgen.writers.docx.page import text_width

LATIN = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

# Point sizes in half-points (w:sz): 2号 22 pt, 小二 18 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 5号 10.5 pt.
SIZE_2, SIZE_X2, SIZE_3, SIZE_4, SIZE_X4, SIZE_5, SIZE_X5 = 44, 36, 32, 28, 24, 21, 18

# GB/T 9704's grid: 22 lines of 28 characters on the 156 × 225 mm 版心. The line pitch is
# 225 mm / 22 = 28.95 pt; every paragraph has an exact line height (a multiple of the pitch for
# text on the grid), so no line's height depends on a font's ascent and descent.
LINE_BODY = 579
# 28 characters in 156 mm is a pitch of 15.79 pt for 16 pt characters: 3号 text on the grid is
# set 0.3 pt tighter (w:spacing -6), which both Word and LibreOffice honour. (A character grid,
# docGrid linesAndChars, would say the same to Word, but LibreOffice gives each 16 pt hanzi two
# 15.75 pt cells of such a grid: 14 characters a line.)
TRACKING_3 = -6
LINE_TITLE = 700  # 35 pt: 2号 titles need more than the body pitch
LINE_TABLE = 280  # 14 pt lines of 五号 table text
LINE_TABLE_SMALL = 240  # 12 pt lines of 小五, for a table whose columns need it
LINE_SMALL = 360  # 18 pt lines of 小四 unit lines and notes
INDENT_2_CHARS = 628  # 2 字 of tracked 3号: 2 × 15.7 pt, exactly two characters of the line

TABLE_STYLE = "TableGrid"


@dataclass(frozen=True)
class Style:
    """One paragraph style: only what differs from the style it is based on."""

    id: str
    name: str
    based_on: str = "Normal"
    font: str = ""  # East Asian font; "" inherits
    latin: str = ""  # ascii/hAnsi font; "" means Times New Roman when `font` is set
    size: int = 0
    bold: bool = False
    align: str = ""  # w:jc value
    first_line: int | None = None
    left: int = 0
    line: int = 0  # exact line height in twips; 0 inherits
    before: int = 0
    after: int = 0
    keep_next: bool = False
    outline: int | None = None  # 9: body text (overrides a heading's level it is based on)
    toc_tab: bool = False
    tracking: int | None = None  # character spacing in twentieths of a point; None inherits
    grid: bool | None = None  # on the document grid (w:snapToGrid); None inherits


def _heading(level: int, font: str, **kw) -> Style:
    return Style(f"Heading{level}", f"heading {level}", font=font, keep_next=True,
                 outline=level - 1, **kw)


def _annex_heading(level: int) -> Style:
    """A heading of an annex (a 绩效 report printed in 第四部分): the look of its level, but no
    outline level, so that no 目录 update ever lists it."""
    return Style(f"Heading{level}Annex", f"附件标题 {level}", based_on=f"Heading{level}", outline=9)


PARAGRAPH_STYLES = (
    Style("Normal", "Normal", based_on="", font=FANGSONG, size=SIZE_3, align="both",
          first_line=INDENT_2_CHARS, line=LINE_BODY, tracking=TRACKING_3, grid=True),
    # 部分 headings stand apart: centred, a size up, a blank line after.
    _heading(1, HEITI, size=SIZE_X2, align="center", first_line=0, after=LINE_BODY, tracking=0,
             grid=False),
    _heading(2, HEITI),
    _heading(3, KAITI),
    _heading(4, FANGSONG),
    _heading(5, FANGSONG),
    *(_annex_heading(level) for level in range(2, 6)),
    # GB/T 9704: a blank line under a title (and so between two titles stacked).
    Style("Title", "Title", font=XIAOBIAOSONG, size=SIZE_2, align="center", first_line=0,
          line=LINE_TITLE, after=LINE_BODY, tracking=0, grid=False),
    # The title of an annex or a report (an unnumbered heading of level 1): a 2号 title that no
    # 目录 lists, a blank line below it.
    Style("AnnexTitle", "附件题目", based_on="Title", keep_next=True, outline=9),
    # GB/T 9704: "附件" and its number in 3号黑体 at the left edge of the annex's first line.
    Style("AnnexLabel", "附件标识", font=HEITI, first_line=0, keep_next=True, after=LINE_BODY),
    Style("CoverLine", "封面文字", align="center", first_line=0),
    Style("TOCHeading", "TOC Heading", based_on="Title"),
    Style("TOCNote", "目录说明", align="center", first_line=0, after=LINE_BODY),
    Style("TOC1", "toc 1", font=HEITI, first_line=0, toc_tab=True),
    Style("TOC2", "toc 2", first_line=0, left=INDENT_2_CHARS, toc_tab=True),
    Style("TOC3", "toc 3", first_line=0, left=2 * INDENT_2_CHARS, toc_tab=True),
    Style("TOC4", "toc 4", first_line=0, left=3 * INDENT_2_CHARS, toc_tab=True),
    Style("TOC5", "toc 5", first_line=0, left=4 * INDENT_2_CHARS, toc_tab=True),
    Style("Caption", "caption", font=HEITI, size=SIZE_4, align="center", first_line=0,
          tracking=0, grid=False),
    Style("TableTitle", "表格标题", font=HEITI, size=SIZE_3, align="center", first_line=0,
          keep_next=True, tracking=0, grid=False),
    Style("TableUnit", "表格单位", size=SIZE_X4, first_line=0, line=LINE_SMALL, keep_next=True,
          tracking=0, grid=False),
    Style("TableText", "表格文字", size=SIZE_5, align="left", first_line=0, line=LINE_TABLE,
          tracking=0, grid=False),
    Style("TableTextSmall", "表格文字（小五）", based_on="TableText", size=SIZE_X5, line=LINE_TABLE_SMALL),
    Style("TableNote", "表格注释", size=SIZE_X4, first_line=0, line=LINE_SMALL, tracking=0,
          grid=False),
    # GB/T 9704: page numbers in 4号 half-width 宋体, digits included.
    Style("Footer", "footer", font=SONGTI, latin=SONGTI, size=SIZE_4, align="center",
          first_line=0, line=-1, tracking=0, grid=False),
)


def fonts(east_asia: str, latin: str = LATIN) -> str:
    """rFonts with explicit slots (they beat theme fonts); the hint sends shared punctuation
    such as “ ” … × to the Chinese font."""
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}"'
        f' w:cs="{latin}" w:hint="eastAsia"/>'
    )


def _ppr(s: Style) -> str:
    parts = []
    if s.keep_next:
        parts.append("<w:keepNext/>")
    if s.toc_tab:
        tab = f'<w:tab w:val="right" w:leader="dot" w:pos="{text_width()}"/>'
        parts.append(f"<w:tabs>{tab}</w:tabs>")
    if s.grid is False:  # CT_PPr order: before spacing and ind
        parts.append('<w:snapToGrid w:val="0"/>')
    if s.line or s.before or s.after:
        line = ' w:line="240" w:lineRule="auto"' if s.line == -1 else (
            f' w:line="{s.line}" w:lineRule="exact"' if s.line else "")
        parts.append(f'<w:spacing w:before="{s.before}" w:after="{s.after}"{line}/>')
    if s.first_line is not None or s.left:
        parts.append(f'<w:ind w:left="{s.left}" w:firstLine="{s.first_line or 0}"/>')
    if s.align:
        parts.append(f'<w:jc w:val="{s.align}"/>')
    if s.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{s.outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def _rpr(s: Style) -> str:
    parts = []
    if s.font:
        parts.append(fonts(s.font, s.latin or LATIN))
    if s.bold:
        parts.append("<w:b/><w:bCs/>")
    if s.tracking is not None:
        parts.append(f'<w:spacing w:val="{s.tracking}"/>')
    if s.size:
        parts.append(f'<w:sz w:val="{s.size}"/><w:szCs w:val="{s.size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _paragraph_style(s: Style) -> str:
    default = ' w:default="1"' if s.id == "Normal" else ""
    based = f'<w:basedOn w:val="{s.based_on}"/>' if s.based_on else ""
    following = '<w:next w:val="Normal"/>' if s.id != "Normal" else ""
    return (
        f'<w:style w:type="paragraph"{default} w:styleId="{s.id}"><w:name w:val="{s.name}"/>'
        f"{based}{following}<w:qFormat/>{_ppr(s)}{_rpr(s)}</w:style>"
    )


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
TABLE_BORDERS = "<w:tblBorders>" + "".join(
    f"<w:{side} {_BORDER}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>"
# Narrow cell margins (1 mm) leave room for amounts in tables with many columns.
CELL_MARGINS = (
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
)

_FIXED_STYLES = (
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "<w:unhideWhenUsed/></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    f'<w:style w:type="table" w:styleId="{TABLE_STYLE}"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    '<w:ind w:left="0" w:firstLine="0"/></w:pPr>'
    f'<w:rPr>{fonts(FANGSONG)}<w:sz w:val="{SIZE_5}"/><w:szCs w:val="{SIZE_5}"/></w:rPr>'
    f"<w:tblPr>{TABLE_BORDERS}{CELL_MARGINS}</w:tblPr></w:style>"
)

_DOC_DEFAULTS = (
    f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts(FANGSONG)}"
    f'<w:sz w:val="{SIZE_3}"/><w:szCs w:val="{SIZE_3}"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    # Widow control off: it would break the fixed 22-line grid of a 公文 page.
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>'
    '<w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
)


def styles_xml() -> str:
    """The whole styles part."""
    body = _DOC_DEFAULTS + "".join(_paragraph_style(s) for s in PARAGRAPH_STYLES) + _FIXED_STYLES
    return part("styles", body)


# Font table: altName, charset (86 = GB2312) and family let Word substitute sensibly on a
# machine without the _GB2312 fonts (Windows Vista and later ship 仿宋 and 楷体 instead).
_FONT_TABLE = (
    (LATIN, "", "00", "roman", "variable"),
    (FANGSONG, "仿宋", "86", "modern", "fixed"),
    (KAITI, "楷体", "86", "modern", "fixed"),
    (HEITI, "SimHei", "86", "modern", "fixed"),
    (SONGTI, "SimSun", "86", "auto", "variable"),
    (XIAOBIAOSONG, "宋体", "86", "script", "variable"),
)


def font_table_xml() -> str:
    entries = []
    for name, alt, charset, family, pitch in _FONT_TABLE:
        alt_el = f'<w:altName w:val="{alt}"/>' if alt else ""
        entries.append(
            f'<w:font w:name="{name}">{alt_el}<w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        )
    return part("fonts", "".join(entries))
