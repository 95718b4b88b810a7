"""The web service and its accounts: serve, user add, user password."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from reportgen.cli.app import app, user_app


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


