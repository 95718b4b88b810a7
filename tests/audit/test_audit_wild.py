"""Wordings met in published documents of other units, years and regions (sentences paraphrased,
names and figures changed): what the audit must still report, and what it must leave alone.
"""

from __future__ import annotations

import pytest

from reportgen.audit import audit_text


def _kinds(text: str) -> list[tuple[str, str]]:
    return sorted((f.kind, f.stated) for f in audit_text(text))


SLIPS = {
    # The rate printed before the amount of the change.
    "the rate before the change": (
        "2023年度政府采购支出总额86.40万元，较上年增长31.20%，增加16.40万元。",
        [("change_rate", "31.20%")],
    ),
    # The base of a share printed inside its phrase.
    "a share of a base printed inside the phrase": (
        "项目支出164.30万元，占本年支出合计582.60万元的29.20%。",
        [("share", "29.20%")],
    ),
    # 收入总计 and 支出总计 broken down into the year's own subtotal and what is carried.
    "收入总计 over 本年收入合计 and 年初结转和结余": (
        "2023年度收入总计1236.50万元，其中：本年收入合计1110.20万元，年初结转和结余136.30万元。",
        [("parts_total", "1236.50万元")],
    ),
    "支出总计 short of its three parts": (
        "2023年度支出总计1236.50万元，其中：本年支出合计1080.40万元，结余分配0万元，年末结转和结余146.10万元。",
        [("parts_total", "1236.50万元")],
    ),
    # Completion with the budget inside the phrase, written "为/是…预算 X 万元的 p%".
    "completion written '为年初预算X万元的p%'": (
        "一般公共预算财政拨款支出决算数为386.40万元，为年初预算360.00万元的106.33%。",
        [("budget_completion", "106.33%")],
    ),
    # A change against another figure printed with its name ("较年初结转和结余 20 万元").
    "a change against a named figure printed before it": (
        "年末结转和结余36.80万元，较年初结转和结余24.50万元增加12.30万元，增长40.20%。",
        [("change_rate", "40.20%")],
    ),
    # Amounts and shares listed respectively ("分别为…，分别占…"), of the total before them.
    "shares listed respectively": (
        "本年支出合计845.20万元，基本支出、项目支出分别为612.30万元、232.90万元，分别占72.44%、28.56%。",
        [("share", "28.56%")],
    ),
    # Last year's figure stated on its own ("上年为…"), then the change and its rate.
    "a change after '上年为'": (
        "2023年度支出总计612.40万元，上年为575.20万元，增加37.20万元，增长7.47%。",
        [("change_rate", "7.47%")],
    ),
    # The budget of a completion rate stands between this year's figure and the comparison.
    "a change measured against the budget printed before it": (
        "“三公”经费财政拨款支出决算为3.04万元，完成全年预算7.1万元的42.8%，比上年决算数减少0.52万元，下降6.8%。",
        [("change_rate", "6.8%")],
    ),
    # Government-wide 决算 reports say 增收/增支 where unit reports say 增加.
    "增收 over the wrong base": (
        "一般公共预算收入129748万元，比上年增收12423万元，增长11.59%。",
        [("change_rate", "11.59%")],
    ),
    "减支 called growth": (
        "一般公共预算支出722.5亿元，同比减支3.5亿元，增长0.5%。",
        [("change_direction", "增长 0.5%")],
    ),
    # A list may open its own sentence; its total is the one amount of the sentence before.
    "其中 opening a sentence: parts exceed the total": (
        "“三公”经费支出5834万元，较上年下降2.3%。其中：公务用车购置692万元，公车运行维护4812万元，"
        "公务接待费430万元，因公出国100万元。",
        [("parts_total", "5834万元")],
    ),
    "其中 opening a sentence: a share off its total": (
        "本单位支出为1942.57万元。其中：基本支出1121.09万元，占57.71%；项目支出821.48万元，占24.29%。",
        [("share", "24.29%")],
    ),
    "其中 after a sentence with a change: the change is not the total": (
        "基本支出预算881300.39元，同比减少166271.4元，下降15.87%。其中：工资福利支出716052.51元，"
        "商品和服务支出265247.88元。",
        [("parts_total", "881300.39元")],
    ),
    "收支较上年 after two equal totals (Chongqing)": (
        "2023年度收入总计10328.56万元，支出总计10328.56万元。收支较上年决算数增加418.97万元，增长4.06%。",
        [("change_rate", "4.06%")],
    ),
    "a change that fits no figure of its clause": (
        "基本支出416.14万元，其中：人员经费338.16万元，公用经费77.98万元，比上年增加10万元，增长30%。",
        [("change_rate", "30%")],
    ),
}


