"""`lifelong demo`: create the Liaoning 2024 demo database, optionally padded to N activities.

The new database is built beside the target (`NAME.demo-part`) and renamed into place only when complete,
so a failure leaves any existing file untouched. With --force an existing database is first copied to the
`backups` folder beside it; a file that is not a database of this app is never replaced.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select

from lifelong_desktop import messages
from lifelong_desktop.commands.common import EXIT_UNREADABLE, CliError, add_db_option, db_location, db_path
from lifelong_desktop.db import (
    SQLITE_HEADER,
    DatabaseProblem,
    backups_dir_for,
    classify,
    remove_database_files,
    take_backup,
)
from lifelong_desktop.db.backups import REASONS
from lifelong_desktop.db.location import sqlite_uri
from lifelong_desktop.models import Programme
from lifelong_desktop.services.backups import ensure_not_in_use
from lifelong_desktop.services.regions import regions


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "demo", help="创建辽宁省2024年示例计划 / create the Liaoning 2024 demo programme"
    )
    add_db_option(p)
    p.add_argument(
        "--activities",
        type=int,
        default=None,
        metavar="N",
        help="pad the programme to N activities (N below the base programme keeps the base)",
    )
    p.add_argument(
        "--seed", type=int, default=0, metavar="S", help="seed of the generated activities (default 0)"
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing database (a backup copy is kept)"
    )
    p.set_defaults(func=run)


def _replaceable(path: Path) -> bool:
    """An empty file, or an SQLite file that is ours (alembic_version) or holds no tables."""
    if path.is_dir():
        return False
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if not head:
        return True
    if head != SQLITE_HEADER:
        return False
    try:
        con = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return True  # our header but unreadable: a damaged database of ours, which --force may replace
    return not tables or "alembic_version" in tables


def _backup(path: Path) -> Path | None:
    """A copy of the database about to be replaced, where `lifelong restore` finds it."""
    if path.stat().st_size == 0:
        return None
    reason = "demo" if "demo" in REASONS else "manual"
    try:
        return take_backup(path, reason)
    except sqlite3.DatabaseError:
        folder = backups_dir_for(path, for_writing=True)
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{path.stem}.{datetime.now():%Y%m%d-%H%M%S-%f}.{reason}.sqlite"
        shutil.copy2(path, dest)  # damaged: keep the bytes as they are
        return dest


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        remove_database_files(tmp)


def _move_into_place(tmp: Path, path: Path) -> None:
    try:
        remove_database_files(path)
        for suffix in ("-wal", "-shm"):
            companion = Path(str(tmp) + suffix)
            if companion.exists():
                os.replace(companion, Path(str(path) + suffix))
        os.replace(tmp, path)
    except OSError as exc:
        raise DatabaseProblem("locked", path, str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    # imported here: every `lifelong` command loads this module, only `demo` needs the generator
    from lifelong_desktop.services.demo.create import MAX_ACTIVITIES, make_demo_database

    if args.activities is not None and not 0 <= args.activities <= MAX_ACTIVITIES:
        raise CliError(messages.render("demo.bad_count", max=MAX_ACTIVITIES), EXIT_UNREADABLE)
    where = db_location(args)
    if isinstance(where, str):
        return _on_server(where, args)
    path = db_path(args).expanduser().absolute()
    exists = path.exists()
    if exists and not args.force:
        raise CliError(messages.render("db.exists", path=str(path)), EXIT_UNREADABLE)
    if exists and not _replaceable(path):
        raise CliError(messages.render("demo.not_replaced", name=path.name), EXIT_UNREADABLE)
    if not path.parent.is_dir():
        raise DatabaseProblem("cannot_open", path, "folder does not exist")
    if exists:
        ensure_not_in_use(path)  # an open window keeps its file: never pull it away underneath
    tmp = path.with_name(path.name + ".demo-part")
    try:
        remove_database_files(tmp)
        summary = make_demo_database(tmp, args.activities, args.seed)
        backup = None
        if exists:
            ensure_not_in_use(path)
            backup = _backup(path)
        _move_into_place(tmp, path)
    except DatabaseProblem as exc:
        _discard(tmp)
        raise DatabaseProblem(exc.code, path, exc.detail) from exc
    except (OSError, sqlite3.Error) as exc:  # e.g. no room for the copy of the old file: it stays as it was
        _discard(tmp)
        raise classify(exc, path) from exc
    except BaseException:
        _discard(tmp)
        raise
    _print_summary(summary, str(path), backup)
    return 0


def _print_summary(summary, where: str, backup: Path | None) -> None:
    line = messages.render(
        "demo.created",
        path=where,
        region=regions().name("210000"),
        year=summary.year,
        activities=summary.activities,
        base=summary.base_activities,
        padded=summary.padded_activities,
        organisations=summary.organisations,
        venues=summary.venues,
        links=summary.links,
    )
    if backup is not None:
        line += messages.render("demo.backup", backup=str(backup))
    print(line)


def _on_server(url: str, args: argparse.Namespace) -> int:
    """The demo in a server database: only an empty one, or with --force in place of what it holds (one
    transaction: a failure leaves the old content)."""
    from lifelong_desktop.db import open_database
    from lifelong_desktop.db.copying import tables
    from lifelong_desktop.services.demo.create import create_demo

    db = open_database(url)
    try:
        with db.transaction("创建示例计划") as session:
            held = session.scalar(select(func.count()).select_from(Programme)) or 0
            if held and not args.force:
                raise CliError(messages.render("db.exists", path=db.name), EXIT_UNREADABLE)
            for table in reversed(tables()) if held else ():
                session.execute(delete(table))
            summary = create_demo(session, args.activities, args.seed)
    finally:
        db.close()
    _print_summary(summary, db.name, None)
    return 0
