"""`lifelong coverage`: where the plan reaches, per city and county, with the gaps (no activity, no target group) first."""

from __future__ import annotations

import argparse

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_OK,
    add_db_option,
    add_year_option,
    open_db,
    print_json,
    programme_of,
)
from lifelong_desktop.services.coverage import AreaCoverage, Coverage, coverage
from lifelong_desktop.submission.format import load_format


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("coverage", help=messages.render("coverage.help"))
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--json", action="store_true", help=messages.render("coverage.help_json"))
    p.set_defaults(func=run)


def audience_keys() -> tuple[str, ...]:
    return tuple(i.key for i in load_format().code_lists["audience"])


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            result = coverage(session, programme.id, audience_keys())
    finally:
        db.close()
    if args.json:
        print_json(result.as_dict())
    else:
        for line in text_lines(result, messages.current_language()):
            print(line)
    return EXIT_OK


def _audiences(keys: list[str] | set[str], lang: str) -> str:
    fmt = load_format()
    words = [fmt.label_of("audience", k) if lang == "zh" else k for k in keys]
    return ("、" if lang == "zh" else ", ").join(words) or "—"


def _area_line(area: AreaCoverage, lang: str, indent: str = "") -> str:
    return indent + messages.render(
        "coverage.area",
        lang,
        area_code=area.code,
        name=area.name,
        planned=area.planned,
        held=area.held,
        actual=area.actual,
        online=area.online,
        audiences=_audiences(sorted(area.audiences), lang),
    )


def text_lines(result: Coverage, lang: str) -> list[str]:
    """The gaps first (areas without activity, target groups nobody serves), then every city with its counties."""
    lines = [messages.render("coverage.header", lang, region=result.region_name, year=result.year)]
    gaps = result.cities_without_activity + result.counties_without_activity
    lines.append(messages.render("coverage.gaps_areas", lang, count=len(gaps)))
    lines.extend(f"  {a.code} {a.name}" for a in gaps)
    missing = result.audiences_not_served
    lines.append(
        messages.render(
            "coverage.gaps_audiences", lang, count=len(missing), audiences=_audiences(missing, lang)
        )
    )
    lines.append("")
    for city in result.cities:
        lines.append(_area_line(city, lang))
        lines.extend(_area_line(c, lang, "    ") for c in city.counties)
    if result.unplaced.planned or result.unplaced.cancelled:
        lines.append(messages.render("coverage.unplaced", lang, planned=result.unplaced.planned))
    lines.append(_area_line(result.total, lang))
    return lines
