"""The per-document number style: how many decimals, and how zeros and trailing zeros print."""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from typing import Any, Literal, Mapping, Optional

from pydantic import BaseModel, ConfigDict, Field

from reportgen.core.numbers import SharePolicy


class NumberStyle(BaseModel):
    """How figures print in one document (seed 000: 2 decimals kept; seed 001: 1-decimal
    percentages and trimmed amounts)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    amount_places: int = Field(2, alias="金额小数位", ge=0, le=6)
    percent_places: int = Field(2, alias="百分比小数位", ge=0, le=4)
    trim_zeros: bool = Field(False, alias="去除末尾零")
    zero_as_0: bool = Field(True, alias="零金额写作0")
    grouping: bool = Field(False, alias="千分位")
    share_policy: SharePolicy = Field("最大余数", alias="占比口径")
    zero_budget: Literal["0%", "无法计算"] = Field("0%", alias="零预算完成率")
    #: Percentages trim trailing zeros as amounts do unless set apart ("293.8万元" beside "64.70%").
    percent_trim: Optional[bool] = Field(None, alias="百分比去除末尾零")
    #: A whole percentage keeps its decimals ("100.00%", 重庆) or not ("100%", the seeds).
    whole_percent_decimals: bool = Field(False, alias="整数百分比保留小数")
    #: A zero percentage keeps its decimals ("0.00%"); by default as other whole percentages.
    zero_percent_decimals: Optional[bool] = Field(None, alias="零百分比保留小数")
    #: From a zero base: no rate at all (the rule of §2), or "增长100%" as some regions print it.
    zero_base_growth: Literal["不写", "100%"] = Field("不写", alias="零基数增长率")
    #: A change that prints as nothing: "持平" (the seeds; 重庆 "无增减") or, as 九龙坡 2022, 安义
    #: 2020 and 寻甸 2022 print it, "增加0万元，增长0%" (增减0).
    flat_wording: Literal["持平", "增减0"] = Field("持平", alias="持平写法")
    #: Between a change and its rate: "减少594.8万元，下降21.06%" or "减少594.8万元、下降21.06%"
    #: (洪湖镇卫生院 2023, 荣昌 2020, 大足 2021).
    change_joiner: Literal["，", "、"] = Field("，", alias="增减连接")
    #: The unit amounts print in within the text: 万元 (most documents) or 元 ("27,080元",
    #: 寻甸文旅局 2022 and 文联 2022); the 公开表 keep their 万元. 金额小数位 counts in this unit.
    text_unit: Literal["万元", "元"] = Field("万元", alias="文字金额单位")

    @property
    def trims_percent(self) -> bool:
        """Percentages trim trailing zeros as amounts do (去除末尾零) unless 百分比去除末尾零 says
        otherwise: "293.8万元" beside "64.70%" (攀枝花 amounts only), "1302.70万元" beside "59.7%"
        (大英保健院 2020, percentages only)."""
        return self.trim_zeros if self.percent_trim is None else self.percent_trim

    @property
    def text_places(self) -> int:
        """The decimals, in 万元, to which the text's amounts (and changes) are rounded."""
        return self.amount_places + (4 if self.text_unit == "元" else 0)

    @property
    def says_flat(self) -> bool:
        """Whether a change that prints as zero is worded 持平 (else "增加0万元，增长0%")."""
        return self.flat_wording == "持平"


DEFAULT_STYLE = NumberStyle()


def effective_style(defaults: Mapping[str, Any], given: NumberStyle) -> NumberStyle:
    """The data file's 样式 over its layout's defaults: only what the file states overrides.

    >>> effective_style({"百分比小数位": 1}, NumberStyle()).percent_places
    1
    >>> effective_style({"百分比小数位": 1}, NumberStyle(百分比小数位=2)).percent_places
    2
    """
    stated = given.model_dump(by_alias=True, include=given.model_fields_set)
    return NumberStyle.model_validate({**defaults, **stated})
