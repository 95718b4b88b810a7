"""A disk cache of drawn charts, keyed by everything that decides their bytes.

Drawing needs matplotlib, whose import alone is half a second; an officer who regenerates a
document after correcting one figure gets the unchanged charts from here. The bytes are the
same as a fresh drawing (drawing is deterministic), so the cache never changes an output.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

from reportgen.document.nodes import Figure

_DRAWING_CODE = ("draw.py", "render.py", "fonts.py")


@lru_cache(maxsize=1)
def _drawing_version() -> str:
    # The drawing code itself is part of the key: editing it can never serve a stale chart.
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _DRAWING_CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _directory() -> Path | None:
    if os.environ.get("REPORTGEN_NO_CACHE"):
        return None
    base = os.environ.get("REPORTGEN_CACHE_DIR") or tempfile.gettempdir()
    user = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(base) / f"reportgen-charts-{user}"


def _key(figure: Figure, settings: str) -> str:
    try:
        mpl = version("matplotlib")
    except PackageNotFoundError:
        mpl = "?"
    text = "\n".join([_drawing_version(), mpl, settings, repr(figure)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached(figure: Figure, settings: str, draw: Callable[[Figure], bytes]) -> bytes:
    """The PNG of `figure` from the cache, or drawn by `draw` and stored for next time."""
    directory = _directory()
    if directory is None:
        return draw(figure)
    path = directory / f"{_key(figure, settings)}.png"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = draw(figure)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only temp dir only costs speed
    return data
