"""第五部分: the 13 公开表 of both examples — order, numbers, identities, agreement with the text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from examples import IDS, built, markdown
from examples import SICHUAN as EXAMPLES  # the 13 tables of the 四川 layout
from reportgen.document.nodes import Heading, Table
from reportgen.kinds.final_accounts.table_grid import Cells
from reportgen.kinds.final_accounts.table_facts import Rows
from reportgen.phrasing.numbers import format_amount

QUXIAN, PANZHIHUA = sorted(EXAMPLES, key=lambda n: not n.startswith("渠县"))
TITLES = [
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "财政拨款支出决算明细表",
    "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出决算明细表", "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款项目支出决算表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表",
]
ALL = pytest.mark.parametrize("name", sorted(EXAMPLES), ids=IDS.get)


def tables(name: str) -> list[Table]:
    """The 公开表 (第四部分 has tables of its own, without a 公开NN表 number)."""
    return [b for b in built(name).document.blocks if isinstance(b, Table) and b.number.startswith("公开")]


def table(name: str, title: str) -> Table:
    return next(t for t in tables(name) if t.title.startswith(title.removesuffix("表")))


def row(t: Table, first: str) -> list[str]:
    """The texts of the body row whose first cell reads `first` (a code, 合计, a label), one per
    grid column (a spanning cell's text, then empty strings)."""
    cells = next(r for r in t.body if r[0].text == first)
    return [text for c in cells for text in [c.text] + [""] * (c.colspan - 1)]


@ALL
def test_thirteen_tables_in_the_seed_order_with_numbers_and_unit_lines(name):
    ts = tables(name)
    assert len(ts) == 13
    unit = built(name).data.单位.名称
    for n, (t, title) in enumerate(zip(ts, TITLES), 1):
        assert t.number == f"公开{n:02d}表"
        assert (t.unit_left, t.unit_right) == (f"部门：{unit}", "金额单位：万元")
        assert t.title == title or title == TITLES[7]
    headings = [b.full_text for b in built(name).document.blocks if isinstance(b, Heading) and b.level == 2]
    assert headings[-13:] == [f"{label}{t.title}" for label, t in zip(
        ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、", "十三、"], ts)]


def test_the_basic_spending_table_title_is_a_wording_choice():
    assert tables(QUXIAN)[7].title == "一般公共预算财政拨款基本支出决算表"  # seed 000
    assert tables(PANZHIHUA)[7].title == "一般公共预算财政拨款基本支出决算明细表"  # seed 001
    assert "八、一般公共预算财政拨款基本支出决算明细表" in markdown(PANZHIHUA)


@ALL
def test_empty_tables_are_printed_with_a_note_and_others_without(name):
    year = built(name).facts.本年
    for t in tables(name):
        empty = t.title.startswith(("政府性基金", "国有资本经营", "财政拨款“三公”"))
        assert bool(t.notes) == empty, t.title
        if empty:
            assert t.notes[0].startswith(f"本单位{year}年度无") and t.notes[0].endswith("，故本表为空表。")
            assert t.body, "an empty table still prints its grid"


@ALL
def test_wide_tables_are_landscape(name):
    for t in tables(name):
        assert t.landscape == (t.n_cols >= 6 and not t.title.startswith("一般公共预算财政拨款基本支出")), t.title


@ALL
def test_every_row_has_as_many_grid_cells_as_the_header(name):
    for t in tables(name):
        for r in t.body:
            assert sum(c.colspan for c in r) == t.n_cols, t.title


def _check_subtotals(rows: Rows) -> None:
    """合计 = Σ 类; each 类 = Σ its 款 (or, by 经济分类, its 款) and each 款 = Σ its 项, in every column."""
    by_code = {r.编码: r for r in rows}
    leaves = [r for r in rows if r.级次 in ("项",) or (r.级次 == "款" and len(r.编码) == 5 and not any(
        c.startswith(r.编码) and len(c) == 7 for c in by_code))]
    for r in rows:
        parts = [x for x in leaves if x.编码.startswith(r.编码)] if r.级次 != "合计" else leaves
        if r.级次 != "项" and parts:
            total = {c: sum((x.值[c] for x in parts), Decimal(0)) for c in r.值}
            assert r.值 == total, (r.编码, r.名称)


@ALL
def test_subject_tables_add_up_from_their_items(name):
    t = built(name).facts.附表
    for rows in (t.收入, t.支出, t.一般公共预算财政拨款支出, t.一般公共预算财政拨款项目支出经济分类,
                 t.一般公共预算财政拨款支出经济分类, t.财政拨款支出经济分类,
                 t.政府性基金预算财政拨款收支, t.国有资本经营预算财政拨款支出):
        _check_subtotals(rows)


@ALL
def test_table_identities_hold(name):
    f = built(name).facts
    t = f.附表
    total = t.支出[0].值
    parts = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
    assert total["本年支出合计"] == sum(total[p] for p in parts) == f.本年支出合计
    income = t.收入[0].值
    assert income["本年收入合计"] == sum(v for k, v in income.items() if k != "本年收入合计") == f.本年收入合计
    gpb = t.一般公共预算财政拨款支出[0].值
    projects = t.一般公共预算财政拨款项目支出经济分类[0].值["决算数"]
    assert (gpb["合计"], gpb["基本支出"], gpb["项目支出"]) == (f.一般公共预算支出, f.基本支出, projects)
    detail = t.一般公共预算财政拨款支出经济分类[0].值
    assert detail["合计"] == detail["基本支出"] + detail["项目支出"]
    assert detail["基本支出"] == detail["人员经费"] + detail["公用经费"] == f.基本支出
    basic = t.一般公共预算财政拨款基本支出
    assert (basic.人员经费[0].值["决算数"], basic.公用经费[0].值["决算数"]) == (f.人员经费, f.公用经费)
    assert sum(r.值["决算数"] for r in basic.人员经费 if r.级次 == "款") == f.人员经费  # fully itemised in both examples
    assert sum(r.值["决算数"] for r in t.一般公共预算财政拨款项目支出经济分类 if r.级次 == "款") == detail["项目支出"]
    funds = t.财政拨款
    assert sum(x.收入 for x in funds) == f.财政拨款收入
    assert sum(x.年初 + x.收入 for x in funds) == f.财政拨款收支总计 == sum(x.支出 + x.年末 for x in funds)


@ALL
def test_table_cells_print_as_the_text_prints_the_same_figures(name):
    f, md = built(name).facts, markdown(name)
    cells = Cells(built(name).data.样式, blank_zeros=True)
    text = lambda v: format_amount(v, built(name).data.样式) + "万元"  # noqa: E731
    for part in f.一般公共预算类构成:  # 五（二）: 类 amounts equal the 类 rows of 公开06表
        r = next(r for r in f.附表.一般公共预算财政拨款支出 if r.名称 == part.名称)
        assert r.值["合计"] == part.金额 and text(part.金额) in md
        assert cells.amount(part.金额).text in row(table(name, "一般公共预算财政拨款支出决算表"), r.编码)
    t1 = table(name, "收入支出决算总表")
    assert row(t1, "本年收入合计")[2] == cells.amount(f.本年收入合计).text
    assert row(t1, "总计")[5] == cells.amount(f.支出总计).text
    for i in f.一般公共预算科目:  # 五（三）: each 项
        assert row(table(name, "一般公共预算财政拨款支出决算表"), i.编码)[2] == cells.amount(i.决算数).text


def test_seed_000_figures_in_the_tables():
    t3 = table(QUXIAN, "支出决算表")
    assert row(t3, "合计")[2:5] == ["568.27", "141.54", "426.73"]
    assert row(t3, "210")[2] == "6.68"  # the 类 is rounded from 元, not added from rounded 项
    assert [row(t3, c)[2] for c in ("2101101", "2101102", "2101103", "2101199")] == ["3.77", "0.51", "2.36", "0.02"]
    assert row(table(QUXIAN, "一般公共预算财政拨款基本支出决算表"), "人员经费合计")[2] == "127.26"


def test_seed_001_carry_over_is_in_the_fiscal_overview():
    t4 = table(PANZHIHUA, "财政拨款收入支出决算总表")
    assert row(t4, "年初财政拨款结转和结余")[2] == "75.80"
    assert row(t4, "一般公共预算财政拨款")[2] == "75.80"
    assert row(t4, "总计")[2] == "518.57"
    assert row(table(PANZHIHUA, "收入决算表"), "2089901")[2] == "176.20"  # 252 spent, 75.8 carried in


def test_zero_cells_are_blank_unless_the_wording_asks_for_zeros():
    t = table(QUXIAN, "收入支出决算总表")
    assert row(t, "二、政府性基金预算财政拨款收入")[2] == ""
    assert Cells(built(QUXIAN).data.样式, blank_zeros=False).amount(Decimal(0)).text == "0.00"


@ALL
def test_docx_has_merged_repeated_headers_and_landscape_pages(name):
    docx = pytest.importorskip("reportgen.writers.docx")
    xml = docx.normalized_document_xml(docx.build(built(name).document))
    assert xml.count("<w:tblHeader/>") >= 13 * 2
    assert 'w:gridSpan w:val="3"' in xml and 'w:vMerge w:val="restart"' in xml
    assert 'w:orient="landscape"' in xml


@ALL
def test_markdown_of_the_tables(name, snapshot_md):
    md = markdown(name)
    assert md[md.index("## 第五部分"):] == snapshot_md


# The inputs the tables need, and the checks that keep them in step with the text.

def test_money_other_than_fiscal_appropriations_reaches_the_income_and_spending_tables(tmp_path):
    from test_one_source_of_truth import cells, variant

    def with_business_income(d: dict) -> None:
        d["非财政拨款收支"] = [{"科目编码": 2080109, "事业收入": 100000, "基本支出": 60000, "经营支出": 40000}]
        d["结转结余"] = {"年初结转和结余": 0}

    result, md = variant(tmp_path, with_business_income)
    assert cells(result, "收入决算表", "2080109")[2:6] == ["194.90", "184.90", "", "10.00"]
    assert cells(result, "支出决算表", "合计")[2:7] == ["578.27", "147.54", "426.73", "", "4.00"]
    assert cells(result, "收入支出决算总表", "五、事业收入")[2] == "10.00"
    assert "事业收入10.00万元" in md and "经营支出4.00万元" in md
    assert cells(result, "一般公共预算财政拨款支出决算表", "合计")[2] == "568.27"  # fiscal tables unchanged


def _errors(tmp_path, edit) -> str:
    from reportgen.errors import DataErrors
    from test_one_source_of_truth import variant

    with pytest.raises(DataErrors) as e:
        variant(tmp_path, edit)
    return str(e.value)


def test_a_split_larger_than_the_outturn_is_an_error(tmp_path):
    from test_one_source_of_truth import item

    message = _errors(tmp_path, lambda d: item(d, 2130599).__setitem__("项目支出", 30000))
    assert "一般公共预算财政拨款支出[12].项目支出: 项目支出超过了决算数" in message


def test_a_typed_total_that_disagrees_with_its_items_is_an_error(tmp_path):
    def typed(d: dict) -> None:
        d["支出"]["项目支出"] = 4267250

    assert "支出.项目支出: 项目支出与各科目的项目支出之和不符" in _errors(tmp_path, typed)


def test_fiscal_carry_over_must_be_given_by_item(tmp_path):
    def typed(d: dict) -> None:
        d["结转结余"] = {"年初结转和结余": 10000, "年初财政拨款结转和结余": 10000}

    assert "年初财政拨款结转和结余与各科目的年初结转和结余之和不符" in _errors(tmp_path, typed)


def test_economic_amounts_must_add_up_and_belong_to_their_group(tmp_path):
    def project_short(d: dict) -> None:
        d["一般公共预算财政拨款项目支出"][0]["金额"] += 1

    assert "一般公共预算财政拨款项目支出" in _errors(tmp_path, project_short)

    def personnel_as_public(d: dict) -> None:
        d["一般公共预算财政拨款基本支出"]["公用经费"]["经济分类"][0]["科目编码"] = 30101

    assert "经济分类 30101 不属于公用经费" in _errors(tmp_path, personnel_as_public)


def test_an_item_without_an_economic_code_is_only_counted_in_the_total(tmp_path):
    from test_one_source_of_truth import variant

    def uncoded(d: dict) -> None:
        group = d["一般公共预算财政拨款基本支出"]["公用经费"]
        group["明细"] = [{"名称": "其他交通费", "金额": x["金额"]} if x["科目编码"] == 30239 else
                       {"名称": name_of(x["科目编码"]), "金额": x["金额"]} for x in group.pop("经济分类")]

    def name_of(code: int) -> str:
        from reportgen.kinds.final_accounts.economic import economic_catalogue
        return economic_catalogue().names[str(code)]

    result, md = variant(tmp_path, uncoded)
    assert any(f.severity == "warning" and "其他交通费" in f.message for f in result.findings)
    t8 = next(t for t in tables_of(result) if t.number == "公开08表")
    assert row(t8, "人员经费合计")[5] == "14.29"  # the total stands; the uncoded 款 is not listed
    assert all(r[3].text != "30239" for r in t8.body)


def tables_of(result) -> list[Table]:
    return [b for b in result.document.blocks if isinstance(b, Table) and b.number.startswith("公开")]


CODES = ["2080101", "2080109", "2080505", "2080506", "2083001", "2101101", "2101103", "2130599", "2210201"]


@given(st.lists(st.tuples(st.sampled_from(CODES), st.integers(0, 10**9), st.integers(0, 100), st.integers(0, 10**7)),
                min_size=1, max_size=8, unique_by=lambda x: x[0]))
@settings(max_examples=60, deadline=None)
def test_any_items_give_tables_that_add_up_and_balance(items):
    """Random 项 (元, a share of 项目支出, a carry-in): every 类/款 row adds up and both 总表 balance."""
    from reportgen.kinds.final_accounts.facts import compute
    from reportgen.kinds.final_accounts.model import FinalAccounts

    rows = [{"科目编码": c, "预算数": a, "决算数": a, "项目支出": a * p // 100, "年初结转和结余": min(carry, a)}
            for c, a, p, carry in items]
    basic = sum(r["决算数"] - r["项目支出"] for r in rows)
    data = FinalAccounts.model_validate({
        "金额单位": "元", "单位": {"名称": "某单位", "报告年度": 2023, "部门职责": "职责"}, "收入": {}, "支出": {},
        "结转结余": {"年初结转和结余": sum(r["年初结转和结余"] for r in rows)},
        "上年决算": {"收支总计": 1, "财政拨款收支总计": 1, "一般公共预算财政拨款支出": 1},
        "一般公共预算财政拨款支出": rows,
        "一般公共预算财政拨款基本支出": {"人员经费": {"金额": basic}, "公用经费": {"金额": 0}},
        "机关运行经费": {"本年": 0, "上年": 0},
    }, context={"金额单位": "元"})
    f = compute(data)
    t = f.附表
    for table_rows in (t.收入, t.支出, t.一般公共预算财政拨款支出):
        _check_subtotals(table_rows)
    assert t.支出[0].值["本年支出合计"] == f.本年支出合计 == f.一般公共预算支出
    assert f.收入总计 == f.支出总计 and f.年末结转和结余 == 0
    assert sum(r.值["本年支出合计"] for r in t.支出 if r.级次 == "类") == f.本年支出合计
    assert t.收入[0].值["本年收入合计"] + sum(x.年初 for x in t.财政拨款) == f.财政拨款收支总计
