"""The command line: thin commands over the pipeline; user errors print as messages, exit 1.

Each module registers its commands on the one app (cli/app.py): documents (build, diff, check,
catalogue), workbooks (workbook, import, next-year), published (audit), service (serve, user).
Heavy libraries are imported inside the commands that need them, so every command starts lean.
"""

from __future__ import annotations

import gc
import os
import sys

# Imported for their commands, in the order --help lists them.
from reportgen.cli import documents  # noqa: F401,I001
from reportgen.cli import workbooks  # noqa: F401
from reportgen.cli import published  # noqa: F401
from reportgen.cli import service  # noqa: F401
from reportgen.cli.app import app
from reportgen.errors import ReportgenError
from reportgen.output import write_all  # noqa: F401  (kept where callers found it)


def main() -> None:
    """Entry point: run the app; a ReportgenError becomes a message on stderr and exit code 1.

    The process ends here (the app exits through SystemExit), so what the imports made (modules,
    classes, validators, caches) is frozen out of the interpreter's last garbage collection: the
    operating system frees the memory, and collecting it all took a sixth of a cold build."""
    try:
        _run()
    finally:
        gc.freeze()


def _run() -> None:
    try:
        app()
    except ReportgenError as e:
        print(f"错误：{e}" if "\n" not in str(e) else f"错误：\n{e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as e:  # a bug of ours, not the user's data: say so briefly
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        print(f"内部错误（{type(e).__name__}: {e}）。这是 reportgen 的缺陷而非数据问题；"
              "设置环境变量 REPORTGEN_DEBUG=1 重新运行可看到详细信息，请连同数据文件一并反馈。", file=sys.stderr)
        sys.exit(2)
