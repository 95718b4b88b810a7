"""The 部门整体支出绩效评价基础数据表: staff, 三公 by year, 项目支出, 公用经费, 采购, 楼堂馆所.

Each money row has three columns (上年决算, 本年预算, 本年决算); a blank cell is None and prints
blank, as the forms leave unfilled cells blank. Totals that follow from their parts (三公经费,
公务用车购置和维护经费) are derived; a group's 合计 may be typed when its listed items are only
some of its parts, and is then checked not to fall short of them.
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from decimal import Decimal
from typing import Optional

from pydantic import Field

from reportgen.core.model import Count, Model, Money
from reportgen.kinds.performance.scoring_rules import Percent, ScoreOverride

COLUMNS = ("上年决算", "本年预算", "本年决算")


class YearFigures(Model):
    """One row of the 经费控制情况 block: last year's outturn, this year's budget and outturn."""

    上年决算: Optional[Money] = None
    本年预算: Optional[Money] = None
    本年决算: Optional[Money] = None

    def column(self, name: str) -> Optional[Decimal]:
        return getattr(self, name)


class ThreePublicItem(YearFigures):
    """One 三公 item with the reasons the report gives for its figures."""

    预决算原因: str = ""  # why 决算 differs from (or equals) 预算
    变动原因: str = ""  # why it changed against 上年


class ThreePublic(Model):
    因公出国费: ThreePublicItem = Field(ThreePublicItem(), alias="因公出国（境）费")
    公务用车购置费: ThreePublicItem = ThreePublicItem()
    公务用车运行维护费: ThreePublicItem = ThreePublicItem()
    公务接待费: ThreePublicItem = ThreePublicItem()
    预决算原因: str = ""
    变动原因: str = ""


class NamedFigures(YearFigures):
    名称: str


class Group(Model):
    """项目支出 or 公用经费: an optional typed 合计 and the items the form lists under it."""

    合计: Optional[YearFigures] = None
    明细: list[NamedFigures] = []


class Building(Model):
    """A 楼堂馆所 project completed in the year; its two 控制率 are derived."""

    批复规模: Optional[Decimal] = None  # m²
    实际规模: Optional[Decimal] = None
    预算投资: Optional[Money] = None
    实际投资: Optional[Money] = None


class CommonInputs(Model):
    """Figures some 共性指标 need that the 基础数据表 does not carry; each is optional."""

    重点支出: Optional[Money] = None
    预算总支出: Optional[Money] = None
    结转结余总额: Optional[Money] = None
    上年结转结余总额: Optional[Money] = None
    实际支付进度: Optional[Percent] = None
    既定支付进度: Optional[Percent] = None
    预算数: Optional[Money] = None  # when there is no 部门整体 自评表 to take them from
    预算执行数: Optional[Money] = None


DEFAULT_NOTE = ("说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的"
                "一般商品和服务支出。")


class BasicData(Model):
    """The 基础数据表 as the 湖南 form prints it (seeds 003 and 004)."""

    附件编号: str = ""  # "附件1", printed above the table (seed 003 numbers its tables so)
    编制数: Count
    在职人数: Count
    三公经费: ThreePublic = ThreePublic()
    项目支出: Group = Group()
    公用经费: Group = Group()
    政府采购金额: YearFigures = YearFigures()
    预算调整: YearFigures = YearFigures()
    预算调整名称: str = "部门基本支出预算调整"
    楼堂馆所: list[Building] = []
    厉行节约保障措施: str = ""
    共性指标数据: CommonInputs = CommonInputs()
    共性指标调整: dict[str, ScoreOverride] = {}  # by indicator name
    说明: str = DEFAULT_NOTE
