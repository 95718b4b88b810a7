"""A synthetic 决算-shaped Document using every block kind, for the writer's tests and benchmark."""

from __future__ import annotations

from decimal import Decimal

from reportgen.document.nodes import (
    Cell,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Series,
    Table,
    TableOfContents,
)

NUMERALS = "一二三四五六七八九十"
_SENTENCE = (
    "{year}年度本年支出合计{a}万元，其中：基本支出{b}万元，占{p}%；项目支出{c}万元，"
    "主要用于“三公”经费、机关运行和社会保险经办等工作。与上年相比减少{d}万元，下降{q}%，"
    "主要原因是减少被征地农民社保安置资金。"
)


def _amount(i: int) -> str:
    return str(Decimal((i * 7919) % 100000).scaleb(-2))


def sentence(i: int, repeat: int = 1) -> str:
    """A body sentence with figures; `repeat` makes longer paragraphs."""
    one = _SENTENCE.format(year=2023, a=_amount(i), b=_amount(i + 1), c=_amount(i + 2),
                           d=_amount(i + 3), p=i % 100, q=(i * 3) % 100)
    return one * repeat


def budget_table(title: str, number: str, rows: int, *, landscape: bool = False,
                 notes: tuple[str, ...] = ()) -> Table:
    """A 公开表 with a 2-row header: 科目编码 spans two rows, 本年支出 spans three columns."""
    header = (
        (Cell("科目编码", rowspan=2, align="center", bold=True),
         Cell("科目名称", rowspan=2, align="center", bold=True),
         Cell("本年支出", colspan=3, align="center", bold=True),
         Cell("年末结转和结余", rowspan=2, align="center", bold=True)),
        (Cell("合计", align="center", bold=True), Cell("基本支出", align="center", bold=True),
         Cell("项目支出", align="center", bold=True)),
    )
    body = [(Cell("合计", colspan=2, align="center", bold=True),
             *(Cell(_amount(j), align="right", bold=True) for j in range(4)))]
    for i in range(rows):
        body.append((Cell(f"2080{i:03d}"), Cell(f"行政运行{NUMERALS[i % 10]}"),
                     *(Cell(_amount(i * 4 + j), align="right") for j in range(4))))
    return Table(title=title, header=header, body=tuple(body), number=number,
                 unit_left="部门：××区社会保险事务中心", unit_right="金额单位：万元",
                 notes=notes, widths=(3, 5, 2, 2, 2, 3), landscape=landscape)


def self_evaluation_form(indicators: int = 30) -> Table:
    """A 绩效 自评表: label rows, then an indicator part whose column headings (heading_rows)
    repeat when the form runs onto another page."""
    rows = [(Cell("项目名称", align="center"), Cell("社会保险经办能力提升项目", colspan=4)),
            (Cell("项目资金（万元）", align="center"), Cell("年初预算数"), Cell("全年预算数"), Cell("全年执行数"),
             Cell("执行率")),
            (Cell("年度资金总额", align="center"), Cell("12,426.74", align="right"), Cell("12,426.74", align="right"),
             Cell("12,390.50", align="right"), Cell("99.71%", align="right")),
            (Cell("一级指标", align="center"), Cell("二级指标", align="center"), Cell("三级指标", align="center"),
             Cell("年度指标值", align="center"), Cell("实际完成值", align="center"))]
    rows += [(Cell("产出指标"), Cell("数量指标"), Cell(f"参保扩面任务完成人数{NUMERALS[i % 10]}"),
              Cell("≥300000人"), Cell(f"{300000 + 17 * i}人")) for i in range(indicators)]
    return Table("项目支出绩效自评表", header=(), body=tuple(rows), widths=(2, 2, 4, 3, 3), heading_rows=(3,))


def synthetic_document(sections: int = 2, paragraphs: int = 3, table_rows: int = 4,
                       tables: int = 2, long_paragraphs: bool = True) -> Document:
    """Cover, 目录, parts with headings on five levels, figures, portrait and landscape tables."""
    blocks: list = [Cover("2023年度××区社会保险事务中心部门决算", ("公开时间：2024年10月24日",)),
                    TableOfContents(depth=2), PageBreak(),
                    Heading(1, "部门概况", "第一部分")]
    n = 0
    for s in range(sections):
        blocks.append(Heading(2, f"收入支出决算总体情况说明{s + 1}", f"{NUMERALS[s % 10]}、"))
        blocks.append(Heading(3, "总体情况", "（一）"))
        for p in range(paragraphs):
            n += 1
            blocks.append(Paragraph(sentence(n, 1 + p % 3 if long_paragraphs else 1)))
        blocks.append(Heading(4, "具体情况", "1."))
        blocks.append(Heading(5, "社会保障和就业支出", "（1）"))
        blocks.append(Paragraph(sentence(n + 1), label="（1）"))
        blocks.append(Figure("bar", "收、支决算总计变动情况图", ("2022年", "2023年"),
                             (Series("收入", (Decimal("1470.23"), Decimal("518.57"))),),
                             label=f"图{2 * s + 1}"))
        blocks.append(Figure("pie", "政府性基金预算支出结构图", ("基本支出", "项目支出"),
                             (Series("支出", (Decimal(0), Decimal(0))),), label=f"图{2 * s + 2}",
                             fallback="本单位2023年度无政府性基金预算财政拨款支出。"))
    blocks += [PageBreak(), Heading(1, "附件", "第四部分"),
               Paragraph("东区社会保险事务中心2023年度部门整体支出绩效自评报告",
                         align="center", indent=False),
               Paragraph("一、部门基本情况", indent=False, bold=True),
               self_evaluation_form(),
               Paragraph("（此处为签章）", align="right", indent=False),
               PageBreak(), Heading(1, "附表", "第五部分")]
    for t in range(tables):
        landscape = t % 2 == 1
        notes = ("注：本表反映部门本年度财政拨款支出情况。",) if t == 0 else ()
        blocks += [PageBreak()] if t else []
        blocks += [Heading(2, f"支出决算表{t + 1}", f"{NUMERALS[t % 10]}、"),
                   budget_table(f"支出决算表{t + 1}", f"公开{t + 3:02d}表", table_rows,
                                landscape=landscape, notes=notes)]
    blocks.append(Paragraph("本单位无国有资本经营预算财政拨款收支，故本表为空表。"))
    return Document(title="2023年度××区社会保险事务中心部门决算", blocks=tuple(blocks))


def large_document() -> Document:
    """About the size of a real one (~40 pages): 300+ paragraphs, 100 headings, 13 tables."""
    return synthetic_document(sections=20, paragraphs=16, table_rows=30, tables=13,
                              long_paragraphs=False)
