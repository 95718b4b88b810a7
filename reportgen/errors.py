"""One exception family whose messages are meant for the user, not for a traceback."""

from __future__ import annotations


class ReportgenError(Exception):
    """Base of every error the command line prints as a message and exits 1 on."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DataError(ReportgenError):
    """The data file is wrong: names the file, the field path and, when known, the line
    (or, for a workbook, the cell such as "收入决算表!C7").

    >>> str(DataError("缺少必填项", file="a.yaml", field="收入.事业收入", line=12))
    'a.yaml:12: 收入.事业收入: 缺少必填项'
    """

    def __init__(self, problem: str, *, file: str = "", field: str = "", line: int | str | None = None):
        self.problem, self.file, self.field, self.line = problem, file, field, line
        where = file + (f":{line}" if line else "")
        parts = [p for p in (where, field) if p]
        super().__init__(": ".join(parts + [problem]))


class DataErrors(ReportgenError):
    """Several data errors found at once, so the officer can fix them in one pass."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))


class TemplateError(ReportgenError):
    """A template is missing, malformed, or asks for a fact that does not exist."""


class WriterError(ReportgenError):
    """An output could not be produced (e.g. no CJK font for charts)."""
