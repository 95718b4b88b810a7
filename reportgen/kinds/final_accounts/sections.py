"""The sections after the 科目 that the unit fills in: “三公”经费, 机关运行经费, 政府采购, 国有资产
and 预算绩效管理 — figures, counts, and what the unit says about them."""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from decimal import Decimal
from typing import Annotated, Optional

from pydantic import BeforeValidator, Field

from reportgen.core.model import Count, Model, Money, Paragraphs
from reportgen.kinds.final_accounts.fields import DetailItem, Reason, detail_item

ZERO = Decimal(0)


class ThreePublicParts(Model):
    因公出国费: Money = Field(ZERO, alias="因公出国（境）费")
    公务用车购置费: Money = ZERO
    公务用车运行维护费: Money = ZERO
    公务接待费: Money = ZERO


class VehiclePurchase(Model):
    辆数: Count = 0
    金额: Money = ZERO


class Reception(Model):
    金额: Money = ZERO
    批次: Count = 0
    人次: Count = 0
    #: What the money was for ("执行公务、开展业务活动开支的交通费、住宿费、用餐费等"), after 主要用于.
    用途: str = ""
    #: Its contents with amounts, after 具体内容主要包括 ("驴妈妈合作签约仪式1.91万元、…等").
    明细: list[Annotated[DetailItem, BeforeValidator(detail_item)]] = []


class ItemNotes(Model):
    """What a unit says about one “三公” item: why it differs from the budget and from last year,
    and what it was spent on. Empty text prints nothing."""

    预决算差异原因: Reason = ""
    上年变动原因: Reason = ""
    用途: str = ""


class ThreePublicNotes(Model):
    """Each “三公” item's notes (三公经费.分项)."""

    因公出国费: ItemNotes = Field(ItemNotes(), alias="因公出国（境）费")
    公务用车购置及运行维护费: ItemNotes = ItemNotes()
    公务用车购置费: ItemNotes = ItemNotes()
    公务用车运行维护费: ItemNotes = ItemNotes()
    公务接待费: ItemNotes = ItemNotes()


class ThreePublicCosts(Model):
    预算: ThreePublicParts = ThreePublicParts()
    决算: ThreePublicParts = ThreePublicParts()
    上年决算: ThreePublicParts = ThreePublicParts()
    因公出国团组数: Count = Field(0, alias="因公出国（境）团组数")
    因公出国人次: Count = Field(0, alias="因公出国（境）人次")
    公务用车购置: dict[str, VehiclePurchase] = {"轿车": VehiclePurchase(), "越野车": VehiclePurchase(), "载客汽车": VehiclePurchase()}
    公务用车保有量: dict[str, Count] = {"轿车": 0, "越野车": 0, "载客汽车": 0}
    国内公务接待: Reception = Reception()
    外事接待: Reception = Reception()
    预决算差异原因: Reason = ""
    #: Why the total changed against last year (the 总体 sentence's second reason, 云南/安徽 pages).
    上年变动原因: Reason = ""
    分项: ThreePublicNotes = ThreePublicNotes()


class ThisAndLastYear(Model):
    本年: Money
    上年: Money
    原因: Reason = ""


class Procurement(Model):
    货物: Money = ZERO
    工程: Money = ZERO
    服务: Money = ZERO
    授予中小企业合同金额: Money = ZERO
    授予小微企业合同金额: Money = ZERO
    #: What was bought, after 主要用于 ("大英过境游客短信推送、…、阆仙诗苑").
    主要用于: str = ""


class StateAssets(Model):
    车辆: dict[str, Count] = {"主要领导干部用车": 0, "机要通信用车": 0, "应急保障用车": 0, "其他用车": 0}
    单价50万元以上通用设备: Optional[Count] = None  # omitted from the text when not given
    单价100万元以上专用设备: Count = 0


class PerformanceManagement(Model):
    事前评估项目: list[str] = []  # names; the text cites the first and the count
    事前评估项目数: Optional[Count] = None  # when more projects than names listed
    主体: Optional[str] = None  # who did it; default "本部门"/"本单位" after 版式.称谓
    绩效目标项目数: Count = 0
    绩效监控项目数: Count = 0
    自评情况: Paragraphs = []
