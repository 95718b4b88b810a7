"""The command-line application the command modules register on (typer)."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="reportgen：由单位数据一次录入，生成部门决算公开文档（Markdown / DOCX / PDF / HTML），并检查数据与已公开文档中的差错。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

user_app = typer.Typer(help="网页服务的账号：单位账号只能看到本单位，财政局账号看到所辖各单位。", no_args_is_help=True)
app.add_typer(user_app, name="user")
