"""The identities the 公开表 imply, checked on import; each problem names the printed total's cell.

Every 合计/总计 row against its parts, each row's 合计 column against its columns, and the
figures one table repeats from another (收支总表 ↔ 收入表/支出表, 财政拨款收支总表 ↔ the fund
tables, 基本支出 ↔ 一般公共预算). A 万元 table is rounded cell by cell, so a total may differ from
its parts by what that rounding explains (half a unit of the last decimal per figure added):
such a difference is accepted and reported as a note; a larger one is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Sequence

from reportgen.workbook.publish_import.collect import Tables
from reportgen.workbook.publish_import.forms import Fig, SubjectTable

ZERO = Decimal(0)


@dataclass
class Report:
    errors: list[tuple[str, str]] = field(default_factory=list)  # (cell, problem)
    notes: list[tuple[str, str]] = field(default_factory=list)  # rounding differences accepted

    def same(self, t: Tables, total: Fig | None, parts: Sequence[Fig | Decimal], what: str) -> None:
        """`total` should equal the sum of `parts` (within the rounding of the sheets involved)."""
        if total is None or not parts:
            return
        figs = [p for p in parts if isinstance(p, Fig)]
        summed = sum((p.value if isinstance(p, Fig) else p for p in parts), ZERO)
        diff = abs(total.value - summed)
        if diff == 0:
            return
        slack = max(self._slack(t, f) for f in [total, *figs]) * (len(parts) + 1)
        text = f"{what}：印 {_fmt(total.value)}，各项之和 {_fmt(summed)}（{'、'.join(f.at for f in figs[:4])}{'…' if len(figs) > 4 else ''}）"
        (self.notes if diff <= slack else self.errors).append((total.at, text))

    @staticmethod
    def _slack(t: Tables, f: Fig) -> Decimal:
        return t.slack.get(f.at.partition("!")[0], ZERO)


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f") if d else "0"


def check(t: Tables) -> Report:
    """Every identity of the tables `t` holds."""
    r = Report()
    _overview(t, r)
    _fiscal_overview(t, r)
    columns = {"收入": ("本年收入合计", ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")),
               "支出": ("本年支出合计", ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")),
               "一般公共预算": ("合计", ("基本支出", "项目支出")), "国有资本经营": ("合计", ("基本支出", "项目支出")),
               "政府性基金": ("合计", ("基本支出", "项目支出")), "国有资本经营收支": ("合计", ("基本支出", "项目支出")),
               "财政拨款经济分类": ("合计", ("基本支出", "项目支出")),
               "一般公共预算经济分类": ("合计", ("基本支出", "项目支出")), "项目支出经济分类": ("决算数", ())}
    for kind, (total, parts) in columns.items():
        if t.has(kind):
            _subject(t, r, t.tables[kind], total, parts, t.sheets[kind].label)
    for kind in ("财政拨款经济分类", "一般公共预算经济分类"):
        if t.has(kind):
            for row in t.tables[kind].rows:
                r.same(t, row.values["基本支出"], [row.values["人员经费"], row.values["公用经费"]], f"{row.code or '合计'} 基本支出")
    _basic(t, r)
    _three_public(t, r)
    _across(t, r)
    return r


def _subject(t: Tables, r: Report, table: SubjectTable, total: str, parts: Sequence[str], label: str) -> None:
    for row in table.rows:
        if parts and total in row.values:
            r.same(t, row.values[total], [row.values[p] for p in parts if p in row.values], f"{row.code or '合计'} {total}")
    for column in table.rows[0].values if table.rows else ():
        for row in table.rows:
            children = _children(table, row.code)
            if children:
                r.same(t, row.values[column], [c.values[column] for c in children], f"{row.code or '合计'} {column}")


def _children(table: SubjectTable, code: str) -> list:
    """The rows a row adds up: 合计 → 类, 类 → 款, 款 → 项 (only those the table lists)."""
    widths = sorted({len(r.code) for r in table.rows if r.code})
    below = [w for w in widths if w > len(code)]
    if not below:
        return []
    return [x for x in table.rows if len(x.code) == below[0] and x.code.startswith(code)]


def _labelled(rows, label: str):
    return next((f for name, f, _ in rows if name == label), None)


def _overview(t: Tables, r: Report) -> None:
    o = t.tables["收支总表"]
    amount = {name: f["金额"] for name, f, _ in o.left}
    spent = {name: f["金额"] for name, f, _ in o.right}
    sources = [f for name, f in amount.items() if name not in ("本年收入合计", "使用非财政拨款结余", "年初结转和结余", "总计")]
    r.same(t, amount.get("本年收入合计"), sources, "收支总表 本年收入合计")
    r.same(t, amount.get("总计"), [amount[k] for k in ("本年收入合计", "使用非财政拨款结余", "年初结转和结余") if k in amount], "收入总计")
    classes = [f for name, f in spent.items() if name not in ("本年支出合计", "结余分配", "年末结转和结余", "总计")]
    r.same(t, spent.get("本年支出合计"), classes, "收支总表 本年支出合计")
    r.same(t, spent.get("总计"), [spent[k] for k in ("本年支出合计", "结余分配", "年末结转和结余") if k in spent], "支出总计")
    if "总计" in amount:
        r.same(t, spent.get("总计"), [amount["总计"]], "收、支总计")


def _fiscal_overview(t: Tables, r: Report) -> None:
    f = t.tables["财政拨款收支总表"]
    for name, figures, _ in f.right:
        r.same(t, figures.get("合计"), [v for k, v in figures.items() if k != "合计"], f"财政拨款收支总表 {name}")
    for fund in ("合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"):
        classes = [v[fund] for name, v, _ in f.right if name not in ("本年支出合计", "年末财政拨款结转和结余", "总计")]
        totals = {name: v[fund] for name, v, _ in f.right}
        r.same(t, totals.get("本年支出合计"), classes, f"财政拨款 本年支出合计（{fund}）")
        r.same(t, totals.get("总计"), [totals[k] for k in ("本年支出合计", "年末财政拨款结转和结余") if k in totals],
               f"财政拨款 支出总计（{fund}）")


def _basic(t: Tables, r: Report) -> None:
    b = t.tables["基本支出"]
    for group in ("人员经费", "公用经费"):
        rows = getattr(b, group)
        classes = [x for x in rows if len(x.code) == 3]
        listed = classes or [x for x in rows if len(x.code) == 5]
        r.same(t, b.totals[group], [x.values["决算数"] for x in listed], f"{group}合计")
        for c in classes:
            r.same(t, c.values["决算数"], [x.values["决算数"] for x in rows if len(x.code) == 5 and x.code.startswith(c.code)], c.code)


def _three_public(t: Tables, r: Report) -> None:
    for side, v in t.tables["三公"].items():
        r.same(t, v["公务用车购置及运行费"], [v["公务用车购置费"], v["公务用车运行费"]], f"“三公”{side} 公务用车购置及运行费")
        r.same(t, v["合计"], [v["因公出国（境）费"], v["公务用车购置及运行费"], v["公务接待费"]], f"“三公”{side} 合计")


def _total(t: Tables, kind: str, column: str) -> Fig | None:
    table = t.tables.get(kind)
    row = table.total if table is not None else None
    return row.values.get(column) if row is not None else None


def _across(t: Tables, r: Report) -> None:
    """Figures one table repeats from another."""
    o, f = t.tables["收支总表"], t.tables["财政拨款收支总表"]
    amount = {name: v["金额"] for name, v, _ in o.left}
    r.same(t, _total(t, "收入", "本年收入合计"), [amount["本年收入合计"]] if "本年收入合计" in amount else [], "收入决算表 合计")
    r.same(t, _total(t, "支出", "本年支出合计"), [_labelled(o.right, "本年支出合计")["金额"]] if _labelled(o.right, "本年支出合计") else [],
           "支出决算表 合计")
    incomes = _fund_incomes(f)
    r.same(t, _total(t, "收入", "财政拨款收入"), list(incomes.values()), "收入决算表 财政拨款收入")
    for fund, fig in incomes.items():
        if f"{fund}财政拨款收入" in amount:
            r.same(t, amount[f"{fund}财政拨款收入"], [fig], f"{fund}财政拨款收入")
    spent = next((v for name, v, _ in f.right if name == "本年支出合计"), {})
    for kind, fund in (("一般公共预算", "一般公共预算"), ("政府性基金", "政府性基金预算"), ("国有资本经营", "国有资本经营预算"),
                       ("国有资本经营收支", "国有资本经营预算")):
        if fund in spent and t.has(kind):
            r.same(t, _total(t, kind, "合计"), [spent[fund]], f"{fund}财政拨款支出")
    b = t.tables["基本支出"]
    r.same(t, _total(t, "一般公共预算", "基本支出"), [b.totals["人员经费"], b.totals["公用经费"]], "一般公共预算财政拨款基本支出")
    for column in ("合计", "基本支出", "项目支出"):
        r.same(t, _total(t, "一般公共预算经济分类", column), [_total(t, "一般公共预算", column)] if t.has("一般公共预算经济分类") else [],
               f"一般公共预算财政拨款支出明细 {column}")
    for group in ("人员经费", "公用经费"):
        if t.has("一般公共预算经济分类"):
            r.same(t, _total(t, "一般公共预算经济分类", group), [b.totals[group]], f"一般公共预算 {group}")
    if t.has("项目支出经济分类"):
        r.same(t, _total(t, "项目支出经济分类", "决算数"), [_total(t, "一般公共预算", "项目支出")], "一般公共预算财政拨款项目支出")


def _fund_incomes(f) -> dict[str, Fig]:
    """本年收入 by fund, from the 财政拨款收支总表's left side (the fund rows above 本年收入合计)."""
    out = {}
    for name, v, _ in f.left:
        if name in ("本年收入合计", "年初财政拨款结转和结余"):
            break
        fund = name.removesuffix("收入").removesuffix("财政拨款")
        if fund in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
            out[fund] = v["金额"]
    return out


def fund_openings(f) -> dict[str, Fig]:
    """年初财政拨款结转和结余 by fund: the fund rows below its line on the left side."""
    out, after = {}, False
    for name, v, _ in f.left:
        if name == "年初财政拨款结转和结余":
            after = True
        elif after and name != "总计":
            out[name.removesuffix("财政拨款").removesuffix("收入")] = v["金额"]
    return out


def as_lines(items: Iterable[tuple[str, str]]) -> list[str]:
    return [f"{at}: {text}" for at, text in items]
