"""`lifelong db copy` (a whole database between a SQLite file and a PostgreSQL server, any pair, verified)
and `lifelong db grant USER ROLE` (a server's viewer, planner and administrator roles)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from lifelong_desktop import messages
from lifelong_desktop.commands._carried import FilesCarried
from lifelong_desktop.commands.common import (
    EXIT_DATABASE,
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    db_location,
    location,
)
from lifelong_desktop.db import Database, backup_before, classify, open_database, open_for_reading
from lifelong_desktop.db.copying import CopyMismatch, TargetNotEmpty, copy_database, row_total
from lifelong_desktop.db.location import is_url
from lifelong_desktop.db.problems import is_file_problem
from lifelong_desktop.db.roles import ROLES, grant, user_exists


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("db", help="move a database between a file and a PostgreSQL server; roles")
    sub = p.add_subparsers(dest="db_command", metavar="copy|grant", required=True)
    c = sub.add_parser("copy", help="copy a whole database (file or postgresql://...) into another, verified")
    c.add_argument(
        "--from", dest="source", type=location, required=True, metavar="PATH|URL", help="the database copied"
    )
    c.add_argument(
        "--to",
        dest="target",
        type=location,
        required=True,
        metavar="PATH|URL",
        help="the database copied into",
    )
    c.add_argument("--replace", action="store_true", help="replace what the target holds (else refused)")
    c.set_defaults(func=run_copy)
    g = sub.add_parser("grant", help="give a server database user a role: viewer, planner or administrator")
    add_db_option(g)
    g.add_argument("user", metavar="USER", help="a database user (a PostgreSQL login role)")
    g.add_argument("role", choices=sorted(ROLES), help="viewer, planner or administrator")
    g.set_defaults(func=run_grant)


def _open_target(where: Path | str) -> Database:
    if not is_url(where) and Path(where).exists() and Path(where).stat().st_size > 0:
        return open_database(where, backup_on_open=True)  # a file with data is copied first: --replace
    return open_database(where)


def run_copy(args: argparse.Namespace) -> int:
    if str(args.source) == str(args.target):
        raise CliError(messages.render("dbcopy.same"), EXIT_UNREADABLE)
    source = open_for_reading(args.source, backup_on_open=False)
    try:
        target = _open_target(args.target)
        try:
            if args.replace and row_total(target):  # what is about to be replaced is kept first
                kept = backup_before(target, "before-restore")
                print(messages.render("dbcopy.kept", name=target.name, path=str(kept)))
            carried = FilesCarried(source, target)
            copied = copy_database(source, target, replace=args.replace, then=carried)
        except TargetNotEmpty as exc:
            raise CliError(
                messages.render("dbcopy.not_empty", name=target.name, rows=exc.rows), EXIT_UNREADABLE
            ) from exc
        except CopyMismatch as exc:
            raise CliError(messages.render("dbcopy.mismatch", table=exc.table), EXIT_DATABASE) from exc
        finally:
            target.close()
    finally:
        source.close()
    for t in copied:
        print(f"{t.table:<24} {t.rows:>8}  sha256 {t.digest}")
    total = sum(t.rows for t in copied)
    print(
        messages.render("dbcopy.done", source=source.name, target=target.name, rows=total, tables=len(copied))
    )
    carried.report()
    return EXIT_OK


def run_grant(args: argparse.Namespace) -> int:
    where = db_location(args)
    if not is_url(where):
        raise CliError(messages.render("dbgrant.not_server"), EXIT_UNREADABLE)
    db = open_database(where, create=False, backup_on_open=False)
    try:
        with db.engine.begin() as conn:
            if not user_exists(conn, args.user):
                raise CliError(messages.render("dbgrant.no_user", user=args.user), EXIT_UNREADABLE)
            grant(conn, args.user, args.role)
    except DBAPIError as exc:
        if not is_file_problem(exc):
            raise
        raise classify(exc, db.where) from exc
    finally:
        db.close()
    print(messages.render("dbgrant.done", user=args.user, role=messages.render(f"dbgrant.role.{args.role}")))
    return EXIT_OK
