"""The data file the tables make: every figure they hold with its cell, every other field 待填.

Only what the tables print goes in: the 项 of each fund (决算数, 基本支出, 项目支出), money other
than 财政拨款 by 项 (what the 收入/支出 tables hold beyond the fund tables), 人员经费 and 公用经费
by 经济分类 款, the “三公” budget and outturn, the totals as checked figures. A 项's carry-over
is taken from a table that prints it, or follows from its income and spending when its fund
has carry-over on one side only; otherwise it is asked for. What no table holds (预算数 by 项,
上年决算, reasons, 三公 batches and persons, 政府采购, 国有资产, 绩效, 职责 …) is written empty and
listed — never guessed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportgen.core.catalogue import builtin_catalogue, economic_catalogue
from reportgen.errors import DataError
from reportgen.workbook.publish_import.collect import Tables
from reportgen.workbook.publish_import.draft import ZERO, Draft
from reportgen.workbook.publish_import.forms import Fig, SubjectTable
from reportgen.workbook.publish_import.identities import fund_openings

INCOME = ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入",
          "经营收入", "附属单位上缴收入", "其他收入", "本年收入合计")
SPENDING = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
NON_FISCAL_INCOME = ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
#: Labels some 收支总表 print for the same rows.
ALIASES = {"使用非财政拨款结余（含专用结余）": "使用非财政拨款结余", "年初结转结余": "年初结转和结余", "年末结转结余": "年末结转和结余"}
FUND_LISTS = (("一般公共预算", "一般公共预算财政拨款支出"), ("政府性基金预算", "政府性基金预算财政拨款支出"),
              ("国有资本经营预算", "国有资本经营预算财政拨款支出"))


def assemble(t: Tables) -> Draft:
    d = Draft()
    year = t.year
    d.put(("文档类型",), "部门决算")
    d.put(("金额单位",), t.unit, t.unit_at)
    d.put(("版式", "地区"), "四川" if t.has("财政拨款经济分类") else "中央", "按工作表推断，请核对（中央、四川、重庆、宁夏）")
    if t.dept:
        d.put(("单位", "名称"), t.dept, t.dept_at)
    else:
        d.ask(("单位", "名称"), "单位名称（表上没有“部门：”或“编制单位：”）")
    if year:
        d.put(("单位", "报告年度"), year, "取自表题或文件名")
    else:
        d.ask(("单位", "报告年度"), "报告年度")
    d.ask(("单位", "部门职责"), "部门职责（文字）")
    for k in ("行政单位数", "参公事业单位数", "其他事业单位数"):
        d.ask(("单位", "机构设置", k), "机构设置：单位个数")
    _totals(t, d)
    for k in ("收支总计", "财政拨款收支总计", "一般公共预算财政拨款支出"):
        d.ask(("上年决算", k), "上年决算数（取自上年的决算公开）")
    for k in ("收支总计", "财政拨款收支总计", "一般公共预算财政拨款支出"):
        d.ask(("变动原因", k), "与上年相比的变动原因（文字）", "")
    fiscal = _fund_items(t, d)
    _non_fiscal(t, d, fiscal)
    _economic(t, d)
    _three_public(t, d)
    _others(d)
    _names(t, d, year)
    return d


def _totals(t: Tables, d: Draft) -> None:
    o, f = t.tables["收支总表"], t.tables["财政拨款收支总表"]
    left = {ALIASES.get(n, n): (v["金额"], at) for n, v, at in o.left}
    right = {ALIASES.get(n, n): (v["金额"], at) for n, v, at in o.right}
    for name, (fig, at) in left.items():
        if name in INCOME:
            d.fig(("收入", name), fig)
        elif name in ("使用非财政拨款结余", "年初结转和结余"):
            d.fig(("结转结余", name), fig)
        elif name != "总计" and fig.value:
            raise DataError(f"不认识的收入项目“{name}”", file=str(t.path), line=at)
    spent = t.tables["支出"].total
    for name in SPENDING + ("本年支出合计",):
        d.fig(("支出", name), spent.values.get(name) if spent else None)
    for name in ("结余分配", "年末结转和结余"):
        if name in right:
            d.fig(("结转结余", name), right[name][0])
    opening = next((v["金额"] for n, v, _ in f.left if n == "年初财政拨款结转和结余"), None)
    closing = next((v["合计"] for n, v, _ in f.right if n == "年末财政拨款结转和结余"), None)
    d.fig(("结转结余", "年初财政拨款结转和结余"), opening)
    d.fig(("结转结余", "年末财政拨款结转和结余"), closing)


def _fund_items(t: Tables, d: Draft) -> dict[str, dict[str, dict[str, Fig]]]:
    """Each fund's 项, written under its list; returns their figures by fund and code."""
    f = t.tables["财政拨款收支总表"]
    openings = fund_openings(f)
    closing_row = next((v for n, v, _ in f.right if n == "年末财政拨款结转和结余"), {})
    sources = {"一般公共预算": t.tables.get("一般公共预算"), "政府性基金预算": t.tables.get("政府性基金"),
               "国有资本经营预算": t.tables.get("国有资本经营收支") or t.tables.get("国有资本经营")}
    out: dict[str, dict[str, dict[str, Fig]]] = {}
    income = _by_code(t.tables["收入"], "财政拨款收入")
    for fund, field_name in FUND_LISTS:
        table: SubjectTable | None = sources[fund]
        items = {r.code: r.values for r in table.level(7)} if table else {}
        spent = next((v.get(fund) for n, v, _ in f.right if n == "本年支出合计"), None)
        if table is None and spent is not None and spent.value:
            raise DataError(f"找不到{fund}财政拨款的表，而{spent.at}有{fund}财政拨款支出", file=str(t.path), line=spent.at)
        out[fund] = items
        d.put((field_name,), [])
        for i, (code, v) in enumerate(sorted(items.items())):
            at = (field_name, i)
            d.put(at + ("科目编码",), code)
            if "预算数" in v:
                d.fig(at + ("预算数",), v["预算数"])
            else:
                d.ask(at + ("预算数",), "各项的年初预算数（公开表不列预算数）")
            d.fig(at + ("决算数",), v["合计"])
            d.fig(at + ("基本支出",), v["基本支出"])
            d.fig(at + ("项目支出",), v["项目支出"])
            for k in ("年初结转和结余", "年末结转和结余"):
                if k in v and v[k].value:
                    d.fig(at + (k,), v[k])
        has_flow = table is not None and all(k in (table.rows[0].values if table.rows else {})
                                             for k in ("年初结转和结余", "年末结转和结余"))
        if not has_flow:
            _carry_over(t, d, field_name, items, income, openings.get(fund), closing_row.get(fund), out)
    return out


