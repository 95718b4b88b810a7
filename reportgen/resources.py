"""Where the built-in templates and data live, in a source checkout and after `pip install .`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]


def _find(top_level: str, package: str) -> Path:
    # A checkout keeps them at the top level (the layout the user asked for); an installed
    # copy carries them as the packages reportgen._templates / reportgen._data.
    candidate = _CHECKOUT / top_level
    if (_CHECKOUT / "pyproject.toml").is_file() and candidate.is_dir():
        return candidate
    return Path(str(resources.files(package)))


@cache
def templates_dir() -> Path:
    """The built-in template folder, `templates/`, holding one folder per locale."""
    return _find("templates", "reportgen._templates")


@cache
def data_dir() -> Path:
    """The bundled data folder, `data/`: catalogues and the examples."""
    return _find("data", "reportgen._data")
