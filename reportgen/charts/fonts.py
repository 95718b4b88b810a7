"""CJK font discovery for charts: a Chinese font installed on the machine, or a clear error."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Sequence

from reportgen.errors import WriterError

#: Families tried in order: the Noto CJK fonts the project installs (Debian `fonts-noto-cjk`),
#: then the fonts a Windows, macOS or older Linux machine usually has.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC",
    "SimHei", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
)

#: How those fonts' files are named, for fonts installed after matplotlib cached its font list.
_FILE_HINTS = ("notosanscjk", "notoserifcjk", "sourcehansans", "sourcehanserif", "simhei", "msyh",
               "pingfang", "wqy")

INSTALL_HINT = ("图表需要中文字体，但本机没有找到（已查找：{families}）。"
                "请安装 Debian/Ubuntu 软件包 fonts-noto-cjk（sudo apt-get install fonts-noto-cjk），"
                "或在 Windows/macOS 上安装黑体或微软雅黑后重试。")


@cache
def cjk_family() -> str:
    """The family name charts use; found once per process."""
    return find_cjk_family(CJK_FAMILIES, _FILE_HINTS)


def find_cjk_family(families: Sequence[str], file_hints: Sequence[str]) -> str:
    """The first of `families` that matplotlib can use; WriterError naming the package otherwise."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    if found := _first_known(manager, families):
        return found
    # matplotlib caches its font list on first use: a font installed since then is not in it.
    for path in font_manager.findSystemFonts():
        if any(h in Path(path).name.lower() for h in file_hints):
            manager.addfont(path)
    if found := _first_known(manager, families):
        return found
    raise WriterError(INSTALL_HINT.format(families="、".join(families)))


def _first_known(manager: object, families: Sequence[str]) -> str | None:
    known = {entry.name for entry in manager.ttflist}  # type: ignore[attr-defined]
    return next((f for f in families if f in known), None)
