"""Claims in single sentences: the slips are reported, rounding and house styles are not."""

from __future__ import annotations

import pytest

from reportgen.audit import audit_text


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.stated) for f in audit_text(text)]


SLIPS = {
    "share off its total": (
        "2023年本年支出合计568.27万元，其中：基本支出141.54万元，占30.00%；项目支出426.73万元，占75.09%。",
        [("share", "30.00%")],
    ),
    "parts exceed the total": (
        "本年收入合计500万元，其中：财政拨款收入400万元，事业收入150万元。",
        [("parts_total", "500万元")],
    ),
    "parts short of a total whose shares add to 100%": (
        "收入合计600万元，其中：财政拨款400万元，占80%；事业收入100万元，占20%。",
        [("parts_total", "600万元"), ("share", "20%"), ("share", "80%")],
    ),
    "parts inside brackets": (
        "下达资金193.92万元（其中省级财政资金122.44万元，县级配套资金81.48万元）。",
        [("parts_total", "193.92万元")],
    ),
    "a descriptive 主要包括 does not end the 其中 list": (
        "基本支出416.14万元，其中：人员经费338.16万元，占基本支出的81.26%,主要包括基本工资、津贴补贴；"
        "公用经费77.98万元，占基本支出的28.74%，主要包括办公费。",
        [("share", "28.74%")],
    ),
    "a second list after a semicolon has a total of its own": (
        "收入500万元，其中：甲300万元、乙200万元；支出480万元，其中：丙280万元、丁220万元。",
        [("parts_total", "480万元")],
    ),
    "growth over the wrong base": (
        "机关运行经费支出14.29万元，比2022年增加6.26万元，增长128.25%。",
        [("change_rate", "128.25%")],
    ),
    "fall over the wrong base": (
        "机关运行经费支出8.26万元，比上年减少0.92万元，下降20%。",
        [("change_rate", "20%")],
    ),
    "a fall called growth": (
        "机关运行经费支出8.26万元，比上年减少0.92万元，增长10%。",
        [("change_direction", "增长 10%")],
    ),
    "current figure from the sentence before": (
        "2023年度收、支总计均为568.27万元。与2022年相比，收、支总计各增加465.54万元，增长400.00%。",
        [("change_rate", "400.00%")],
    ),
    "completion": (
        "项目全年预算数为900万元，执行数为760.2160万元，完成预算的75%。",
        [("budget_completion", "75%")],
    ),
    "completion, spending named first": (
        "执行数为760.22万元，预算数为900万元，执行率75%。",
        [("budget_completion", "75%")],
    ),
    "completion, amounts in different units": (
        "预算数为6800000元，执行数为661.7252万元，完成预算的100%。",
        [("budget_completion", "100%")],
    ),
    "completion, full-width digits": (
        "预算数为６８０万元，执行数为６６１．７２５２万元，完成预算的１００％。",
        [("budget_completion", "100%")],
    ),
    "control rate": (
        "编制数32人，在职人数27人，在职人员控制率90%。",
        [("control_rate", "90%")],
    ),
    "score above its weight": (
        "（一）项目决策情况（分值20分，自评得分25分）",
        [("score_exceeds_weight", "25")],
    ),
    "last year's figure printed: the change is not the difference": (
        "2020年公务接待支出124万元，比上年累计支出148万元减少34万元，下降16%。",
        [("change_amount", "34万元")],
    ),
    "last year's figure printed: the rate is off": (
        "2020年“三公”经费支出431万元，比上年累计支出433万元减少2万元，下降5%。",
        [("change_rate", "5%")],
    ),
    # 总收入 is this year's income plus what was carried over: a list of the two is complete.
    "income and carry-over short of 总收入 (seed 001)": (
        "决算报表总收入518.77万元，其中：一般公共预算拨款收入442.77万元；年初结转和结余75.8万元。",
        [("parts_total", "518.77万元")],
    ),
    "a change against the budget over the wrong base": (
        "公务接待费支出2.14万元，与2021年度预算相比，增加1.14万元，增长1.14%。",
        [("change_rate", "1.14%")],
    ),
    "comparison with the report year itself": (
        "2023年度某局部门决算\n一、说明\n因公出国（境）支出决算与2023年决算数持平。",
        [("year_reference", "2023年")],
    ),
}


@pytest.mark.parametrize("text, expected", SLIPS.values(), ids=SLIPS.keys())
def test_slips_are_reported(text, expected):
    assert sorted(_kinds(text)) == sorted(expected)


