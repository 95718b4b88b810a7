"""The bureau's view of a year: each unit's state, a batch build, and audits of published documents."""

from __future__ import annotations

import io
import re
import time
import zipfile

from web_helpers import HAIYUAN, PANZHIHUA, csrf_of, example, unit_path


def test_states_batch_build_and_audit(client_as, tmp_path):
    officer = client_as("haiyuan")
    path = unit_path(officer) + "/2023"
    page = officer.get(path)
    officer.post(f"{path}/upload", data={"csrf": csrf_of(page.text)},
                 files={"file": (example(HAIYUAN).name, example(HAIYUAN).read_bytes())})
    bureau = client_as("bureau")
    base = re.search(r'href="(/b/\d+)"', bureau.get("/").text)[1] + "/2023"
    overview = bureau.get(base).text
    row = re.search(rf"<tr><td><a[^>]*>{HAIYUAN}</a>.*?</tr>", overview, re.S)[0]
    assert row.count("✓") == 1 and "通过" in row  # complete, passing; not generated, not published
    assert re.search(rf"{PANZHIHUA}</a></td>\s*<td colspan=\"4\" class=\"muted\">未上传数据", overview)

    built = bureau.post(f"{base}/build", data={"csrf": csrf_of(overview)}, follow_redirects=True)
    assert "已开始批量生成 1 个单位" in built.text
    for _ in range(100):
        overview = bureau.get(base).text
        if "最近一次：已完成" in overview:
            break
        time.sleep(0.1)
    assert "最近一次：已完成，1/1 个单位" in overview
    row = re.search(rf"<tr><td><a[^>]*>{HAIYUAN}</a>.*?</tr>", overview, re.S)[0]
    assert row.count("✓") == 2  # complete and generated

    # The unit publishes; the bureau audits the published text and files it under the unit.
    page = officer.get(path)
    officer.post(f"{path}/publish", data={"csrf": csrf_of(page.text)})
    markdown = officer.get(f"{path}/download/md").content
    if markdown[:2] == b"PK":
        z = zipfile.ZipFile(io.BytesIO(markdown))
        markdown = z.read(next(n for n in z.namelist() if n.endswith(".md")))
    audited = bureau.post(f"{base}/audit", data={"csrf": csrf_of(overview)},
                          files=[("files", ("published.md", markdown)), ("files", ("broken.pdf", b"%PDF-1.4 garbage"))],
                          follow_redirects=True)
    assert "已审查 2 个文件" in audited.text
    row = re.search(rf"<tr><td><a[^>]*>{HAIYUAN}</a>.*?</tr>", audited.text, re.S)[0]
    assert row.count("✓") == 3 and re.search(r"\d+ 错误 · \d+ 提示", row)
    assert "broken.pdf" in audited.text  # unreadable: no unit named, listed apart
    audit_link = re.search(r'href="(/audit/\d+)">\d+ 错误', row)[1]
    assert "published.md" in bureau.get(audit_link).text
    assert officer.get(audit_link).status_code == 200  # the unit sees the audit of its own document
    assert client_as("panzhihua").get(audit_link).status_code == 404
