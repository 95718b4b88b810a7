"""The HTTP endpoints with Starlette's test client: signing in, the officer's flow, the bureau's
view, and that nothing reaches another unit's data."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from reportgen.run import build
from reportgen.writers.markdown import render_text
from web_helpers import HAIYUAN, PASSWORD, QUXIAN, bundled_workbook, csrf_of, example, form_values, log_in, unit_path


def upload(client, path: str, name: str, content: bytes, **extra):
    page = client.get(path)
    return client.post(f"{path}/upload", data={"csrf": csrf_of(page.text), **extra},
                       files={"file": (name, content)}, follow_redirects=True)


@pytest.fixture
def haiyuan(client_as):
    """The 海原 officer, signed in, with the bundled 海原 example uploaded as version 1."""
    client = client_as("haiyuan")
    path = unit_path(client) + "/2023"
    page = upload(client, path, example(HAIYUAN).name, example(HAIYUAN).read_bytes())
    assert "已保存为第 1 版" in page.text
    return client, path


def test_pages_need_signing_in(app):
    from starlette.testclient import TestClient

    with TestClient(app) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/login"
        assert client.get("/u/1/2023", follow_redirects=False).headers["location"] == "/login"
        assert log_in(client, "haiyuan", "wrong-password").status_code == 401
        assert "账号或密码不正确" in log_in(client, "nobody", PASSWORD).text
        assert log_in(client, "haiyuan").url.path.startswith("/u/")


def test_repeated_wrong_passwords_pause_that_login(app):
    from starlette.testclient import TestClient

    with TestClient(app) as client:
        for _ in range(5):
            log_in(client, "panzhihua", "wrong-password")
        assert log_in(client, "panzhihua").status_code == 429  # even the right one, for now


def test_every_response_carries_the_security_headers_and_no_outside_asset(client_as):
    client = client_as("haiyuan")
    page = client.get(unit_path(client))
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    assert client.get("/static/app.css").status_code == 200


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(haiyuan):
    client, path = haiyuan
    page = client.post(f"{path}/form", data={"base": "1", "三公经费.国内公务接待.批次": "9"})
    assert page.status_code == 403
    page = client.post(f"{path}/form", data={"csrf": "forged", "base": "1", "三公经费.国内公务接待.批次": "9"})
    assert page.status_code == 403
    assert "第 1 版" in client.get(f"{path}/versions").text and "第 2 版" not in client.get(f"{path}/versions").text


def test_the_officers_flow_upload_correct_compare_preview_download(haiyuan):
    client, path = haiyuan
    form = client.get(f"{path}/form")
    assert form.status_code == 200 and "预决算差异原因" in form.text and "乡镇卫生院" in form.text
    values = form_values(form.text)
    assert values["三公经费.国内公务接待.批次"] == "4"
    values.update({"csrf": csrf_of(form.text), "三公经费.国内公务接待.批次": "5",
                   "政府采购.货物": "36.60"})
    changed = client.post(f"{path}/form", data=values, follow_redirects=True)
    assert "已保存为第 2 版" in changed.text and "/changes?to=2" in str(changed.url)
    # The fields behind the correction and the sentences it reached, old and new.
    assert "三公经费.国内公务接待.批次" in changed.text and "政府采购.货物" in changed.text
    assert re.search(r"－ [^<]*35\.6[^<]*", changed.text) and re.search(r"＋ [^<]*36\.6[^<]*", changed.text)
    assert re.search(r"＋ [^<]*5批次", changed.text) or "5 批次" in changed.text or "5批" in changed.text
    preview = client.get(f"{path}/preview")
    assert preview.status_code == 200 and "/download/docx" in preview.text
    document = client.get(f"{path}/preview/document")
    assert "海原县高崖乡卫生院" in document.text and "<script" not in document.text
    docx = client.get(f"{path}/download/docx")
    assert docx.status_code == 200 and zipfile.ZipFile(io.BytesIO(docx.content)).testzip() is None
    assert "attachment" in docx.headers["content-disposition"]
    markdown = client.get(f"{path}/download/md").content
    assert "36.6" in (markdown.decode() if markdown[:2] != b"PK" else zipfile.ZipFile(io.BytesIO(markdown)).read(
        next(n for n in zipfile.ZipFile(io.BytesIO(markdown)).namelist() if n.endswith(".md"))).decode())
    data = client.get(f"{path}/download/data?v=2").text
    assert "批次: 5" in data and "36.60" in data
    # The comments of the uploaded file survive the form.
    assert data.splitlines()[0].startswith("#") == example(HAIYUAN).read_text().splitlines()[0].startswith("#")


def test_the_change_log_says_who_changed_which_figure_when(haiyuan):
    client, path = haiyuan
    form = client.get(f"{path}/form")
    values = {**form_values(form.text), "csrf": csrf_of(form.text), "政府采购.服务": "1.25"}
    client.post(f"{path}/form", data=values)
    log = client.get(f"{path}/versions").text
    row = re.search(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>2</td><td>政府采购.服务</td><td>[^<]*</td><td>1.25</td>", log)
    assert row and row[2] == HAIYUAN and re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[1])


def test_a_finding_is_shown_beside_its_field_and_marked_in_the_preview(haiyuan):
    client, path = haiyuan
    form = client.get(f"{path}/form")
    values = {**form_values(form.text), "csrf": csrf_of(form.text), "变动原因.收支总计": ""}
    client.post(f"{path}/form", data=values)
    form = client.get(f"{path}/form").text
    field = re.search(r'<div class="field has-finding[^"]*" id="(f\d+)">\s*<label[^>]*>收支总计</label>.*?</div>', form, re.S)
    assert field and "数字有变动，但没有写明原因" in field[0]
    document = client.get(f"{path}/preview/document").text
    assert "rg-mark" in document and f"/form#{field[1]}" in document


def test_errors_stop_the_preview_and_the_downloads_but_the_version_is_kept(haiyuan):
    client, path = haiyuan
    form = client.get(f"{path}/form")
    values = {**form_values(form.text), "csrf": csrf_of(form.text), "政府采购.授予中小企业合同金额": "999"}
    client.post(f"{path}/form", data=values)
    preview = client.get(f"{path}/preview").text
    assert "不能生成" in preview and "授予中小企业合同金额超过了政府采购支出总额" in preview
    assert client.get(f"{path}/download/docx").status_code == 400
    form = client.get(f"{path}/form").text
    assert re.search(r'has-finding[^>]*>\s*<label[^>]*>授予中小企业合同金额（万元）</label>.*?超过了', form, re.S)
    assert "第 2 版" in client.get(f"{path}/versions").text


def test_text_in_a_number_field_is_reported_beside_it(haiyuan):
    client, path = haiyuan
    form = client.get(f"{path}/form")
    values = {**form_values(form.text), "csrf": csrf_of(form.text), "三公经费.国内公务接待.人次": "二十"}
    client.post(f"{path}/form", data=values)
    form = client.get(f"{path}/form").text
    assert re.search(r'has-finding[^>]*>\s*<label[^>]*>国内公务接待 · 人次</label>.*?value="二十".*?错误', form, re.S)


def test_two_officers_saving_from_the_same_version_both_keep_their_work(haiyuan, client_as, app):
    from reportgen.web.accounts import add_user

    first, path = haiyuan
    add_user(app.state.data_dir, "haiyuan2", PASSWORD, unit=HAIYUAN, bureau=None)
    second = client_as("haiyuan2")
    a, b = first.get(f"{path}/form"), second.get(f"{path}/form")
    va = {**form_values(a.text), "csrf": csrf_of(a.text), "政府采购.工程": "2.00"}
    vb = {**form_values(b.text), "csrf": csrf_of(b.text), "政府采购.服务": "3.00"}
    assert "第 2 版" in first.post(f"{path}/form", data=va, follow_redirects=True).text
    assert "第 3 版" in second.post(f"{path}/form", data=vb, follow_redirects=True).text
    data = first.get(f"{path}/download/data").text
    assert "工程: 2.00" in data and "服务: 3.00" in data
    # The same field changed two ways from one version: the second is shown back, not lost or applied.
    a, b = first.get(f"{path}/form"), second.get(f"{path}/form")
    first.post(f"{path}/form", data={**form_values(a.text), "csrf": csrf_of(a.text), "政府采购.工程": "4.00"})
    clash = second.post(f"{path}/form", data={**form_values(b.text), "csrf": csrf_of(b.text), "政府采购.工程": "5.00"})
    assert clash.status_code == 409 and "另一位用户" in clash.text and 'value="5.00"' in clash.text
    assert "工程: 4.00" in first.get(f"{path}/download/data").text


def test_the_bundled_workbook_uploads_as_the_same_document(client_as, tmp_path):
    client = client_as("quxian")
    path = unit_path(client) + "/2023"
    book, attachments = bundled_workbook(tmp_path)
    page = upload(client, path, book.name, book.read_bytes())
    assert "已保存为第 1 版" in page.text
    for annex in attachments:
        assert "已保存为第 2 版" in upload(client, path, annex.name, annex.read_bytes()).text
    overview = client.get(path).text
    assert "模板目录" in overview  # the 补录 list says the template folder was not used
    web = client.get(f"{path}/download/md").content
    text = zipfile.ZipFile(io.BytesIO(web)).read(next(n for n in zipfile.ZipFile(io.BytesIO(web)).namelist()
                                                      if n.endswith(".md"))).decode()
    without_templates = tmp_path / "same.yaml"
    without_templates.write_text(re.sub(r"(?m)^模板目录:.*$", "", example(QUXIAN).read_text(encoding="utf-8")),
                                 encoding="utf-8")
    for annex in attachments:
        (tmp_path / annex.name).write_bytes(annex.read_bytes())
    assert text.rstrip() == render_text(build(without_templates).document, text.split("_图/")[0].split("(")[-1]).rstrip()


@pytest.mark.parametrize("name, content, message", [
    ("a.exe", b"MZ", "不支持的文件类型"),
    ("a.yaml", b"", "文件是空的"),
    ("a.yaml", "单位: [\n".encode(), "YAML 格式错误"),
    ("a.yaml", b"\xff\xfe\x00", "不是 UTF-8"),
    ("a.yaml", "a: &x [1]\nb: *x\n".encode(), "锚点或别名"),
    ("a.yaml", "单位: {名称: 某单位, 报告年度: 2022}\n".encode(), "报告年度是 2022"),
    ("a.yaml", b"x" * (2 * 1024 * 1024 + 1), "文件过大"),
    ("a.xlsx", b"not a workbook", "无法读取工作簿"),
])
def test_a_bad_upload_is_refused_with_its_reason_and_nothing_is_kept(client_as, name, content, message):
    client = client_as("panzhihua")
    path = unit_path(client) + "/2023"
    page = upload(client, path, name, content)
    assert page.status_code == 400 and message in page.text
    assert "本年度还没有数据" in client.get(path).text


def test_a_body_beyond_the_limit_is_refused(client_as, monkeypatch):
    from reportgen.web import app as web_app

    monkeypatch.setattr(web_app, "BODY_LIMIT", 1000)
    client = client_as("panzhihua")
    path = unit_path(client) + "/2023"
    assert upload(client, path, "a.yaml", b"x" * 5000).status_code == 413


PUBLIC_TABLES = example(QUXIAN).with_name(f"{QUXIAN}-2023-公开表.xlsx")


def test_the_software_workbook_gives_the_todo_list_and_each_missing_field_is_marked(client_as):
    """The 公开表 workbook the 决算 software exports (bundled): its figures imported, everything the
    tables cannot hold listed and shown as 待填 beside its field; filled in the form from what the
    example's data file says, the document builds."""
    client = client_as("quxian")
    path = unit_path(client) + "/2023"
    page = upload(client, path, PUBLIC_TABLES.name, PUBLIC_TABLES.read_bytes())
    assert "已保存为第 1 版" in page.text
    overview = client.get(path).text
    assert "待补录" in overview and "上年决算数" in overview and "数字齐全：<span class=\"bad\">否" in overview
    form = client.get(f"{path}/form").text
    assert re.search(r'has-finding[^>]*>\s*<label[^>]*>收支总计（元）[^<]*<span class="req">\*</span></label>.*?待填', form, re.S)
    assert re.search(r"2080109 [^<]+ · 预算数（元）", form)

    from reportgen.web.datafile import values as read
    wanted = read(example(QUXIAN).read_text(encoding="utf-8"))
    sent = {**form_values(form), "csrf": csrf_of(form)}
    imported = read(client.get(f"{path}/download/data").text)
    for name in list(sent):
        if name in ("csrf", "base"):
            continue
        value = _value_in(wanted, _same_row(imported, wanted, name))
        if value is None and _waiting(imported, name):
            value = "0"  # the example leaves it at its default (no 政府采购, no 三公 last year): typed as 0
        if value is not None:
            sent[name] = value
    page = client.post(f"{path}/form", data=sent, follow_redirects=True)
    assert "已保存为第 2 版" in page.text
    annex = EXAMPLES_DIR / f"{QUXIAN}-2023-绩效自评.yaml"
    upload(client, path, annex.name, annex.read_bytes())
    overview = client.get(path).text
    assert "检查：<span class=\"good\">通过" in overview, re.findall(r"<li class=\"err\">.*?</li>", overview, re.S)
    assert "数字齐全：<span class=\"good\">是" in overview
    text = client.get(f"{path}/download/md").content
    markdown = zipfile.ZipFile(io.BytesIO(text)).read(
        next(n for n in zipfile.ZipFile(io.BytesIO(text)).namelist() if n.endswith(".md"))).decode()
    assert "增长453.14%" in markdown  # the 上年 figure typed in the form reached the text