CONSISTENT = {
    "growth computed from 元-level figures": "收、支总计均为568.27万元。与2022年相比，收、支总计各增加465.54万元，增长453.14%。",
    "largest remainder": (
        "合计300.00万元，其中：甲100.00万元，占33.33%；乙100.00万元，占33.33%；丙100.00万元，占33.34%。"
    ),
    "a whole percentage for 99.996%": "预算数为1000.00万元，执行数为999.96万元，完成预算的100%。",
    "a nested 主要包括 list": (
        "基本支出224.77万元，其中：人员经费213.87万元，主要包括：基本工资27.12万元、津贴补贴186.75万元。"
    ),
    "a sub-list ends with its item's clause": (
        "基本支出224.77万元，其中：人员经费213.87万元，主要包括：基本工资150.00万元、津贴55.00万元；"
        "公用经费10.90万元，主要包括：办公费1.18万元。"
    ),
    "a share of another base": "基本支出141.54万元，其中：人员经费127.26万元，占总支出的22.39%。",
    "a change of another subject": "2023年支出500万元。与上年相比，项目支出减少20万元，下降8%。",
    "a subject named before the cue": "基本支出100万元；项目支出比上年增加10万元，增长50%。",
    "a list breaking down a change": "比上年增加10万元，其中：基本支出增加6万元，占60%。",
    "a supplementary budget leaves the base unknown": "年初预算100万元，追加预算20万元，执行118万元，执行率98.33%。",
    "a zero budget": "因公出国（境）费支出预算为0万元，支出决算为0万元，完成预算的0%。",
    "a fall to zero": "支出0万元，比上年减少5万元，下降100%。",
    "a subtotal listed beside its items": (
        "人员经费127.26万元，其中：工资福利支出100.00万元、基本工资60.00万元、津贴40.00万元、"
        "对个人和家庭的补助27.26万元。"
    ),
    "a partial list short of its total": "收入合计518.77万元，其中：一般公共预算拨款收入442.77万元；事业收入75.8万元。",
    "comparison with this year's budget": "2023年度某局部门决算\n支出决算100万元，与2023年预算相比减少5万元。",
    "comparison with the start of the year": "2023年度某局部门决算\n资产较2023年初增加5万元。",
    "next year's budget compared with this year": "2023年度某局部门决算\n2024年预算与2023年相比增加5万元。",
    "last year named in a later report": "2024年度某局部门决算\n支出与2023年相比减少5万元。",
    "no report year to speak of": "与2023年相比持平。",
    "a title year the body does not bear out": (
        "根据关于做好2023年度部门决算公开的通知\n2024年支出决算100万元。2024年人员增加。2024年资产增加。"
        "支出与2023年相比增加5万元。"
    ),
    "this year's budget against this year's outturn": "2023年度某局部门决算\n“三公”经费预算数与2023年决算数相比减少2万元。",
    "last year's figure printed, all consistent": "公务用车运行维护费支出251万元，比上年累计支出285万元下降34万元，下降12%。",
    "同比上年度 with the figure in the sentence before": "1、收入：792.22万元。同比上年度增加189.25万元，增加31.39%。",
    "paired totals are not read as one figure": (
        "2022年度收、支总计各是4000.00,4100.00万元。与2021年相比，收、支总计各减少1000.00,2000.00万元，各下降20.00%、32.79%。"
    ),
    "a change against this year's budget names this year without a slip": (
        "2020年度某局部门决算\n公务接待费支出16.3万元，与2020年度预算相比，增加1.5万元，增长10.14%。"
    ),
    "the figure just before 较 is the one compared": (
        "本单位2021年度总收入581.45万元，其中本年收入390.55万元，较2020年度决算数减少175.26万元，下降31%。"
    ),
    "house style for a zero base": "由于预算数为0万元，无法计算百分比，决算数与预算数一致。",
}


@pytest.mark.parametrize("text", CONSISTENT.values(), ids=CONSISTENT.keys())
def test_consistent_wording_is_not_reported(text):
    assert _kinds(text) == []


def test_a_share_slip_is_reported_with_its_own_clause_and_the_range():
    [finding] = audit_text(SLIPS["share off its total"][0])
    assert finding.sentence == "2023年本年支出合计568.27万元，其中：基本支出141.54万元，占30.00%；"
    assert finding.consistent_range == ("24.90%", "24.91%")


def test_a_share_bent_to_make_100_percent_is_a_hint_of_its_own():
    # 16.46 ÷ 518.57 = 3.174%: printed 3.1% so that the three shares total 100% (倒挤, seed 001).
    text = (
        "一般公共预算财政拨款支出518.57万元，主要用于以下方面:社会保障和就业支出483.16万元，占93.2%；"
        "卫生健康支出18.95万元，占3.7%；住房保障支出16.46万元，占3.1%。"
    )
    [finding] = audit_text(text)
    assert (finding.kind, finding.stated, finding.severity) == ("share_apportioned", "3.1%", "warning")
    assert finding.consistent_range == ("3.17%", "3.18%") and "倒挤" in finding.message


def test_largest_remainder_is_no_finding_but_other_nudges_are_hints():
    # 1/3 each: 33.33, 33.33, 33.34 is largest remainder (all remainders equal). 10.01 and 39.99
    # for 10.004% and 39.996% total 100% too, but round the smaller remainder up: no method does.
    assert audit_text("合计300.00万元，其中：甲100.00万元，占33.33%；乙100.00万元，占33.33%；丙100.00万元，占33.34%。") == []
    text = "合计100.000万元，其中：甲10.004万元，占10.01%；乙39.996万元，占39.99%；丙50.000万元，占50.00%。"
    assert [(f.kind, f.severity) for f in audit_text(text)] == [("share_apportioned", "warning")] * 2


def test_removing_the_100_percent_sum_makes_a_one_step_share_a_finding():
    text = "合计300.00万元，其中：甲100.00万元，占33.33%；乙100.00万元，占33.33%；丙100.00万元，占33.35%。"
    assert _kinds(text) == [("share", "33.35%")]


def test_a_bent_share_far_beyond_rounding_is_still_reported_in_a_list_adding_to_100():
    text = (
        "支出518.57万元，主要用于以下方面:社会保障和就业支出483.16万元，占90.2%；"
        "卫生健康支出18.95万元，占3.7%；住房保障支出16.46万元，占6.1%。"
    )
    assert sorted(_kinds(text)) == [("share", "6.1%"), ("share", "90.2%")]
