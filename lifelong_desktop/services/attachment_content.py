"""Attachments' bytes kept in the database itself (table attachment_content, one row per SHA-256); no Qt.

A shared server database has no folder beside it that every planner's PC can see, so there an attachment's
bytes go into the database (at most MAX_BYTES a file) and each PC writes a temporary copy to open or show
(`local_copy`). A SQLite file keeps its files in the folder beside it (services.attachments) and holds
content rows only when it came from a server (`lifelong db copy`, a server's backup): both are looked in.
Moving a file's office onto a server brings the files of its folder into the table (`fill_from_folder`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lifelong_desktop import files
from lifelong_desktop.models import Attachment, AttachmentContent
from lifelong_desktop.models.base import now, table_of
from lifelong_desktop.paths import user_data_dir

#: the largest file a server database takes as an attachment (a refusal above it names the limit)
MAX_BYTES = 50 * 1024 * 1024
_CONTENT = table_of(AttachmentContent)
_ROWS = table_of(Attachment)


def in_database(session: Session) -> bool:
    """Whether attachments added through this session keep their bytes in the database (a server)."""
    return session.get_bind().dialect.name != "sqlite"


def present(session: Session | Connection, shas: Iterable[str]) -> set[str]:
    """Which of these content hashes the database holds the bytes of."""
    wanted = sorted(set(shas))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.execute(select(_CONTENT.c.sha256).where(_CONTENT.c.sha256.in_(chunk))).scalars())
    return found


def put(session: Session | Connection, sha: str, data: bytes) -> bool:
    """Keep `data` under its hash (once per content; checked against `sha`); True when a row was added."""
    if hashlib.sha256(data).hexdigest() != sha:
        raise ValueError("content does not match its hash")
    if present(session, [sha]):
        return False
    try:
        with session.begin_nested():  # a savepoint: another planner may keep the same file at the same moment
            session.execute(
                insert(_CONTENT).values(sha256=sha, size=len(data), content=data, created_at=now())
            )
    except IntegrityError:
        return False  # kept by the other planner meanwhile: the same bytes, under the same key
    return True


def content(session: Session | Connection, sha: str) -> bytes | None:
    """The bytes kept under this hash, None when the database does not have them."""
    data = session.execute(select(_CONTENT.c.content).where(_CONTENT.c.sha256 == sha)).scalar()
    return None if data is None else bytes(data)


def copies_dir() -> Path:
    """Where this PC writes the temporary copies of attachments kept in a database (safe to delete)."""
    return user_data_dir() / "attachment-copies"


def local_path(sha: str, stored_name: str) -> Path:
    """Where the temporary copy of an attachment kept in the database is written (its own file name)."""
    return copies_dir() / sha[:32] / Path(stored_name).name


def local_copy(session: Session, sha: str, stored_name: str) -> Path | None:
    """A file on this PC with the attachment's bytes (written once through files.write_bytes, checked by
    its hash); None when the database does not have them."""
    target = local_path(sha, stored_name)
    if target.is_file() and _sha_of(target) == sha:
        return target
    data = content(session, sha)
    if data is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    return files.write_bytes(target, data)


def _sha_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def fill_from_folder(conn: Connection, folder: Path, store: Path | None) -> tuple[int, list[str]]:
    """Bring into the table the bytes of every attachment the database names but does not hold, from a
    SQLite file's attachments folder (`folder/<stored name>`) or its backups' store (`store/<sha256>`),
    each checked by its hash; returns how many came in and the stored names still missing (said, kept)."""
    rows = conn.execute(select(_ROWS.c.stored_name, _ROWS.c.sha256).order_by(_ROWS.c.id)).all()
    held = present(conn, (sha for _, sha in rows))
    brought, missing = 0, []
    for stored_name, sha in rows:
        if sha in held:
            continue
        candidates = [folder / stored_name] + ([store / sha] if store is not None else [])
        found = next((p for p in candidates if p.is_file() and _sha_of(p) == sha), None)
        if found is None:
            missing.append(stored_name)
            continue
        put(conn, sha, found.read_bytes())
        held.add(sha)
        brought += 1
    return brought, missing
