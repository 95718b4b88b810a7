"""A layout's description of its 部门整体 or 项目 自评表 (版式.yaml `自评表`), read and checked.

The shape of a form is data: its blocks in order, the columns of its funds and indicator blocks
by name, its funds rows, and what its 其中 rows and closing row print. Only a form whose cells
follow no such grid (the 渠县 county forms) is a shape of its own in Python (`形式`).
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from decimal import Decimal
from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reportgen.errors import TemplateError

Block = Literal["项目抬头", "部门抬头", "基本情况", "目标", "资金", "指标", "总分", "结论", "负责人"]
FundColumn = Literal["年初预算数", "全年预算数", "全年执行数", "资金分值", "执行率", "资金得分", "原因"]
IndicatorColumn = Literal["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值",
                          "分值", "得分", "偏差原因"]
Signer = Literal["项目负责人", "单位负责人", "财务负责人"]

#: Relative widths of the grid columns by the indicator column over them, and what a funds
#: column under one grid column needs: a grid column takes the larger. In millimetres of a
#: 156 mm portrait line, so that a 五号 label of four characters (一级指标, 自评得分), an amount
#: (661.7252) and a rate (100.00%) each keep to one line; longer labels wrap as on the forms.
DEFAULT_WIDTHS: dict[str, int] = {
    "侧栏": 12, "一级指标": 18, "二级指标": 18, "三级指标": 21, "指标性质": 13, "指标值": 20, "度量单位": 13,
    "实际完成值": 20, "分值": 11, "得分": 11, "偏差原因": 17,
}
FUND_WIDTHS: dict[str, int] = {
    "年初预算数": 21, "全年预算数": 21, "全年执行数": 21, "资金分值": 11, "执行率": 17, "资金得分": 11, "原因": 30,
}


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FundRowSpec(_Spec):
    """A 其中 row the form prints: its label, the names a data file may give it, and how it prints
    when the data file leaves it out or blank (空白; 零: 0.00 and 0.00%; or a sign such as —)."""

    名称: str
    别名: tuple[str, ...] = ()
    未填: str = "空白"

    def matches(self, name: str) -> bool:
        return name == self.名称 or name in self.别名


class PartRows(_Spec):
    """What the 其中 rows print in the columns that belong to the total: their own 执行率, and a
    sign (—, /) or nothing in 分值 and 得分."""

    执行率: bool = False
    分值: str = ""
    得分: str = ""


class ClosingRow(_Spec):
    """The 总分 (合计) row: 其他需要说明事项 before it (云南), the grade after the score."""

    说明: bool = False
    等级: bool = False


class ReasonRule(_Spec):
    """When the form asks for a 原因 (四川: “预算执行率未达到90%的需说明原因”, “年中发生预算调整的…应单独
    说明理由”): below this 执行率 (percent), and whether for an adjusted budget."""

    执行率低于: Optional[Decimal] = None
    预算调整: bool = False


class FormSpec(_Spec):
    """One form of a layout. `提示语`: an empty narrative cell prints the form's own prompt (四川
    forms are published so); `签字`: the 填表人 line under the table; `列宽`: relative widths."""

    形式: Literal["通用", "渠县"] = "通用"
    块: tuple[Block, ...] = ("项目抬头", "资金", "目标", "指标", "总分")
    资金列: tuple[FundColumn, ...] = ("年初预算数", "全年预算数", "全年执行数", "资金分值", "执行率", "资金得分")
    资金行: tuple[FundRowSpec, ...] = ()
    其中行: PartRows = PartRows()
    按性质: bool = False
    指标列: tuple[IndicatorColumn, ...] = ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
                                        "偏差原因")
    #: Columns printed under one heading (云南: 年度指标值 over 指标性质 | 指标值 | 度量单位).
    指标分组: tuple[IndicatorColumn, ...] = ()
    总分行: ClosingRow = ClosingRow()
    说明原因: ReasonRule = ReasonRule()
    负责人: tuple[Signer, ...] = ()
    提示语: bool = False
    签字: bool = False
    横排: bool = False
    列宽: dict[str, int] = Field(default_factory=dict)
    标签: dict[str, str] = Field(default_factory=dict)  # this form's own wording over the layout's 标签

    def width(self, column: str) -> int:
        return self.列宽.get(column, DEFAULT_WIDTHS.get(column) or FUND_WIDTHS.get(column, 4))

    def row_for(self, name: str) -> Optional[FundRowSpec]:
        return next((r for r in self.资金行 if r.matches(name)), None)


def form_spec(layout_name: str, forms: Mapping[str, Any], which: str) -> FormSpec:
    """The layout's description of its `which` (部门整体 or 项目) form, checked."""
    raw = forms.get(which, {})
    try:
        spec = FormSpec.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise TemplateError(f"版式“{layout_name}”的自评表.{which}.{where}有误：{err['msg']}") from None
    if spec.形式 == "通用" and "指标" in spec.块 and spec.指标列[:3] != ("一级指标", "二级指标", "三级指标"):
        raise TemplateError(f"版式“{layout_name}”的自评表.{which}.指标列应以一级指标、二级指标、三级指标开头")
    return spec
