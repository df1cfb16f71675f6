"""`lifelong check`: the planning checks of a programme as text lines or JSON; exit 1 on any error."""

from __future__ import annotations

import argparse

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_ERRORS,
    EXIT_OK,
    add_db_option,
    add_year_option,
    open_db,
    print_json,
    programme_of,
)
from lifelong_desktop.services.checks.runner import CheckFinding, count_by_severity, run_checks


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="planning checks of a programme; exit 1 if any error is found")
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--json", action="store_true", help="findings as a JSON list")
    p.set_defaults(func=run)


def format_line(f: CheckFinding, lang: str) -> str:
    return f"{messages.render('check.severity.' + f.severity, lang)} {f.code}: {f.message(lang)}"


def summary_line(findings: list[CheckFinding], lang: str) -> str:
    if not findings:
        return messages.render("check.none", lang)
    return messages.render("check.summary", lang, total=len(findings), **count_by_severity(findings))


def run(args: argparse.Namespace) -> int:
    lang = messages.current_language()
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
        for f in findings:
            print(format_line(f, lang))
        print(summary_line(findings, lang))
    return EXIT_ERRORS if any(f.severity == "error" for f in findings) else EXIT_OK