def _by_code(table: SubjectTable, column: str) -> dict[str, Fig]:
    return {r.code: r.values[column] for r in table.level(7) if column in r.values}


def _carry_over(t: Tables, d: Draft, field_name: str, items: dict, income: dict[str, Fig],
                opening: Fig | None, closing: Fig | None, funds: dict) -> None:
    """A 项's carry-over when no table prints it: 收入 − 支出 is 年末 − 年初, so with carry-over on
    one side only each 项's share follows; with both, it is asked for."""
    a, b = (x.value if x else ZERO for x in (opening, closing))
    if not a and not b:
        return
    elsewhere = {c for fund, codes in funds.items() for c in codes if codes is not items}
    nets = {}
    for code, v in items.items():
        if code in elsewhere or code not in income and v["合计"].value == 0:
            nets = None
            break
        nets[code] = (income[code].value if code in income else ZERO) - v["合计"].value
    side = "年末结转和结余" if not a else "年初结转和结余" if not b else None
    sign = 1 if side == "年末结转和结余" else -1
    if nets is None or side is None or any(sign * n < 0 for n in nets.values()) \
            or sum(sign * n for n in nets.values()) != (b if side == "年末结转和结余" else a):
        d.todo[(field_name,)] = (f"各项的年初结转和结余、年末结转和结余（{field_name}：年初 {a}、年末 {b}，"
                                 "公开表不按项列示）")
        return
    for i, code in enumerate(sorted(items)):
        if nets[code]:
            d.put((field_name, i, side), sign * nets[code],
                  f"= {income[code].at if code in income else '0'} − {items[code]['合计'].at}（收入 − 支出）")


