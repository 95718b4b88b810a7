"""A real server on loopback: twenty simulated officers editing and building at once lose nothing,
and a restart on the same data folder keeps every unit's data and versions."""

from __future__ import annotations

import io
import threading
import zipfile

import httpx
import pytest

from reportgen.web.accounts import add_user
from reportgen.web.datafile import values
from server import Server, add_account
from web_helpers import HAIYUAN, PASSWORD, csrf_of, example, form_values, log_in

UNITS, PER_UNIT, ROUNDS = 10, 2, 3
#: The field each of a unit's two officers keeps changing (different fields: both must survive).
FIELDS = ("三公经费.国内公务接待.批次", "三公经费.国内公务接待.人次")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve")
    add_account(data, "officer-0-0", "--unit", "测试单位00", "--bureau", "测试县财政局")  # the real CLI, real argon2
    for u in range(UNITS):
        for r in range(PER_UNIT):
            if (u, r) != (0, 0):
                add_user(data, f"officer-{u}-{r}", PASSWORD, unit=f"测试单位{u:02}", bureau="测试县财政局")
    server = Server(data)
    yield server
    server.stop()


def _client(server: Server, login: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=server.url, timeout=120)
    page = log_in(client, login)
    assert page.status_code == 200, page.text
    return client, str(page.url.path) + "/2023"


def test_twenty_officers_editing_and_building_at_once_lose_nothing(served):
    errors: list[str] = []
    uploaded = threading.Barrier(UNITS * PER_UNIT)
    last: dict[tuple[int, int], str] = {}

    def officer(u: int, r: int) -> None:
        try:
            client, path = _client(served, f"officer-{u}-{r}")
            if r == 0:
                page = client.get(path)
                answer = client.post(f"{path}/upload", data={"csrf": csrf_of(page.text)},
                                     files={"file": (example(HAIYUAN).name, example(HAIYUAN).read_bytes())})
                assert answer.status_code == 303, answer.text
            uploaded.wait(timeout=120)
            for k in range(ROUNDS):
                form = client.get(f"{path}/form")
                value = str(100 * u + 10 * r + k + 1)
                sent = {**form_values(form.text), "csrf": csrf_of(form.text), FIELDS[r]: value}
                answer = client.post(f"{path}/form", data=sent, follow_redirects=True)
                assert answer.status_code == 200 and "已保存为第" in answer.text, answer.text[-2000:]
                last[(u, r)] = value
            docx = client.get(f"{path}/download/docx")
            assert docx.status_code == 200 and zipfile.ZipFile(io.BytesIO(docx.content)).testzip() is None
            client.close()
        except Exception as e:  # collected and reported below: a thread's assertion would be lost
            errors.append(f"officer-{u}-{r}: {e!r}")
            uploaded.abort()

    threads = [threading.Thread(target=officer, args=(u, r)) for u in range(UNITS) for r in range(PER_UNIT)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors, errors

    original = values(example(HAIYUAN).read_text(encoding="utf-8"))
    for u in range(UNITS):
        client, path = _client(served, f"officer-{u}-0")
        final = values(client.get(f"{path}/download/data").text)
        received = final["三公经费"]["国内公务接待"]
        assert (received["批次"], received["人次"]) == (int(last[(u, 0)]), int(last[(u, 1)]))
        received.update(original["三公经费"]["国内公务接待"])
        assert final == original  # nothing else moved
        history = client.get(f"{path}/versions").text
        assert f"第 {1 + PER_UNIT * ROUNDS} 版" in history and f"第 {2 + PER_UNIT * ROUNDS} 版" not in history
        for r in range(PER_UNIT):  # every save is in the log, under its officer's field
            assert history.count(f"<td>{FIELDS[r]}</td>") == ROUNDS
        client.close()


def _kept(client: httpx.Client, path: str) -> tuple[str, str]:
    """The versions and the log as the page lists them, and the data file."""
    page = client.get(f"{path}/versions").text
    return page[page.index("<main>"):page.index("</main>")], client.get(f"{path}/download/data").text


def test_a_restart_keeps_every_unit_its_data_and_its_versions(served):
    client, path = _client(served, "officer-1-0")
    page = client.get(path)
    client.post(f"{path}/upload", data={"csrf": csrf_of(page.text)},
                files={"file": (example(HAIYUAN).name, example(HAIYUAN).read_bytes())})
    before = _kept(client, path)
    docx = client.get(f"{path}/download/docx").content
    client.close()
    served.stop()
    with Server(served.data) as again:
        client, path = _client(again, "officer-1-0")
        after = _kept(client, path)
        assert after == before and "第 1 版" in after[0]
        assert client.get(f"{path}/download/docx").content == docx  # kept, and the same bytes
        client.close()
        other, _ = _client(again, "officer-1-1")
        assert other.get(f"{path}/form").status_code == 200
        other.close()
