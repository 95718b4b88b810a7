"""Packaging glue: pyproject.toml cannot list found packages and mapped data packages together."""

from pathlib import Path

from setuptools import find_packages, setup


def data_packages(package: str, folder: str) -> list[str]:
    # templates/ and data/ live at the top level and install as reportgen._templates/_data; each
    # subfolder is named too, so setuptools neither skips nor warns about them.
    root = Path(__file__).parent / folder
    subs = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_dir() and "__pycache__" not in p.parts)
    return [package] + [f"{package}.{'.'.join(s.parts)}" for s in subs]


setup(
    packages=find_packages(include=["reportgen", "reportgen.*"])
    + data_packages("reportgen._templates", "templates")
    + data_packages("reportgen._data", "data")
)
