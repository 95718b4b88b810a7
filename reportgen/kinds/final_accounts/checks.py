"""Accounting identities of a 决算 data file: every figure typed twice must agree with its parts.

A check returns Findings (never raises), so `reportgen check` can list them all; `build` stops
on any finding of severity "error".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator, Sequence

from reportgen.core.catalogue import Catalogue, builtin_catalogue, economic_catalogue
from reportgen.core.findings import Finding
from reportgen.kinds.final_accounts.economic import PERSONNEL_CLASSES, code_of, uncoded
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.ledger import FUNDS, NON_FISCAL_INCOME, SPENDING, compute_ledger, split
from reportgen.kinds.final_accounts.model import FinalAccounts, SubjectSpending
from reportgen.kinds.final_accounts.named import final_accounts_figures
from reportgen.phrasing.references import names

ZERO = Decimal(0)


def check_subjects(data: FinalAccounts, catalogue: Catalogue | None = None) -> list[Finding]:
    """The 科目 lists: known codes, no duplicates, parts adding up, reasons where budgets differ.

    Run before the facts are computed, which need every code to have a name (`blocks_facts`).
    """
    cat = (catalogue or builtin_catalogue(data.单位.报告年度)).with_names(data.科目名称)
    return [*_subjects(data, cat), *_non_fiscal_subjects(data, cat), *_economic_codes(data),
            *_explanations(data, cat)]


#: The findings past which the facts cannot be computed: a code that has no name.
UNKNOWN_CODES = ("未知科目编码", "未知经济分类科目编码")


def blocks_facts(finding: Finding) -> bool:
    """Whether the facts cannot be computed past this finding (a code without a name); every
    other finding still lets them be computed, so that check reports everything at once."""
    return finding.severity == "error" and finding.message.startswith(UNKNOWN_CODES)


def check_final_accounts(data: FinalAccounts, facts: FinalAccountsFacts) -> list[Finding]:
    """The identities between totals and their parts, in file order."""
    return [*_stated_totals(data), *_totals(data, facts), *_carry_over(data), *_basic(data, facts),
            *_economic(data), *_three_public(data), *_procurement(data), *_reasons(data, facts),
            *_references(data, facts)]


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


def _explanations(d: FinalAccounts, cat: Catalogue) -> Iterator[Finding]:
    """Each 项 the 名词解释 lists needs its explanation: the catalogue's, or the data file's own."""
    lists = [("一般公共预算财政拨款支出", d.一般公共预算财政拨款支出), ("政府性基金预算财政拨款支出", d.政府性基金预算财政拨款支出),
             ("国有资本经营预算财政拨款支出", d.国有资本经营预算财政拨款支出), ("非财政拨款收支", d.非财政拨款收支)]
    seen: set[str] = set()
    for group, items in lists:
        for n, i in enumerate(items):
            code = i.科目编码
            if code in seen or code in cat.explanations or d.名词解释.get(code):
                continue
            seen.add(code)
            name = i.科目名称 or cat.names.get(code, "")
            yield Finding("error", (group, n, "科目编码"),
                          f"科目 {code}（{name}）没有标准的名词解释：请在“名词解释”下写明，如 \"{code}\": 反映……")


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
            elif min(split(i)) < 0:
                part = "基本支出" if i.基本支出 is not None else "项目支出"
                yield Finding("error", at + (part,), f"{part}超过了决算数", getattr(i, part), i.决算数)
            if i.决算数 - i.年初结转和结余 + i.年末结转和结余 < 0:
                yield Finding("error", at + ("年初结转和结余",),
                              "年初结转和结余超过了决算数与年末结转和结余之和：本年财政拨款收入不能为负")
            if i.决算数 != i.预算数 and not i.原因:
                yield Finding("error", at + ("原因",), "决算数与预算数不同，须写明原因", i.决算数, i.预算数)
            if i.预算数 == 0 and i.决算数 != 0:
                yield Finding("warning", at + ("预算数",), "预算数为 0：完成预算的百分比无法计算，文中将如实说明")


def _non_fiscal_subjects(d: FinalAccounts, cat: Catalogue) -> Iterator[Finding]:
    seen: set[str] = set()
    for n, i in enumerate(d.非财政拨款收支):
        at = ("非财政拨款收支", n, "科目编码")
        if i.科目编码 in seen:
            yield Finding("error", at, f"科目 {i.科目编码} 重复出现")
        seen.add(i.科目编码)
        for code in (i.科目编码[:3], i.科目编码[:5]) + (() if i.科目名称 else (i.科目编码,)):
            if code not in cat.names:
                yield Finding("error", at, f"未知科目编码 {code}：请在“科目名称”下写明它的名称")


def _economic_codes(d: FinalAccounts) -> Iterator[Finding]:
    """经济分类 amounts need a known 款 (or their own 科目名称); 人员经费 is 301/303 only."""
    cat = economic_catalogue(d.单位.报告年度)
    b = d.一般公共预算财政拨款基本支出
    groups = [(("一般公共预算财政拨款基本支出", g, "经济分类" if getattr(b, g).经济分类 else "明细"), g,
               getattr(b, g).economic) for g in ("人员经费", "公用经费")]
    groups += [(("一般公共预算财政拨款项目支出",), "项目支出", d.一般公共预算财政拨款项目支出),
               (("其他财政拨款支出经济分类",), "", d.其他财政拨款支出经济分类)]
    for at, group, items in groups:
        for n, x in enumerate(items):
            code = code_of(x, cat)
            if code is None:
                continue  # reported by _economic as a warning: the 公开表 can only list it in 合计
            if code not in cat.names and not getattr(x, "科目名称", None):
                yield Finding("error", at + (n, "科目编码"), f"未知经济分类科目编码 {code}：请在“科目名称”下写明它的名称")
            personnel = code[:3] in PERSONNEL_CLASSES
            if group == "人员经费" and not personnel or group == "公用经费" and personnel:
                yield Finding("error", at + (n, "科目编码"),
                              f"经济分类 {code} 不属于{group}（人员经费为 301、303 类，其余为公用经费）")


def _stated_totals(d: FinalAccounts) -> Iterator[Finding]:
    """Income and spending typed beside the 科目 lists must equal what the lists add up to."""
    ledger = compute_ledger(d)
    for name in ledger.收入:
        stated = getattr(d.收入, name)
        where = "三个财政拨款支出科目表" if name not in NON_FISCAL_INCOME else "“非财政拨款收支”"
        if stated is not None and stated != ledger.收入[name]:
            yield Finding("error", ("收入", name), f"{name}与{where}按科目相加之数不符", stated, ledger.收入[name])
    for name in SPENDING:
        stated = getattr(d.支出, name)
        if stated is not None and stated != ledger.支出[name]:
            yield Finding("error", ("支出", name),
                          f"{name}与各科目的{name}之和不符（科目只填决算数时全部计为基本支出，项目支出须在科目下写明）",
                          stated, ledger.支出[name])


def _carry_over(d: FinalAccounts) -> Iterator[Finding]:
    cf, ledger = d.结转结余, compute_ledger(d)
    fiscal = ledger.年初财政拨款结转和结余
    if cf.年初财政拨款结转和结余 is not None and cf.年初财政拨款结转和结余 != fiscal:
        lists = "、".join(field for _, field in FUNDS)
        yield Finding("error", ("结转结余", "年初财政拨款结转和结余"),
                      f"年初财政拨款结转和结余与各科目的年初结转和结余之和不符（在{lists}的科目下填写）",
                      cf.年初财政拨款结转和结余, fiscal)
    if fiscal > cf.年初结转和结余:
        yield Finding("error", ("结转结余", "年初结转和结余"), "年初结转和结余少于其中的年初财政拨款结转和结余",
                      cf.年初结转和结余, fiscal)


def _basic(d: FinalAccounts, f: FinalAccountsFacts) -> Iterator[Finding]:
    b = d.一般公共预算财政拨款基本支出
    for name in ("人员经费", "公用经费"):
        group = getattr(b, name)
        for field in ("经济分类", "明细"):
            items = getattr(group, field)
            if items and all(x.金额 is not None for x in items):
                total = sum((x.金额 for x in items), ZERO)
                yield from _same(("一般公共预算财政拨款基本支出", name, "金额"), f"{name}（{field}）", group.total, total)
    basic = sum((split(i)[0] for i in d.一般公共预算财政拨款支出), ZERO)
    if basic != f.基本支出:
        yield Finding("error", ("一般公共预算财政拨款支出",),
                      "各科目的基本支出之和与人员经费、公用经费之和不符（科目只填决算数时全部计为基本支出，"
                      "有项目支出的科目须写明项目支出；人员经费、公用经费写在“一般公共预算财政拨款基本支出”下）",
                      basic, f.基本支出)
    spent = next(p.金额 for p in f.支出构成 if p.名称 == "基本支出")  # as stated, else from the 科目
    if f.基本支出 > spent:
        yield Finding("error", ("一般公共预算财政拨款基本支出",),
                      "一般公共预算财政拨款基本支出超过了本年基本支出", f.基本支出, spent)
    if f.基本支出 > f.一般公共预算支出:
        yield Finding("error", ("一般公共预算财政拨款基本支出",),
                      "基本支出超过了一般公共预算财政拨款支出", f.基本支出, f.一般公共预算支出)


def _economic(d: FinalAccounts) -> Iterator[Finding]:
    """Amounts by 经济分类, where given, add up to the spending they break down."""
    cat, ledger = economic_catalogue(d.单位.报告年度), compute_ledger(d)
    for group, x in uncoded(d, cat):
        yield Finding("warning", ("一般公共预算财政拨款基本支出" if group != "项目支出" else "一般公共预算财政拨款项目支出",),
                      f"{group}“{x.名称}”没有经济分类科目编码，公开表只计入合计：请写明科目编码")
    project = d.一般公共预算财政拨款项目支出
    if project:
        yield from _same(("一般公共预算财政拨款项目支出",), "一般公共预算财政拨款项目支出（经济分类）",
                         sum((x.金额 for x in project), ZERO), ledger.funds[0].项目)
    other = d.其他财政拨款支出经济分类
    if other:
        for part, attr in (("基本支出", "基本"), ("项目支出", "项目")):
            stated = sum((getattr(x, part) for x in other), ZERO)
            yield from _same(("其他财政拨款支出经济分类",), f"其他财政拨款支出经济分类的{part}",
                             stated, sum((getattr(fund, attr) for fund in ledger.funds[1:]), ZERO))


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
        (("机关运行经费", "原因"), f.机关运行经费变动 is not None and f.机关运行经费变动.direction != "flat",
         d.机关运行经费.原因 if d.机关运行经费 else ""),
        (("三公经费", "预决算差异原因"), f.三公完成.comparison != "equal", d.三公经费.预决算差异原因),
    ]
    for field, changed, reason in wanted:
        if changed and not reason:
            yield Finding("warning", field, "数字有变动，但没有写明原因")


def _references(d: FinalAccounts, f: FinalAccountsFacts) -> Iterator[Finding]:
    """A figure quoted by name in free text ("{2083001}") must exist, or the sentence cannot print."""

    known = final_accounts_figures(f)
    # 版式 holds wordings with placeholders of their own ({上年}, {简称}), checked in wording.py.
    for path, text in _texts(d.model_dump(by_alias=True, exclude={"版式"}), ()):
        for name in names(text):
            if name not in known:
                yield Finding("error", path, f"文中引用了不存在的数字“{{{name}}}”（可引用科目编码、合计与各项名称，见 README）")


def _texts(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _texts(v, path + (i,))
