"""Packaging glue: pyproject.toml cannot list found packages and mapped data packages together."""

from setuptools import find_packages, setup

# templates/ and data/ live at the top level; they install as reportgen._templates/_data.
setup(packages=find_packages(include=["reportgen", "reportgen.*"]) + ["reportgen._templates", "reportgen._data"])
