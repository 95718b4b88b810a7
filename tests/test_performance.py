"""The 绩效 examples' derived figures, the checks that stop bad data, and the 决算 附件."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from examples import ROOT
from reportgen.errors import DataErrors
from reportgen.run import build, check


def load(path):
    """Load, check and compute a 绩效 file; DataErrors when a check finds an error."""
    checked = check(path)
    if checked.errors:
        raise DataErrors(checked.errors)
    return checked.data, checked.facts, list(checked.findings)
from reportgen.run import build as build_any
from reportgen.writers.markdown import render_text

EXAMPLES = ROOT / "data" / "examples"
TAOJIANG = EXAMPLES / "桃江县社会保险服务中心-2024-绩效评价.yaml"
LIESHAN = EXAMPLES / "烈山区-2023-项目绩效自评.yaml"
QUXIAN = EXAMPLES / "渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml"
QUXIAN_ACCOUNTS = EXAMPLES / "渠县城乡居民社会养老保险管理局-2023.yaml"
SEED_003 = ROOT / "tests" / "data" / "performance_seed003.yaml"


def test_seed_004_scores_follow_from_the_forms():
    _, f, _ = load(TAOJIANG)
    d = f.部门整体
    assert (d.执行率, d.预算执行得分, d.总分, d.等级) == (D("99.97"), D("10.00"), D("96.00"), "优")
    assert [(x.名称, x.分值, x.得分) for x in d.一级] == [
        ("产出指标", 60, 56), ("效益指标", 20, 20), ("满意度指标", 10, 10)]
    p = f.项目[0].评分
    assert (p.执行率, p.总分, p.分值合计, p.指标个数) == (D("100.00"), D("96.00"), 100, 9)
    assert f.基础.在职人员控制率 == D("84.38")
    assert (f.基础.三公经费.变动.delta, f.基础.三公经费.变动.rate) == (D("-4.11"), D("-59.83"))


def test_seed_002_gets_its_true_execution_rates_and_scores():
    _, f, findings = load(LIESHAN)
    old, pension = (p.评分 for p in f.项目)
    assert (old.执行率, old.预算执行得分, old.总分, old.等级) == (D("97.31"), D("9.73"), D("89.73"), "良")
    assert (pension.执行率, pension.预算执行得分, pension.总分, pension.等级) == (D("84.47"), D("8.45"), D("98.45"), "优")
    # 老字号's 分值 add up to 90, not 100: a warning, since the unit's form says so.
    assert [x.message for x in findings] == ["分值合计为 90，不是 100"]


def test_seed_003_common_indicators_by_its_own_rules():
    _, f, _ = load(SEED_003)
    got = {i.名称: (i.值, i.得分) for i in f.共性指标}
    # Seed 003 prints 控制率 100% for 31 of 37 posts: it is 83.78%.
    assert got == {"在职人员控制率": (D("83.78"), D("2.00")), "三公经费变动率": (D("-52.63"), D("2.00")),
                   "公用经费控制率": (D("90.02"), D("3.00")), "三公经费控制率": (D("58.50"), D("3.00"))}


def test_seed_000_counts_come_from_the_project_forms():
    _, f, _ = load(QUXIAN)
    assert (f.项目合计.项目个数, f.项目合计.年初申报项目个数, f.项目合计.年中追加项目个数) == (4, 1, 3)
    assert (f.项目合计.数量指标个数, f.项目合计.数量指标完成个数) == (5, 5)
    assert (f.常年项目.全年预算数, f.一次性项目.全年预算数) == (D("66.84"), D("348.92"))
    assert f.部门整体.总分 == D("95.91") and f.部门整体.总分调整.计算得分 == D("100.00")


def test_an_adjusted_score_is_shown_with_its_reason():
    md = render_text(build(QUXIAN).document)
    assert "（自评调整：总分按评分规则计算为100分，自评为97分。理由：按评价指标体系综合评定" in md
    assert "本项目综合评价得分97分，评价等级为“优”。" in md


def test_the_annexes_restart_their_numbering_inside_the_final_accounts():
    md = render_text(build_any(QUXIAN_ACCOUNTS).document)
    annex = md[md.index("## 第四部分 附件"):md.index("## 第五部分 附表")]
    assert annex.count("### 一、项目概况") == 4
    assert "### 一、部门（单位）基本情况" in annex and "### 四、评价结论及建议" in annex
    assert annex.index("附件1") < annex.index("附件2")
    assert "我单位整体支出绩效自评为95.91分，评价等级为“优”。" in annex


def _edit(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / source.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def _errors(path: Path) -> list[str]:
    with pytest.raises(DataErrors) as e:
        load(path)
    return [str(x) for x in e.value.errors]


def test_a_score_above_its_points_is_an_error_with_its_line(tmp_path):
    bad = _edit(tmp_path, TAOJIANG, "分值: 10, 得分: 6}", "分值: 10, 得分: 85}")
    (error,) = _errors(bad)
    assert "部门整体.绩效指标[1].二级[2].指标[3].得分: 得分 85 超过了分值 10" in error
    assert f"{bad}:" in error


def test_an_unknown_figure_name_is_an_error_with_its_line(tmp_path):
    bad = _edit(tmp_path, TAOJIANG, "自评为{总分}分", "自评为{总得分}分")
    (error,) = _errors(bad)
    assert "部门整体.报告.章节[4].小节[2].段落[6]" in error and "“{总得分}”" in error


def test_parts_that_do_not_add_up_are_an_error(tmp_path):
    bad = _edit(tmp_path, TAOJIANG, "基本支出: 373.59", "基本支出: 373.95")
    (error,) = _errors(bad)
    assert "按支出性质各项之和 444.6 与全年执行数 444.24 不符" in error


def test_an_override_above_its_points_is_an_error(tmp_path):
    bad = _edit(tmp_path, LIESHAN, "      分值: 10\n      其中:\n        - {名称: 本年财政拨款, 年初预算数: 900",
                "      分值: 10\n      得分调整: {得分: 85, 理由: 公开文本如此}\n      其中:\n"
                "        - {名称: 本年财政拨款, 年初预算数: 900")
    assert any("预算执行得分 85 超过了分值 10" in e for e in _errors(bad))
