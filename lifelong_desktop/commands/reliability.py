"""`lifelong backup`, `lifelong restore` and `lifelong audit`: copies of a database and who changed what."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from lifelong_desktop import messages
from lifelong_desktop.commands import _audit_text as text
from lifelong_desktop.commands.common import (
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    db_location,
    db_path,
    print_json,
)
from lifelong_desktop.db import DatabaseProblem, newest_good_backup, open_database, open_for_reading
from lifelong_desktop.db.backup_files import backup_name, backups_dir_for
from lifelong_desktop.db.location import label
from lifelong_desktop.models import Activity, Organisation, Programme, Venue
from lifelong_desktop.services import audit, backups


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backup", help="a consistent copy of the database now (default: its backups folder)"
    )
    add_db_option(p)
    p.add_argument("--out", type=Path, metavar="F", help="write the copy to this file instead")
    p.set_defaults(func=run_backup)

    p = subparsers.add_parser("restore", help="list the backups, or put one back (the current file is kept)")
    add_db_option(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--from", dest="source", metavar="F", help="restore this backup file (or its number in --list)"
    )
    which.add_argument("--list", action="store_true", help="list the backups, newest first, each checked")
    which.add_argument(
        "--newest", action="store_true", help="restore the newest backup that passes its checks"
    )
    p.set_defaults(func=run_restore)

    p = subparsers.add_parser("audit", help="who changed what and when (the audit log), newest first")
    add_db_option(p)
    p.add_argument("--activity", metavar="UID", help="only the changes of one activity (its activity_id)")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="at most N entries (default 50)")
    p.add_argument("--json", action="store_true", help="entries as a JSON list")
    p.set_defaults(func=run_audit)


def _say(code: str, **params: object) -> None:
    print(messages.render(code, **params))


def _notices(db) -> None:
    for notice in db.notices:
        print(notice.message(), file=sys.stderr)


def _is_the_database(db: Path, out: Path) -> bool:
    """True when `out` is the database file itself (or its -wal, -shm or -journal companion)."""
    try:
        if out.exists() and db.exists() and os.path.samefile(db, out):
            return True
    except OSError:
        pass
    d = db.resolve()
    return out.resolve() in {d, *(d.with_name(d.name + s) for s in ("-wal", "-shm", "-journal"))}


def run_backup(args: argparse.Namespace) -> int:
    where = db_location(args)
    if isinstance(where, str):  # a server database: a SQLite snapshot
        return _server_backup(where, args.out)
    path = db_path(args)
    if args.out and _is_the_database(path, Path(args.out)):  # renaming a copy over the open file loses edits
        raise CliError(
            messages.render("reliability.backup_onto_database", path=str(args.out)), EXIT_UNREADABLE
        )
    out = backups.backup_now(path, args.out)
    _say("reliability.backup_done", name=path.name, path=str(out))
    return EXIT_OK


def _server_backup(url: str, out: Path | None) -> int:
    """A consistent SQLite snapshot of a server database (one REPEATABLE READ transaction)."""
    db = open_for_reading(url, backup_on_open=False)
    try:
        target = (
            Path(out)
            if out
            else backups_dir_for(db.path, for_writing=True) / backup_name(db.path, datetime.now(), "manual")
        )
        written = _server_snapshot(db, target)
    finally:
        db.close()
    _say("reliability.backup_done", name=db.name, path=str(written))
    return EXIT_OK


def _server_restore(url: str, source: Path) -> int:
    """Bring a SQLite snapshot back into a server database: the whole content replaced in one transaction
    (a copy of what it held is taken first, beside the other snapshots)."""
    from lifelong_desktop.commands._carried import FilesCarried
    from lifelong_desktop.db.copying import copy_database

    try:
        backups.check_backup(source)
    except DatabaseProblem as exc:
        raise CliError(exc.message(), EXIT_UNREADABLE) from exc
    snap = open_for_reading(source, backup_on_open=False)
    db = open_database(url)
    try:
        kept = backups_dir_for(db.path, for_writing=True) / backup_name(
            db.path, datetime.now(), "before-restore"
        )
        _server_snapshot(db, kept)
        carried = FilesCarried(snap, db)
        copy_database(snap, db, replace=True, then=carried)
    finally:
        db.close()
        snap.close()
    _say("reliability.restored", name=db.name, source=str(source), safety=str(kept))
    carried.report()
    return EXIT_OK


def _server_snapshot(db, target: Path) -> Path:
    from lifelong_desktop.db.copying import snapshot_to_file

    return snapshot_to_file(db, target)


def _list(path: Path, name: str) -> list[backups.BackupRow]:
    rows = backups.backup_rows(path)
    if not rows:
        _say("reliability.no_backups", name=name)
        return rows
    _say("reliability.list_head", name=name, count=len(rows))
    for i, row in enumerate(rows, 1):
        state = messages.render(
            "reliability.good" if row.problem is None else "reliability.bad", problem=row.problem
        )
        reason = messages.render(f"reliability.reason.{row.reason}")
        print(
            f"{i:>3}  {row.taken_at:%Y-%m-%d %H:%M:%S}  {reason:<8}  {row.size / 1024:>8.0f} KB  {state}  {row.path}"
        )
    return rows


def _pick(path: Path, source: str) -> Path:
    candidate = Path(source)
    if candidate.exists() or not source.isdigit():
        if not candidate.is_file():
            raise CliError(messages.render("reliability.no_such_backup", path=source), EXIT_UNREADABLE)
        return candidate
    rows = backups.backup_rows(path, verify=False)
    number = int(source)
    if not 1 <= number <= len(rows):
        raise CliError(
            messages.render("reliability.no_such_number", number=number, count=len(rows)), EXIT_UNREADABLE
        )
    return rows[number - 1].path


def run_restore(args: argparse.Namespace) -> int:
    path = db_path(args).expanduser().absolute()
    where = db_location(args)
    name = label(where) if isinstance(where, str) else path.name  # a server: `db@host`, as everywhere
    if args.list:
        _list(path, name)
        return EXIT_OK
    if args.newest:
        source = newest_good_backup(path)
        if source is None:
            raise CliError(messages.render("reliability.no_good_backup", name=name), EXIT_DATABASE)
    else:
        source = _pick(path, args.source)
    if isinstance(where, str):
        return _server_restore(where, source)
    try:
        result = backups.restore(path, source)
    except DatabaseProblem as exc:
        if exc.path != path:  # the copy named is not a usable backup: bad input (2), the database untouched
            raise CliError(exc.message(), EXIT_UNREADABLE) from exc
        raise
    db = open_database(path, backup_on_open=False)  # proves it opens, and upgrades an older copy
    _notices(db)
    db.close()
    _say(
        "reliability.restored",
        name=path.name,
        source=str(result.restored_from),
        safety=str(result.safety_copy) if result.safety_copy else "-",
    )
    if result.attachments_restored:
        _say("attachments.restored", count=result.attachments_restored)
    if result.attachments_missing:
        _say("attachments.still_missing", count=result.attachments_missing)
    return EXIT_OK


_NAMED = {
    "organisation": (Organisation, Organisation.name),
    "venue": (Venue, Venue.name),
    "activity": (Activity, Activity.title),
    "programme": (Programme, Programme.theme),
}


def _reference_names(session, wanted: dict[str, set]) -> dict[tuple[str, object], str]:
    """Names of the records audit values point to (an organiser's organisation, an activity's venue)."""
    refs: dict[tuple[str, object], str] = {}
    for entity, ids in wanted.items():
        if entity not in _NAMED:
            continue
        model, label = _NAMED[entity]
        for rid, name in session.execute(select(model.id, label).where(model.id.in_(ids))):
            refs[(entity, rid)] = name
    return refs


def run_audit(args: argparse.Namespace) -> int:
    lang = messages.current_language()
    db = open_for_reading(db_location(args), backup_on_open=False)
    _notices(db)
    try:
        with db.read() as session:
            entries = audit.history(session, activity_uid=args.activity, limit=max(1, args.limit))
            uids = {e.entity_uid for e in entries if e.entity_uid}
            names = dict(
                session.execute(select(Activity.uid, Activity.title).where(Activity.uid.in_(uids))).all()
            )
            refs = _reference_names(session, text.referenced(entries))
    finally:
        db.close()
    if args.json:
        print_json([text.entry_dict(e, lang) for e in entries])
        return EXIT_OK
    if not entries:
        if args.activity:
            _say("reliability.audit_empty_activity", uid=args.activity)
        else:
            _say("reliability.audit_empty")
        return EXIT_OK
    for entry in entries:
        print("\n".join(text.entry_lines(entry, lang, names, refs)))
    return EXIT_OK
