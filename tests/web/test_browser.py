"""The officer's whole flow in a real headless Chromium (Debian's chromium and chromium-driver,
driven from pytest; nothing is downloaded): sign in, choose the year, upload the bundled workbook
and its 绩效 file, see a finding beside its field, correct it, read what the correction changed,
preview, download the DOCX — then the bureau's view, on a phone-sized window as well.

A screenshot of every page is saved (in REPORTGEN_SHOTS if set, else the test's folder) to be looked at.
"""

from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from server import Server, add_account
from web_helpers import BUREAU, PASSWORD, QUXIAN, bundled_workbook

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()) and not os.environ.get("CI"),
    reason="needs Debian's chromium and chromium-driver (CI installs them)")


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(arg)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=DriverService(str(DRIVER)), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


class Pages:
    """The browser with a few words for what an officer does."""

    def __init__(self, driver, url: str, shots: Path):
        self.d, self.url, self.shots = driver, url, shots

    def open(self, path: str) -> None:
        """A path on the server, or a whole address."""
        self.d.get(path if path.startswith("http") else self.url + path)

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.d.find_element(By.CSS_SELECTOR, css)

    def press(self, css: str) -> None:
        """Click what submits or follows, and wait for the next page to replace this one."""
        from selenium.webdriver.support.wait import WebDriverWait

        # A mark on this document, not an element reference: Chromium sometimes answers a stale
        # reference with "Node … does not belong to the document" instead of a staleness error.
        self.d.execute_script("window.__reportgenOldPage = true")
        self.find(css).click()
        WebDriverWait(self.d, 60).until(lambda d: d.execute_script(
            "return !window.__reportgenOldPage && document.readyState === 'complete'"))

    def text(self) -> str:
        return self.find("body").text

    def shot(self, name: str, full: bool = True) -> None:
        """The whole page, as tall as it is (or the window only), saved as <name>.png."""
        if not full:
            self.d.save_screenshot(str(self.shots / f"{name}.png"))
            return
        width = self.d.get_window_size()["width"]
        height = self.d.execute_script("return document.documentElement.scrollHeight")
        self.d.set_window_size(width, min(max(height, 600), 8000))
        self.d.save_screenshot(str(self.shots / f"{name}.png"))
        self.d.set_window_size(width, 900)

    def fits(self) -> bool:
        """Nothing runs off the side of the window (a phone reader never scrolls sideways)."""
        return self.d.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")

    def sign_in(self, login: str) -> None:
        self.open("/login")
        self.find("input[name=login]").send_keys(login)
        self.find("input[name=password]").send_keys(PASSWORD)
        self.press("form button")


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("REPORTGEN_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_officers_flow_in_chromium(browser, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    add_account(data, "quxian", "--unit", QUXIAN, "--bureau", BUREAU)
    add_account(data, "bureau", "--bureau", BUREAU)
    book, attachments = bundled_workbook(tmp_path)
    with Server(data, workers=1) as server:
        p = Pages(browser, server.url, _shots(tmp_path))
        p.open("/")
        p.shot("01-登录")
        p.sign_in("quxian")
        assert QUXIAN in p.text()
        p.shot("02-单位-选择年度")
        year = p.find("input[name=year]")
        year.clear()
        year.send_keys("2023")
        p.press("form.row button")
        assert "本年度还没有数据" in p.text()
        p.shot("03-年度-开始")

        # Upload the bundled workbook: the form opens, the missing 绩效 file is an error beside nothing.
        p.find("input[type=file]").send_keys(str(book))
        p.press("form[enctype] button")
        assert "已保存为第 1 版" in p.text() and "填写表格不能提供的内容" in p.text()
        assert "尚未上传" in p.text()  # the 附件 names a 绩效 file not uploaded yet
        p.open(p.d.current_url.split("/form")[0])
        assert "模板目录" in p.text()  # the 补录 list
        for annex in attachments:
            p.find("input[type=file]").send_keys(str(annex))
            p.press("form[enctype] button")
        p.open(p.d.current_url.split("?")[0])
        assert "检查：通过" in p.text()
        p.shot("04-年度-概况")

        # Blank a reason: the 提示 appears beside that very field.
        p.open(p.d.current_url.split("?")[0] + "/form")
        reason = p.find("[name='变动原因.收支总计']")
        old_reason = reason.get_attribute("value")
        reason.clear()
        p.press(".savebar button")
        assert "已保存为第 3 版" in p.text() and "修改的栏目" in p.text()
        p.open(p.d.current_url.split("/changes")[0] + "/form")
        field = p.find("[name='变动原因.收支总计']").find_element("xpath", "..")
        assert "数字有变动，但没有写明原因" in field.text
        p.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        p.shot("05-表单-发现在栏目旁", full=False)
        p.open(p.d.current_url.split("/form")[0] + "/preview")
        assert "提示（文中以黄色标出）" in p.text()
        p.shot("06-预览-提示")

        # Correct it: the changes page lists the sentences the new reason reached.
        p.open(p.d.current_url.split("/preview")[0] + "/form")
        reason = p.find("[name='变动原因.收支总计']")
        reason.send_keys("增加财政代缴城乡居民基本养老保险费支出")
        p.press(".savebar button")
        text = p.text()
        assert "已保存为第 4 版" in text and "文中随之变化的句子和表格行" in text
        assert "＋" in text and "增加财政代缴城乡居民基本养老保险费支出" in text and old_reason
        p.shot("07-修改后的文字变化")

        # Preview and download the DOCX.
        p.open(p.d.current_url.split("/changes")[0] + "/preview")
        assert "第 4 版" in p.text()
        p.shot("08-预览与下载")
        preview = p.d.current_url
        p.open(preview.split("/preview")[0] + "/preview/document")
        assert "渠县城乡居民社会养老保险管理局" in p.text()
        p.shot("09-文档预览")
        p.open(preview)
        p.find("a[href*='/download/docx']").click()  # a download: the page stays
        docx = _downloaded(browser.downloads, ".docx")
        assert zipfile.ZipFile(docx).testzip() is None
        p.open(p.d.current_url.split("/preview")[0] + "/versions")
        assert "修改记录" in p.text() and "变动原因.收支总计" in p.text()
        p.shot("10-版本与修改记录")

        # Read on a phone: nothing runs off the side.
        base = p.d.current_url.split("/versions")[0]
        p.d.set_window_size(390, 900)
        for name, path in [("11-手机-概况", ""), ("12-手机-表单", "/form"), ("13-手机-预览", "/preview"),
                           ("14-手机-文字变化", "/changes")]:
            p.open(base.replace(server.url, "") + path)
            assert p.fits(), name
            p.shot(name, full=False)
        p.d.set_window_size(1280, 900)

        # The bureau: every unit's state, a batch build, the audit of the downloaded document.
        p.press("header form button")
        p.sign_in("bureau")
        p.press("a.button")
        assert QUXIAN in p.text()
        p.press("form[action$='/build'] button")
        for _ in range(100):
            if "最近一次：已完成" in p.text():
                break
            time.sleep(0.3)
            p.d.refresh()
        assert "最近一次：已完成，1/1" in p.text()
        p.find("input[name=files]").send_keys(str(docx))
        p.press("form[action$='/audit'] button")
        assert "已审查 1 个文件" in p.text()
        p.shot("15-财政局-各单位情况")
        overview = p.d.current_url.split("?")[0]
        p.press("a[href^='/audit/']")
        assert "审查：" in p.text()
        p.shot("16-财政局-审查结果")
        p.d.set_window_size(390, 900)
        p.open(overview)
        assert p.fits()
        p.shot("17-手机-财政局")


def _downloaded(folder: Path, suffix: str, wait: float = 60) -> Path:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        done = [f for f in folder.iterdir() if f.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded: {[f.name for f in folder.iterdir()]}")
