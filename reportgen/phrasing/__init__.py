"""Phrasing: the Jinja filters that turn facts into printed figures and words.

Filters read the document's NumberStyle from the template context (`style`), so one
environment serves every document.
"""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import pass_context

from reportgen.phrasing import lists, numbers, reasons, references, words
from reportgen.core.style import DEFAULT_STYLE


def _styled(fn: Callable[..., str]) -> Callable[..., str]:
    @pass_context
    def filter_(ctx: Any, value: Any, *args: Any, **kwargs: Any) -> str:
        return fn(value, ctx.get("style", DEFAULT_STYLE), *args, **kwargs)

    filter_.__doc__ = fn.__doc__
    return filter_


def _filled(ctx: Any, reason: Any) -> Any:
    style = ctx.get("style", DEFAULT_STYLE)
    return reasons.fill_reason(reason, lambda text: references.fill(text, style, ctx.get("引用")))


@pass_context
def _reason(ctx: Any, reason: Any, lead: str) -> str:
    """A reason after its lead ("主要原因是…。"), numbered when there are several; quoted figures filled."""
    return reasons.reason_text(_filled(ctx, reason), lead, reasons.numbered_style(ctx.get("选项", {})))


@pass_context
def _attach(ctx: Any, reason: Any, lead: str, joiner: str | None = None) -> str:
    """"。" and the reason, or "，" and the reason (选项.原因接续, or `joiner`); "。" alone without one."""
    options = ctx.get("选项", {})
    joiner = joiner or options.get("原因接续", "。")
    return reasons.attach(_filled(ctx, reason), lead, joiner, reasons.numbered_style(options))


FILTERS: dict[str, Callable[..., str]] = {
    "金额": _styled(numbers.format_amount),
    "万元": _styled(numbers.format_money),
    "百分比": _styled(numbers.format_percent),
    "增减": _styled(words.amount_change),
    "增长率": _styled(words.rate_change),
    "变动": _styled(words.full_change),
    "完成预算": _styled(words.completion_rate),
    "比较": words.comparison_word,
    "是持平": _styled(words.is_flat),
    "中文序号": words.chinese_numeral,
    "占比列表": _styled(lists.share_list),
    "明细列表": _styled(lists.item_list),
    "列出": lists.listed,
    "资金括注": _styled(lists.fund_note),
    "科目全称": lists.subject_name,
    "句": lists.sentence,
    "括注": lists.bracketed,
    "填数": _styled(references.fill),
    "分数": references.score,
    "原因": _reason,
    "接原因": _attach,
}
