"""Where the built-in templates and data live, in a source checkout and after `pip install .`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _find(top_level: str, installed: str) -> Path:
    # A checkout keeps them at the top level (the layout the user asked for); an installed
    # copy carries them inside the package as reportgen/_templates and reportgen/_data.
    candidate = _CHECKOUT / top_level
    if (_CHECKOUT / "pyproject.toml").is_file() and candidate.is_dir():
        return candidate
    return _PACKAGE / installed


@cache
def templates_dir() -> Path:
    """The built-in template folder, `templates/`, holding one folder per locale."""
    return _find("templates", "_templates")


@cache
def data_dir() -> Path:
    """The bundled data folder, `data/`: catalogues and the examples."""
    return _find("data", "_data")
