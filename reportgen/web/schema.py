"""The tables of the web store (SQLAlchemy Core): portable between SQLite and PostgreSQL.

A unit-year's data files are never overwritten: every upload and every form save is a new row of
`versions`, numbered within its document, so a correction can always be compared with what it
replaced and nothing two officers save at once is lost. Outputs are cached per version.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()


def now() -> datetime:
    """UTC without tzinfo: SQLite and PostgreSQL store it alike."""
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


bureaus = Table(
    "bureaus", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
)

units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("bureau_id", Integer, ForeignKey("bureaus.id"), nullable=True),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(100), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    Column("role", String(20), nullable=False),  # "unit" or "bureau"
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=True),
    Column("bureau_id", Integer, ForeignKey("bureaus.id"), nullable=True),
    Column("display", String(200), nullable=False, default=""),
)

sessions = Table(
    "sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie: a stolen DB holds no live cookie
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("expires", DateTime, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("main", String(200), nullable=False),  # the file name of the 部门决算 data file
    Column("published_number", Integer, nullable=True),
    Column("published_at", DateTime, nullable=True),
    Column("published_by", Integer, ForeignKey("users.id"), nullable=True),
    UniqueConstraint("unit_id", "year"),
)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("name", String(200), nullable=False),  # which data file of the document this is
    Column("text", Text, nullable=False),
    Column("source", String(40), nullable=False),  # 上传数据文件 / 导入工作簿 / 表单修改 / 上年结转
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("findings", Text, nullable=True),  # JSON list of Located; None until checked
    Column("errors", Integer, nullable=True),
    Column("warnings", Integer, nullable=True),
    Column("complete", Boolean, nullable=True),  # the data file validates and nothing is left 待填
    Column("todo", Text, nullable=True),  # JSON list: what an import could not fill (the 补录 list)
    UniqueConstraint("document_id", "number"),
)

outputs = Table(
    "outputs", metadata,
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Column("format", String(20), primary_key=True),
    Column("filename", String(300), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created", DateTime, nullable=False),
)

changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("field", Text, nullable=False),
    Column("old", Text, nullable=True),
    Column("new", Text, nullable=True),
)
Index("changes_by_document", changes.c.document_id, changes.c.number)

audits = Table(
    "audits", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("units.id"), nullable=True),  # None: not matched to a unit
    Column("bureau_id", Integer, ForeignKey("bureaus.id"), nullable=True),
    Column("year", Integer, nullable=True),
    Column("filename", String(300), nullable=False),
    Column("unit_named", String(200), nullable=False, default=""),  # the unit the document names
    Column("errors", Integer, nullable=False),
    Column("hints", Integer, nullable=False),
    Column("problem", Text, nullable=False, default=""),
    Column("findings", Text, nullable=False),  # JSON
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime, nullable=False),
)

jobs = Table(
    "jobs", metadata,
    Column("id", Integer, primary_key=True),
    Column("bureau_id", Integer, ForeignKey("bureaus.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("state", String(20), nullable=False),  # 进行中 / 已完成 / 已中断
    Column("total", Integer, nullable=False),
    Column("done", Integer, nullable=False),
    Column("failed", Integer, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("started", DateTime, nullable=False),
    Column("finished", DateTime, nullable=True),
)
