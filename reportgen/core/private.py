"""The user's private cache folder, `<temp>/reportgen-<uid>/`: caches are a speed-up only, and
must never let another user plant what a build reads (compiled templates are executed).

A folder is used only if the user owns it, it is not a symlink and nobody else may enter it;
anything else — someone else's folder, no temp folder, a full disk — means no cache.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def private_folder(name: str) -> Path | None:
    """`<temp>/reportgen-<uid>/<name>`, created 0700 where missing and verified, or None."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    try:
        temp = tempfile.gettempdir()
    except OSError:  # no writable temp folder at all (a full disk): no cache
        return None
    folder = Path(temp) / f"reportgen-{uid}" / name
    for path in (folder.parent, folder):
        try:
            path.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
        if not owned_and_private(path, directory=True):
            return None
    return folder


def owned_and_private(path: Path | int, directory: bool) -> bool:
    """Ours, not a symlink, the right kind, and not open to others (a folder: not even readable)."""
    try:
        st = os.fstat(path) if isinstance(path, int) else os.lstat(path)
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(st.st_mode) if directory else stat.S_ISREG(st.st_mode)
    if not hasattr(os, "getuid"):
        return kind_ok
    closed = (st.st_mode & 0o077) == 0 if directory else (st.st_mode & 0o022) == 0
    return kind_ok and closed and st.st_uid == os.getuid()
