"""A unit's account reaches its own unit only — by every page, download and form, including
addresses typed by hand — and a bureau's account its own units only."""

from __future__ import annotations

import re

import pytest

from web_helpers import HAIYUAN, csrf_of, example, unit_path

PAGES = ["", "/2023", "/2023/form", "/2023/preview", "/2023/preview/document", "/2023/changes",
         "/2023/versions", "/2023/download/docx", "/2023/download/md", "/2023/download/data",
         "/2023/download/xlsx-input", "/2023/preview?v=1", "/2023/download/data?v=1", "/year?year=2023"]
POSTS = ["/2023/upload", "/2023/form", "/2023/publish", "/2023/next-year"]


@pytest.fixture
def owner(client_as):
    client = client_as("haiyuan")
    base = unit_path(client)
    page = client.get(base + "/2023")
    client.post(base + "/2023/upload", data={"csrf": csrf_of(page.text)},
                files={"file": (example(HAIYUAN).name, example(HAIYUAN).read_bytes())})
    return client, base


def snapshot(client, base: str) -> tuple[str, str]:
    return client.get(base + "/2023/versions").text, client.get(base + "/2023/download/data").text


def test_the_owner_reaches_every_page(owner):
    client, base = owner
    for page in PAGES:
        assert client.get(base + page).status_code == 200, page


@pytest.mark.parametrize("intruder", ["quxian", "elsewhere"])
def test_another_units_or_bureaus_account_can_neither_read_nor_change(owner, client_as, intruder):
    client, base = owner
    before = snapshot(client, base)
    other = client_as(intruder)
    token = csrf_of(other.get("/", follow_redirects=True).text)
    for page in PAGES:
        answer = other.get(base + page, follow_redirects=False)
        assert answer.status_code == 404, page
        assert HAIYUAN not in answer.text and "2100302" not in answer.text, page
    for post in POSTS:
        answer = other.post(base + post, data={"csrf": token, "base": "1", "政府采购.货物": "1"},
                            files={"file": (example(HAIYUAN).name, example(HAIYUAN).read_bytes())})
        assert answer.status_code == 404, post
    assert snapshot(client, base) == before


def test_the_bureau_over_the_unit_reads_it_and_another_bureau_does_not(owner, client_as):
    client, base = owner
    bureau = client_as("bureau")
    home = bureau.get("/").text
    assert HAIYUAN in home
    bureau_path = re.search(r'href="(/b/\d+)"', home)[1]
    overview = bureau.get(bureau_path + "/2023").text
    assert HAIYUAN in overview and "第 1 版" in overview
    assert bureau.get(base + "/2023/form").status_code == 200
    elsewhere = client_as("elsewhere")
    assert elsewhere.get(bureau_path + "/2023").status_code == 404
    assert HAIYUAN not in elsewhere.get("/").text
    unit = client_as("quxian")
    assert unit.get(bureau_path + "/2023").status_code == 404


def test_signing_out_ends_the_session_on_the_server(owner):
    client, base = owner
    cookie = client.cookies.get("rg_session")
    page = client.get(base)
    client.post("/logout", data={"csrf": csrf_of(page.text)})
    client.cookies.set("rg_session", cookie)  # a copy of the old cookie is worth nothing now
    assert client.get(base + "/2023", follow_redirects=False).headers["location"] == "/login"