def _non_fiscal(t: Tables, d: Draft, fiscal: dict) -> None:
    """Per 项, the money other than 财政拨款: the 收入/支出 tables less the fund tables."""
    income = {r.code: r.values for r in t.tables["收入"].level(7)}
    spending = {r.code: r.values for r in t.tables["支出"].level(7)}
    rows = []
    for code in sorted(set(income) | set(spending)):
        item: dict[str, Any] = {"科目编码": code}
        src: dict[str, str] = {}
        for k in NON_FISCAL_INCOME:
            if code in income and income[code][k].value:
                item[k], src[k] = income[code][k].value, income[code][k].at
        for k in SPENDING:
            if code not in spending:
                continue
            fig = spending[code][k]
            part = k if k in ("基本支出", "项目支出") else None
            of_funds = sum((items[code][part].value for items in fiscal.values() if code in items), ZERO) if part else ZERO
            rest = fig.value - of_funds
            if rest < 0:
                raise DataError(f"{k} {fig.value} 小于其中财政拨款的{k} {of_funds}", file=str(t.path), line=fig.at)
            if rest:
                item[k], src[k] = rest, fig.at + (" 减财政拨款" if of_funds else "")
        if len(item) > 1:
            rows.append((item, src))
    d.put(("非财政拨款收支",), [])
    for i, (item, src) in enumerate(rows):
        for k, v in item.items():
            d.put(("非财政拨款收支", i, k), v, src.get(k, ""))


def _economic(t: Tables, d: Draft) -> None:
    b = t.tables["基本支出"]
    for group in ("人员经费", "公用经费"):
        at = ("一般公共预算财政拨款基本支出", group)
        d.fig(at + ("金额",), b.totals[group])
        rows = [r for r in getattr(b, group) if len(r.code) == 5 and r.values["决算数"].value]
        d.put(at + ("经济分类",), [])
        for i, r in enumerate(rows):
            d.put(at + ("经济分类", i, "科目编码"), r.code)
            d.fig(at + ("经济分类", i, "金额"), r.values["决算数"])
    project = t.tables.get("项目支出经济分类")
    column = "决算数"
    if project is None and t.has("一般公共预算经济分类"):
        project, column = t.tables["一般公共预算经济分类"], "项目支出"
    if project is not None:
        rows = [r for r in project.level(5) if r.values[column].value]
        d.put(("一般公共预算财政拨款项目支出",), [])
        for i, r in enumerate(rows):
            d.put(("一般公共预算财政拨款项目支出", i, "科目编码"), r.code)
            d.fig(("一般公共预算财政拨款项目支出", i, "金额"), r.values[column])
    if t.has("财政拨款经济分类"):
        _other_funds_economic(t, d)


def _other_funds_economic(t: Tables, d: Draft) -> None:
    """政府性基金 and 国有资本经营 by 款: the 财政拨款 table less its 一般公共预算 part."""
    whole = {r.code: r.values for r in t.tables["财政拨款经济分类"].level(5)}
    general: dict[str, dict[str, Decimal]] = {}
    if t.has("一般公共预算经济分类"):
        general = {r.code: {k: f.value for k, f in r.values.items()} for r in t.tables["一般公共预算经济分类"].level(5)}
    rows = []
    for code, v in sorted(whole.items()):
        g = general.get(code, {})
        basic, project = v["基本支出"].value - g.get("基本支出", ZERO), v["项目支出"].value - g.get("项目支出", ZERO)
        if basic or project:
            rows.append((code, basic, project, v))
    d.put(("其他财政拨款支出经济分类",), [])
    for i, (code, basic, project, v) in enumerate(rows):
        at = ("其他财政拨款支出经济分类", i)
        d.put(at + ("科目编码",), code)
        d.put(at + ("基本支出",), basic, v["基本支出"].at + " 减一般公共预算")
        d.put(at + ("项目支出",), project, v["项目支出"].at + " 减一般公共预算")


