"""Paths a data file names (模板目录, 附件): only inside its own folder or a folder the command
line gave.

A bureau builds from folders units send it; a data file that names `/etc` or `../../other-unit`
must not make reportgen read there. Paths are resolved (symlinks followed) before they are
compared, so a link inside the folder that leads out of it is refused too. The command line's
folders (-t) are set for the length of one build with `allowing`.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator, Sequence

from reportgen.errors import DataError

_ROOTS: ContextVar[tuple[Path, ...]] = ContextVar("reportgen_allowed_roots", default=())


@contextmanager
def allowing(roots: Sequence[Path]) -> Iterator[None]:
    """Within the block, paths in data may also lie inside `roots` (the command line's folders)."""
    token = _ROOTS.set(tuple(Path(r).resolve() for r in roots))
    try:
        yield
    finally:
        _ROOTS.reset(token)


def inside(data_path: Path, name: str, *, what: str, field: str, line: int | str | None = None) -> Path:
    """`name` (relative to the data file) resolved, if it lies inside an allowed folder.

    >>> inside(Path("/srv/unit/a.yaml"), "../other/b.yaml", what="附件", field="附件[1].文件")
    Traceback (most recent call last):
    ...
    reportgen.errors.DataError: /srv/unit/a.yaml: 附件[1].文件: 附件“../other/b.yaml”不在数据文件所在的文件夹之内（也不在命令行 -t 给出的文件夹之内）
    """
    resolved = (data_path.parent / name).resolve()
    for root in (data_path.parent.resolve(), *_ROOTS.get()):
        if resolved == root or root in resolved.parents:
            return resolved
    raise DataError(f"{what}“{name}”不在数据文件所在的文件夹之内（也不在命令行 -t 给出的文件夹之内）",
                    file=str(data_path), field=field, line=line)
