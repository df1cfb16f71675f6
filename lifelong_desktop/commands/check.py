"""`lifelong check`: the planning checks of a programme as text lines or JSON; exit 1 on any error."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_DATABASE,
    EXIT_ERRORS,
    EXIT_OK,
    CliError,
    add_db_option,
    add_year_option,
    db_location,
    open_db,
    print_json,
    programme_of,
)

if TYPE_CHECKING:  # the checks are loaded once the file is open: its quick_check runs meanwhile
    from lifelong_desktop.services.checks.finding import PlanWindow
    from lifelong_desktop.services.checks.runner import CheckFinding


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="planning checks of a programme; exit 1 if any error is found")
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--json", action="store_true", help="findings as a JSON list")
    p.set_defaults(func=run)


def plain_text(findings: list[CheckFinding], lang: str) -> str:
    """The plain output: `severity code: message` for each finding, then summary_line; written at once."""
    from lifelong_desktop.services.checks.finding import SEVERITIES

    severity = {s: messages.render(f"check.severity.{s}", lang) for s in SEVERITIES}
    lines = [f"{severity[f.severity]} {f.code}: {f.message(lang)}\n" for f in findings]
    lines.append(summary_line(findings, lang) + "\n")
    return "".join(lines)


def summary_line(findings: list[CheckFinding], lang: str) -> str:
    from lifelong_desktop.services.checks.runner import count_by_severity

    if not findings:
        return messages.render("check.none", lang)
    return messages.render("check.summary", lang, total=len(findings), **count_by_severity(findings))


def run(args: argparse.Namespace) -> int:
    lang = messages.current_language()
    findings = _plain_findings(args)
    if findings is None:  # a server, or a file that needs more than reading (see db.preflight.open_plain)
        from lifelong_desktop.services.checks.runner import run_checks

        db = open_db(args, read_only=True)
        try:
            with db.read() as session:
                programme = programme_of(session, args, db)
                findings = run_checks(session, programme.id)
        finally:
            db.close()
    if args.json:
        print_json([f.as_dict(lang) for f in findings])
    else:
        sys.stdout.write(plain_text(findings, lang))
    return EXIT_ERRORS if any(f.severity == "error" for f in findings) else EXIT_OK


def _plain_findings(args: argparse.Namespace) -> list[CheckFinding] | None:
    """The findings of an ordinary database file, read with sqlite3 alone (no SQLAlchemy: a third of a
    second at the start), in one read transaction; None when the file needs the full open."""
    where = db_location(args)
    if isinstance(where, str):
        return None
    from lifelong_desktop.db.preflight import open_plain

    opened = open_plain(where, copy_beside=True)  # the day's first copy is made while the checks run
    if opened is None:
        return None
    from lifelong_desktop.services.checks.runner import run_checks_on  # (while the file's quick_check runs)

    twin = None
    try:
        twin = opened.begin()  # read transactions, on the file's connection and on one reading the same state
        con = opened.connection
        programme_id, window = _programme(con, args, where)
        beside = None if twin is None else twin.cursor()
        findings = run_checks_on(con.cursor(), programme_id, window, today=date.today(), beside=beside)
    except (sqlite3.Error, CliError) as exc:
        if not opened.sound():
            return None  # a damaged file: the full open says so, in its words
        from lifelong_desktop.db.problems import classify, is_file_problem

        if isinstance(exc, CliError) or not is_file_problem(exc):
            raise
        raise classify(exc, where) from exc
    finally:
        if twin is not None:
            twin.close()
        opened.close()  # the read transaction ends with the connection; the day's copy is made by now
        if opened.copy_notice is not None:
            print(opened.copy_notice.message(), file=sys.stderr)
    return findings if opened.sound() else None


def _programme(con: sqlite3.Connection, args: argparse.Namespace, path: Path) -> tuple[int, PlanWindow]:
    """The programme picked by --year (default the latest) and its window, as programme_of picks it."""
    from lifelong_desktop.services.activity_table import programme_query
    from lifelong_desktop.services.checks.finding import PlanWindow

    year = getattr(args, "year", None)
    row = con.execute(*programme_query(year, "id, window_start, window_end")).fetchone()
    if row is None:
        code = "db.no_programme" if year is None else "db.no_programme_year"
        raise CliError(messages.render(code, name=path.name, year=year), EXIT_DATABASE)
    first, last = (date.fromisoformat(d[:10]) if d else None for d in row[1:])
    return row[0], PlanWindow(first, last)
