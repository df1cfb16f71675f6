"""`lifelong summary-report`: the 总结 document (ODT) for the level above, with its 统计表 workbook beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    add_db_option,
    add_year_option,
    open_db,
    programme_of,
)
from lifelong_desktop.commands.coverage import audience_keys
from lifelong_desktop.services.week_report import week_report


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("summary-report", help=messages.render("report.help"))
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--out", required=True, type=Path, help=messages.render("report.help_out"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser()
    if out.suffix.lower() != ".odt":
        print(messages.render("report.not_odt", path=str(out)), file=sys.stderr)
        return EXIT_UNREADABLE
    db = open_db(args)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            report = week_report(session, programme.id, audience_keys())
    finally:
        db.close()
    from lifelong_desktop.printing.week_report import write_pack

    # an output not written is a files.OutputProblem: the command line says it in one sentence (exit 2)
    stats = write_pack(report, out, database=db.path)
    print(messages.render("report.written", path=str(out), stats=str(stats)))
    return EXIT_OK
