"""Commands on data files: build, diff, check, and the catalogue they use."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import List, Optional

import typer

from reportgen.cli.app import app
from reportgen.errors import ReportgenError
from reportgen.output import safe_stem, write_all


def bundled_example() -> Path:
    """The example built when `reportgen build` is given no data file."""
    from reportgen.resources import data_dir

    return data_dir() / "examples" / "渠县城乡居民社会养老保险管理局-2023.yaml"


@app.command()
def build(
    data: Optional[List[Path]] = typer.Argument(None, help="数据文件（YAML，或由 workbook 生成并填好的 .xlsx）或文件夹，可以多个；省略时生成内置示例。"),
    outdir: Path = typer.Option(Path("out"), "-o", "--outdir", help="输出目录。"),
    formats: str = typer.Option("md", "-f", "--format", help="输出格式，逗号分隔：md、docx、pdf（需 LibreOffice）、html。"),
    templates: List[Path] = typer.Option([], "-t", "--templates", help="自定义模板目录（优先于内置模板，可多次指定）。"),
    jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="同时生成的进程数（默认为 CPU 核数）。"),
) -> None:
    """生成文档：数据 → 检查 → 计算 → 模板 → Markdown/DOCX。数据有错时不写该文件的任何输出。

    给出多个数据文件或文件夹时批量生成（例如财政局生成各单位的文档）：用上所有 CPU 核，在终端显示进度，
    最后列出汇总表（单位、年度、大小、提示、结果）。有错的文件列出错误并跳过，其余照常生成，
    输出与逐个生成完全相同；只要有一个文件出错，退出码为 1。
    """
    from reportgen.writers import get_writer

    paths = data or [bundled_example()]
    one = len(paths) == 1 and not paths[0].is_dir()
    # A build is a burst of allocation that it keeps to its end (data, document, measuring
    # caches): at the default threshold (700) ~170 collections took a sixth of a cold build. One
    # file's build at 100,000 takes none (at 10,000 the 渠县 example took 7, ~13 ms, freeing 225
    # objects) and peaks as high (a 1,213-项 unit: 111 MB at either); a batch's workers stay at
    # 10,000, where their memory stays flattest (200 units: 118 MB of PSS against 143 MB).
    gc.set_threshold(100_000 if one else 10_000, 50, 50)
    names = [f.strip() for f in formats.split(",") if f.strip()]
    if not names:
        raise ReportgenError("没有给出输出格式（-f md、-f docx 或 -f md,docx）")
    writers = [get_writer(n) for n in names]
    if one:
        for p in _build_one(paths[0], templates, writers, outdir):
            typer.echo(str(p))
        return
    from reportgen.batch_report import build_all

    code = build_all(paths, names, templates, outdir, jobs, write_all)
    if code:
        raise typer.Exit(code)


def _build_one(path: Path, templates: List[Path], writers: list, outdir: Path) -> list[Path]:
    from reportgen.run import build as run

    built = run(path, templates)
    for finding in built.findings:  # the 提示 `check` prints; errors have stopped the build already
        typer.echo(finding.text(), err=True)
    stem = safe_stem(built.stem)  # the stem comes from data (单位.名称): no path may hide in it
    files: dict[str, bytes] = {}
    for write in writers:
        files.update(write(built.document, stem))
    return write_all(outdir, files)


@app.command()
def diff(
    old: Path = typer.Argument(..., help="原来的数据文件。"),
    new: Path = typer.Argument(..., help="修改后的数据文件。"),
) -> None:
    """比较两个版本的数据文件生成的文档：逐句列出改动一个数字后所有随之变化的文字（含表格行）。

    两版相同时退出码为 0，有变化时为 1，数据文件有错而无法比较时为 2（与 diff 命令一致）。
    """
    from reportgen.compare import changes, format_changes
    from reportgen.run import build as run
    from reportgen.writers.markdown import render_text

    try:
        documents = [render_text(run(path).document) for path in (old, new)]
    except ReportgenError as e:
        typer.echo(f"错误：{e}" if "\n" not in str(e) else f"错误：\n{e}", err=True)
        raise typer.Exit(2) from None
    found = changes(*documents)
    typer.echo(format_changes(found))
    if found:
        raise typer.Exit(1)


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="数据文件（YAML 或 .xlsx），可以多个。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 数组输出。"),
    templates: List[Path] = typer.Option([], "-t", "--templates", help="与 build 相同的自定义模板目录。"),
) -> None:
    """检查数据文件：合计与组成部分、收支平衡、预决算差异的原因等。有“错误”时退出码为 1。

    build 在生成前做同样的检查：有错误就不写任何文件（没有跳过检查的开关——数字错误的文档不应公开）；
    “提示”不阻止生成。凡 build 会拒绝的（附件、模板目录、正文中的引用、模板本身），check 也报告为错误。
    """
    from reportgen.core.findings import to_json
    from reportgen.run import findings

    located = [f for path in files for f in _findings_of(path, lambda p: findings(p, templates))]
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
    except ReportgenError as e:  # a layout or template that cannot be used
        return [Located(str(path), None, "", "error", e.message, None, None)]


@app.command()
def catalogue(
    query: str = typer.Argument("", help="科目编码（如 2080505、30101）或名称中的字（如 养老）；省略时列出各科目表的条数。"),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="报告年度：按该年度的名称显示（如 2020 年的“扶贫”）。"),
) -> None:
    """查看内置科目表：编码、名称、历年名称、名词解释与来源（功能分类、部门预算经济分类、政府预算经济分类）。"""
    from reportgen.catalogue_view import lookup

    typer.echo(lookup(query, year))


