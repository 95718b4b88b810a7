"""A 通用 自评表 as one Table node: the layout's blocks in order over one grid, its title lines,
and the notes under it (自评调整, 备注, the 填表人 line)."""

from __future__ import annotations

from typing import Any

from reportgen.document.nodes import Row, Table
from reportgen.kinds.performance.facts import Scores
from reportgen.kinds.performance.forms import blocks
from reportgen.kinds.performance.forms.cells import Printer
from reportgen.kinds.performance.forms.spec import FormSpec
from reportgen.kinds.performance.model import Signature
from reportgen.kinds.performance.scoring import Adjustment
from reportgen.phrasing.references import score


def grid_columns(spec: FormSpec) -> list[str]:
    """The form's grid, one name per column: the side label, then the indicator columns, 三级指标
    repeated where the funds block needs more columns than the indicators have."""
    extra = max(0, len(spec.资金列) + 1 - len(spec.指标列)) if "资金" in spec.块 else 0
    columns = ["侧栏"]
    for col in spec.指标列:
        columns += [col] * (1 + (extra if col == "三级指标" else 0))
    return columns


def general_form(kind: str, spec: FormSpec, p: Printer, form: Any, s: Scores, unit: str, sign: Signature) -> Table:
    """The 部门整体 or 项目 自评表 as the layout describes it."""
    grid = grid_columns(spec)
    f = blocks.Form(kind, spec, p, form, s, unit, len(grid), len(grid) - 1 - len(spec.指标列))
    rows: list[Row] = []
    for block in spec.块:
        rows += _block(block, f, grid, sign)
    L = p.label
    return Table(title=L(f"{kind}标题"), header=(), body=tuple(rows), number=L("表号"), unit_left=L("标题下"),
                 unit_right=L("表头右"), notes=tuple(n for n in _notes(f, sign) if n),
                 widths=widths(spec, grid), landscape=spec.横排)


def widths(spec: FormSpec, grid: list[str]) -> tuple[int, ...]:
    """Each grid column as wide as the indicator column over it or the funds column under it
    needs, whichever is wider (the funds block shares the indicator block's columns)."""
    out = [spec.width(col) for col in grid]
    if "资金" in spec.块:
        at, funds = blocks.fund_spans(len(grid), spec.资金列)
        at += 1
        for col, span in funds.items():
            if span == 1:
                out[at] = max(out[at], spec.width(col))
            at += span
    return tuple(out)


def _block(name: str, f: blocks.Form, grid: list[str], sign: Signature) -> list[Row]:
    if name == "总分":
        return blocks.closing(f, grid)
    if name == "负责人":
        return blocks.signers(f, sign)
    return {"项目抬头": blocks.project_header, "部门抬头": blocks.department_header, "基本情况": blocks.basics,
            "目标": blocks.goals, "资金": blocks.funds, "指标": blocks.indicators,
            "结论": blocks.conclusions}[name](f)


def _notes(f: blocks.Form, sign: Signature) -> list[str]:
    notes = list(adjustment_notes(f.s))
    remark = getattr(f.data, "备注", "")
    if remark:
        notes.append(f.p.label("备注", 备注=remark))
    if f.spec.签字:
        notes.append(f.p.label("签字", **sign_values(sign)))
    return notes


def sign_values(sign: Signature) -> dict[str, str]:
    values = {k: getattr(sign, k) for k in ("填表人", "联系电话", "单位负责人", "项目负责人", "财务负责人")}
    values["填报日期"] = sign.填报日期.isoformat() if sign.填报日期 else ""
    return values


def adjustment_notes(s: Scores) -> tuple[str, ...]:
    """The 自评调整 a unit made, printed under its table with the derived score beside it."""
    return tuple(adjustment_note(what, adj) for what, adj in (("预算执行得分", s.预算执行调整), ("总分", s.总分调整))
                 if adj is not None)


def adjustment_note(what: str, adj: Adjustment) -> str:
    derived = f"按评分规则计算为{score(adj.计算得分)}分，" if adj.计算得分 is not None else ""
    return f"（自评调整：{what}{derived}自评为{score(adj.得分)}分。理由：{adj.理由.rstrip('。')}。）"


def merged(own: Signature, default: Signature) -> Signature:
    """A table's own sign-off entries over the document's."""
    return default.model_copy(update=own.model_dump(exclude_defaults=True))

