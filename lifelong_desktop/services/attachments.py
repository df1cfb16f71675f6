"""Attachments of activities (声像资料): files copied beside the database, listed, restored, exported; no Qt.

A file added is copied into `<database stem>-attachments/<activity uid>/` (its own name, `(2)` added when
taken) through a temporary file renamed into place, and also into the backups folder's store
`attachments/<sha256>` (once per content), so every backup of the database, taken now or later, has its
files: after a restore, `restore_missing` copies back any file the restored database names that the folder
lacks. A file that is gone anyway is reported by `listed` (`exists` False), never silently dropped.

On a server database the bytes go into the database instead (services.attachment_content), so every
planner's PC sees them; a row's `path` is then where this PC writes its temporary copy (`local_copy`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from lifelong_desktop import files
from lifelong_desktop.db.backup_files import backups_dir_for
from lifelong_desktop.db.location import sqlite_uri
from lifelong_desktop.models import Activity, Attachment
from lifelong_desktop.services import attachment_content as content
from lifelong_desktop.services.regions import regions

CHUNK = 1 << 20
#: an image bigger than this (bytes) or than SHRINK_PIXELS on a side is offered a shrunk copy when added
SHRINK_BYTES = 5 * 1024 * 1024
SHRINK_PIXELS = 4000
SHRUNK_LONGEST = 2560  # the shrunk copy's longest side (a JPEG)
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"})
#: characters Windows refuses in a file name, and control characters
_BAD_NAME = set('<>:"/\\|?*') | {chr(i) for i in range(32)}


class AttachmentProblem(ValueError):
    """An attachment the user asked for that cannot be made; `code` says why (messages attachments.*)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    activity_id: int
    activity_uid: str
    file_name: str
    stored_name: str
    size: int
    sha256: str
    path: Path  # where the file should be (kept in the database: where this PC writes its copy)
    exists: bool
    in_database: bool = False  # the bytes are in the database's attachment_content table


def folder(db_path: Path) -> Path:
    """The attachments folder beside the database."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-attachments")


def store(db_path: Path, *, for_writing: bool = False) -> Path:
    """The backups' copy of every attachment, by content hash."""
    return backups_dir_for(Path(db_path), for_writing=for_writing) / "attachments"


def safe_name(name: str) -> str:
    """A file name every office PC accepts (Windows' forbidden characters replaced), never empty."""
    cleaned = "".join("_" if c in _BAD_NAME else c for c in name).strip(" .")
    return cleaned[:200] or "附件"


def is_image(name: str | Path) -> bool:
    """Whether a file is a picture the form shows as a thumbnail (by its suffix)."""
    return Path(name).suffix.lower() in IMAGE_SUFFIXES


def offer_shrink(size: int, width: int, height: int) -> bool:
    """Whether an image added is big enough to offer a shrunk copy (the user may keep the original)."""
    return size > SHRINK_BYTES or max(width, height) > SHRINK_PIXELS


def shrunk_size(width: int, height: int, longest: int = SHRUNK_LONGEST) -> tuple[int, int]:
    """The shrunk copy's size: the longest side `longest`, the proportions kept (never enlarged)."""
    side = max(width, height)
    if side <= longest:
        return width, height
    return max(1, round(width * longest / side)), max(1, round(height * longest / side))