@pytest.mark.parametrize("text, expected", SLIPS.values(), ids=SLIPS.keys())
def test_slips_are_reported(text, expected):
    assert _kinds(text) == sorted(expected)


CONSISTENT = {
    "the rate before the change": "2023年度政府采购支出总额86.40万元，较上年增长23.43%，增加16.40万元。",
    "a share of a base printed inside the phrase": "项目支出164.30万元，占本年支出合计582.60万元的28.20%。",
    "收入总计 over 本年收入合计 and 年初结转和结余":
        "2023年度收入总计1236.50万元，其中：本年收入合计1110.20万元，年初结转和结余126.30万元。",
    "支出总计 and its three parts":
        "2023年度支出总计1236.50万元，其中：本年支出合计1080.40万元，结余分配0万元，年末结转和结余156.10万元。",
    "支出总计 with only this year's spending named": "2023年度支出总计1236.50万元，其中：本年支出合计1080.40万元。",
    "completion written '为年初预算X万元的p%'": "一般公共预算财政拨款支出决算数为386.40万元，为年初预算360.00万元的107.33%。",
    "a change against a named figure printed before it":
        "年末结转和结余36.80万元，较年初结转和结余24.50万元增加12.30万元，增长50.20%。",
    "shares listed respectively": "本年支出合计845.20万元，基本支出、项目支出分别为612.30万元、232.90万元，分别占72.44%、27.56%。",
    "a change after '上年为'": "2023年度支出总计612.40万元，上年为575.20万元，增加37.20万元，增长6.47%。",
    "增收 on the right base": "一般公共预算收入129748万元，比上年增收12423万元，增长10.59%。",
    # The change is of 基本支出 (10 ÷ 406.14 = 2.46%), not of the 公用经费 printed just before it.
    "a change of the total before its parts": (
        "基本支出416.14万元，其中：人员经费338.16万元，公用经费77.98万元，比上年增加10万元，增长2.5%。"
    ),
    "a change of the first of two figures": "本单位收入100万元，支出90万元，比上年增加10万元，增长11.11%。",
    "收、支与上年相比 after two equal totals": (
        "2024年度收入总计4697.76万元，支出总计4697.76万元。收、支与2023年度相比，减少956.31万元，下降16.9%。"
    ),
    "收支 after two different totals names neither": (
        "2023年度收入总计100万元，支出总计90万元。收支较上年决算数增加10万元，增长4.06%。"
    ),
    "a price threshold is not an amount": "本单位共有单价50万元以上设备3台，其中：单价100万元以上专用设备1台。",
    "a threshold in the sentence before a list": (
        "截至2023年12月31日，本单位共有车辆2辆，单价50万元以上通用设备3台。其中：单价100万元（含）以上"
        "专用设备1台。"
    ),
    "running totals by month are not items of the year": (
        "全年支出600万元，其中：1-6月支出300万元、1-9月支出450万元、1-11月支出550万元。"
    ),
    "a change between the total and its list": (
        "财政拨款收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%。其中：一般公共预算财政拨款收入"
        "1486.64万元，政府性基金预算财政拨款收入30万元。"
    ),
    "two totals before a list: which one it breaks down is unknown": (
        "本单位收入100万元，支出90万元。其中：财政拨款80万元，事业收入20万元。"
    ),
    "a list after a sentence with a change breaks down the figure, not the change": (
        "基本支出预算881300.39元，同比减少166271.4元，下降15.87%。其中：工资福利支出716052.51元，"
        "商品和服务支出165247.88元。"
    ),
}


@pytest.mark.parametrize("text", CONSISTENT.values(), ids=CONSISTENT.keys())
def test_consistent_wording_is_not_reported(text):
    assert _kinds(text) == []


def test_a_rounding_slip_is_shown_with_enough_decimals_to_exclude_it():
    # 54357.12 ÷ 904445.42 = 6.00999…%, which rounds to 6.01%: "6.00%" was cut, not rounded.
    [finding] = audit_text("一般公共预算支出850088.3元，同比减少54357.12元，下降6.00%。")
    assert finding.kind == "change_rate"
    assert finding.consistent_range == ("6.009%", "6.010%")
    assert "6.009%～6.010%" in finding.message
