"""`lifelong schedule` (printable schedule as PDF or ODT) and `lifelong ics` (the programme as iCalendar)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from lifelong_desktop import files, messages
from lifelong_desktop.commands.common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    add_year_option,
    db_path,
    open_db,
    programme_of,
)
from lifelong_desktop.files import OutputProblem
from lifelong_desktop.services.regions import regions

_WHY = {
    "no_folder": "missing_folder",
    "permission_denied": "no_permission",
    "disk_full": "disk_full",
    "is_folder": "is_folder",
}


def _cannot_write(exc: OutputProblem, path: Path) -> CliError:
    """The one sentence for an output that could not be written (the old file, if any, is unchanged)."""
    why = _WHY.get(exc.code)
    if why is None:
        return CliError(exc.message(), EXIT_UNREADABLE)
    detail = messages.render(f"schedule.why.{why}")
    return CliError(messages.render("schedule.cannot_write", path=str(path), detail=detail), EXIT_UNREADABLE)


def _check_target(args: argparse.Namespace) -> None:
    """Refuse a target that can never be written (a folder, no folder, the database itself) before any work."""
    try:
        files.check_target(args.out, database=db_path(args))
    except OutputProblem as exc:
        raise _cannot_write(exc, args.out) from exc


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip().replace("/", "-"))
    except ValueError:
        raise argparse.ArgumentTypeError(messages.render("schedule.bad_date", value=value)) from None


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schedule", help="the printable schedule as PDF (or ODT)")
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--out", type=Path, required=True, metavar="F", help="output file, .pdf or .odt")
    p.add_argument("--by", choices=("date", "city", "venue"), default="date", help="layout (default: date)")
    p.add_argument("--from", dest="date_from", type=_date, metavar="D", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, metavar="D", help="last day (YYYY-MM-DD)")
    p.add_argument("--city", metavar="CODE", help="only this city (6-digit code)")
    p.add_argument("--page", choices=("A4", "A3"), type=str.upper, default="A4", help="paper size")
    p.add_argument("--landscape", action="store_true", help="landscape pages")
    p.add_argument("--activity", metavar="UID", help="the programme sheet of one activity instead")
    p.set_defaults(func=run_schedule)
    q = subparsers.add_parser("ics", help="the programme as an iCalendar file (Outlook, Thunderbird)")
    add_db_option(q)
    add_year_option(q)
    q.add_argument("--out", type=Path, required=True, metavar="F", help="output file (.ics)")
    q.set_defaults(func=run_ics)


def _check_errors(session, programme_id: int) -> int:
    """How many error-level planning findings the programme has (told once the file is written)."""
    from lifelong_desktop.services.checks.runner import run_checks

    return sum(1 for f in run_checks(session, programme_id) if f.severity == "error")


def _warn(errors: int, code: str) -> None:
    if errors:
        print(messages.render(code, count=errors), file=sys.stderr)


def _check_choices(args: argparse.Namespace) -> None:
    """The city (as typed: full-width digits or a unique name) and the date range, or a CliError."""
    if args.city:
        from lifelong_desktop.commands.export import region_code_as_typed

        args.city = region_code_as_typed(args.city)
    region = regions().get(args.city) if args.city else None
    if args.city and (region is None or region.level == "county"):  # activities are filed by prefecture code
        raise CliError(messages.render("schedule.bad_city", value=args.city), EXIT_UNREADABLE)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(
            messages.render("schedule.bad_range", start=args.date_from, end=args.date_to), EXIT_UNREADABLE
        )


def run_schedule(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".odt"):
        raise CliError(messages.render("schedule.bad_suffix", path=str(args.out)), EXIT_UNREADABLE)
    _check_choices(args)
    from lifelong_desktop.printing.schedule import ScheduleOptions, activity_sheet, build_schedule

    opts = ScheduleOptions(
        by=args.by,
        date_from=args.date_from,
        date_to=args.date_to,
        city=args.city,
        page_size=args.page,
        orientation="landscape" if args.landscape else "portrait",
        lang=messages.current_language(),
    )
    _check_target(args)
    db = open_db(args, read_only=True)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            if args.city and not regions().is_inside(args.city, programme.region_code):
                raise CliError(
                    messages.render(
                        "schedule.city_outside",
                        value=args.city,
                        region=programme.region_name or programme.region_code,
                    ),
                    EXIT_UNREADABLE,
                )
            if args.activity:
                try:
                    doc = activity_sheet(session, args.activity.strip(), opts, programme_id=programme.id)
                except LookupError:
                    raise CliError(
                        messages.render("schedule.no_activity", uid=args.activity), EXIT_UNREADABLE
                    ) from None
            else:
                doc = build_schedule(session, programme.id, opts)
            errors = _check_errors(session, programme.id)
    finally:
        db.close()
    try:
        if suffix == ".pdf":
            pages = doc.write_pdf(args.out, database=db_path(args))
            print(messages.render("schedule.written", path=str(args.out), pages=pages))
        else:
            doc.write_odt(args.out, database=db_path(args))
            print(messages.render("schedule.written_odt", path=str(args.out)))
    except OutputProblem as exc:
        raise _cannot_write(exc, args.out) from exc
    _warn(errors, "schedule.check_errors")
    return EXIT_OK


def run_ics(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".ics":
        raise CliError(messages.render("ics.bad_suffix", path=str(args.out)), EXIT_UNREADABLE)
    from lifelong_desktop.printing.ics import write_ics

    _check_target(args)
    db = open_db(args, read_only=True)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            try:
                count = write_ics(session, programme.id, args.out, database=db.path)
            except OutputProblem as exc:
                raise _cannot_write(exc, args.out) from exc
            errors = _check_errors(session, programme.id)
    finally:
        db.close()
    print(messages.render("ics.written", path=str(args.out), count=count))
    _warn(errors, "ics.check_errors")
    return EXIT_OK
