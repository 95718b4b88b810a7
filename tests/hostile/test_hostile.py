"""The hostile corpus: broken and malicious inputs and output faults, each refused or handled as
issue 15 states, in every command, within 30 s and 1 GiB, never with a traceback.

All cases are prepared first and run together by runner.py (forked children under resource
limits, two at a time); each test then checks one case's outcomes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hostile import cases_bounds, cases_crashes, cases_numbers, cases_paths, cases_templates, cases_text, cases_workbook
from hostile.harness import CLASSES, ROOT, Case, Outcome, Plan, Run, bounded

CASES: list[Case] = [*cases_templates.CASES, *cases_paths.CASES, *cases_numbers.CASES, *cases_workbook.CASES,
                     *cases_bounds.CASES, *cases_crashes.CASES, *cases_text.CASES]
RUNNER = Path(__file__).with_name("runner.py")


def _job(job_id: str, runs: list[Run], tmp: Path) -> dict:
    return {"id": job_id, "runs": [{"argv": r.argv, "cwd": str(r.cwd), "env": {"TMPDIR": str(tmp), **r.env},
                                    "fsize": r.fsize} for r in runs]}


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory) -> tuple[dict[str, Plan], dict[str, dict]]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "tmp").mkdir()
    plans, jobs = {}, []
    for case in CASES:
        folder = root / case.name
        folder.mkdir()
        plans[case.name] = plan = case.prepare(folder)
        for label, run in plan.runs.items():
            jobs.append(_job(f"{case.name}\t{label}", run if isinstance(run, list) else [run], root / "tmp"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(RUNNER)], input="\n".join(map(json.dumps, jobs)), text=True,
                          capture_output=True, env=env, check=False, timeout=3600)
    assert done.returncode == 0, done.stderr
    (root / "outcomes.jsonl").write_text(done.stdout, encoding="utf-8")  # for a look after a failure
    results: dict[str, dict] = {name: {} for name in plans}
    for line in done.stdout.splitlines():
        answer = json.loads(line)
        name, label = answer["id"].split("\t")
        got = [Outcome(**r) for r in answer["results"]]
        results[name][label] = got if isinstance(plans[name].runs[label], list) else got[0]
    return plans, results


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Case, outcomes) -> None:
    plans, results = outcomes
    got = results[case.name]
    assert set(got) == set(plans[case.name].runs), "the runner lost a run"
    for label, outcome in got.items():
        for o in outcome if isinstance(outcome, list) else [outcome]:
            bounded(o, f"{case.name}/{label}")
    plans[case.name].verify(got)


def test_the_corpus_covers_every_class_with_over_a_hundred_cases() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), "case names repeat"
    by_class = Counter(c.kind for c in CASES)
    assert set(by_class) == set(CLASSES), by_class
    assert len(CASES) >= 100, by_class
