"""What the pages ask of reportgen: save a version and check it, build and cache outputs, compare
two versions, audit a published document. The work itself runs in worker processes (worker.py);
the results go to the store.

Every method blocks; the pages call them from Starlette's thread pool.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from sqlalchemy.engine import Row

from reportgen.compare import Change, changes
from reportgen.errors import ReportgenError
from reportgen.web import worker
from reportgen.web.datafile import differ
from reportgen.web.store import Store

#: Download formats, in the order offered, with their names on the page.
LABELS = {"docx": "Word 文档（DOCX）", "pdf": "PDF", "md": "Markdown", "html": "网页（HTML）",
          "xlsx": "公开表工作簿（Excel）", "xlsx-input": "填报工作簿（Excel）"}


def formats() -> list[str]:
    """The output formats this installation can write."""
    from reportgen.writers import FORMATS

    return [f for f in LABELS if f in FORMATS or f == "xlsx-input"]


class Runner:
    """Runs worker functions in a process pool (`workers` > 0) or in the calling thread (0, tests)."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __call__(self, fn: Callable, *args: Any) -> Any:
        if self.workers == 0:
            return fn(*args)
        try:
            return self._executor().submit(fn, *args).result()
        except BrokenProcessPool:
            self._pool = None  # a worker died (out of memory, killed): the next call starts afresh
            raise ReportgenError("生成过程意外中止，请重试；若反复出现，请把数据文件交给管理员。") from None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a worker starts clean, never a copy of a server holding locks in other threads.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class Service:
    def __init__(self, store: Store, runner: Runner):
        self.store, self.run = store, runner

    def save(self, document: Row, name: str, source: str, user_id: int,
             compose: Callable[[dict[str, str], int], str], todo: list[str] | None = None) -> int:
        """A new version of file `name`, checked at once; returns its number."""
        vid, number = self.store.add_version(document.id, name, source, user_id, compose, differ,
                                             json.dumps(todo, ensure_ascii=False) if todo else None)
        self.check(document, number, vid)
        return number

    def check(self, document: Row, number: int, version_id: int) -> dict:
        result = self.run(worker.check_document, self.store.files_at(document.id, number), document.main)
        self.store.set_findings(version_id, json.dumps(result["findings"], ensure_ascii=False, default=str),
                                result["errors"], result["warnings"], result["complete"])
        return result

    def findings(self, document: Row, version: Row) -> list[dict]:
        """The findings of the document at `version` (checked now if they were never stored)."""
        if version.findings is None:
            return self.check(document, version.number, version.id)["findings"]
        return json.loads(version.findings)

    def output(self, document: Row, version: Row, fmt: str) -> tuple[str, bytes]:
        """(file name, content) of one output of the document at `version`, built once and kept."""
        found = self.store.output(version.id, fmt)
        if found is not None:
            return found.filename, found.content
        if version.errors:
            raise ReportgenError("数据还有错误，不能生成文档：请先在表单中改正。")
        wanted = [fmt] if fmt != "text" else []
        built = self.run(worker.build_document, self.store.files_at(document.id, version.number),
                         document.main, wanted)
        for f, (filename, content) in built["outputs"].items():
            self.store.put_output(version.id, f, filename, content)
        return built["outputs"][fmt]

    def text(self, document: Row, version: Row) -> str:
        return self.output(document, version, "text")[1].decode("utf-8")

    def compare(self, document: Row, old: Row, new: Row) -> list[Change]:
        """Every sentence and table row the correction from `old` to `new` changed."""
        return changes(self.text(document, old), self.text(document, new))

    def audit(self, name: str, content: bytes) -> dict:
        return self.run(worker.audit_file, name, content)

    def import_workbook(self, name: str, content: bytes, into: str | None = None) -> dict:
        return self.run(worker.import_workbook, name, content, into)

    def roll_forward(self, name: str, text: str) -> dict:
        return self.run(worker.roll_forward, name, text)

    def batch_build(self, job_id: int, documents: list[Row]) -> None:
        """The bureau's batch: DOCX and Markdown of every document without errors, as many at once
        as there are workers (run in a thread of its own; progress goes to the job's row)."""
        with ThreadPoolExecutor(max(1, self.run.workers)) as pool:
            for ok in pool.map(self._build_latest, documents):
                self.store.job_progress(job_id, ok)
        self.store.finish_job(job_id)

    def _build_latest(self, document: Row) -> bool:
        version = self.store.latest_version(document.id)
        if version is None:
            return False
        try:
            self.findings(document, version)
            version = self.store.version(document.id, version.number)
            if version.errors:
                return False
            for fmt in ("docx", "md"):
                self.output(document, version, fmt)
            return True
        except ReportgenError:
            return False
