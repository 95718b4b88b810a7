"""The web store: one SQLAlchemy engine (SQLite in the data folder by default, or any database URL,
e.g. postgresql://…) and the operations on accounts, sessions and the bureau's jobs and audits.

Documents and their versions are in `store_documents.py`; both work on the same `Store`.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row

from reportgen.web.schema import audits, bureaus, jobs, metadata, now, sessions, units, users
from reportgen.web.store_documents import Documents


def database_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'reportgen.db').resolve()}"


class Store(Documents):
    """Every table of the service behind one engine. Writes are serialised in this process on
    SQLite (it has one writer at a time anyway; waiting on a Python lock is cheaper and never
    meets SQLite's lock-upgrade deadlock); PostgreSQL orders them itself."""

    def __init__(self, url: str):
        sqlite = url.startswith("sqlite")
        self.engine: Engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 60} if sqlite else {})
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._write_lock = threading.Lock() if sqlite else None
        metadata.create_all(self.engine)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction, committed on success."""
        if self._write_lock is None:
            with self.engine.begin() as conn:
                yield conn
            return
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # ---- accounts -------------------------------------------------------------------------
    def bureau_id(self, name: str) -> int:
        """The bureau of that name, created when new."""
        with self.write() as c:
            found = c.execute(select(bureaus.c.id).where(bureaus.c.name == name)).scalar()
            return found or c.execute(insert(bureaus).values(name=name)).inserted_primary_key[0]

    def unit_id(self, name: str, bureau_id: int | None) -> int:
        """The unit of that name, created when new (under `bureau_id`)."""
        with self.write() as c:
            row = c.execute(select(units).where(units.c.name == name)).first()
            if row is None:
                return c.execute(insert(units).values(name=name, bureau_id=bureau_id)).inserted_primary_key[0]
            if bureau_id is not None and row.bureau_id != bureau_id:
                c.execute(update(units).where(units.c.id == row.id).values(bureau_id=bureau_id))
            return row.id

    def add_user(self, login: str, password_hash: str, role: str, *, unit_id: int | None = None,
                 bureau_id: int | None = None, display: str = "") -> int:
        with self.write() as c:
            values = dict(login=login, password_hash=password_hash, role=role, unit_id=unit_id,
                          bureau_id=bureau_id, display=display or login)
            return c.execute(insert(users).values(**values)).inserted_primary_key[0]

    def set_password(self, user_id: int, password_hash: str) -> None:
        with self.write() as c:
            c.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    def user_by_login(self, login: str) -> Row | None:
        with self.read() as c:
            return c.execute(select(users).where(users.c.login == login)).first()

    def user(self, user_id: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(users).where(users.c.id == user_id)).first()

    def unit(self, unit_id: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(units).where(units.c.id == unit_id)).first()

    def bureau(self, bureau_id: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(bureaus).where(bureaus.c.id == bureau_id)).first()

    def units_of_bureau(self, bureau_id: int) -> list[Row]:
        with self.read() as c:
            return list(c.execute(select(units).where(units.c.bureau_id == bureau_id).order_by(units.c.name)))

    # ---- sessions -------------------------------------------------------------------------
    def add_session(self, token_hash: str, user_id: int, csrf: str, lifetime: timedelta) -> None:
        with self.write() as c:
            c.execute(sessions.delete().where(sessions.c.expires < now()))  # tidy as we go
            c.execute(insert(sessions).values(token_hash=token_hash, user_id=user_id, csrf=csrf,
                                              created=now(), expires=now() + lifetime))

    def session(self, token_hash: str) -> Row | None:
        with self.read() as c:
            return c.execute(select(sessions).where(sessions.c.token_hash == token_hash,
                                                    sessions.c.expires > now())).first()

    def drop_session(self, token_hash: str) -> None:
        with self.write() as c:
            c.execute(sessions.delete().where(sessions.c.token_hash == token_hash))

    # ---- the bureau's batch builds --------------------------------------------------------
    def start_job(self, bureau_id: int, year: int, total: int, user_id: int) -> int:
        with self.write() as c:
            return c.execute(insert(jobs).values(bureau_id=bureau_id, year=year, state="进行中", total=total,
                                                 done=0, failed=0, user_id=user_id,
                                                 started=now())).inserted_primary_key[0]

    def job_progress(self, job_id: int, ok: bool) -> None:
        with self.write() as c:
            values = {"done": jobs.c.done + 1} | ({} if ok else {"failed": jobs.c.failed + 1})
            c.execute(update(jobs).where(jobs.c.id == job_id).values(**values))

    def finish_job(self, job_id: int) -> None:
        with self.write() as c:
            c.execute(update(jobs).where(jobs.c.id == job_id).values(state="已完成", finished=now()))

    def interrupt_jobs(self) -> None:
        """At start-up: a job still marked running was cut off by a stop of the service."""
        with self.write() as c:
            c.execute(update(jobs).where(jobs.c.state == "进行中").values(state="已中断", finished=now()))

    def last_job(self, bureau_id: int, year: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(jobs).where(jobs.c.bureau_id == bureau_id, jobs.c.year == year)
                             .order_by(jobs.c.id.desc()).limit(1)).first()

    # ---- audits of published documents ----------------------------------------------------
    def add_audit(self, **values) -> int:
        with self.write() as c:
            return c.execute(insert(audits).values(at=now(), **values)).inserted_primary_key[0]

    def audits(self, *, bureau_id: int | None = None, unit_id: int | None = None,
               year: int | None = None) -> list[Row]:
        q = select(audits).order_by(audits.c.id.desc())
        if bureau_id is not None:
            q = q.where(audits.c.bureau_id == bureau_id)
        if unit_id is not None:
            q = q.where(audits.c.unit_id == unit_id)
        if year is not None:
            q = q.where(audits.c.year == year)
        with self.read() as c:
            return list(c.execute(q))

    def audit(self, audit_id: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(audits).where(audits.c.id == audit_id)).first()

    def count_users(self) -> int:
        with self.read() as c:
            return c.execute(select(func.count()).select_from(users)).scalar() or 0


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers go on while one request writes; foreign keys are off by default in SQLite.
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()
