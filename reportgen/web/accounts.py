"""Accounts from the command line (`reportgen user add`): a unit's officer, or a bureau over its units."""

from __future__ import annotations

import secrets
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.web.auth import hash_password
from reportgen.web.store import Store, database_url

MIN_PASSWORD = 8


def add_user(data_dir: Path, login: str, password: str, *, unit: str | None, bureau: str | None,
             url: str | None = None, display: str = "") -> str:
    """Create the account (and its unit or bureau when new); returns a sentence saying what was made."""
    if not unit and not bureau:
        raise ReportgenError("请用 --unit 指定单位，或用 --bureau 指定财政局。")
    if len(password) < MIN_PASSWORD:
        raise ReportgenError(f"密码至少 {MIN_PASSWORD} 个字符。")
    if not login.strip() or len(login) > 100:
        raise ReportgenError("账号不能为空，也不能超过 100 个字符。")
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(url or database_url(data_dir))
    try:
        if store.user_by_login(login) is not None:
            raise ReportgenError(f"账号“{login}”已经存在。")
        bureau_id = store.bureau_id(bureau) if bureau else None
        if unit:
            unit_id = store.unit_id(unit, bureau_id)
            store.add_user(login, hash_password(password), "unit", unit_id=unit_id, display=display or unit)
            return f"已添加单位账号“{login}”：{unit}" + (f"（属 {bureau}）" if bureau else "")
        store.add_user(login, hash_password(password), "bureau", bureau_id=bureau_id, display=display or bureau)
        return f"已添加财政局账号“{login}”：{bureau}"
    finally:
        store.close()


def set_password(data_dir: Path, login: str, password: str, url: str | None = None) -> str:
    if len(password) < MIN_PASSWORD:
        raise ReportgenError(f"密码至少 {MIN_PASSWORD} 个字符。")
    store = Store(url or database_url(data_dir))
    try:
        user = store.user_by_login(login)
        if user is None:
            raise ReportgenError(f"没有账号“{login}”。")
        store.set_password(user.id, hash_password(password))
        return f"已修改账号“{login}”的密码。"
    finally:
        store.close()


FIRST_LOGIN, FIRST_BUREAU = "admin", "财政局"


def first_account(store: Store) -> str:
    """On a store without accounts: a bureau account with a random password, said once on the console."""
    if store.count_users():
        return ""
    password = secrets.token_urlsafe(9)
    store.add_user(FIRST_LOGIN, hash_password(password), "bureau", bureau_id=store.bureau_id(FIRST_BUREAU),
                   display=FIRST_BUREAU)
    return (f"已建立财政局账号：{FIRST_LOGIN}，密码：{password}（只显示这一次；登录后可在页面上添加单位账号，"
            f"也可用 reportgen user password {FIRST_LOGIN} 修改密码）")
