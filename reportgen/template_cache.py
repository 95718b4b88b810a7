"""The compiled-template cache: a speed-up only, kept where nobody else can plant code in it.

Jinja's cache files are unpickled and executed, so one written by another user would run as
whoever builds. The cache therefore lives in a folder of the temp folder that the user owns
with mode 0700 (a build writes nothing to the home folder), is not used at all when that folder is anyone else's, a
symlink or open to others, and loads only files the user owns that nobody else can write.
A cache that cannot be read or written (disk full, read-only home) is skipped, never fatal.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Optional

import jinja2
from jinja2.bccache import Bucket

#: Bump when the compiled code changes (reportgen.sandbox's code generator): jinja keys its
#: files on the template's source only, so a new folder keeps old compilations from being used.
GENERATION = 2


def bytecode_cache() -> Optional[jinja2.BytecodeCache]:
    """The cache in `<temp>/reportgen-<uid>/templates-N`, or None (templates are then compiled)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    try:
        temp = tempfile.gettempdir()
    except OSError:  # no writable temp folder at all (a full disk): build without the cache
        return None
    folder = Path(temp) / f"reportgen-{uid}" / f"templates-{GENERATION}"
    return _VerifiedCache(str(folder)) if _private_folder(folder) else None


def _private_folder(folder: Path) -> bool:
    """Create `folder` and its parent with mode 0700 where missing, then verify both."""
    for path in (folder.parent, folder):
        try:
            path.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return False
        if not _owned_and_private(path, directory=True):
            return False
    return True


def _owned_and_private(path: Path | int, directory: bool) -> bool:
    """Ours, not a symlink, the right kind, and not open to others (a folder: not even readable)."""
    try:
        st = os.fstat(path) if isinstance(path, int) else os.lstat(path)
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return stat.S_ISDIR(st.st_mode) if directory else stat.S_ISREG(st.st_mode)
    kind_ok = stat.S_ISDIR(st.st_mode) if directory else stat.S_ISREG(st.st_mode)
    closed = (st.st_mode & 0o077) == 0 if directory else (st.st_mode & 0o022) == 0
    return kind_ok and closed and st.st_uid == os.getuid()


class _VerifiedCache(jinja2.FileSystemBytecodeCache):
    """jinja's file cache, loading only verified files and never failing the build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self._get_cache_filename(bucket), flags)
        except OSError:
            return
        try:
            with os.fdopen(fd, "rb") as f:
                if _owned_and_private(f.fileno(), directory=False):
                    bucket.load_bytecode(f)
        except Exception:  # a damaged file (truncated, foreign pickle): compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full or read-only disk: the cache is only a speed-up
            pass
