"""The 绩效自评 data model: 基础数据表, 部门整体 and 项目 自评表 with their indicator trees.

Everything derivable is left out: 执行率, the 预算执行 points, 一级 weights, 总分, grades and
counts are facts. A score the unit sets instead of the derived one is a ScoreOverride and
carries its reason, which the output prints as 自评调整.
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Optional

from pydantic import BeforeValidator, Field

from reportgen.core.model import Model, Money, Unit
from reportgen.kinds.performance.basics import BasicData
from reportgen.kinds.performance.report import Report, Summary
from reportgen.kinds.performance.scoring_rules import Points, ScoreOverride, ScoringRules
from reportgen.core.style import NumberStyle


def _text(value: Any) -> Any:
    # A table cell typed as a number (指标值: 12, 实际完成值: 45.99) is still text to print.
    if isinstance(value, float):
        raise ValueError("请把这个数写成文字（加引号），以免浮点误差")
    return str(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else value


Text = Annotated[str, BeforeValidator(_text)]


def _lines(value: Any) -> Any:
    return [value] if isinstance(value, str) else value

#: ASCII signs typed for convenience print as the forms' signs; a form system's own glyphs
#: (≧ ═ ﹦, seen in 云南 forms) are kept as typed, like any other text.
_ASCII_NATURE = {"=": "＝", ">=": "≥", "<=": "≤", ">": "＞", "<": "＜"}
_GLYPHS = frozenset("＝≥≤＞＜≧≦═﹦") | {"定性"}


def _nature(value: Any) -> Any:
    """
    >>> _nature(">="), _nature("≧"), _nature(" 定性 ")
    ('≥', '≧', '定性')
    """
    text = value.strip() if isinstance(value, str) else value
    if text in _ASCII_NATURE:
        return _ASCII_NATURE[text]
    if text in _GLYPHS:
        return text
    raise ValueError(f"指标性质应为 ＝、≥、≤、＞、＜ 或 定性（填写的是：{value}）")


class Signature(Model):
    """Who signs a form: the 湖南 line under it (填表人 … 单位负责人签字) or the 四川 row in it
    (项目负责人, 财务负责人); a table's own entries win over the document's."""

    填表人: str = ""
    填报日期: Optional[datetime.date] = None
    联系电话: Text = ""
    单位负责人: str = ""
    项目负责人: str = ""
    财务负责人: str = ""


class Indicator(Model):
    """One 三级指标 row. 得分 is the evaluator's judgement, checked against 分值.

    A row without 分值 is a placeholder the form prints blank (指标2, ……) or one sharing a merged
    score; it counts as 0 in the sums.
    """

    名称: Text = ""
    性质: Optional[Annotated[str, BeforeValidator(_nature)]] = None
    指标值: Text = ""
    度量单位: Text = ""
    实际完成值: Text = ""
    分值: Optional[Points] = None
    得分: Optional[Points] = None
    偏差原因: Text = ""

    @property
    def weight(self) -> Decimal:
        return self.分值 if self.分值 is not None else Decimal(0)


class SecondLevel(Model):
    """A 二级指标 (数量指标, 质量指标, …) with its 三级 rows; none prints as one empty row."""

    名称: str
    指标: list[Indicator] = []


class FirstLevel(Model):
    """A 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标); its weight is the sum of its rows."""

    名称: str
    二级: list[SecondLevel] = Field(min_length=1)


class FundRow(Model):
    """A 其中 row of 项目资金 (当年财政拨款, 上年结转资金, 其他资金); blanks print blank."""

    名称: str
    年初预算数: Optional[Money] = None
    全年预算数: Optional[Money] = None
    全年执行数: Optional[Money] = None


class Funds(Model):
    """年度资金总额 with the 预算执行 score's 分值; the 执行率 and points are derived."""

    年初预算数: Money
    全年预算数: Money
    全年执行数: Money
    分值: Points = Decimal(10)
    得分调整: Optional[ScoreOverride] = None
    #: Why 执行率 fell short or the budget was adjusted (the 四川 form's 原因 column).
    原因: str = ""
    其中: list[FundRow] = []
    #: 部门整体: 全年执行数 by source and by nature, each summing to 全年执行数 (None prints blank).
    按收入性质: dict[str, Optional[Money]] = {}
    按支出性质: dict[str, Optional[Money]] = {}


