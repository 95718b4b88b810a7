"""Every document we generate passes our own audit: the generator and the auditor, written
independently, agree on every share, change and completion rate they print or read."""

from __future__ import annotations

from pathlib import Path

import pytest

from examples import ROOT
from reportgen.audit import audit_paths
from reportgen.run import build
from reportgen.writers import get_writer
from test_busy_unit import busy  # noqa: F401  (the fixture)

ALL_EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_generated_markdown_and_docx_have_no_findings(path, tmp_path):
    built = build(path)
    written = []
    for fmt in ("md", "docx"):
        for name, data in get_writer(fmt)(built.document, "doc").items():
            if name.endswith((".md", ".docx")):
                (tmp_path / name).write_bytes(data)
                written.append(tmp_path / name)
    assert [f for f in audit_paths(written) if f.severity == "error"] == []


def test_the_busy_unit_also_audits_clean(tmp_path, busy):
    md, _ = busy
    path = Path(tmp_path / "busy.md")
    path.write_text(md, encoding="utf-8")
    assert [f for f in audit_paths([path]) if f.severity == "error"] == []
