"""What every subcommand shares: --db and --year options, opening the database, errors as sentences."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifelong_desktop import messages
from lifelong_desktop.paths import default_database_path, user_data_dir

if TYPE_CHECKING:  # the database modules are loaded when a command opens one: `validate` needs no SQLAlchemy
    from sqlalchemy.orm import Session

    from lifelong_desktop.db import Database
    from lifelong_desktop.models import Programme

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_DATABASE = 0, 1, 2, 3
EXIT_INTERNAL = 70


class CliError(Exception):
    """A failure to report as one sentence with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def location(value: str) -> Path | str:
    """A --db value: a PostgreSQL URL as it is, anything else a file path."""
    from lifelong_desktop.db.location import is_url

    return value if is_url(value) else Path(value)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=location,
        default=None,
        metavar="PATH|URL",
        help=f"database file or postgresql://user@host:port/db (default: {default_database_path()})",
    )


def add_year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year", type=int, default=None, metavar="Y", help="programme year (default: the latest)"
    )


def db_location(args: argparse.Namespace) -> Path | str:
    """The --db database: a file path, or a PostgreSQL URL."""
    from lifelong_desktop.db.location import is_url

    value = getattr(args, "db", None)
    return value if is_url(value) else (Path(value) if value else default_database_path())


def db_path(args: argparse.Namespace) -> Path:
    """The --db file (for a server database, the stand-in path in the user data folder: never written)."""
    from lifelong_desktop.db.location import stand_in_path

    value = db_location(args)
    return stand_in_path(value) if isinstance(value, str) else value


def open_db(
    args: argparse.Namespace, *, create: bool = False, read_only: bool = False, defer_backup: bool = False
) -> Database:
    """Open the --db database (raises DatabaseProblem, which the command line turns into exit 3).

    read_only: the command only reads, so a file that cannot be written (a read-only mount, folder or
    file) is opened as a read-only view instead of refused; the notice says so on stderr.
    defer_backup: the day's first copy may be left to the command (`db.backup_due`, see open_database),
    which then prints what `print_new_notices` finds.
    """
    from lifelong_desktop.db import open_database, open_for_reading

    path = db_location(args)
    if read_only:
        db = open_for_reading(path)
    else:
        db = open_database(path, create=create, defer_backup=defer_backup)
    print_new_notices(db, 0)
    return db


def print_new_notices(db: Database, printed: int) -> int:
    """The database's notices from number `printed` on, on stderr; returns how many there are now."""
    notices = getattr(db, "notices", ())
    for notice in notices[printed:]:
        print(notice.message(), file=sys.stderr)
    return len(notices)


def programme_of(session: Session, args: argparse.Namespace, db: Database) -> Programme:
    """The programme picked by --year (default the latest), or a CliError with exit 3."""
    from lifelong_desktop.services.programmes import NoProgramme, get_programme

    year = getattr(args, "year", None)
    try:
        return get_programme(session, year)
    except NoProgramme as exc:
        code = "db.no_programme" if exc.year is None else "db.no_programme_year"
        raise CliError(messages.render(code, name=db.path.name, year=year), EXIT_DATABASE) from exc


def print_json(value: Any) -> None:
    """Write `value` to stdout as indented JSON, dates and times as ISO 8601, anything else unknown as text."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=_json_value) + "\n")


def _json_value(value: Any) -> str:
    """Dates and times as ISO 8601 (`2024-05-03T09:30:00`), anything else as text."""
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)


def report_internal_error(exc: BaseException) -> str:
    """Write the traceback to a log file in the user data folder; return one sentence naming it."""
    try:
        log = user_data_dir() / "error.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {_dt.datetime.now().isoformat()}\n")
            fh.write("".join(traceback.format_exception(exc)))
        where = str(log)
    except OSError:
        where = "-"
    return messages.render("cli.internal_error", kind=type(exc).__name__, log=where)
