"""The 部门决算 data model: everything 第一部分 to 第五部分 say, each figure entered once.

Totals that follow from their parts (本年收入合计, 类 totals, 二级预算单位数, …) are not fields:
the facts derive them. Where a data file may repeat a total (a 合计 typed beside its parts),
the field is optional and only checked. The 功能分类 项 lists are the one source of the 公开表:
the unit's income and spending totals, and their 类/款 subtotals, are added up from them.
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

import datetime
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import BeforeValidator, Field, model_validator

from reportgen.kinds.final_accounts.annex import Annex
from reportgen.core.model import Count, Model, Money, Paragraphs, Unit
from reportgen.kinds.final_accounts.classified import EconomicItem, EconomicSplit, NonFiscalItem
from reportgen.kinds.final_accounts.fields import Code, DetailItem, Reason, detail_item
from reportgen.kinds.final_accounts.sections import (
    PerformanceManagement, Procurement, StateAssets, ThisAndLastYear, ThreePublicCosts)
from reportgen.core.style import NumberStyle

ZERO = Decimal(0)


class Organisation(Model):
    """机构设置: the 二级预算单位 by kind (counts, or the units by name: the count is then derived)."""

    行政单位数: Optional[Count] = None
    参公事业单位数: Optional[Count] = None
    其他事业单位数: Optional[Count] = None
    #: The units by name, printed in brackets after their count ("行政单位1个（…人民政府）").
    行政单位: list[str] = []
    参公事业单位: list[str] = []
    其他事业单位: list[str] = []
    内设机构: list[str] = []
    内设机构称谓: str = "股室"
    #: Free text that replaces the generated 机构设置 sentences, when the unit words it its own way.
    说明: Optional[Paragraphs] = None
    #: 单位构成 / 决算单位构成 in the unit's words (重庆 （三）单位构成, 中央 三、部门决算单位构成).
    单位构成: Optional[Paragraphs] = None

    def count(self, kind: str) -> int:
        """The number of 二级预算单位 of one kind: as stated, else the names listed."""
        stated = getattr(self, kind + "数")
        return stated if stated is not None else len(getattr(self, kind))


class UnitProfile(Model):
    名称: str = Field(min_length=2)
    #: How the text names the unit after the cover ("县文化广电旅游局" for 大英县文化广播电视和旅游局);
    #: the cover, the title and the output file keep 名称.
    简称: Optional[str] = Field(None, min_length=2)
    报告年度: int = Field(ge=2000, le=2100)
    公开时间: Optional[datetime.date] = None
    封面标题: Optional[str] = None  # default: "{报告年度}年度{名称}部门决算"
    #: Paragraphs under the 概况 heading before its first section (綦江三角镇卫生院, 南川南城街道).
    基本情况: Paragraphs = []
    部门职责: Paragraphs
    机构设置: Organisation = Organisation()

    @property
    def 称呼(self) -> str:
        """The unit as the text names it: its 简称 when it has one."""
        return self.简称 or self.名称


class Income(Model):
    """The year's income by source. Each is added up from the 科目 lists (财政拨款 from the three
    财政拨款支出 lists, the others from 非财政拨款收支); a figure given here is only checked."""

    一般公共预算财政拨款收入: Optional[Money] = None
    政府性基金预算财政拨款收入: Optional[Money] = None
    国有资本经营预算财政拨款收入: Optional[Money] = None
    上级补助收入: Optional[Money] = None
    事业收入: Optional[Money] = None
    经营收入: Optional[Money] = None
    附属单位上缴收入: Optional[Money] = None
    其他收入: Optional[Money] = None
    本年收入合计: Optional[Money] = None  # checked against the sum when given


class Spending(Model):
    """The year's spending by kind; added up from the 科目 lists like Income, checked when given."""

    基本支出: Optional[Money] = None
    项目支出: Optional[Money] = None
    上缴上级支出: Optional[Money] = None
    经营支出: Optional[Money] = None
    对附属单位补助支出: Optional[Money] = None
    本年支出合计: Optional[Money] = None  # checked against the sum when given


class CarryOver(Model):
    使用非财政拨款结余: Money = ZERO
    年初结转和结余: Money = ZERO
    结余分配: Money = ZERO
    年末结转和结余: Optional[Money] = None  # derived; checked when given
    年初财政拨款结转和结余: Optional[Money] = None  # the 科目' 年初结转和结余 added up; checked when given
    年末财政拨款结转和结余: Optional[Money] = None  # derived; checked when given


