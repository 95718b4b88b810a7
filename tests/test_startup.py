"""Lean start-up: each command imports what it uses and nothing else, and a 附件 is read once.

Timings live in bench/; these tests pin what makes them: the modules a command loads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from examples import EXAMPLES, ROOT
from reportgen import run
from reportgen.run import build

QUXIAN = EXAMPLES["渠县城乡居民社会养老保险管理局-2023"]
HAIYUAN = EXAMPLES["海原县高崖乡卫生院-2023"]

_MODULES_AFTER = """
import json, sys
from reportgen.cli import main
sys.argv = ["reportgen", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
print(json.dumps(sorted(sys.modules)))
"""


def modules_after(tmp_path, *args: str) -> set[str]:
    r = subprocess.run([sys.executable, "-c", _MODULES_AFTER, json.dumps(list(args))], cwd=tmp_path,
                       capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stderr
    return set(json.loads(r.stdout.splitlines()[-1]))


def loaded(modules: set[str], package: str) -> bool:
    return any(m == package or m.startswith(package + ".") for m in modules)


def test_audit_loads_neither_pydantic_nor_the_templates(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("2023年本年收入合计568.27万元，比上年增加10万元，增长1.79%。\n", encoding="utf-8")
    modules = modules_after(tmp_path, "audit", str(text))
    for package in ("pydantic", "jinja2", "reportgen.run", "reportgen.kinds", "babel", "rich"):
        assert not loaded(modules, package), package


def test_help_loads_no_pydantic(tmp_path):
    assert not loaded(modules_after(tmp_path, "--help"), "pydantic")


@pytest.mark.parametrize("path, performance", [(HAIYUAN, False), (QUXIAN, True)])
def test_a_final_accounts_build_loads_the_performance_kind_only_for_its_annexes(tmp_path, path, performance):
    # 海原 names no 绩效 file among its 附件; 渠县 prints two parts of one.
    modules = modules_after(tmp_path, "build", str(path), "-o", "out", "-f", "md,docx")
    assert loaded(modules, "reportgen.kinds.performance") is performance
    for package in ("babel", "matplotlib", "docx", "openpyxl", "rich", "reportgen.audit", "reportgen.workbook.export"):
        assert not loaded(modules, package), package


def test_a_performance_file_printed_as_two_annexes_is_read_once_per_build(monkeypatch):
    # The 决算's checks vet it (needs.py) and its context renders it twice (annex.py): one
    # check between them; a second build reads it again (nothing is kept beyond a run).
    read = []
    real = run._check
    monkeypatch.setattr(run, "_check", lambda path, render: read.append(path.name) or real(path, render))
    build(QUXIAN)
    build(QUXIAN)
    performance = "渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml"
    assert read == [QUXIAN.name, performance] * 2
