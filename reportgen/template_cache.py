"""The compiled-template cache: a speed-up only, kept where nobody else can plant code in it.

Jinja's cache files are unpickled and executed, so one written by another user would run as
whoever builds. The cache therefore lives in a folder of the temp folder that the user owns
with mode 0700 (a build writes nothing to the home folder), is not used at all when that folder is anyone else's, a
symlink or open to others, and loads only files the user owns that nobody else can write.
A cache that cannot be read or written (disk full, read-only home) is skipped, never fatal.
"""

from __future__ import annotations

import os
from typing import Optional

import jinja2
from jinja2.bccache import Bucket

from reportgen.core.private import owned_and_private, private_folder

#: Bump when the compiled code changes (reportgen.sandbox's code generator): jinja keys its
#: files on the template's source only, so a new folder keeps old compilations from being used.
GENERATION = 2


def bytecode_cache() -> Optional[jinja2.BytecodeCache]:
    """The cache in `<temp>/reportgen-<uid>/templates-N`, or None (templates are then compiled)."""
    folder = private_folder(f"templates-{GENERATION}")
    return _VerifiedCache(str(folder)) if folder is not None else None


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
                if owned_and_private(f.fileno(), directory=False):
                    bucket.load_bytecode(f)
        except Exception:  # a damaged file (truncated, foreign pickle): compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full or read-only disk: the cache is only a speed-up
            pass
