"""Commands on workbooks: the fillable workbook, the software's 公开表/财决 import, next year's file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from reportgen.cli.app import app
from reportgen.errors import ReportgenError
from reportgen.output import write_all


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


