"""Findings and their two forms: human-readable text and a JSON array."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

KIND_NAMES = {
    "share": "占比",
    "parts_total": "分项与合计",
    "change_amount": "增减额",
    "change_rate": "增减幅度",
    "change_direction": "增减方向",
    "budget_completion": "预算完成率",
    "control_rate": "人员控制率",
    "score_exceeds_weight": "得分超过分值",
    "year_reference": "年份",
    "zero_base": "基数为零",
    "share_apportioned": "占比倒挤",
    "saving_rate": "节约率",
    "repeated_figure": "同一数字前后不一",
    "field_code": "域代码残留",
    "heading": "标题漏字",
    "table_missing": "缺表",
    "section_missing": "缺说明",
    "sangong_items": "三公未分项",
    "empty_table": "空表未说明",
    "late_publication": "公开不及时",
}


@dataclass(frozen=True)
class Finding:
    """A printed figure that the document's own figures cannot produce.

    `line` is the 1-based line where the sentence starts (for .docx: the index of the paragraph
    or table cell in reading order); `consistent_range` is what the other figures allow.
    """

    file: str
    line: int
    sentence: str
    kind: str
    stated: str
    consistent_range: tuple[str, str]
    message: str
    severity: str = "error"


GRADES = {"error": "错误", "warning": "提示"}


def format_text(findings: list[Finding]) -> str:
    """One entry per finding — `file:line: grade [kind] message`, the sentence, and the range
    the document's own figures allow — then the count of each grade.

    >>> finding = Finding("a.txt", 3, "增长 9%。", "change_rate", "9%", ("4.00%", "4.10%"), "说明")
    >>> print(format_text([finding]))
    a.txt:3: 错误 [增减幅度] 说明
        增长 9%。
        可能范围：4.00%～4.10%
    共 1 处：错误 1 处，提示 0 处。
    """
    if not findings:
        return "未发现问题。"
    lines = []
    for f in findings:
        lines.append(f"{f.file}:{f.line}: {grade(f)} [{KIND_NAMES.get(f.kind, f.kind)}] {f.message}")
        lines.append(f"    {f.sentence}")
        if f.consistent_range[0] != "—":
            lines.append(f"    可能范围：{'～'.join(dict.fromkeys(f.consistent_range))}")
    lines.append(summary_line(findings))
    return "\n".join(lines)


def grade(finding: Finding) -> str:
    """错误 for a figure no rounding can produce, 提示 for what a reader or inspector would query."""
    return GRADES.get(finding.severity, "提示")


def summary_line(findings: list[Finding]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    return f"共 {len(findings)} 处：错误 {errors} 处，提示 {len(findings) - errors} 处。"


def to_json(findings: list[Finding]) -> str:
    """A JSON array of findings, Chinese kept readable.

    >>> to_json([])
    '[]'
    """
    return json.dumps([as_dict(f) for f in findings], ensure_ascii=False, indent=2)


def as_dict(finding: Finding) -> dict:
    data = asdict(finding)
    data["consistent_range"] = list(finding.consistent_range)
    data["grade"] = grade(finding)
    return data
