"""Bundled YAML data kept parsed, as JSON, between runs: the 137 kB 功能分类 catalogue takes
~30 ms to parse even with libyaml — a tenth of a cold build — and ~1 ms to read back as JSON.

The copy is named by the SHA-256 of the YAML's bytes, so an edited file is parsed afresh; it
lies in a folder of the temp directory that only this user may write (a folder anyone else
owns or may write is not used), and anything wrong with it — missing, unreadable, not JSON —
means the YAML is parsed as on a fresh machine, which needs no cache at all. JSON only: reading
a copy runs nothing. JSON turns mapping keys into strings, so only data read by key as text
(the catalogues' codes) belongs here.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable


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
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = Path(tempfile.gettempdir()) / f"reportgen-data-{uid if uid is not None else 0}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    if uid is not None and info.st_uid != uid:
        return None
    return folder


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
