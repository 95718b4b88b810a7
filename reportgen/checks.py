"""Accounting identities of a 决算 data file: every figure typed twice must agree with its parts.

A check returns Findings (never raises), so `reportgen check` can list them all; `build` stops
on any finding of severity "error".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Literal, Sequence

from reportgen.facts.catalogue import Catalogue, builtin_catalogue
from reportgen.facts.final_accounts import FinalAccountsFacts
from reportgen.model.final_accounts import FinalAccounts, SubjectSpending

ZERO = Decimal(0)


@dataclass(frozen=True)
class Finding:
    """One problem: where (field path as in the data file), what, and the two values that disagree."""

    severity: Literal["error", "warning"]
    field: tuple[str | int, ...]
    message: str
    stated: Decimal | None = None
    expected: Decimal | None = None


def check_subjects(data: FinalAccounts, catalogue: Catalogue | None = None) -> list[Finding]:
    """The 科目 lists: known codes, no duplicates, parts adding up, reasons where budgets differ.

    Run before the facts are computed, which need every code to have a name.
    """
    cat = (catalogue or builtin_catalogue()).with_names(data.科目名称)
    return list(_subjects(data, cat))


def check_final_accounts(data: FinalAccounts, facts: FinalAccountsFacts) -> list[Finding]:
    """The identities between totals and their parts, in file order."""
    return [*_totals(data, facts), *_basic(data, facts), *_three_public(data), *_procurement(data),
            *_reasons(data, facts)]


def _same(field: tuple, label: str, stated: Decimal | None, expected: Decimal) -> Iterator[Finding]:
    if stated is not None and stated != expected:
        yield Finding("error", field, f"{label}与其组成部分之和不符", stated, expected)


def _totals(d: FinalAccounts, f: FinalAccountsFacts) -> Iterator[Finding]:
    yield from _same(("收入", "本年收入合计"), "本年收入合计", d.收入.本年收入合计, f.本年收入合计)
    yield from _same(("支出", "本年支出合计"), "本年支出合计", d.支出.本年支出合计, f.本年支出合计)
    cf = d.结转结余
    if cf.年末结转和结余 is not None and cf.年末结转和结余 != f.年末结转和结余:
        yield Finding("error", ("结转结余", "年末结转和结余"),
                      "年末结转和结余应等于 收入总计 − 本年支出合计 − 结余分配（收、支总计须相等）",
                      cf.年末结转和结余, f.年末结转和结余)
    elif f.年末结转和结余 < 0:
        yield Finding("error", ("支出",), "本年支出合计与结余分配超过了收入总计：收、支总计不平衡",
                      f.本年支出合计 + cf.结余分配, f.收入总计)
    if cf.年末财政拨款结转和结余 is not None and cf.年末财政拨款结转和结余 != f.年末财政拨款结转和结余:
        yield Finding("error", ("结转结余", "年末财政拨款结转和结余"),
                      "年末财政拨款结转和结余应等于 财政拨款收入 + 年初财政拨款结转和结余 − 财政拨款支出",
                      cf.年末财政拨款结转和结余, f.年末财政拨款结转和结余)
    elif f.年末财政拨款结转和结余 < 0:
        yield Finding("error", ("一般公共预算财政拨款支出",),
                      "财政拨款支出超过了财政拨款收入与年初财政拨款结转和结余之和",
                      f.财政拨款支出, f.财政拨款收支总计)
    yield from _within(f)


def _within(f: FinalAccountsFacts) -> Iterator[Finding]:
    if f.财政拨款支出 > f.本年支出合计:
        yield Finding("error", ("一般公共预算财政拨款支出",),
                      "财政拨款支出（各科目决算数之和）超过了本年支出合计", f.财政拨款支出, f.本年支出合计)


def _subjects(d: FinalAccounts, cat: Catalogue) -> Iterator[Finding]:
    groups: Sequence[tuple[str, list[SubjectSpending]]] = (
        ("一般公共预算财政拨款支出", d.一般公共预算财政拨款支出),
        ("政府性基金预算财政拨款支出", d.政府性基金预算财政拨款支出),
        ("国有资本经营预算财政拨款支出", d.国有资本经营预算财政拨款支出),
    )
    for group, items in groups:
        seen: set[str] = set()
        for n, i in enumerate(items):
            at = (group, n)
            if i.科目编码 in seen:
                yield Finding("error", at + ("科目编码",), f"科目 {i.科目编码} 重复出现")
            seen.add(i.科目编码)
            for code in (i.科目编码[:3], i.科目编码[:5]) + (() if i.科目名称 else (i.科目编码,)):
                if code not in cat.names:
                    yield Finding("error", at + ("科目编码",),
                                  f"未知科目编码 {code}：请在“科目名称”下写明它的名称")
            if i.基本支出 is not None and i.项目支出 is not None:
                yield from _same(at + ("决算数",), "决算数", i.决算数, i.基本支出 + i.项目支出)
            if i.决算数 != i.预算数 and not i.原因:
                yield Finding("error", at + ("原因",), "决算数与预算数不同，须写明原因", i.决算数, i.预算数)
            if i.预算数 == 0 and i.决算数 != 0:
                yield Finding("warning", at + ("预算数",), "预算数为 0：完成预算的百分比无法计算，文中将如实说明")


def _basic(d: FinalAccounts, f: FinalAccountsFacts) -> Iterator[Finding]:
    b = d.一般公共预算财政拨款基本支出
    for name in ("人员经费", "公用经费"):
        group = getattr(b, name)
        if group.明细 and all(x.金额 is not None for x in group.明细):
            total = sum((x.金额 for x in group.明细), ZERO)
            yield from _same(("一般公共预算财政拨款基本支出", name, "金额"), name, group.金额, total)
    split = [i.基本支出 for i in d.一般公共预算财政拨款支出]
    if split and all(x is not None for x in split):
        yield from _same(("一般公共预算财政拨款基本支出",), "人员经费与公用经费之和",
                         f.基本支出, sum(split, ZERO))
    if f.基本支出 > d.支出.基本支出:
        yield Finding("error", ("一般公共预算财政拨款基本支出",),
                      "一般公共预算财政拨款基本支出超过了本年基本支出", f.基本支出, d.支出.基本支出)
    if f.基本支出 > f.一般公共预算支出:
        yield Finding("error", ("一般公共预算财政拨款基本支出",),
                      "基本支出超过了一般公共预算财政拨款支出", f.基本支出, f.一般公共预算支出)


def _three_public(d: FinalAccounts) -> Iterator[Finding]:
    t = d.三公经费
    if t.公务用车购置 and any(v.金额 for v in t.公务用车购置.values()):
        bought = sum((v.金额 for v in t.公务用车购置.values()), ZERO)
        yield from _same(("三公经费", "决算", "公务用车购置费"), "公务用车购置费", t.决算.公务用车购置费, bought)
    received = t.国内公务接待.金额 + t.外事接待.金额
    if received:
        yield from _same(("三公经费", "决算", "公务接待费"), "公务接待费", t.决算.公务接待费, received)


def _procurement(d: FinalAccounts) -> Iterator[Finding]:
    p = d.政府采购
    total = p.货物 + p.工程 + p.服务
    if p.授予中小企业合同金额 > total:
        yield Finding("error", ("政府采购", "授予中小企业合同金额"), "授予中小企业合同金额超过了政府采购支出总额",
                      p.授予中小企业合同金额, total)
    if p.授予小微企业合同金额 > p.授予中小企业合同金额:
        yield Finding("error", ("政府采购", "授予小微企业合同金额"), "授予小微企业合同金额超过了授予中小企业合同金额",
                      p.授予小微企业合同金额, p.授予中小企业合同金额)


def _reasons(d: FinalAccounts, f: FinalAccountsFacts) -> Iterator[Finding]:
    """A change or a budget gap printed without its reason reads as an omission."""
    wanted = [
        (("变动原因", "收支总计"), f.收支总计变动.direction != "flat", d.变动原因.收支总计),
        (("变动原因", "财政拨款收支总计"), f.财政拨款收支总计变动.direction != "flat", d.变动原因.财政拨款收支总计),
        (("变动原因", "一般公共预算财政拨款支出"), f.一般公共预算支出变动.direction != "flat",
         d.变动原因.一般公共预算财政拨款支出),
        (("机关运行经费", "原因"), f.机关运行经费变动.direction != "flat", d.机关运行经费.原因),
        (("三公经费", "预决算差异原因"), f.三公完成.comparison != "equal", d.三公经费.预决算差异原因),
    ]
    for field, changed, reason in wanted:
        if changed and not reason:
            yield Finding("warning", field, "数字有变动，但没有写明原因")
