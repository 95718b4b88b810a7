"""Shared by the web tests: accounts in a fresh store, a signed-in client, the bundled examples
as the officer would upload them (a data file, or the fillable workbook made from it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reportgen.web.accounts import add_user
from reportgen.workbook.export import workbook_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples"
QUXIAN = "渠县城乡居民社会养老保险管理局"
HAIYUAN = "海原县高崖乡卫生院"
PANZHIHUA = "攀枝花市东区社会保险事务中心"
BUREAU = "测试县财政局"
PASSWORD = "correct-horse-9"
ACCOUNTS = {"quxian": QUXIAN, "haiyuan": HAIYUAN, "panzhihua": PANZHIHUA}


def make_accounts(data_dir: Path) -> None:
    """Three unit accounts under one bureau, a bureau account, and a second bureau's account."""
    for login, unit in ACCOUNTS.items():
        add_user(data_dir, login, PASSWORD, unit=unit, bureau=BUREAU)
    add_user(data_dir, "bureau", PASSWORD, unit=None, bureau=BUREAU)
    add_user(data_dir, "elsewhere", PASSWORD, unit=None, bureau="另一个县财政局")


def example(name: str) -> Path:
    return EXAMPLES / f"{name}-2023.yaml"


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def log_in(client, login: str, password: str = PASSWORD):
    """Sign in through the login form; returns the page signed in to."""
    page = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', page.text)[1]
    return client.post("/login", data={"login_token": token, "login": login, "password": password},
                       follow_redirects=True)


def unit_path(client) -> str:
    """`/u/<id>` of the signed-in unit account (its home page)."""
    page = client.get("/", follow_redirects=True)
    return re.search(r"(/u/\d+)$", str(page.url))[1]


def bundled_workbook(folder: Path, name: str = QUXIAN) -> tuple[Path, list[Path]]:
    """The fillable workbook of a bundled example, and the data files its 附件 name, as an officer
    has them in one folder (so the workbook names its 附件 by file name)."""
    source = example(name)
    copy = folder / source.name
    shutil.copy(source, copy)
    attachments = []
    for annex in sorted(set(re.findall(r"文件: ([^,}]+\.yaml)", source.read_text(encoding="utf-8")))):
        shutil.copy(EXAMPLES / annex, folder / annex)
        attachments.append(folder / annex)
    book = folder / f"{source.stem}.xlsx"
    book.write_bytes(workbook_for(copy, book))
    return book, attachments


def form_values(html: str) -> dict[str, str]:
    """What the browser would post back unchanged: every input, textarea, select and checkbox."""
    out = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)" value="([^"]*)"', html):
        out[name] = value
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', html, re.S):
        out[name] = value.replace("&#34;", '"').replace("&amp;", "&")
    for name, body in re.findall(r'<select[^>]*name="([^"]+)">(.*?)</select>', html, re.S):
        chosen = re.search(r"<option selected>([^<]*)</option>", body)
        out[name] = chosen[1] if chosen else ""
    for name in re.findall(r'<input type="checkbox"[^>]*name="([^"]+)" value="是" checked>', html):
        out[name] = "是"
    for name in re.findall(r'<input type="checkbox"[^>]*name="([^"]+)" value="是">', html):
        out.pop(name, None)
    return {k: v.replace("&#39;", "'").replace("&#34;", '"').replace("&amp;", "&") for k, v in out.items()}