def _three_public(t: Tables, d: Draft) -> None:
    tp = t.tables["三公"]
    parts = {"因公出国（境）费": "因公出国（境）费", "公务用车购置费": "公务用车购置费",
             "公务用车运行维护费": "公务用车运行费", "公务接待费": "公务接待费"}
    for side, key in (("预算", "预算数"), ("决算", "决算数")):
        for field_name, column in parts.items():
            d.fig(("三公经费", side, field_name), tp[key][column])
    for field_name in parts:
        d.ask(("三公经费", "上年决算", field_name), "“三公”经费上年决算数")
    actual = tp["决算数"]
    if actual["因公出国（境）费"].value:
        for k in ("因公出国（境）团组数", "因公出国（境）人次"):
            d.ask(("三公经费", k), "因公出国（境）团组数和人次")
    if actual["公务用车购置费"].value:
        for car in ("轿车", "越野车", "载客汽车"):
            for k in ("辆数", "金额"):
                d.ask(("三公经费", "公务用车购置", car, k), "购置车辆的辆数和金额")
    if actual["公务用车运行费"].value:
        for car in ("轿车", "越野车", "载客汽车"):
            d.ask(("三公经费", "公务用车保有量", car), "公务用车保有量")
    if actual["公务接待费"].value:
        for k in ("金额", "批次", "人次"):
            d.ask(("三公经费", "国内公务接待", k), "国内公务接待的金额、批次和人次（外事接待另填）")
    if tp["预算数"]["合计"].value != actual["合计"].value:
        d.ask(("三公经费", "预决算差异原因"), "“三公”经费预决算差异的原因（文字）", "")


def _others(d: Draft) -> None:
    for k in ("本年", "上年"):
        d.ask(("机关运行经费", k), "机关运行经费本年、上年数（事业单位没有，删去这一项）")
    d.ask(("机关运行经费", "原因"), "机关运行经费变动原因（文字）", "")
    for k in ("货物", "工程", "服务", "授予中小企业合同金额", "授予小微企业合同金额"):
        d.ask(("政府采购", k), "政府采购支出（货物、工程、服务）和授予中小、小微企业的合同金额")
    for k in ("主要领导干部用车", "机要通信用车", "应急保障用车", "其他用车"):
        d.ask(("国有资产", "车辆", k), "国有资产：车辆数")
    d.ask(("国有资产", "单价100万元以上专用设备"), "国有资产：单价100万元以上专用设备台（套）数")
    for k in ("绩效目标项目数", "绩效监控项目数"):
        d.ask(("预算绩效管理", k), "预算绩效管理：项目个数")
    d.ask(("预算绩效管理", "自评情况"), "预算绩效管理：绩效自评情况（文字）")


def _names(t: Tables, d: Draft, year: int | None) -> None:
    """Names the tables print that the catalogue lacks or words otherwise: the data file's 科目名称."""
    cat, econ = builtin_catalogue(year), economic_catalogue(year)
    names: dict[str, str] = {}
    for kind, table in t.tables.items():
        if not isinstance(table, SubjectTable):
            continue
        catalogue = econ if "经济分类" in kind else cat
        for r in table.rows:
            if r.code and r.name and len(r.code) in (3, 5, 7) and catalogue.names.get(r.code) != r.name \
                    and catalogue is cat:
                names[r.code] = r.name
    if names:
        for code, name in sorted(names.items()):
            d.put(("科目名称", code), name, "表上的名称与科目目录不同")
