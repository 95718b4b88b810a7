"""Table nodes of the 部门整体支出绩效评价基础数据表 and of the 共性指标 scored from it.

The 基础数据表 is seven grid columns: a row label and three year columns two cells wide; the
楼堂馆所 block below uses all six. Its words are the layout's labels (基础…), so a form that
dates its 楼堂馆所 block otherwise changes one label.
"""

from __future__ import annotations

from typing import Sequence

from reportgen.document.nodes import Cell, Row, Table
from reportgen.kinds.performance.forms.cells import Printer, c, points
from reportgen.kinds.performance.basics_facts import BasicFacts, Columns, CommonIndicator
from reportgen.kinds.performance.basics import BasicData, YearFigures
from reportgen.kinds.performance.scoring_rules import DeductionRule
from reportgen.phrasing.references import score


def _cols(x: Columns | YearFigures, p: Printer) -> tuple[Cell, ...]:
    return tuple(c(p.money(v), colspan=2) for v in (x.上年决算, x.本年预算, x.本年决算))


def _line(label: str, x: Columns | YearFigures, p: Printer) -> Row:
    return (c(label, align="left"),) + _cols(x, p)


def basic_data_table(base: BasicData, f: BasicFacts, p: Printer, notes: Sequence[str]) -> Table:
    """基础数据表 (seeds 003, 004): staff, 经费控制情况 by year, 楼堂馆所, 厉行节约."""
    t, L = base.三公经费, p.label
    rows: list[Row] = [
        (c(L("基础人员"), rowspan=2), c(L("基础编制数"), colspan=2), c(L("基础在职人数"), colspan=2),
         c(L("基础控制率"), colspan=2)),
        (c(str(base.编制数), colspan=2), c(str(base.在职人数), colspan=2), c(p.rate(f.在职人员控制率), colspan=2)),
        (c(L("基础经费")), c(L("基础上年决算"), colspan=2), c(L("基础本年预算"), colspan=2),
         c(L("基础本年决算"), colspan=2)),
        _line(L("基础三公"), f.三公经费.列, p),
        _line(L("基础公务用车"), f.公务用车, p),
        _line(L("基础公车购置"), t.公务用车购置费, p),
        _line(L("基础公车运行"), t.公务用车运行维护费, p),
        _line(L("基础出国"), t.因公出国费, p),
        _line(L("基础接待"), t.公务接待费, p),
        _line(L("基础项目支出"), f.项目支出, p),
        *(_line(f"{i}、{item.名称}", item, p) for i, item in enumerate(base.项目支出.明细, 1)),
        _line(L("基础公用经费"), f.公用经费, p),
        *(_line((L("其中") if i == 0 else "") + item.名称, item, p) for i, item in enumerate(base.公用经费.明细)),
        _line(L("基础政府采购"), base.政府采购金额, p),
        _line(base.预算调整名称, base.预算调整, p),
        (c(L("楼堂馆所")), c(L("批复规模")), c(L("实际规模")), c(L("规模控制率")), c(L("预算投资")),
         c(L("实际投资")), c(L("投资概算控制率"))),
    ]
    buildings = [(b, bf) for b, bf in zip(base.楼堂馆所, f.楼堂馆所)]
    for b, bf in buildings:
        rows.append((c(""), c(_plain(b.批复规模)), c(_plain(b.实际规模)), c(p.rate(bf.规模控制率)),
                     c(p.money(b.预算投资)), c(p.money(b.实际投资)), c(p.rate(bf.投资概算控制率))))
    if not buildings:
        rows.append(tuple(c("") for _ in range(7)))
    rows.append((c(L("厉行节约")), c(base.厉行节约保障措施, colspan=6, align="left")))
    return Table(title=L("基础数据表标题"), header=(), body=tuple(rows), notes=tuple(n for n in notes if n),
                 widths=(5, 2, 2, 2, 2, 2, 2))


def _plain(value) -> str:
    return "" if value is None else format(value, "f")


def rule_text(rule: DeductionRule) -> str:
    """The 评分标准 of a 共性指标, worded as seed 003 words it.

    >>> from decimal import Decimal as D
    >>> rule_text(DeductionRule(分值=D(2), 基准=D(100), 方向="高于扣分", 每档扣分=D("0.5")))
    '以100%为标准，每超过1个百分点扣0.5分，扣完为止'
    """
    side = {"高于扣分": "超过", "低于扣分": "低于", "偏离扣分": "超过（低于）"}[rule.方向]
    return (f"以{score(rule.基准)}%为标准，每{side}{score(rule.档距)}个百分点扣{score(rule.每档扣分)}分，"
            "扣完为止")


def common_indicator_table(items: Sequence[CommonIndicator], rules: dict[str, DeductionRule], p: Printer) -> Table:
    """共性指标评分表: each computed indicator, its rule, its points and its score."""
    L = p.label
    header = ((c(L("共性三级指标")), c(L("共性评分标准")), c(L("共性指标值")), c(L("共性分值")), c(L("共性得分"))),)
    body = tuple((c(i.名称, align="left"), c(rule_text(rules[i.名称]), align="left"), c(p.rate(i.值)),
                  c(points(i.分值)), c(points(i.得分))) for i in items)
    notes = tuple(f"（自评调整：{i.名称}得分按评分标准计算为{score(i.调整.计算得分)}分，自评为{score(i.调整.得分)}分。"
                  f"理由：{i.调整.理由.rstrip('。')}。）" for i in items if i.调整 and i.调整.计算得分 is not None)
    return Table(title=L("共性指标标题"), header=header, body=body, notes=notes,
                 widths=(3, 6, 2, 1, 1))