class PriorYear(Model):
    """Last year's 决算 figures that this year's text compares with (each entered once).

    The optional ones are needed only where the layout prints the comparison (check says which).
    """

    收支总计: Money
    财政拨款收支总计: Money
    一般公共预算财政拨款支出: Money
    #: Layouts that explain income, spending and carry-over each against last year (重庆 1.–4.).
    本年收入合计: Optional[Money] = None
    本年支出合计: Optional[Money] = None
    年末结转和结余: Optional[Money] = None
    #: Last year's 年初结转和结余 (江西 compares this year's 年初结转和结余 with it).
    年初结转和结余: Optional[Money] = None
    #: Older documents state 财政拨款收入 and 财政拨款支出 apart, each with its change (大英保健院 2020).
    财政拨款收入: Optional[Money] = None
    财政拨款支出: Optional[Money] = None


class ChangeReasons(Model):
    """Why a figure changed against last year (the text after 主要原因是)."""

    收支总计: Reason = ""
    财政拨款收支总计: Reason = ""
    一般公共预算财政拨款支出: Reason = ""
    本年收入合计: Reason = ""
    本年支出合计: Reason = ""
    年末结转和结余: Reason = ""
    年初结转和结余: Reason = ""


class SubjectSpending(Model):
    """One 功能分类 项 (7-digit code) of one 财政拨款 fund: budget, outturn, its split and carry-over.

    决算数 is 基本支出 + 项目支出: give either part and the other is the rest; give neither and it
    is all 基本支出. The year's 财政拨款收入 of the 项 is 决算数 − 年初结转和结余 + 年末结转和结余.
    """

    科目编码: Code = Field(pattern=r"^\d{7}$")
    科目名称: Optional[str] = None  # from the catalogue when omitted
    预算数: Money  # required: a missing budget must not print as "完成预算100%"
    决算数: Money
    基本支出: Optional[Money] = None
    项目支出: Optional[Money] = None
    年初结转和结余: Money = ZERO
    年末结转和结余: Money = ZERO
    原因: str = ""  # why 决算数 differs from 预算数 (one sentence: the 项 lists are a workbook sheet)


class CostGroup(Model):
    """人员经费 or 公用经费. 明细 is what section 六 lists; 经济分类 gives the amounts by 款 for
    公开08表 when 明细 has none (else 明细's amounts, with codes, serve both)."""

    金额: Optional[Money] = None  # the sum of 经济分类 (or 明细) when omitted; checked when given
    明细: list[Annotated[DetailItem, BeforeValidator(detail_item)]] = []
    经济分类: list[EconomicItem] = []

    @model_validator(mode="after")
    def _has_amount(self) -> "CostGroup":
        if self.金额 is None and not self.经济分类 and not (self.明细 and all(x.金额 is not None for x in self.明细)):
            raise ValueError("缺少金额：请填写“金额”，或在“经济分类”下逐款填写金额")
        return self

    @property
    def economic(self) -> list[EconomicItem | DetailItem]:
        """The amounts by 经济分类 款 that 公开08表 prints: 经济分类, else 明细 with amounts."""
        if self.经济分类:
            return list(self.经济分类)
        return [x for x in self.明细 if x.金额 is not None]

    @property
    def total(self) -> Decimal:
        """金额 as given, else the sum of its 经济分类 (or 明细) amounts."""
        if self.金额 is not None:
            return self.金额
        return sum((x.金额 for x in self.economic), ZERO)


class BasicSpending(Model):
    """一般公共预算财政拨款基本支出 as 人员经费 and 公用经费 (section 六)."""

    人员经费: CostGroup
    公用经费: CostGroup


def _short_names(value: object) -> object:
    return {True: "全部", False: "否"}.get(value, value) if isinstance(value, bool) else value


