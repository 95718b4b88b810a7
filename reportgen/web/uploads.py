"""Uploaded files, bounded and checked as the command line checks a file before anything is kept:
size, name, encoding, YAML syntax (with its line), kind, year; no anchors; template folders dropped."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from starlette.datastructures import UploadFile

from reportgen.core.yamlfile import parse_yaml
from reportgen.errors import DataError, ReportgenError
from reportgen.web.datafile import apply_edits, has_aliases

DATA_LIMIT = 2 * 1024 * 1024  # a data file of a thousand 科目 is ~200 KB
WORKBOOK_LIMIT = 10 * 1024 * 1024
DOCUMENT_LIMIT = 30 * 1024 * 1024  # a published PDF with its tables
DATA_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xls")
AUDIT_SUFFIXES = (".pdf", ".html", ".htm", ".docx", ".txt", ".md")


def safe_name(filename: str | None, suffixes: tuple[str, ...]) -> str:
    """A file name fit to store and to lay out in a folder: no folders, no control characters.

    >>> safe_name("../../etc/某单位 2023.yaml", (".yaml",))
    '某单位_2023.yaml'
    """
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").split("/")[-1])
    name = re.sub(r'[\x00-\x1f<>:"|?*\s]+', "_", name).strip("._") or "上传文件"
    stem, dot, suffix = name.rpartition(".")
    if not dot or "." + suffix.lower() not in suffixes:
        raise ReportgenError(f"不支持的文件类型：{filename}（可以上传 {'、'.join(suffixes)}）")
    return stem[:80] + "." + suffix.lower()


async def read_upload(upload: Any, limit: int) -> bytes:
    """The whole upload, refused when larger than `limit` (read in pieces: never more in memory)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ReportgenError("请选择要上传的文件。")
    chunks, size = [], 0
    while chunk := await upload.read(256 * 1024):
        size += len(chunk)
        if size > limit:
            raise ReportgenError(f"文件过大：{upload.filename} 超过 {limit // (1024 * 1024)} MB。")
        chunks.append(chunk)
    if not size:
        raise ReportgenError(f"文件是空的：{upload.filename}")
    return b"".join(chunks)


def data_file(name: str, content: bytes) -> tuple[str, dict]:
    """A data file's text and values, or the first reason it cannot be kept (with its line)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError("文件不是 UTF-8 编码的文本", file=name) from None
    if has_aliases(text):
        raise DataError("数据文件不能使用 YAML 锚点或别名（& 和 *）", file=name)
    data, _ = parse_yaml(text, name)
    if not isinstance(data, dict):
        raise DataError("数据文件应是“字段: 值”的形式", file=name)
    return text, data


def without_template_dirs(text: str, data: dict) -> tuple[str, dict, list[str]]:
    """The data file without 模板目录, and a note saying so: template folders are the command
    line's tool (they hold code-like templates and name folders of the server), never the web's."""
    if "模板目录" not in data:
        return text, data, []
    dropped = "、".join(map(str, data.get("模板目录") or [])) or "（空）"
    text = apply_edits(text, {("模板目录",): None})
    note = f"数据文件中的模板目录（{dropped}）未使用：网页版按内置版式生成；自定义模板请在命令行中使用"
    return text, {k: v for k, v in data.items() if k != "模板目录"}, [note]


def report_year(data: dict) -> Any:
    """The 报告年度 a data file states (决算: 单位.报告年度; 绩效 files: their own 报告年度)."""
    unit = data.get("单位") if isinstance(data.get("单位"), dict) else {}
    return unit.get("报告年度", data.get("报告年度"))
