"""The figures free text may name in braces ("{全年执行数}"), for the document and for each project.

Each value carries its kind (an amount, a percentage, a score, a count, text, a list), so the
phrasing layer prints it by the document's style; no word is chosen here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from reportgen.core.named import Named, Kind
from reportgen.kinds.performance.facts import PerformanceFacts, ProjectFacts, ProjectTotals, Scores
from reportgen.kinds.performance.model import PerformanceEvaluation, Project, SelfEvaluation

def _put(out: dict[str, Named], kind: Kind, **values: Any) -> None:
    for name, value in values.items():
        if value is not None:
            out[name] = Named(kind, value)


def document_figures(data: PerformanceEvaluation, f: PerformanceFacts) -> dict[str, Named]:
    """Figures of the whole document: the unit, the 基础数据表, the 部门整体 form, project totals."""
    out: dict[str, Named] = {}
    unit = data.单位
    _put(out, "文字", 单位名称=unit.名称, 地区=unit.地区)
    _put(out, "整数", 本年=f.本年, 上年=f.上年, 内设机构数=f.内设机构数)
    _put(out, "列表", 内设机构=tuple(unit.内设机构))
    if data.基础数据表 and f.基础:
        b, three = f.基础, f.基础.三公经费
        _put(out, "整数", 编制数=data.基础数据表.编制数, 在职人数=data.基础数据表.在职人数)
        _put(out, "百分比", 在职人员控制率=b.在职人员控制率, 三公经费下降率=_fall(three.变动.rate),
             三公经费增长率=_rise(three.变动.rate))
        _put(out, "金额", 三公经费预算数=three.完成.budget, 三公经费决算数=three.完成.actual,
             公用经费决算数=b.公用经费.本年决算)
    if data.部门整体 and f.部门整体:
        _form(out, data.部门整体, f.部门整体)
    _totals(out, "项目", f.项目合计)
    _totals(out, "常年项目", f.常年项目)
    _totals(out, "一次性项目", f.一次性项目)
    _put(out, "列表", 项目名称=tuple(p.名称 for p in data.项目))
    return out


def project_figures(base: dict[str, Named], p: Project, f: ProjectFacts) -> dict[str, Named]:
    """A project's own figures over the document's: {全年预算数} in its report is its own."""
    out = dict(base)
    _put(out, "文字", 项目名称=p.名称)
    _form(out, p, f.评分)
    _put(out, "百分比", 结余率=f.结余率)
    return out


def _form(out: dict[str, Named], form: SelfEvaluation, s: Scores) -> None:
    funds = form.资金
    _put(out, "金额", 年初预算数=funds.年初预算数, 全年预算数=funds.全年预算数, 全年执行数=funds.全年执行数)
    _put(out, "金额", **{k: v for k, v in {**funds.按收入性质, **funds.按支出性质}.items()})
    _put(out, "百分比", 执行率=s.执行率)
    _put(out, "分数", 总分=s.总分, 预算执行得分=s.预算执行得分, 分值合计=s.分值合计)
    _put(out, "整数", 指标个数=s.指标个数)
    _put(out, "文字", 等级=s.等级, 年度总体目标=form.年度总体目标.预期目标,
         实际完成情况=form.年度总体目标.实际完成情况 or None)


def _totals(out: dict[str, Named], prefix: str, t: ProjectTotals) -> None:
    _put(out, "整数", **{f"{prefix}个数": t.项目个数})
    _put(out, "金额", **{f"{prefix}预算数": t.全年预算数, f"{prefix}执行数": t.全年执行数})
    _put(out, "百分比", **{f"{prefix}执行率": t.执行率})
    _put(out, "整数", **{f"{prefix}结余率超10%个数": t.结余过一成项目个数})
    if prefix == "项目":
        _put(out, "整数", 年初申报项目个数=t.年初申报项目个数, 年中追加项目个数=t.年中追加项目个数,
             数量指标个数=t.数量指标个数, 数量指标完成个数=t.数量指标完成个数)
        _put(out, "百分比", 数量指标完成率=t.数量指标完成率)


def _fall(rate: Optional[Decimal]) -> Optional[Decimal]:
    return -rate if rate is not None and rate < 0 else None


def _rise(rate: Optional[Decimal]) -> Optional[Decimal]:
    return rate if rate is not None and rate > 0 else None
