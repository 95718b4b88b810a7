"""A real `reportgen serve` on a free loopback port, as a child process, for the tests that need
one (simulated users at once, a restart, the browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from web_helpers import PASSWORD

REPORTGEN = [sys.executable, "-m", "reportgen"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_account(data: Path, login: str, *options: str) -> None:
    """`reportgen user add`, the password on standard input, as a bureau's IT person would."""
    subprocess.run([*REPORTGEN, "user", "add", login, *options, "--data", str(data), "--password-stdin"],
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)


class Server:
    """`reportgen serve --data DIR` on a free port; `stop()` ends it (SIGTERM, as Ctrl+C would)."""

    def __init__(self, data: Path, workers: int = 2):
        self.data, self.port = data, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(data / f"serve-{self.port}.log", "w")
        self.process = subprocess.Popen(
            [*REPORTGEN, "serve", "--port", str(self.port), "--data", str(data), "--workers", str(workers)],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/login", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
            if self.process.poll() is not None:
                break
        self.stop()
        raise RuntimeError("reportgen serve did not start: " + (data / f"serve-{self.port}.log").read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