def shrunk_name(name: str) -> str:
    """The shrunk copy's file name: the original's with a .jpg suffix."""
    return Path(name).stem + ".jpg"


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _copy(source: Path, target: Path) -> None:
    """Copy through files.safe_output: a temporary file beside the target, fsynced and renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with files.safe_output(target) as tmp, source.open("rb") as src, tmp.open("wb") as dst:
        shutil.copyfileobj(src, dst, CHUNK)


def _free_name(base: Path, name: str, taken: set[str]) -> str:
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 1
    while candidate.casefold() in taken or (base / candidate).exists():
        n += 1
        candidate = f"{stem}({n}){suffix}"
    return candidate


def add(session: Session, db_path: Path, activity_id: int, source: Path) -> AttachmentRow:
    """Copy `source` in as an attachment of the activity (and into the backups' store); returns its row."""
    source = Path(source)
    if not source.is_file():
        raise AttachmentProblem("not_found", path=str(source))
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise AttachmentProblem("no_activity")
    shared = content.in_database(session)
    data = b""
    if shared:  # read once: the bytes kept are the bytes hashed
        if source.stat().st_size > content.MAX_BYTES:
            raise AttachmentProblem("too_big", name=source.name, limit=content.MAX_BYTES // (1024 * 1024))
        data = source.read_bytes()
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
    else:
        sha, size = _digest(source)
    base = folder(db_path) / activity.uid
    taken = {
        Path(n).name.casefold()
        for n in session.scalars(select(Attachment.stored_name).where(Attachment.activity_id == activity_id))
    }
    name = _free_name(base, safe_name(source.name), taken)
    if shared:
        content.put(session, sha, data)
    else:
        _copy(source, base / name)
        kept = store(db_path, for_writing=True) / sha
        if not kept.exists():
            _copy(source, kept)
    row = Attachment(
        activity_id=activity_id,
        file_name=source.name,
        stored_name=f"{activity.uid}/{name}",
        size=size,
        sha256=sha,
    )
    session.add(row)
    session.flush()
    return _row(row, activity.uid, db_path, shared)


def _row(a: Attachment, uid: str, db_path: Path, held: bool) -> AttachmentRow:
    """The row of an attachment: its file in the folder when there, else its bytes in the database."""
    path = folder(db_path) / a.stored_name
    if path.is_file() or not held:
        return AttachmentRow(
            a.id, a.activity_id, uid, a.file_name, a.stored_name, a.size, a.sha256, path, path.is_file()
        )
    copy = content.local_path(a.sha256, a.stored_name)
    return AttachmentRow(
        a.id, a.activity_id, uid, a.file_name, a.stored_name, a.size, a.sha256, copy, True, True
    )


def local_copy(session: Session, row: AttachmentRow) -> Path | None:
    """A file on this PC to open or show: the folder's file, or a temporary copy of the bytes kept in the
    database; None when it is missing."""
    if not row.in_database:
        return row.path if row.path.is_file() else None
    return content.local_copy(session, row.sha256, row.stored_name)


def listed(
    session: Session, db_path: Path, *, activity_id: int | None = None, programme_id: int | None = None
) -> list[AttachmentRow]:
    """The attachments of one activity or of a whole programme, each saying whether its file is there."""
    stmt = select(Attachment, Activity.uid).join(Activity, Activity.id == Attachment.activity_id)
    if activity_id is not None:
        stmt = stmt.where(Attachment.activity_id == activity_id)
    if programme_id is not None:
        stmt = stmt.where(Activity.programme_id == programme_id)
    stmt = stmt.order_by(Attachment.activity_id, Attachment.id)
    found = list(session.execute(stmt))
    held = content.present(session, (a.sha256 for a, _ in found))
    return [_row(a, uid, db_path, a.sha256 in held) for a, uid in found]


def remove(session: Session, attachment_id: int) -> None:
    """Forget an attachment; its file stays in the folder and the store, so an undo or a restore finds it."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise AttachmentProblem("not_found", path=str(attachment_id))
    session.delete(row)
    session.flush()


def bring_back(db_path: Path, rows: list[AttachmentRow]) -> int:
    """Copy back from the backups' store the files of these rows that the folder lacks (checked by their
    hash); returns how many came back. The rest stay missing and are said so."""
    back = 0
    for row in rows:
        kept = store(db_path) / row.sha256
        if not row.exists and kept.is_file() and _digest(kept)[0] == row.sha256:
            _copy(kept, row.path)
            back += 1
    return back


def restore_missing(session: Session, db_path: Path) -> tuple[int, list[AttachmentRow]]:
    """Copy back from the backups' store every file the database names that the folder lacks (after a
    restore, or a folder copied without them); returns how many came back and those still missing."""
    back, missing = 0, []
    for row in listed(session, db_path):
        if row.exists:
            continue
        kept = store(db_path) / row.sha256
        if kept.is_file() and _digest(kept)[0] == row.sha256:
            _copy(kept, row.path)
            back += 1
        else:
            missing.append(row)
    return back, missing


@dataclass(frozen=True, slots=True)
class ExportedFile:
    city: str
    activity: str
    start_date: str
    file_name: str
    exported_as: str  # path inside the export folder, "" when the file was missing
    size: int


def export(session: Session, db_path: Path, programme_id: int, out: Path) -> list[ExportedFile]:
    """Copy a programme's attachments into `out/<city>/<date title>/`, ready to burn or send; missing files
    are listed with an empty `exported_as` (the index says so) and nothing else is skipped."""
    rows = listed(session, db_path, programme_id=programme_id)
    if not rows:
        return []
    acts = {
        a.id: a
        for a in session.scalars(select(Activity).where(Activity.id.in_({r.activity_id for r in rows})))
    }
    reg = regions()
    done: list[ExportedFile] = []
    taken: dict[Path, set[str]] = {}
    for r in rows:
        act = acts[r.activity_id]
        city = reg.name(act.city_code) if act.city_code else "未填地市"
        place = Path(safe_name(city)) / safe_name(f"{act.start_date:%Y%m%d} {act.title}")[:80]
        if not r.exists:
            done.append(ExportedFile(city, act.title, act.start_date.isoformat(), r.file_name, "", r.size))
            continue
        names = taken.setdefault(place, set())
        name = _free_name(out / place, safe_name(r.file_name), names)
        names.add(name.casefold())
        source = local_copy(session, r)
        if source is None:  # its bytes went between the listing and now
            done.append(ExportedFile(city, act.title, act.start_date.isoformat(), r.file_name, "", r.size))
            continue
        _copy(source, out / place / name)
        done.append(
            ExportedFile(city, act.title, act.start_date.isoformat(), r.file_name, str(place / name), r.size)
        )
    return done


def restore_missing_files(db_path: Path) -> tuple[int, int]:
    """`restore_missing` for a database file just put back from a backup, read without opening it for writing
    (plain read-only SQLite: nothing of the restored file changes); returns (brought back, still missing)."""
    db_path = Path(db_path)
    con = sqlite3.connect(sqlite_uri(db_path), uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='attachment'").fetchone():
            return 0, 0  # a backup from before attachments
        held = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='attachment_content'"
        ).fetchone()
        rows = con.execute(
            "SELECT stored_name, sha256 FROM attachment"
            + (" WHERE sha256 NOT IN (SELECT sha256 FROM attachment_content)" if held else "")
        ).fetchall()  # bytes kept in the file itself (a server's snapshot) need no folder copy
    finally:
        con.close()
    back = missing = 0
    for stored_name, sha in rows:
        path = folder(db_path) / stored_name
        if path.is_file():
            continue
        kept = store(db_path) / sha
        if kept.is_file() and _digest(kept)[0] == sha:
            _copy(kept, path)
            back += 1
        else:
            missing += 1
    return back, missing
