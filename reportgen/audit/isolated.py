"""Running a parser over a hostile file in a child process with a memory and time limit.

PDFium decodes a page's content streams in one call that cannot be interrupted and whose memory
has no bound of its own: a PDF of 600 KB whose content stream inflates to 200 MB took 3 GB. Such
a parser runs in a forked child whose address space and CPU time are limited; if the child dies
or overruns, the file is refused with a message, and the audit goes on. Where fork is missing
(Windows), the parser runs in the process itself.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from typing import Callable

from reportgen.errors import ReportgenError

MAX_GROWTH = 768 * 1024 * 1024  # address space the child may add to what it inherits
MAX_SECONDS = 20.0


def run_isolated(read: Callable[[], str], what: str) -> str:
    """`read()`'s text, computed in a limited child; its ReportgenError comes back as one."""
    if not hasattr(os, "fork"):
        return read()
    receive, send = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: limits, the work, one JSON answer, and out without cleanup
        os.close(receive)
        _child(read, send)
    os.close(send)
    try:
        raw = _collect(receive, pid)
    finally:
        os.close(receive)
        _reap(pid)
    try:
        answer = json.loads(raw.decode("utf-8")) if raw else {}
    except ValueError:
        answer = {}
    if "text" in answer:
        return answer["text"]
    if "error" in answer:
        raise ReportgenError(answer["error"])
    raise ReportgenError(f"{what}：读取时超出内存（{MAX_GROWTH // 1024 // 1024} MB）或时间（{MAX_SECONDS:.0f} 秒）上限，"
                         f"不予读取{answer.get('crash', '')}")


def _child(read: Callable[[], str], send: int) -> None:
    code = 1
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        limit = _address_space() + MAX_GROWTH
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        seconds, cpu_hard = int(MAX_SECONDS) + 1, resource.getrlimit(resource.RLIMIT_CPU)[1]
        if cpu_hard == resource.RLIM_INFINITY or cpu_hard > seconds:
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, cpu_hard))
        try:
            answer = {"text": read()}
        except ReportgenError as e:
            answer = {"error": e.message}
        except MemoryError:
            answer = {}
        except Exception as e:  # a parser's own failure on a damaged file
            answer = {"crash": f"（{type(e).__name__}）"}
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        while data:
            data = data[os.write(send, data):]
        code = 0
    finally:
        os._exit(code)


def _address_space() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 256 * 1024 * 1024


def _collect(receive: int, pid: int) -> bytes:
    chunks, deadline = [], time.monotonic() + MAX_SECONDS + 2
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            return b""
        ready, _, _ = select.select([receive], [], [], left)
        if ready:
            chunk = os.read(receive, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
