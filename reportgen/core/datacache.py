"""Bundled YAML data kept parsed, as JSON, between runs: the 137 kB 功能分类 catalogue takes
~30 ms to parse even with libyaml — a tenth of a cold build — and ~1 ms to read back as JSON.

The copy is named by the SHA-256 of the YAML's bytes, so an edited file is parsed afresh; it
lies in the user's private cache folder (reportgen.core.private: a folder anyone else owns or
may write is not used), and anything wrong with it — missing, unreadable, not JSON —
means the YAML is parsed as on a fresh machine, which needs no cache at all. JSON only: reading
a copy runs nothing. JSON turns mapping keys into strings, so only data read by key as text
(the catalogues' codes) belongs here.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable

from reportgen.core.private import private_folder

GENERATION = 1


def parsed(name: str, raw: bytes, parse: Callable[[bytes], Any]) -> Any:
    """`parse(raw)`, or the copy kept from an earlier run of the same bytes."""
    folder = _folder()
    if folder is None:
        return parse(raw)
    copy = folder / f"{name}-{hashlib.sha256(raw).hexdigest()[:24]}.json"
    try:
        return json.loads(copy.read_bytes())
    except (OSError, ValueError):
        pass
    value = parse(raw)
    _keep(copy, value)
    return value


def _folder() -> Path | None:
    return private_folder(f"data-{GENERATION}")


def _keep(copy: Path, value: Any) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # a value JSON cannot hold: parse it every time
        return
    # Written whole under a name of this process, then renamed: no reader sees half a file.
    partial = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, copy)
    except OSError:  # a full disk, a read-only temp directory: no copy, no harm
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
