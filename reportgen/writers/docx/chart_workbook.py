"""The workbook embedded in a chart part: the chart's data as cells, so 编辑数据 opens them.

Written directly as SpreadsheetML rather than with openpyxl: the seven small parts below are all
a client needs, importing openpyxl would cost a build ~0.2 s, and its output carries the time
of writing. Column A holds the categories, row 1 the series names, as chart_part refers to them.

Five of its seven parts are the same in every workbook: zipped.py deflates them once per
process, which makes a workbook about five times cheaper than zipfile would (a document has one
per chart).
"""

from __future__ import annotations

from reportgen.charts.data import ChartData, plain
from reportgen.writers.docx._ooxml import XML_DECL, esc
from reportgen.writers.docx.chart_part import SHEET, column
from reportgen.writers.docx.package import build_date
from reportgen.writers.docx.styles import SONGTI
from reportgen.writers.docx.zipped import deflate, deflate_once, zip_parts

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{XML_DECL}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'{XML_DECL}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    f'<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{XML_DECL}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
# The least style sheet Excel accepts: one font (宋体 11, Excel's Chinese default), the two
# fills it requires, one border and one cell format.
_STYLES = (
    f'{XML_DECL}<styleSheet xmlns="{_MAIN}">'
    f'<fonts count="1"><font><sz val="11"/><name val="{SONGTI}"/><charset val="134"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _sheet(data: ChartData, strings: dict[str, int]) -> str:
    def text(ref: str, value: str) -> str:
        index = strings.setdefault(value, len(strings))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    rows = ['<row r="1">' + "".join(text(f"{column(k + 1)}1", s.name)
                                    for k, s in enumerate(data.series)) + "</row>"]
    for i, category in enumerate(data.categories):
        r = i + 2
        cells = [text(f"A{r}", category)]
        cells += [f'<c r="{column(k + 1)}{r}"><v>{plain(s.values[i])}</v></c>'
                  for k, s in enumerate(data.series)]
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    last = f"{column(len(data.series))}{len(data.categories) + 1}"
    # Column A wide enough for a 科目 name of a dozen characters.
    return (f'{XML_DECL}<worksheet xmlns="{_MAIN}"><dimension ref="A1:{last}"/>'
            '<cols><col min="1" max="1" width="30" customWidth="1"/></cols>'
            f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def _shared_strings(strings: dict[str, int], uses: int) -> str:
    items = "".join(f"<si><t>{esc(s)}</t></si>" for s in strings)
    return (f'{XML_DECL}<sst xmlns="{_MAIN}" count="{uses}" uniqueCount="{len(strings)}">'
            f"{items}</sst>")


def workbook(data: ChartData) -> bytes:
    """The .xlsx bytes of the chart's data: the same data always gives the same bytes."""
    strings: dict[str, int] = {}
    sheet = _sheet(data, strings)  # fills `strings` in the order cells use them
    shared = _shared_strings(strings, len(data.series) + len(data.categories))
    return zip_parts([
        ("[Content_Types].xml", deflate_once(_CONTENT_TYPES)),
        ("_rels/.rels", deflate_once(_ROOT_RELS)),
        ("xl/workbook.xml", deflate_once(_WORKBOOK)),
        ("xl/_rels/workbook.xml.rels", deflate_once(_WORKBOOK_RELS)),
        ("xl/styles.xml", deflate_once(_STYLES)),
        ("xl/sharedStrings.xml", deflate(shared)),
        ("xl/worksheets/sheet1.xml", deflate(sheet)),
    ], build_date())
