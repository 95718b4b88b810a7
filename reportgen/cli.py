"""The command line: thin commands over the pipeline; user errors print as messages, exit 1."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from reportgen.errors import ReportgenError
from reportgen.output import safe_stem, write_all

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

    # A build is a burst of allocation: at the default threshold (700) ~170 collections, each
    # scanning what the imports made, take a sixth of a cold build. At 10,000 a dozen remain,
    # and memory stays as it was (a 1,213-项 unit: 90 MB; 145 MB with no collection at all).
    gc.set_threshold(10_000, 50, 50)
    paths = data or [bundled_example()]
    names = [f.strip() for f in formats.split(",") if f.strip()]
    if not names:
        raise ReportgenError("没有给出输出格式（-f md、-f docx 或 -f md,docx）")
    writers = [get_writer(n) for n in names]
    if len(paths) == 1 and not paths[0].is_dir():
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
def workbook(
    data: Optional[Path] = typer.Argument(None, help="数据文件（YAML 或工作簿）；省略时生成空白工作簿。"),
    output: Path = typer.Option(..., "-o", "--output", help="要写出的工作簿（.xlsx）。"),
) -> None:
    """生成供填报的 Excel 工作簿（每张录入表一个工作表，附填写说明）；填好后用 build 生成文档。"""
    from reportgen.workbook.export import workbook_for

    content = workbook_for(data, output)
    for p in write_all(output.parent, {output.name: content}):
        typer.echo(str(p))


@app.command("import")
def import_(
    workbook: Path = typer.Argument(..., help="部门决算软件导出的公开表或财决工作簿（.xls 或 .xlsx）。"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="要写出的数据文件（默认：与工作簿同名的 .yaml）。"),
    into: Optional[Path] = typer.Option(None, "--into", help="更新这个已有的数据文件中的数字，保留其文字（写回该文件，或写到 -o）。"),
) -> None:
    """导入公开表或财决工作簿：表上的每个数字写入数据文件（注明所在单元格），表上没有的字段标为“待填”并列出补录清单。

    导入时核对表间关系（合计与各项、总计、各表互相引用的数字）；有错时不写任何文件、退出码为 1。
    第二年：next-year → import --into → 补录原因等文字 → check → build。
    """
    from reportgen.core.yamlfile import load_yaml
    from reportgen.workbook.publish_import import import_workbook

    if into is not None:
        load_yaml(into)  # the bounded reader first: ruamel, which rewrites the file, expands its aliases
    target = output or into or workbook.with_suffix(".yaml")
    if into is None and target.exists():
        raise ReportgenError(f"{target} 已存在：用 --into {target} 更新其中的数字（保留文字），或用 -o 换一个文件名")
    result = import_workbook(workbook, into, target.name)
    for p in write_all(target.parent, {target.name: result.text.encode("utf-8")}):
        typer.echo(str(p))
    for note in result.notes:
        typer.echo(f"提示：{note}")
    if result.checklist:
        typer.echo(f"补录清单（公开表中没有，请在 {target.name} 中填写；填好后运行 reportgen check {target.name}）：")
        for line in result.checklist:
            typer.echo(f"  {line}")


@app.command("next-year")
def next_year(
    data: Path = typer.Argument(..., help="本年度的决算数据文件（YAML）。"),
    output: Path = typer.Option(..., "-o", "--output", help="要写出的下一年度数据文件。"),
) -> None:
    """由本年度的数据文件生成下一年度的起点：本年决算数转为“上年”，职责、机构、版式、样式、名词解释保留，
    本年数字和原因清空并标为“待填”，报告年度加 1。之后用 import --into 导入下一年的公开表。"""
    from reportgen.workbook.next_year import roll_forward

    if output.exists():
        raise ReportgenError(f"{output} 已存在：请换一个文件名（不覆盖已有的数据文件）")
    result = roll_forward(data)
    for p in write_all(output.parent, {output.name: result.text.encode("utf-8")}):
        typer.echo(str(p))
    typer.echo(f"待填（共 {len(result.checklist)} 组）：")
    for line in result.checklist:
        typer.echo(f"  {output.name}:{line}")


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


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（本机以外的电脑访问时用 0.0.0.0）。"),
    port: int = typer.Option(8000, "--port", help="端口。"),
    data: Path = typer.Option(Path("reportgen-data"), "--data", help="数据目录：内置数据库（SQLite）放在这里。"),
    db: Optional[str] = typer.Option(None, "--db", help="改用其他数据库，例如 postgresql://用户@主机/库名。"),
    workers: Optional[int] = typer.Option(None, "--workers", help="生成文档的进程数（默认为 CPU 核数，最多 4）。"),
) -> None:
    """启动网页服务：各单位上传工作簿、补填表格以外的内容、查看检查结果、预览并下载文档；财政局查看各单位情况。

    第一次启动时若还没有账号，会建立一个财政局账号并在此显示其密码。
    """
    # The web stack is imported here only, so that the other commands start as fast as before.
    import uvicorn

    from reportgen.web.accounts import first_account
    from reportgen.web.app import create_app

    application = create_app(data, db, workers)
    created = first_account(application.state.store)
    if created:
        typer.echo(created)
    typer.echo(f"reportgen 网页服务：http://{host}:{port}/ （数据目录 {data.resolve()}；按 Ctrl+C 停止）")
    uvicorn.run(application, host=host, port=port, log_level="warning")


user_app = typer.Typer(help="网页服务的账号：单位账号只能看到本单位，财政局账号看到所辖各单位。", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    login: str = typer.Argument(..., help="账号（登录名）。"),
    unit: Optional[str] = typer.Option(None, "--unit", help="单位名称：建立单位账号（单位不存在时一并建立）。"),
    bureau: Optional[str] = typer.Option(None, "--bureau", help="财政局名称：与 --unit 同用时指定单位所属的局；单独使用时建立财政局账号。"),
    data: Path = typer.Option(Path("reportgen-data"), "--data", help="数据目录（与 serve 相同）。"),
    db: Optional[str] = typer.Option(None, "--db", help="数据库地址（与 serve 相同）。"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（供脚本使用）。"),
) -> None:
    """添加账号。密码以 argon2 散列保存。"""
    from reportgen.web.accounts import add_user

    typer.echo(add_user(data, login, _password(password_stdin), unit=unit, bureau=bureau, url=db))


@user_app.command("password")
def user_password(
    login: str = typer.Argument(..., help="账号。"),
    data: Path = typer.Option(Path("reportgen-data"), "--data", help="数据目录（与 serve 相同）。"),
    db: Optional[str] = typer.Option(None, "--db", help="数据库地址（与 serve 相同）。"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码。"),
) -> None:
    """修改账号的密码。"""
    from reportgen.web.accounts import set_password

    typer.echo(set_password(data, login, _password(password_stdin), url=db))


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt("密码", hide_input=True, confirmation_prompt="再输入一次")


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