class Wording(Model):
    """The layout and the wording variants seen between regions and years (words, not figures).

    A layout may set defaults for these fields (its 版式.yaml `版式`); the data file's own win.
    """

    #: The region's layout: a folder of templates/zh_CN/决算/ (中央 tables-first, 四川, 重庆 …).
    地区: str = "四川"
    年度写法: str = Field("年", pattern="^(年|年度)$")
    #: 五(三) names without a trailing 支出: 类 — the 类 only ("社会保障和就业（类）行政事业单位养老
    #: 支出（款）…", 大英保健院 2020), as units shorten it; 全部 — every level, as seed 001 prints
    #: (it yields names no catalogue has, such as "行政事业单位养老（款）"); true is 全部, false 否.
    科目简称: Annotated[Literal["否", "类", "全部"], BeforeValidator(_short_names)] = "否"
    写明预决算比较: bool = True  # 五(三) adds "决算数等于预算数" after 完成预算 X%
    #: 第五部分 titles that differ from the standard ones, standard title → printed title
    #: (seed 001: 一般公共预算财政拨款基本支出决算表 → …基本支出决算明细表).
    附表标题: dict[str, str] = {}
    #: The 公开表 in the order this document prints them, by standard name (the layout's own tables
    #: only): documents up to 2021 print the “三公” table seventh (安义 2020, 湛江 2021, 三江 2020).
    附表顺序: list[str] = []
    附表零值留空: bool = True  # 公开表 print a zero amount as an empty cell (else "0.00")
    #: Who publishes: a 单位决算 (泸州市中医医院 2023, 渠县农业综合技术服务中心 2024, 大邑 2022)
    #: heads 第一部分 "单位概况 / 主要职责" and 第二部分 "X年度单位决算情况说明".
    称谓: Literal["部门", "单位"] = "部门"
    #: The layout's wording switches (its 版式.yaml 选项) as this unit's document needs them, e.g.
    #: {总计均为: true} or {变动原因引语: 主要原因是}; only the layout's own 选项 may be set.
    选项: dict[str, Union[bool, str]] = {}
    #: Section headings as this document prints them, by the layout's 节标题 key (only its own keys;
    #: {单位} {简称} {称谓} {年} as in the layout's own headings).
    节标题: dict[str, str] = {}
    #: Part headings name the unit: "第一部分 萧县龙城镇人民政府概况" (萧县, 凯里, 岳阳, 湛江, 雨花).
    标题含单位名称: bool = False
    #: "完成预算97.31%" (Sichuan seeds) or "完成预算的97.31%" (Anhui, Shanghai 三公 texts), in 五 and 七.
    完成预算写法: Literal["完成预算", "完成预算的", "完成年初预算的"] = "完成预算"


class FinalAccounts(Model):
    """The whole data file of a 部门决算 (第一部分 to 第三部分)."""

    文档类型: str = Field("部门决算", pattern="^部门决算$")
    #: Template folders (relative to the data file) that override built-in sections, in order.
    模板目录: list[str] = []
    金额单位: Unit
    样式: NumberStyle = NumberStyle()
    版式: Wording = Wording()
    单位: UnitProfile
    #: Both optional: every figure in them is added up from the 科目 lists (check compares any given).
    收入: Income = Income()
    支出: Spending = Spending()
    结转结余: CarryOver = CarryOver()
    上年决算: PriorYear
    变动原因: ChangeReasons = ChangeReasons()
    一般公共预算财政拨款支出: list[SubjectSpending]
    #: 人员经费 and 公用经费; a unit without 一般公共预算 basic spending leaves it out (both 0).
    一般公共预算财政拨款基本支出: BasicSpending = BasicSpending(人员经费=CostGroup(金额=ZERO), 公用经费=CostGroup(金额=ZERO))
    #: 一般公共预算财政拨款项目支出 by 经济分类 款 (公开07表, 公开09表); empty: 合计 only.
    一般公共预算财政拨款项目支出: list[EconomicItem] = []
    政府性基金预算财政拨款支出: list[SubjectSpending] = []
    国有资本经营预算财政拨款支出: list[SubjectSpending] = []
    #: 政府性基金 and 国有资本经营预算财政拨款支出 by 经济分类 款 (公开05表); empty: 合计 only.
    其他财政拨款支出经济分类: list[EconomicSplit] = []
    #: Income and spending of money other than 财政拨款, by 功能分类 项 (公开02表, 公开03表).
    非财政拨款收支: list[NonFiscalItem] = []
    三公经费: ThreePublicCosts = ThreePublicCosts()
    #: 行政单位 and 参公事业单位 only; a 事业单位 has none and leaves it out.
    机关运行经费: Optional[ThisAndLastYear] = None
    政府采购: Procurement = Procurement()
    国有资产: StateAssets = StateAssets()
    预算绩效管理: PerformanceManagement = PerformanceManagement()
    科目名称: dict[str, str] = {}  # names for 类/款/项 codes missing from the catalogue
    附件: list[Annex] = []  # 第四部分: 绩效 data files whose reports it prints (see model/annex.py)
    名词解释: dict[str, str] = {}  # wording that replaces a standard term's or 科目's explanation
    #: A note printed "（注：…）" after a section, by the layout's section name (三公经费, 基本支出 …).
    附注: dict[str, str] = {}
    说明: list[str] = []  # which figures are illustrative, and anything else worth recording