EXAMPLES_DIR = example(QUXIAN).parent


def _value_in(data, name: str):
    """What the example's data file holds for a form field (as the officer would type it), or None."""
    from reportgen.web.datafile import parse_field_name, show, value_at

    value = value_at(data, parse_field_name(name))
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return "是" if value else None
    return show(value)


def _same_row(imported, wanted, name: str) -> str:
    """The field's name in the example: a 科目 row found by its code (the tables omit a zero row)."""
    from reportgen.web.datafile import field_name, parse_field_name, value_at

    path = parse_field_name(name)
    if len(path) < 2 or not isinstance(path[1], int):
        return name
    code = str(value_at(imported, path[:2] + ("科目编码",)))
    rows = wanted.get(path[0]) or []
    i = next((i for i, row in enumerate(rows) if str(row.get("科目编码")) == code), None)
    return field_name((path[0], i) + path[2:]) if i is not None else "-"


def _waiting(data, name: str) -> bool:
    """Whether the imported file left this field as an explicit null (待填)."""
    from reportgen.web.datafile import parse_field_name, value_at

    path = parse_field_name(name)
    parent = value_at(data, path[:-1])
    return isinstance(parent, dict) and path[-1] in parent and parent[path[-1]] is None


def test_next_year_starts_from_last_years_data(haiyuan):
    client, path = haiyuan
    next_path = path.replace("/2023", "/2024")
    page = client.get(next_path)
    assert "从 2023 年度的数据开始" in page.text
    started = client.post(f"{next_path}/next-year", data={"csrf": csrf_of(page.text)}, follow_redirects=True)
    assert "已从 2023 年数据开始" in started.text
    data = client.get(f"{next_path}/download/data").text
    assert "报告年度: 2024" in data and "待填" in data
    assert "待补录" in client.get(next_path).text
    # A second start would overwrite this year's work: it is refused.
    again = client.post(f"{next_path}/next-year", data={"csrf": csrf_of(page.text)})
    assert again.status_code == 400
