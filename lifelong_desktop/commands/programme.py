"""`lifelong programme new|set|show`: making a programme and setting its unit, contact, theme and dates."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    add_year_option,
    open_db,
    print_json,
    programme_of,
)
from lifelong_desktop.commands.export import region_code_as_typed
from lifelong_desktop.services import fields
from lifelong_desktop.services.programme_settings import (
    SETTING_FIELDS,
    ProgrammeSettings,
    SettingProblem,
    SettingsError,
    change_settings,
    clean_settings,
    default_settings,
)
from lifelong_desktop.services.programmes import NoProgramme, create_programme, get_programme, to_row
from lifelong_desktop.services.regions import NATIONAL, regions

#: `programme set` option -> setting
OPTIONS = {
    "unit": "submitting_unit",
    "contact": "contact_name",
    "phone": "contact_phone",
    "email": "contact_email",
    "theme": "theme",
    "window_start": "window_start",
    "window_end": "window_end",
    "week_start": "week_start",
    "week_end": "week_end",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("programme", help="make a programme, set or show its unit, contact and dates")
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = sub.add_parser("new", help="a new programme of a region and year (creates the database if need be)")
    add_db_option(new)
    new.add_argument("--region", required=True, metavar="CODE", help="6-digit region code (or unique name)")
    new.add_argument("--year", type=int, required=True, metavar="Y", help="programme year")
    new.add_argument("--theme", default="", metavar="T", help="the activity week's theme")
    new.set_defaults(func=run_new)

    put = sub.add_parser("set", help="change the programme's settings; options not given stay as they are")
    add_db_option(put)
    add_year_option(put)
    for option, metavar, text in (
        ("unit", "U", "submitting unit (填报单位)"),
        ("contact", "C", "contact name"),
        ("phone", "P", "contact phone"),
        ("email", "E", "contact e-mail"),
        ("theme", "T", "the activity week's theme"),
        ("window-start", "D", "first day of the programme's window (2025-04-01, 2025年4月1日, 4月1日)"),
        ("window-end", "D", "last day of the programme's window"),
        ("week-start", "D", "first day of the official activity week"),
        ("week-end", "D", "last day of the official activity week"),
    ):
        put.add_argument(f"--{option}", default=None, metavar=metavar, help=text)
    put.set_defaults(func=run_set)

    show = sub.add_parser("show", help="the programme's region, year, unit, contact and dates")
    add_db_option(show)
    add_year_option(show)
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(func=run_show)


def _field(name: str) -> str:
    return messages.render("programme.field." + name)


def problem_lines(problems: list[SettingProblem]) -> list[str]:
    """One sentence per problem, naming the field as the dialogs and the workbook do."""
    return [
        messages.render("programme.problem." + p.code, field=_field(p.field), **p.params) for p in problems
    ]


def run_new(args: argparse.Namespace) -> int:
    code = region_code_as_typed(args.region)
    region = regions().get(code)
    if region is None or code == NATIONAL:
        raise CliError(messages.render("programme.bad_region", value=args.region), EXIT_UNREADABLE)
    if not 2000 <= args.year <= 2100:
        raise CliError(messages.render("programme.bad_year", year=args.year), EXIT_UNREADABLE)
    defaults = default_settings(args.year, args.theme)
    db = open_db(args, create=True)
    try:
        with db.transaction(f"programme new {code} {args.year}") as session:
            try:
                get_programme(session, args.year)
            except NoProgramme:
                pass
            else:
                raise CliError(
                    messages.render("programme.exists", name=db.path.name, year=args.year), EXIT_ERRORS
                )
            settings, problems = _cleaned(args.year, defaults)
            p = create_programme(
                session, region_code=code, year=args.year, **{n: getattr(settings, n) for n in SETTING_FIELDS}
            )
            row = to_row(session, p)
    finally:
        db.close()
    print(
        messages.render(
            "programme.created",
            path=str(db.path),
            region=row.region_name,
            year=row.year,
            window_start=row.window_start,
            window_end=row.window_end,
        )
    )
    if row.week_start:
        print(messages.render("programme.week_known", week_start=row.week_start, week_end=row.week_end))
    else:
        print(messages.render("programme.week_unknown", year=row.year))
    print(messages.render("programme.next_step"))
    return EXIT_OK


def _cleaned(year: int, settings: ProgrammeSettings) -> tuple[ProgrammeSettings, list[SettingProblem]]:
    cleaned, problems = clean_settings(year, settings)
    if problems:
        raise CliError(_refusal(problems), EXIT_ERRORS)
    return cleaned, problems


def _refusal(problems: list[SettingProblem]) -> str:
    return "\n".join([messages.render("programme.not_saved"), *("  " + s for s in problem_lines(problems))])


def _changes(args: argparse.Namespace, year: int) -> dict[str, Any]:
    """The settings given on the command line, dates read as the workbook reads them (5月12日 in `year`)."""
    changes: dict[str, Any] = {}
    bad: list[SettingProblem] = []
    for option, name in OPTIONS.items():
        value = getattr(args, option, None)
        if value is None:
            continue
        if name.startswith(("window", "week")):
            try:
                changes[name] = fields.parse_date(value.strip() or None, year)
            except fields.FieldProblem:
                bad.append(SettingProblem(name, "invalid_date", {"value": value}))
        else:
            changes[name] = value
    if bad:
        raise CliError(_refusal(bad), EXIT_ERRORS)
    return changes


def run_set(args: argparse.Namespace) -> int:
    if all(getattr(args, option, None) is None for option in OPTIONS):
        raise CliError(messages.render("programme.nothing_to_set"), EXIT_UNREADABLE)
    db = open_db(args)
    try:
        with db.transaction("programme set") as session:
            p = programme_of(session, args, db)
            try:
                change_settings(session, p, **_changes(args, p.year))
            except SettingsError as exc:
                raise CliError(_refusal(exc.problems), EXIT_ERRORS) from exc
            row = to_row(session, p)
    finally:
        db.close()
    print(messages.render("programme.saved", region=row.region_name, year=row.year))
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    db = open_db(args, create=False)
    try:
        with db.read() as session:
            row = to_row(session, programme_of(session, args, db))
    finally:
        db.close()
    values: dict[str, Any] = {
        "region_code": row.region_code,
        "region_name": row.region_name,
        "year": row.year,
        **{n: getattr(row, n) for n in SETTING_FIELDS},
        "submission_id": row.submission_uid,
        "submission_seq": row.submission_seq,
        "activities": row.activity_count,
    }
    if args.json:
        print_json(values)
        return EXIT_OK
    unset = messages.render("programme.unset")
    lines = [f"{_field('region')}: {row.region_code} {row.region_name}", f"{_field('year')}: {row.year}"]
    for name in SETTING_FIELDS:
        value = values[name]
        lines.append(f"{_field(name)}: {value.isoformat() if isinstance(value, date) else value or unset}")
    lines.append(f"{_field('submission_seq')}: {row.submission_seq}")
    lines.append(f"{_field('activities')}: {row.activity_count}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
