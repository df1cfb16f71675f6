"""`lifelong template`, `lifelong export` and `lifelong merge`: writing the standard submission workbook."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from functools import partial
from pathlib import Path

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    add_year_option,
    db_path,
    open_db,
    print_json,
    programme_of,
)
from lifelong_desktop.submission.writing.output import WriteProblem, check_target


def scope_word(scope: str) -> str:
    return messages.render("export.scope." + scope) if messages.has("export.scope." + scope) else scope


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "template", help="a blank submission workbook for a lower level to fill by hand"
    )
    p.add_argument("--out", type=Path, required=True, metavar="F", help="the .xlsx file to write")
    p.add_argument(
        "--region", required=True, metavar="CODE", help="6-digit region code of the office filling it"
    )
    p.add_argument("--year", type=int, required=True, metavar="Y", help="programme year")
    p.set_defaults(func=run_template)

    p = subparsers.add_parser("export", help="the standard submission workbook of a programme")
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--out", type=Path, required=True, metavar="F", help="the .xlsx file to write")
    p.set_defaults(func=run_export)

    p = subparsers.add_parser("merge", help="merge the workbooks of one level into the level-above workbook")
    p.add_argument("files", nargs="+", metavar="F", help="workbooks or patterns such as returns/*.xlsx")
    p.add_argument("--out", type=Path, required=True, metavar="F", help="the .xlsx file to write")
    p.add_argument("--unit", default="", metavar="U", help="submitting unit (required unless national)")
    p.add_argument("--contact", default="", metavar="C", help="contact name (required unless national)")
    p.add_argument("--phone", default="", metavar="P", help="contact phone")
    p.add_argument(
        "--region",
        metavar="CODE",
        help="the merging office's own region (6-digit code or unique name): every input must be one of its returns",
    )
    p.add_argument("--json", action="store_true", help="findings as JSON")
    p.set_defaults(func=run_merge)


def _target(path: Path, database: Path | None = None) -> Path:
    try:
        return check_target(path, database=database)
    except WriteProblem as exc:
        raise CliError(exc.message(), EXIT_UNREADABLE) from exc


def region_code_as_typed(text: str) -> str:
    """--region as typed: full-width digits folded (an IME's ２１０１００), a unique name (沈阳市) to its code."""
    from lifelong_desktop.services.regions import regions

    value = unicodedata.normalize("NFKC", text).strip()
    if value and not value.isdigit():
        hits = regions().find_by_name(value)
        if len(hits) == 1:
            return hits[0].code
    return value


def run_template(args: argparse.Namespace) -> int:
    from lifelong_desktop.submission.writing.template import TemplateProblem, write_template

    target = _target(args.out)
    try:
        path, data = write_template(region_code_as_typed(args.region), args.year, target)
    except TemplateProblem as exc:
        raise CliError(exc.message(), EXIT_UNREADABLE) from exc
    except WriteProblem as exc:
        raise CliError(exc.message(), EXIT_UNREADABLE) from exc
    h = data.header
    print(
        messages.render(
            "export.template_done",
            path=str(path),
            region=h["region_name"],
            year=h["year"],
            scope=scope_word(h["scope"]),
        )
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """Write the workbook; on a read-only database too, with the seq it would have, which is then not kept."""
    from lifelong_desktop.submission.reading.errors import errors_in
    from lifelong_desktop.submission.writing.export import check_error_count, export_programme
    from lifelong_desktop.submission.writing.readiness import ExportRefused

    target = _target(args.out, db_path(args))
    db = open_db(args, read_only=True)
    record = not db.options.read_only
    try:
        session_of = (
            db.transaction(messages.render("export.audit_summary", path=target.name)) if record else db.read()
        )
        try:
            with session_of as session:
                programme = programme_of(session, args, db)
                result = export_programme(
                    session,
                    programme,
                    target,
                    verify=partial(errors_in, concurrent=True),  # this command runs in one thread
                    record=record,
                    database=db.path,
                )
        except WriteProblem as exc:
            raise CliError(exc.message(), EXIT_UNREADABLE) from exc
        except ExportRefused as exc:
            raise CliError(exc.message(), EXIT_ERRORS) from exc
        with db.read() as session:
            errors = check_error_count(session, result)
    finally:
        db.close()
    print(
        messages.render(
            "export.done",
            path=str(result.path),
            count=result.activities,
            orgs=result.organisations,
            venues=result.venues,
            seq=result.submission_seq,
        )
    )
    if not record:
        print(messages.render("export.seq_not_recorded", seq=result.submission_seq), file=sys.stderr)
    if errors:
        print(messages.render("export.check_errors", count=errors), file=sys.stderr)
    return EXIT_OK


def merging_region(text: str | None) -> str | None:
    """--region of `merge`: a province, a city, or 000000 for the national office (a county has no returns)."""
    from lifelong_desktop.services.regions import NATIONAL, regions

    if text is None:
        return None
    code = region_code_as_typed(text)
    if code != NATIONAL and regions().scope_of(code) not in ("province", "city"):
        raise CliError(messages.render("merge.bad_region", value=text), EXIT_UNREADABLE)
    return code


def run_merge(args: argparse.Namespace) -> int:
    from lifelong_desktop.submission.findings import exit_code
    from lifelong_desktop.submission.merging.merge import MergeProblem, expand_inputs, merge_files

    target = _target(args.out)
    region = merging_region(args.region)
    lang = messages.current_language()
    try:
        paths, skipped = expand_inputs(args.files, target)
        result = merge_files(
            paths,
            target,
            unit=args.unit,
            contact=args.contact,
            phone=args.phone,
            skipped=skipped,
            region=region,
            concurrent=True,
        )
    except MergeProblem as exc:
        raise CliError(exc.message(patterns=" ".join(args.files)), EXIT_UNREADABLE) from exc
    except WriteProblem as exc:
        raise CliError(exc.message(), EXIT_UNREADABLE) from exc
    findings = result.findings
    if args.json:
        print_json(
            {
                "findings": [f.as_json(lang) | {"file": f.file} for f in findings],
                "written": result.written,
                "exit_code": exit_code(findings),
            }
        )
    else:
        for f in findings:
            print(f.as_text(lang, with_file=True))
    code = exit_code(findings)
    if not result.written:
        print(
            messages.render("merge.refused", count=sum(f.severity == "error" for f in findings)),
            file=sys.stderr,
        )
        return max(code, EXIT_ERRORS)
    h = result.data.header
    print(
        messages.render(
            "merge.done",
            path=str(result.path),
            files=len(result.kept),
            count=len(result.data.activities),
            region=h["region_name"],
            year=h["year"],
            seq=h["submission_seq"],
        )
    )
    return code
