"""A unit-year's document in the store: its data files, their versions, outputs and change log.

Numbers count every version of a document (of any of its files) from 1, so "the document at
version N" is, for each file name, its latest version numbered N or less; outputs and findings
belong to that state.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from reportgen.web.schema import changes, documents, now, outputs, units, users, versions

#: (field, old value, new value) rows for the change log, from the old and the new text of a file.
Differ = Callable[[str | None, str], list[tuple[str, str | None, str | None]]]
#: The text to save, given the document's files at its latest version and that version's number.
Composer = Callable[[dict[str, str], int], str]


class Documents:
    """Document operations of the Store (mixed into it; uses its `read` and `write`)."""

    def read(self): ...  # provided by Store
    def write(self): ...  # provided by Store

    def document(self, unit_id: int, year: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(documents).where(documents.c.unit_id == unit_id,
                                                     documents.c.year == year)).first()

    def document_by_id(self, document_id: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(documents).where(documents.c.id == document_id)).first()

    def ensure_document(self, unit_id: int, year: int, main: str) -> Row:
        """The unit-year's document; created with `main` as its 决算 data file when new."""
        with self.write() as c:
            found = _document(c, unit_id, year)
            if found is None:
                c.execute(insert(documents).values(unit_id=unit_id, year=year, main=main))
                found = _document(c, unit_id, year)
            return found

    def set_main(self, document_id: int, main: str) -> None:
        with self.write() as c:
            c.execute(update(documents).where(documents.c.id == document_id).values(main=main))

    def years(self, unit_id: int) -> list[Row]:
        with self.read() as c:
            return list(c.execute(select(documents).where(documents.c.unit_id == unit_id)
                                  .order_by(documents.c.year.desc())))

    def add_version(self, document_id: int, name: str, source: str, author_id: int,
                    compose: Composer, differ: Differ, todo: str | None = None) -> tuple[int, int]:
        """Save a new version of file `name`: `compose` sees the latest files and returns the text.

        The read, the composition and the insert are one transaction, so two officers saving at
        once each get their own number and each sees the other's work (a concurrent insert that
        wins the number on PostgreSQL makes this one start again)."""
        for _ in range(20):
            try:
                with self.write() as c:
                    latest = _latest_number(c, document_id)
                    files = _files_at(c, document_id, latest)
                    text = compose(files, latest)
                    number = latest + 1
                    vid = c.execute(insert(versions).values(
                        document_id=document_id, number=number, name=name, text=text, source=source,
                        author_id=author_id, created=now(), todo=todo)).inserted_primary_key[0]
                    rows = differ(files.get(name), text)
                    if rows:
                        c.execute(insert(changes), [dict(document_id=document_id, number=number, user_id=author_id,
                                                         at=now(), field=f, old=o, new=n) for f, o, n in rows])
                    return vid, number
            except IntegrityError:
                continue
        raise RuntimeError("版本号冲突重试次数过多")

    def set_findings(self, version_id: int, findings: str, errors: int, warnings: int, complete: bool) -> None:
        with self.write() as c:
            c.execute(update(versions).where(versions.c.id == version_id).values(
                findings=findings, errors=errors, warnings=warnings, complete=complete))

    def versions(self, document_id: int) -> list[Row]:
        q = (select(versions.c.id, versions.c.number, versions.c.name, versions.c.source, versions.c.created,
                    versions.c.errors, versions.c.warnings, users.c.display.label("author"))
             .join(users, users.c.id == versions.c.author_id)
             .where(versions.c.document_id == document_id).order_by(versions.c.number.desc()))
        with self.read() as c:
            return list(c.execute(q))

    def version(self, document_id: int, number: int) -> Row | None:
        with self.read() as c:
            return c.execute(select(versions).where(versions.c.document_id == document_id,
                                                    versions.c.number == number)).first()

    def latest_number(self, document_id: int) -> int:
        with self.read() as c:
            return _latest_number(c, document_id)

    def main_version(self, document_id: int, main: str, number: int | None = None) -> Row | None:
        """The version of the main file in force at `number` (default: the latest)."""
        q = select(versions).where(versions.c.document_id == document_id, versions.c.name == main)
        if number is not None:
            q = q.where(versions.c.number <= number)
        with self.read() as c:
            return c.execute(q.order_by(versions.c.number.desc()).limit(1)).first()

    def files_at(self, document_id: int, number: int) -> dict[str, str]:
        with self.read() as c:
            return _files_at(c, document_id, number)

    def output(self, version_id: int, fmt: str) -> Row | None:
        with self.read() as c:
            return c.execute(select(outputs).where(outputs.c.version_id == version_id,
                                                   outputs.c.format == fmt)).first()

    def put_output(self, version_id: int, fmt: str, filename: str, content: bytes) -> None:
        with self.write() as c:
            if c.execute(select(outputs.c.format).where(outputs.c.version_id == version_id,
                                                        outputs.c.format == fmt)).first() is None:
                c.execute(insert(outputs).values(version_id=version_id, format=fmt, filename=filename,
                                                 content=content, created=now()))

    def output_formats(self, version_id: int) -> list[str]:
        with self.read() as c:
            return [r.format for r in c.execute(select(outputs.c.format).where(outputs.c.version_id == version_id))]

    def change_log(self, document_id: int) -> list[Row]:
        q = (select(changes, users.c.display.label("who")).join(users, users.c.id == changes.c.user_id)
             .where(changes.c.document_id == document_id).order_by(changes.c.id.desc()))
        with self.read() as c:
            return list(c.execute(q))

    def publish(self, document_id: int, number: int, user_id: int) -> None:
        with self.write() as c:
            c.execute(update(documents).where(documents.c.id == document_id).values(
                published_number=number, published_at=now(), published_by=user_id))

    def latest_version(self, document_id: int) -> Row | None:
        """The newest version of any file: its findings are those of the document as it stands."""
        with self.read() as c:
            return _latest(c, document_id)

    def latest_year(self, bureau_id: int) -> int | None:
        """The newest year any unit of the bureau has data for."""
        q = select(func.max(documents.c.year)).join(units, units.c.id == documents.c.unit_id).where(
            units.c.bureau_id == bureau_id)
        with self.read() as c:
            return c.execute(q).scalar()

    def year_overview(self, bureau_id: int, year: int) -> list[tuple[Row, Row | None, Row | None]]:
        """(unit, document, its latest version) for every unit of a bureau."""
        out = []
        with self.read() as c:
            for unit in list(c.execute(select(units).where(units.c.bureau_id == bureau_id).order_by(units.c.name))):
                doc = _document(c, unit.id, year)
                out.append((unit, doc, _latest(c, doc.id) if doc is not None else None))
        return out


def _document(c: Connection, unit_id: int, year: int) -> Row | None:
    return c.execute(select(documents).where(documents.c.unit_id == unit_id, documents.c.year == year)).first()


def _latest(c: Connection, document_id: int) -> Row | None:
    return c.execute(select(versions).where(versions.c.document_id == document_id)
                     .order_by(versions.c.number.desc()).limit(1)).first()


def _latest_number(c: Connection, document_id: int) -> int:
    return c.execute(select(func.max(versions.c.number)).where(versions.c.document_id == document_id)).scalar() or 0


def _files_at(c: Connection, document_id: int, number: int) -> dict[str, str]:
    newest = (select(versions.c.name, func.max(versions.c.number).label("n"))
              .where(versions.c.document_id == document_id, versions.c.number <= number)
              .group_by(versions.c.name).subquery())
    q = select(versions.c.name, versions.c.text).join(
        newest, and_(versions.c.name == newest.c.name, versions.c.number == newest.c.n)).where(
        versions.c.document_id == document_id)
    return {r.name: r.text for r in c.execute(q)}
