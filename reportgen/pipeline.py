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

from reportgen.checks import Finding, check_final_accounts, check_subjects
from reportgen.document.nodes import Cover, Document
from reportgen.errors import DataError, DataErrors, TemplateError
from reportgen.facts.catalogue import builtin_catalogue
from reportgen.facts.final_accounts import FinalAccountsFacts, compute
from reportgen.model.final_accounts import FinalAccounts
from reportgen.model.loader import line_of, load_model
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
    findings: tuple[Finding, ...]
    document: Document


def load(path: Path) -> tuple[FinalAccounts, FinalAccountsFacts, list[Finding], dict]:
    """Load, check and compute; raise DataErrors (with lines) when a check finds an error."""
    data, lines = load_model(path, FinalAccounts)
    findings = check_subjects(data)
    _raise_errors(findings, lines, path)
    facts = compute(data)
    findings += check_final_accounts(data, facts)
    _raise_errors(findings, lines, path)
    return data, facts, findings, lines


def findings_as_errors(findings: Sequence[Finding], lines: dict, path: Path) -> list[DataError]:
    """Findings as messages naming file, field and line, with the stated and expected values."""
    out = []
    for f in findings:
        problem = f.message
        if f.stated is not None and f.expected is not None:
            problem += f"（填写 {_plain(f.stated)}，应为 {_plain(f.expected)}）"
        field = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in f.field).replace(".[", "[")
        out.append(DataError(problem, file=str(path), field=field, line=line_of(f.field, lines)))
    return out


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") + " 万元"


def _raise_errors(findings: Sequence[Finding], lines: dict, path: Path) -> None:
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise DataErrors(findings_as_errors(errors, lines, path))


def context(data: FinalAccounts, facts: FinalAccountsFacts) -> dict[str, Any]:
    """What templates see: the data as entered, the facts, the style and the wording choices."""
    catalogue = builtin_catalogue()
    unit = data.单位
    title = unit.封面标题 or f"{unit.报告年度}年度{unit.名称}部门决算"

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
        "科目解释": explanation,
    }


def build_final_accounts(path: Path, overrides: Sequence[Path] = ()) -> Built:
    """部门决算: carry one data file through every stage."""
    data, facts, findings, _ = load(path)
    ctx = context(data, facts)
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
    from reportgen.kinds import builder_for

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
