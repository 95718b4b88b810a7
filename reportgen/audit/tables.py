"""Claims read from table cells: 自评表 funds rows, 基础数据表 control rates, scoring rules."""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.audit.claims import Claim, Ratio, Score, Where
from reportgen.audit.numbers import NUMBER, Figure, parse_number
from reportgen.audit.text import Cell

# Column headings of the funds block of a 项目/部门 自评表 (Anhui/Hunan and Sichuan wordings).
_COLUMNS = (
    ("initial", re.compile(r"^年初预算(?:数)?")),
    ("budget", re.compile(r"^(?:全年预算数|调整后预算数?)")),
    ("actual", re.compile(r"^(?:全年执行数|预算执行数)")),
    ("weight", re.compile(r"^(?:分值|权重)")),
    ("rate", re.compile(r"^(?:预算)?执行率")),
    ("score", re.compile(r"^(?:自评)?得分")),
)
# How a row is quoted back in a finding, whatever wording its headings used.
_HEADS = {"budget": "全年预算数", "actual": "全年执行数", "weight": "分值", "rate": "执行率", "score": "得分"}
_VALUE = re.compile(rf"^[<>≤≥=＝]?\s*({NUMBER})\s*(万元|元|%)?$")
_END_OF_FUNDS = re.compile(r"年度总体目标|总体目标|绩效指标|预期目标")
_ROW_WINDOW = 40  # cells after the heading in which the funds rows must appear
# An indicator cell ending in its weight, "“三公经费”变动率 （2分）", and the rule cell after it.
_WEIGHT = re.compile(rf"[（(]\s*({NUMBER})\s*分\s*[）)]$")
_AWARD = re.compile(rf"(?<!不)计({NUMBER})分")
_STAFF_HEADS = (
    re.compile(r"编制(?:人)?数"),
    re.compile(r"(?:在职|实有)(?:人员)?(?:人)?数"),
    re.compile(r"控制率"),
)


def read_table_claims(cells: list[Cell]) -> list[Claim]:
    """Claims from every funds table, staff table and scoring rule found in the cell stream."""
    claims: list[Claim] = []
    for i, cell in enumerate(cells):
        opens = i == 0 or _column(cells[i - 1].text) is None
        if opens and _column_at(cells, i)[0] in ("initial", "budget"):
            claims += _funds_rows(cells, i)
        if _STAFF_HEADS[0].search(cell.text):
            claims += _staff_row(cells, i)
        if i + 1 < len(cells) and (weight := _WEIGHT.search(cell.text)):
            claims += _rule_award(cell, cells[i + 1], weight)
    return claims


def _rule_award(head: Cell, rule: Cell, weight: re.Match) -> list[Claim]:
    """"“三公经费”变动率（2分）" over the rule "变动率为0，计5分": the rule awards too much."""
    award = _AWARD.search(rule.text)
    if award is None:
        return []
    row = f"{head.text} {rule.text}"
    where = Where(line=rule.line, row=row if len(row) <= 200 else row[:197] + "…")
    points = parse_number(weight.group(1)), parse_number(award.group(1))
    return [Score(where, points[0], points[1], "评分标准计分")]


def _column(text: str) -> str | None:
    for name, pattern in _COLUMNS:
        if pattern.search(text):
            return name
    return None


def _column_at(cells: list[Cell], i: int) -> tuple[str | None, int]:
    """The column heading at cells[i] and how many cells it spans: Word tables printed to PDF
    often break "全年预算数" into "全年" and "预算数".
    """
    name = _column(cells[i].text)
    if name is None and i + 1 < len(cells) and len(cells[i].text) <= 4:
        name = _column(cells[i].text + cells[i + 1].text)
        return name, 2
    return name, 1


def _value(cell: Cell) -> Figure | None:
    m = _VALUE.match(cell.text)
    return parse_number(m.group(1), m.group(2) or "") if m else None


def _funds_rows(cells: list[Cell], first: int) -> list[Claim]:
    """Rows under a heading such as 年初预算数 全年预算数 全年执行数 分值 执行率 得分.

    Text extraction drops blank cells, so a run of figures shorter than the heading is read
    from the left only if its one percentage falls in the 执行率 column: a dropped cell before
    that column would have moved it. The score is read only from a full row.
    """
    header: list[str] = []
    i = first
    while i < len(cells):
        name, width = _column_at(cells, i)
        if name is None or name in header:
            break
        header.append(name)
        i += width
    if not {"budget", "actual", "rate"} <= set(header):
        return []
    claims: list[Claim] = []
    stop = min(len(cells), i + _ROW_WINDOW)
    while i < stop and not _END_OF_FUNDS.search(cells[i].text):
        label, run = cells[i], []
        i += 1
        while i < stop and _value(cells[i]) is not None:
            run.append(cells[i])
            i += 1
        if _value(label) is None and header.index("rate") < len(run) <= len(header):
            claims += _funds_claims(label, dict(zip(header, run)), full=len(run) == len(header))
    return claims


def _funds_claims(label: Cell, row: dict[str, Cell], full: bool) -> list[Claim]:
    values = {name: _value(cell) for name, cell in row.items()}
    if [n for n, v in values.items() if v.unit == "%"] != ["rate"]:
        return []
    # Amounts in one row share a unit even when only some cells print it ("56万元" beside "56").
    for name in ("actual", "budget"):
        values[name] = replace(values[name], unit="")
    cells = "，".join(f"{_HEADS[n]} {row[n].text}" for n in row if n != "initial")
    quoted = f"{label.text} {cells}"
    actual, budget, rate = values["actual"], values["budget"], values["rate"]
    where = Where(line=row["rate"].line, row=quoted)
    claims: list[Claim] = [Ratio(where, "budget_completion", actual, budget, rate)]
    if full and "weight" in values and "score" in values:
        where = Where(line=row["score"].line, row=quoted)
        claims.append(Score(where, values["weight"], values["score"]))
    return claims


def _staff_row(cells: list[Cell], first: int) -> list[Claim]:
    """编制数 / 实际在职人数 / 控制率 headings followed by two counts and a percentage."""
    heads = cells[first : first + 3]
    if len(heads) < 3 or not all(p.search(c.text) for p, c in zip(_STAFF_HEADS, heads)):
        return []
    values = cells[first + 3 : first + 6]
    figures = [_value(c) for c in values]
    if len(figures) < 3 or any(f is None for f in figures):
        return []
    quota, staff, rate = figures
    if quota.unit or staff.unit or quota.decimals or staff.decimals or rate.unit != "%":
        return []
    row = f"编制数 {values[0].text}，在职人数 {values[1].text}，控制率 {values[2].text}"
    where = Where(line=values[2].line, row=row)
    return [Ratio(where, "control_rate", _exact(staff), _exact(quota), rate)]


def _exact(figure: Figure) -> Figure:
    return replace(figure, exact=True)
