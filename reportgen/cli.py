"""The command line: thin commands over the pipeline; user errors print as messages, exit 1."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from reportgen.errors import ReportgenError

app = typer.Typer(
    help="reportgen：由单位数据一次录入，生成部门决算公开文档（Markdown / DOCX），并检查数据与已公开文档中的差错。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def bundled_example() -> Path:
    """The example built when `reportgen build` is given no data file."""
    from reportgen.resources import data_dir

    return data_dir() / "examples" / "渠县城乡居民社会养老保险管理局-2023.yaml"


@app.command()
def build(
    data: Optional[List[Path]] = typer.Argument(None, help="数据文件（YAML，或由 workbook 生成并填好的 .xlsx），可以多个；省略时生成内置示例。"),
    outdir: Path = typer.Option(Path("out"), "-o", "--outdir", help="输出目录。"),
    formats: str = typer.Option("md", "-f", "--format", help="输出格式，逗号分隔：md、docx、pdf（需 LibreOffice）、html。"),
    templates: List[Path] = typer.Option([], "-t", "--templates", help="自定义模板目录（优先于内置模板，可多次指定）。"),
) -> None:
    """生成文档：数据 → 检查 → 计算 → 模板 → Markdown/DOCX。数据有错时不写该文件的任何输出。

    给出多个数据文件时逐个生成（例如财政局批量生成各单位的文档）：有错的文件列出错误并跳过，
    其余照常生成；只要有一个文件出错，退出码为 1。
    """
    from reportgen.writers import get_writer

    paths = data or [bundled_example()]
    names = [f.strip() for f in formats.split(",") if f.strip()]
    writers = [get_writer(n) for n in names]
    failed = 0
    for path in paths:
        try:
            written = _build_one(path, templates, writers, outdir)
        except ReportgenError as e:
            if len(paths) == 1:
                raise
            failed += 1
            typer.echo(f"错误：{e}", err=True)
            continue
        for p in written:
            typer.echo(str(p))
    if failed:
        typer.echo(f"{len(paths)} 个数据文件中 {failed} 个有错误，未生成。", err=True)
        raise typer.Exit(1)


def _build_one(path: Path, templates: List[Path], writers: list, outdir: Path) -> list[Path]:
    from reportgen.run import build as run

    built = run(path, templates)
    files: dict[str, bytes] = {}
    for write in writers:
        files.update(write(built.document, built.stem))
    return write_all(outdir, files)


@app.command()
def diff(
    old: Path = typer.Argument(..., help="原来的数据文件。"),
    new: Path = typer.Argument(..., help="修改后的数据文件。"),
) -> None:
    """比较两个版本的数据文件生成的文档：逐句列出改动一个数字后所有随之变化的文字（含表格行）。

    两版相同时退出码为 0，有变化时为 1（与 diff 命令一致）。
    """
    from reportgen.compare import changes, format_changes
    from reportgen.run import build as run
    from reportgen.writers.markdown import render_text

    found = changes(render_text(run(old).document), render_text(run(new).document))
    typer.echo(format_changes(found))
    if found:
        raise typer.Exit(1)


@app.command()
def workbook(
    data: Optional[Path] = typer.Argument(None, help="数据文件（YAML 或工作簿）；省略时生成空白工作簿。"),
    output: Path = typer.Option(..., "-o", "--output", help="要写出的工作簿（.xlsx）。"),
) -> None:
    """生成供填报的 Excel 工作簿（每张录入表一个工作表，附填写说明）；填好后用 build 生成文档。"""
    from reportgen.workbook.export import workbook_for

    content = workbook_for(data, output)
    for p in write_all(output.parent, {output.name: content}):
        typer.echo(str(p))


def write_all(outdir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: all go to temporary names first, then are renamed into place."""
    temps: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            target = outdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(content)
            temps.append((tmp, target))
    except OSError as e:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise ReportgenError(f"无法写入 {outdir}：{e.strerror}") from None
    for tmp, target in temps:
        os.replace(tmp, target)
    return [t for _, t in temps]


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="数据文件（YAML 或 .xlsx），可以多个。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 数组输出。"),
) -> None:
    """检查数据文件：合计与组成部分、收支平衡、预决算差异的原因等。有“错误”时退出码为 1。

    build 在生成前做同样的检查：有错误就不写任何文件（没有跳过检查的开关——数字错误的文档不应公开）；
    “提示”不阻止生成。
    """
    from reportgen.core.findings import to_json
    from reportgen.run import findings

    located = [f for path in files for f in _findings_of(path, findings)]
    if as_json:
        typer.echo(to_json(located))
    else:
        for f in located:
            typer.echo(f.text())
        errors = sum(f.severity == "error" for f in located)
        typer.echo(f"{len(files)} 个文件：{errors} 个错误，{len(located) - errors} 条提示。")
    if any(f.severity == "error" for f in located):
        raise typer.Exit(1)


def _findings_of(path: Path, findings) -> list:
    # A file that cannot be read or validated is listed like any other finding, so that
    # `check --json` stays one array and a batch names every bad file.
    from reportgen.core.findings import Located
    from reportgen.errors import DataError, DataErrors

    try:
        return findings(path)
    except (DataError, DataErrors) as e:
        errors = e.errors if isinstance(e, DataErrors) else [e]
        return [Located(x.file or str(path), x.line, x.field, "error", x.problem, None, None) for x in errors]


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


def main() -> None:
    """Entry point: run the app; a ReportgenError becomes a message on stderr and exit code 1."""
    try:
        app()
    except ReportgenError as e:
        print(f"错误：{e}" if "\n" not in str(e) else f"错误：\n{e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug of ours, not the user's data: say so briefly
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        print(f"内部错误（{type(e).__name__}: {e}）。这是 reportgen 的缺陷而非数据问题；"
              "设置环境变量 REPORTGEN_DEBUG=1 重新运行可看到详细信息，请连同数据文件一并反馈。", file=sys.stderr)
        sys.exit(2)
