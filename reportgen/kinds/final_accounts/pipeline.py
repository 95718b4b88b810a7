"""The pipeline of one document: load → check → facts → templates → Document.

Each stage is a plain function whose output can be snapshotted; the command line only adds
reading arguments and writing files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from reportgen.kinds.final_accounts.checks import check_final_accounts, check_subjects
from reportgen.kinds.final_accounts.figures import for_templates as figures_for_templates
from reportgen.document.nodes import Cover, Document
from reportgen.kinds.final_accounts.tables import table_maker
from reportgen.errors import DataError, DataErrors, TemplateError
from reportgen.core.findings import Located, locate
from reportgen.core.catalogue import builtin_catalogue
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts, compute
from reportgen.kinds.final_accounts.named import final_accounts_figures
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.core.loader import load_model
from reportgen.templating import render


@dataclass(frozen=True)
class Built:
    """A data file carried through the pipeline: its data, facts, findings and document.

    `stem` is the stable output name, e.g. "<单位>-<年度>决算".
    """

    path: Path
    stem: str
    data: Any
    facts: Any
    findings: tuple[Located, ...]
    document: Document


@dataclass(frozen=True)
class Checked:
    """A data file loaded and checked; `facts` is None when the 科目 could not be resolved."""

    data: FinalAccounts
    facts: FinalAccountsFacts | None
    findings: list[Located]


def read_data(path: Path) -> tuple[FinalAccounts, dict]:
    """A 决算 data file, YAML or Excel workbook, and the line (or "Sheet!C7" cell) of each field."""
    from reportgen.workbook import is_workbook

    if is_workbook(path):
        from reportgen.workbook.import_ import load_workbook

        return load_workbook(path)
    return load_model(path, FinalAccounts)


def check_file(path: Path) -> Checked:
    """Load and run every check; only unreadable or invalid data raises (DataErrors)."""
    data, lines = read_data(path)
    findings = check_subjects(data)
    facts = None
    if not any(f.severity == "error" for f in findings):
        facts = compute(data)
        findings += check_final_accounts(data, facts)
    return Checked(data, facts, locate(findings, lines, path, data.金额单位))


def check_findings(path: Path) -> list[Located]:
    """Every finding of a 决算 data file (for `reportgen check`)."""
    return check_file(path).findings


def load(path: Path) -> tuple[FinalAccounts, FinalAccountsFacts, list[Located]]:
    """Load, check and compute; raise DataErrors (with lines) when a check finds an error."""
    checked = check_file(path)
    errors = [f.as_error() for f in checked.findings if f.severity == "error"]
    if errors or checked.facts is None:
        raise DataErrors(errors)
    return checked.data, checked.facts, checked.findings


def context(data: FinalAccounts, facts: FinalAccountsFacts) -> dict[str, Any]:
    """What templates see: the data as entered, the facts, the style and the wording choices;
    `图` builds the charts a template places (`{{ block(图.收入结构("收入决算结构图")) }}`)."""
    catalogue = builtin_catalogue()
    unit = data.单位
    title = unit.封面标题 or f"{unit.报告年度}年度{unit.名称}{data.版式.称谓}决算"

    def explanation(code: str) -> str:
        if code not in catalogue.explanations:
            raise TemplateError(f"科目 {code} 没有标准的名词解释：请在数据文件“名词解释”下写明（键为科目编码）")
        return catalogue.explanations[code]

    return {
        "data": data,
        "f": facts,
        "style": data.样式,
        "版式": data.版式,
        "年": data.版式.年度写法,
        "cover": Cover(title),
        "图": figures_for_templates(facts, data.样式),
        "科目解释": explanation,
        # Free text may quote any figure by name in braces: "增加支出{2083001}万元".
        "引用": final_accounts_figures(facts),
        "附表": table_maker(facts, data.样式, data.版式.附表零值留空),
    }


def build_final_accounts(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """部门决算: carry one data file through every stage."""
    from reportgen.kinds.performance.pipeline import annexes  # imported here: it builds on this module

    data, facts, findings = load(path)
    ctx = context(data, facts)
    ctx["附件"] = annexes(data.附件, path)  # 第四部分: the 绩效 reports its 附件 entries name
    overrides = [*overrides, *template_dirs(path, data.模板目录)]
    document = render("决算/document.md.j2", ctx, overrides, title=ctx["cover"].title)
    stem = f"{data.单位.名称}-{data.单位.报告年度}决算"
    return Built(path, stem, data, facts, tuple(findings), document)


def template_dirs(path: Path, names: Sequence[str]) -> list[Path]:
    """The data file's own template folders, relative to the file; each must exist."""
    dirs = [(path.parent / n).resolve() for n in names]
    for n, d in zip(names, dirs):
        if not d.is_dir():
            raise DataError(f"模板目录不存在：{d}", file=str(path), field="模板目录")
    return dirs


def build(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """Build the document a data file describes; its 文档类型 field chooses the kind (default 部门决算)."""
    from reportgen.kinds.registry import builder_for

    return builder_for(path)(path, overrides)


def facts_as_json(facts: Any) -> Any:
    """Facts as plain JSON values (Decimals as strings, exactly), for snapshots and `--facts`."""
    if dataclasses.is_dataclass(facts):
        return {f.name: facts_as_json(getattr(facts, f.name)) for f in dataclasses.fields(facts)}
    if isinstance(facts, (list, tuple)):
        return [facts_as_json(x) for x in facts]
    if isinstance(facts, Decimal):
        return str(facts)
    return facts
