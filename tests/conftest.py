"""Shared fixtures: snapshot extensions that keep approvals in the top-level `snapshots/` folder.

Each snapshot is one readable file, `snapshots/<test module>/<test name>.<ext>`, so a wording
change is reviewed as a plain diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

ROOT = Path(__file__).resolve().parents[1]

# Tests always draw their charts: a chart served from the disk cache could hide a drawing error.
os.environ["REPORTGEN_NO_CACHE"] = "1"

# No per-example deadline: on a shared 2-core CI machine a slow moment is not a failure (timings
# belong to bench/). Properties still run their full number of examples.
settings.register_profile("reportgen", deadline=None)
settings.load_profile("reportgen")
SNAPSHOTS = ROOT / "snapshots"


class _TopLevelText(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT

    @classmethod
    def dirname(cls, *, test_location) -> str:
        return str(SNAPSHOTS / test_location.basename)

    @classmethod
    def discovery_dirname(cls, *, test_location) -> str:
        return str(SNAPSHOTS)


class MarkdownSnapshot(_TopLevelText):
    file_extension = "md"


class XmlSnapshot(_TopLevelText):
    file_extension = "xml"


class JsonSnapshot(_TopLevelText):
    """JSON with sorted keys and Decimals as strings, so figures are compared exactly."""

    file_extension = "json"

    def serialize(self, data, **kwargs) -> str:
        if not isinstance(data, str):
            data = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)
        return data + "\n"


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MarkdownSnapshot)


@pytest.fixture
def snapshot_xml(snapshot):
    return snapshot.use_extension(XmlSnapshot)


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JsonSnapshot)
