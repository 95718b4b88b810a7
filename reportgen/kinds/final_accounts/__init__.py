"""部门决算: the unit's final accounts, 第一部分 to 第五部分, in the layout its data file chooses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.core.loader import load_model
from reportgen.core.style import NumberStyle
from reportgen.kinds.final_accounts.checks import blocks_facts, check_final_accounts, check_subjects
from reportgen.kinds.final_accounts.needs import check_files, check_printed
from reportgen.kinds.final_accounts.wording import effective_wording, wording_findings
from reportgen.kinds.final_accounts.context import context, title
from reportgen.kinds.final_accounts.facts import compute as compute_facts
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.kinds.kind import Computed, Kind
from reportgen.layouts import Layout
from reportgen.output import safe_stem


def read(path: Path) -> tuple[FinalAccounts, dict]:
    """A 决算 data file, YAML or Excel workbook, and the line (or "Sheet!C7" cell) of each field."""
    from reportgen.workbook import is_workbook

    if is_workbook(path):
        from reportgen.workbook.import_ import load_workbook

        return load_workbook(path)
    return load_model(path, FinalAccounts)


def compute(data: FinalAccounts, style: NumberStyle, layout: Layout, path: Path) -> Computed:
    """The 科目 checks and the wording the layout can print, then the facts and every identity
    between them, and what the layout's sections need that the file must give."""
    wording = effective_wording(layout, data.版式)
    findings = [*check_subjects(data), *wording_findings(layout, wording, data.附注), *check_files(data, path)]
    if any(blocks_facts(f) for f in findings):
        return Computed(None, findings)
    facts = compute_facts(data, style)
    return Computed(facts, [*findings, *check_final_accounts(data, facts),
                            *check_printed(data, facts, layout, wording)])


def _layout(data: FinalAccounts) -> tuple[str, tuple[str, ...]]:
    return data.版式.地区, ("版式", "地区")


def _stem(data: FinalAccounts) -> str:
    return safe_stem(f"{data.单位.名称}-{data.单位.报告年度}决算")


def _title(data: FinalAccounts, facts: Any, layout: Layout) -> str:
    return title(data, layout)


#: 决算表.md.j2 places the layout's 公开表 (版式.yaml 附表), which `-f xlsx` writes as a workbook.
KINDS = {"部门决算": Kind("部门决算", "决算", read, _layout, compute, context, _title, _stem, "决算表.md.j2")}