class Goals(Model):
    预期目标: str
    实际完成情况: str = ""


class Task(Model):
    """年度主要任务 (四川 部门整体表): a task and what it involves."""

    名称: str
    主要内容: str


class SelfEvaluation(Model):
    """What the 部门整体 and 项目 自评表 share: funds, goals, indicators, the 总分 override, the
    closing rows some forms print (评价结论 … 改进措施, 其他需要说明事项) and who signs."""

    附件编号: str = ""  # "附件4-2", printed above this form
    资金: Funds
    年度总体目标: Goals
    绩效指标: list[FirstLevel] = Field(min_length=1)
    总分调整: Optional[ScoreOverride] = None
    评价结论: str = ""
    存在问题: str = ""
    改进措施: str = ""
    其他说明: str = ""  # 其他需要说明事项 (云南)
    填报: Signature = Signature()


class ProjectProfile(Model):
    """项目概况 of the 四川 专项预算项目自评表; 绩效分配方式 is ticked among the four methods."""

    项目类型: str = ""
    中长期规划: str = ""
    资金管理办法: str = ""
    绩效分配方式: Literal["", "因素法", "项目法", "据实据效", "因素法与项目法相结合"] = ""
    立项依据: str = ""
    使用范围: str = ""
    申报条件: str = ""
    起止年限: str = ""


class Project(SelfEvaluation):
    """One 项目支出绩效自评表, with its 综述 (seed 002) or its 绩效报告 (seeds 000, 004)."""

    名称: str = Field(min_length=1)
    编码: str = ""  # 51000021R000000019951: printed before the name where the form does
    主管部门: str = ""
    实施单位: str = ""
    实施概述: str = ""  # 项目实施内容及过程概述 (四川)
    #: 常年 or 一次性 (阶段) project, for the counts the 部门整体 report gives by kind.
    类别: Literal["", "常年", "一次性"] = ""
    概况: ProjectProfile = ProjectProfile()
    综述: Optional[Summary] = None
    报告: Optional[Report] = None
    备注: str = ""


class DepartmentEvaluation(SelfEvaluation):
    """The 部门整体支出绩效自评表 and the 部门整体 绩效报告."""

    主要任务: list[Task] = []
    报告: Optional[Report] = None


class UnitInfo(Model):
    名称: str = Field(min_length=2)
    地区: str = ""  # 桃江县: the forms' titles begin with it
    报告年度: int = Field(ge=2000, le=2100)
    主管部门: str = ""
    内设机构: list[str] = []


class PerformanceEvaluation(Model):
    """A whole 绩效 data file: a 部门整体 evaluation and/or 项目 self-evaluations."""

    文档类型: Literal["部门整体绩效评价", "项目绩效自评"]
    金额单位: Unit = "万元"
    样式: NumberStyle = NumberStyle()
    #: Which form layout (templates/zh_CN/绩效/<表式>/): 财政部 (the base), 安徽, 河北, 山西, 云南,
    #: 湖南 (seeds 003, 004), 四川 (the provincial 0013zp forms), 渠县 (seed 000's county forms).
    表式: str = "财政部"
    #: The layout's printed labels this unit's forms word differently (only the layout's own keys).
    标签: dict[str, str] = {}
    #: The unit the forms print amounts in (the labels say it with {金额单位}); entries stay in 金额单位.
    自评表金额单位: Unit = "万元"
    评分规则: ScoringRules = ScoringRules()
    单位: UnitInfo
    附件编号: str = ""  # "附件1", printed above the title of a standalone document
    标题: Optional[str] = None
    前言: list[str] = []  # paragraphs before the forms (seed 002); may name figures
    基础数据表: Optional[BasicData] = None
    部门整体: Optional[DepartmentEvaluation] = None
    项目: list[Project] = []
    结语: list[str] = []  # paragraphs after the project tables; may name figures
    填报: Signature = Signature()
    共性指标评分表: bool = False  # print the seed-003 共性指标 scored from the 基础数据表
    说明: Annotated[list[str], BeforeValidator(_lines)] = []  # notes on the data file itself; never printed
