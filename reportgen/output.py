"""Writing a build's files: all or none, only inside the output folder, never through a planted link.

Output names come from data (the unit's 名称 makes the stem), so a name is made safe for any
file system first (`safe_stem`), and every file must still land inside the output folder once
symlinks are resolved. Each file is written to a fresh temporary name created exclusively in its
own folder (O_EXCL: a symlink or file planted there is never followed or overwritten), and the
files are renamed into place only when all are written; on any failure — a full disk, an
interrupt — the temporary files and the folders this write created are removed.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from reportgen.errors import ReportgenError

#: Bytes of a stem; with suffixes, chart folders and temporary names a file name stays under 255.
MAX_STEM_BYTES = 180

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]')
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.IGNORECASE)
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def safe_stem(stem: str) -> str:
    """A file name made from data: no separators, no control characters, no leading dot, not
    too long, not a name Windows reserves.

    >>> safe_stem("../../x-2023决算"), safe_stem("财政局/国资委-2023决算"), safe_stem("CON")
    ('_.._.._x-2023决算', '财政局_国资委-2023决算', '_CON')
    """
    name = _UNSAFE.sub("_", stem).strip(" ")
    if name.startswith(".") or _RESERVED.fullmatch(name) or not name:
        name = "_" + name
    while len(name.encode("utf-8")) > MAX_STEM_BYTES:
        name = name[:-1]
    return name.rstrip(" .") or "_"


def write_all(outdir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none; returns the paths written, in order."""
    created: list[Path] = []
    temps: list[tuple[Path, Path]] = []
    try:
        root = _make_folder(Path(outdir), created).resolve()
        for name, content in files.items():
            target = _inside(root, name)
            _make_folder(target.parent, created)
            if target.parent.resolve() != target.parent:
                raise ReportgenError(f"输出文件 {name} 的文件夹是指向别处的链接，拒绝写入")
            temps.append((_write_temporary(target, content), target))
        for tmp, target in temps:
            os.replace(tmp, target)
    except BaseException as e:
        _remove(temps, created)
        if isinstance(e, OSError):
            raise ReportgenError(f"无法写入 {outdir}：{e.strerror or e}（未写出任何文件）") from None
        raise
    return [t for _, t in temps]


def _inside(root: Path, name: str) -> Path:
    """`root/name`, refused unless every part of `name` is a plain file or folder name."""
    parts = name.split("/")
    if any(p in ("", ".", "..") or _UNSAFE.search(p) for p in parts):
        raise ReportgenError(f"输出文件名不安全：{name!r}")
    return root.joinpath(*parts)


def _make_folder(folder: Path, created: list[Path]) -> Path:
    """`folder` and its missing parents, each one created remembered for removal on failure."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists() or path.is_symlink():
            break
        missing.append(path)
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:  # made meanwhile by another build into the same folder: not ours to remove
            continue
        created.append(path)
    if not folder.is_dir():
        raise ReportgenError(f"{folder} 不是文件夹")
    return folder


def _write_temporary(target: Path, content: bytes) -> Path:
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, _FLAGS, 0o666)  # the user's umask applies, as for any file they write
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return tmp
    raise ReportgenError(f"无法在 {target.parent} 中建立临时文件")


def _remove(temps: list[tuple[Path, Path]], created: list[Path]) -> None:
    for tmp, _ in temps:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            pass
