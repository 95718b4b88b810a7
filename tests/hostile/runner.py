"""Run reportgen commands for the hostile corpus, each in a forked child under hard limits.

Started once per test session (`python runner.py < jobs.jsonl`): it imports reportgen once, then
forks one child per command, so a hundred commands cost a hundred forks, not a hundred start-ups.
Each child gets an address-space limit of 1 GiB and 30 s of CPU, and is killed after 30 s of wall
time; the parent reports its exit code (or signal), time, peak memory and output. Two children
run at once (the machine has two cores); the commands of one job start together (concurrency
cases).

A job is one JSON line: {"id": …, "runs": [{"argv": [...], "cwd": …, "env": {…}, "fsize": …}]};
the answer is one JSON line per job: {"id": …, "results": [{"code", "signal", "timed_out",
"seconds", "max_rss", "stdout", "stderr"}, …]}.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time

LIMIT_SECONDS = 30
LIMIT_BYTES = 1 << 30
PARALLEL = 2


def _warm() -> None:
    # What a build, check, diff, workbook or audit imports, so each child starts as a running CLI.
    import docx  # noqa: F401
    import openpyxl  # noqa: F401

    import reportgen.audit.batch  # noqa: F401
    import reportgen.audit.html  # noqa: F401
    import reportgen.audit.office  # noqa: F401
    import reportgen.cli  # noqa: F401
    import reportgen.compare  # noqa: F401
    import reportgen.kinds.final_accounts  # noqa: F401
    import reportgen.kinds.performance  # noqa: F401
    import reportgen.run  # noqa: F401
    import reportgen.workbook.export  # noqa: F401
    import reportgen.workbook.import_  # noqa: F401
    import reportgen.writers.docx  # noqa: F401
    import reportgen.writers.markdown  # noqa: F401
    from reportgen.core.catalogue import builtin_catalogue, economic_catalogue

    builtin_catalogue(), economic_catalogue()  # read once here, not once per child


def _child(run: dict, out: str, err: str) -> None:
    """In the forked child: limits, files for stdout/stderr, then the command line itself."""
    code = 99
    try:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
        resource.setrlimit(resource.RLIMIT_CPU, (LIMIT_SECONDS, LIMIT_SECONDS + 5))
        if run.get("fsize") is not None:  # a full disk: writes past the size fail with EFBIG
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (run["fsize"], run["fsize"]))
        os.chdir(run["cwd"])
        os.environ.update(run.get("env", {}))
        tempfile.tempdir = None  # TMPDIR may differ per case
        for fd, name in ((1, out), (2, err)):
            os.dup2(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
        sys.argv = ["reportgen", *run["argv"]]
        from reportgen.cli import main

        try:
            main()
            code = 0
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # the harness itself failed: say so on the child's stderr
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class _Running:
    def __init__(self, run: dict, scratch: str, n: int) -> None:
        self.out, self.err = os.path.join(scratch, f"{n}.out"), os.path.join(scratch, f"{n}.err")
        self.start = time.monotonic()
        self.pid = os.fork()
        if self.pid == 0:
            _child(run, self.out, self.err)
        self.result: dict | None = None

    def poll(self) -> bool:
        pid, status, usage = os.wait4(self.pid, os.WNOHANG)
        timed_out = False
        if pid == 0:
            if time.monotonic() - self.start < LIMIT_SECONDS:
                return False
            os.kill(self.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(self.pid, 0)
            timed_out = True
        self.result = {
            "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "timed_out": timed_out,
            "seconds": round(time.monotonic() - self.start, 3),
            "max_rss": usage.ru_maxrss * 1024,
            "stdout": _read(self.out),
            "stderr": _read(self.err),
        }
        return True


def _read(path: str) -> str:
    try:
        with open(path, "rb") as f:
            return f.read(200_000).decode("utf-8", "replace")
    except OSError:
        return ""


def main() -> None:
    _warm()
    jobs = [json.loads(line) for line in sys.stdin if line.strip()]
    scratch = tempfile.mkdtemp(prefix="reportgen-hostile-")
    try:
        _run_all(jobs, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_all(jobs: list[dict], scratch: str) -> None:
    waiting, running, n = list(jobs), [], 0
    while waiting or running:
        busy = sum(len(children) for _, children in running)
        while waiting and (not running or busy + len(waiting[0]["runs"]) <= PARALLEL):
            job = waiting.pop(0)
            children = []
            for run in job["runs"]:
                n += 1
                children.append(_Running(run, scratch, n))
            running.append((job, children))
            busy += len(children)
        for entry in list(running):
            job, children = entry
            if all(c.result is not None or c.poll() for c in children):
                running.remove(entry)
                print(json.dumps({"id": job["id"], "results": [c.result for c in children]}), flush=True)
        time.sleep(0.005)


if __name__ == "__main__":
    main()
