"""The command on published documents: audit."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from reportgen.cli.app import app
from reportgen.errors import ReportgenError


@app.command()
def audit(
    files: List[Path] = typer.Argument(..., help="已公开的文档或文件夹（.pdf、.html/.htm、.docx、.txt、.md）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出（每个文件的发现及汇总）。"),
) -> None:
    """审查已公开文档：数字自相矛盾（占比、增减、完成预算、合计、前后不一）为“错误”，缺表缺项、倒挤、
    标题漏字、域代码残留等为“提示”。可一次审查多个文件或整个文件夹，末尾列出汇总表。
    有错误或无法读取的文件时退出码为 1。"""
    from reportgen.audit import format_text
    from reportgen.audit.batch import audit_batch, batch_json, format_summary

    reports = audit_batch(list(files))
    if not reports:
        raise ReportgenError("没有可审查的文件（支持 .pdf、.html、.htm、.docx、.txt、.md）")
    if as_json:
        typer.echo(batch_json(reports))
    else:
        for report in reports:
            if report.problem:
                typer.echo(f"错误：{report.problem}")
            elif report.findings or len(reports) == 1:
                typer.echo(format_text(report.findings))
            else:
                typer.echo(f"{report.file}：未发现问题。")
        if len(reports) > 1:
            typer.echo("\n" + format_summary(reports))
    if any(r.problem or r.errors for r in reports):
        raise typer.Exit(1)


