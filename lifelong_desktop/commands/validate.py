"""`lifelong validate`, `lifelong import` and `lifelong returns`: reading workbooks and recording returns."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from pathlib import Path
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    add_db_option,
    add_year_option,
    db_location,
    db_path,
    open_db,
    print_json,
    print_new_notices,
    programme_of,
)
from lifelong_desktop.submission.findings import ERROR, WARNING, Finding


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("validate", help="check submission workbooks and list their findings")
    p.add_argument("files", nargs="+", type=Path, metavar="F", help="workbooks (.xlsx)")
    p.add_argument("--json", action="store_true", help="a JSON list with one object per file")
    p.set_defaults(func=run_validate)

    p = subparsers.add_parser(
        "import", help="validate a workbook, then apply it to the database in one transaction"
    )
    add_db_option(p)
    add_year_option(p)
    p.add_argument("file", type=Path, metavar="F", help="the workbook (.xlsx)")
    p.add_argument("--dry-run", action="store_true", help="work out the result and roll back")
    p.add_argument("--prune", action="store_true", help="delete activities missing from a resubmission")
    p.add_argument("--json", action="store_true", help="findings, applied and counts as JSON")
    p.set_defaults(func=run_import)

    p = subparsers.add_parser("returns", help="which lower-level regions have sent their return")
    add_db_option(p)
    add_year_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per region")
    p.set_defaults(func=run_returns)


def _print_findings(findings: list[Finding], name: str = "") -> None:
    for f in findings:
        line = f.as_text()
        print(f"{name}: {line}" if name else line)


def expand(paths: list[Path]) -> list[Path]:
    """File patterns expanded by the program itself (Windows shells do not); plain names kept as given."""
    out: list[Path] = []
    for path in paths:
        text = str(path)
        if not path.exists() and any(c in text for c in "*?["):
            hits = sorted(
                Path(path.anchor or ".").glob(str(path.relative_to(path.anchor)) if path.anchor else text)
            )
            out.extend(hits or [path])
        else:
            out.append(path)
    return out


def run_validate(args: argparse.Namespace) -> int:
    from lifelong_desktop.submission.reading.reader import read_workbook

    results = []
    worst = EXIT_OK
    files = expand(args.files)
    named = {str(p) for p in args.files}  # a lock file matched by a pattern is Excel's, not a return
    locks = [p for p in files if p.name.startswith("~$") and str(p) not in named]
    files = [p for p in files if p not in locks]
    several = len(files) + len(locks) > 1
    for path in locks:
        lock = Finding(WARNING, "lock_file_skipped", file=path.name)
        if args.json:
            results.append((path, None, [lock]))
        else:
            print(lock.as_text(with_file=True))
    for path in files:
        result = read_workbook(path, concurrent=True, findings_only=True)
        worst = max(worst, result.exit_code)
        results.append((path, result, result.findings))
        if args.json:
            continue
        if not path.is_file():
            print(messages.render("import.file_not_found", path=str(path)), file=sys.stderr)
            continue
        _print_findings(result.findings, path.name if several else "")
        errors = sum(1 for f in result.findings if f.severity == ERROR)
        warnings = len(result.findings) - errors
        code = "validate.errors" if errors else "validate.ok"
        print(messages.render(code, name=path.name, errors=errors, warnings=warnings))
    if args.json:
        print_json(
            [
                {
                    "file": str(path),
                    "exit_code": r.exit_code if r else EXIT_OK,
                    "findings": [f.as_json() for f in findings],
                }
                for path, r, findings in results
            ]
        )
    return worst


def run_import(args: argparse.Namespace) -> int:
    from lifelong_desktop.submission.reading.reader import paused_gc, read_workbook

    if not args.file.is_file() and not args.json:  # with --json, the not_a_workbook finding says it
        raise CliError(messages.render("import.file_not_found", path=str(args.file)), EXIT_UNREADABLE)
    meanwhile = _WhileReading(args)
    try:
        # no collection from the read to the end: the first ones after the reader would walk every row it
        # made (0.05-0.1 s), and rows hold no cycles
        with paused_gc():
            return _import(
                args,
                read_workbook(args.file, year_hint=args.year, concurrent=True, while_waiting=meanwhile),
                meanwhile,
            )
    finally:
        meanwhile.close()


def _import(args: argparse.Namespace, result: Any, meanwhile: _WhileReading) -> int:
    """Apply the workbook read (unless it has errors) and say what was done."""
    if not result.ok:
        from lifelong_desktop.submission.importing.plan import ImportOutcome, ImportPlan

        outcome = ImportOutcome(
            ImportPlan(result, list(result.findings)), applied=False, dry_run=args.dry_run
        )
    else:
        target = db_path(args)
        created = not target.exists()
        db = meanwhile.database() or open_db(args, create=True, defer_backup=True)  # the day's copy: taken
        # during the import's plan
        printed = len(db.notices)
        outcome = None
        try:
            from lifelong_desktop.submission.importing.importer import apply_import

            outcome = apply_import(
                db,
                result,
                year=args.year,
                prune=args.prune,
                dry_run=args.dry_run,
                file_name=args.file.name,
                stored=meanwhile.stored(),
            )
        finally:
            if db.backup_due:  # the import stopped before taking it
                from lifelong_desktop.db import take_daily_backup

                db.backup_due = False
                notice = take_daily_backup(db.path)
                db.notices.extend([notice] if notice else [])
            print_new_notices(db, printed)
            db.close()
            if created and not (outcome and outcome.applied):  # a dry run or a refusal leaves no new file
                for path in (
                    target,
                    *(target.with_name(target.name + s) for s in ("-wal", "-shm", "-journal")),
                ):
                    path.unlink(missing_ok=True)
    counts = outcome.counts
    if args.json:
        print_json(
            {
                "findings": [f.as_json() for f in outcome.findings],
                "applied": outcome.applied,
                "counts": counts,
            }
        )
        return outcome.exit_code
    _print_findings(outcome.findings)
    _print_outcome(args, outcome)
    return outcome.exit_code


class _WhileReading:
    """What `lifelong import` does while the reader waits for the safety scan's first answer (the process
    would otherwise sit idle): load the importer's modules (SQLAlchemy, the models), then start reading the
    stored activities of an existing local database (importing/ahead: in a child or a thread, used only if
    still current), and open it in a thread as the import would (nothing is written: a file of the newest
    revision, the day's copy left to the import; what the open found is said only if the workbook is
    applied, as before)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.ahead: Any = None
        self._opened: list[Any] = []  # the Database, or the DatabaseProblem of opening it

    def __call__(self) -> None:
        importlib.import_module("lifelong_desktop.submission.importing.importer")
        from lifelong_desktop.db.netfs import is_network_path
        from lifelong_desktop.submission.importing.ahead import StoredAhead

        where = db_location(self.args)
        if isinstance(where, str):
            return  # a server's database
        where = where.expanduser().absolute()
        try:
            if not where.is_file() or where.stat().st_size == 0 or is_network_path(where):
                return
        except OSError:
            return
        self.ahead = StoredAhead(where, self.args.year, ours=1)  # called while the workbook's scan runs
        self.ahead.start(then=lambda: self._open(where))

    def _open(self, where: Path) -> None:
        """In the reading thread, once the rows are read: the import's open of a file whose rows were read
        (of the newest revision: no migration writes), a pooled connection made ready."""
        from lifelong_desktop.db import DatabaseProblem, open_database

        if self.ahead is None or not self.ahead.has_rows:
            return
        try:
            db = open_database(where, create=False, defer_backup=True)
        except DatabaseProblem as exc:
            self._opened.append(exc)
            return
        except Exception:  # the import opens it again and says what is wrong in its own words
            return
        self._opened.append(db)
        with contextlib.suppress(Exception), db.read() as session:
            session.connection()

    def database(self) -> Any:
        """The database opened meanwhile (its notices printed, as open_db does), None if it was not; raises
        the DatabaseProblem met opening it."""
        if self.ahead is not None:
            self.ahead.wait()
        if not self._opened:
            return None
        found = self._opened.pop()
        if isinstance(found, Exception):
            raise found
        print_new_notices(found, 0)
        return found

    def stored(self) -> Any:
        """The import's source of stored rows read ahead (None when none are being read)."""
        return self.ahead.rows if self.ahead is not None else None

    def close(self) -> None:
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None
        for found in self._opened:  # opened for a workbook that was not applied: nothing to say
            if not isinstance(found, Exception):
                found.close()
        self._opened.clear()


def _print_outcome(args: argparse.Namespace, outcome) -> None:
    """What an import did (or a dry run would do): a new programme, the counts, the activities pruned."""
    text = messages.render("import.counts", **outcome.counts)
    if outcome.plan.ok:
        if outcome.plan.kind == "new_programme":
            h = outcome.plan.result.data.header
            code = "import.would_create_programme" if args.dry_run else "import.created_programme"
            print(messages.render(code, year=h["year"], region=h.get("region_name") or ""))
        print(
            messages.render(
                "import.dry_run" if args.dry_run else "import.applied", name=args.file.name, counts=text
            )
        )
        if outcome.pruned:
            print(
                messages.render(
                    "import.would_prune" if args.dry_run else "import.pruned", count=outcome.pruned
                )
            )
    else:
        print(messages.render("import.refused", name=args.file.name), file=sys.stderr)


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "-"


def run_returns(args: argparse.Namespace) -> int:
    from lifelong_desktop.services.returns import programme_returns

    db = open_db(args, read_only=True)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            rows = programme_returns(session, programme)
            region, year = programme.region_name or programme.region_code, programme.year
    finally:
        db.close()
    if args.json:
        print_json([_return_json(r) for r in rows])
        return EXIT_OK
    if not rows:
        print(messages.render("returns.no_lower", region=region))
        return EXIT_OK
    print(
        messages.render(
            "returns.header",
            year=year,
            region=region,
            returned=sum(r.returned for r in rows),
            total=len(rows),
        )
    )
    for r in rows:
        print(_return_line(r))
    return EXIT_OK


def _return_json(r) -> dict:
    """One region's latest return as `lifelong returns --json` gives it."""
    return {
        "region_code": r.region_code,
        "region_name": r.region_name,
        "returned": r.returned,
        "submission_id": r.submission_uid or None,
        "seq": r.seq,
        "data_as_of": r.data_as_of,
        "imported_at": r.imported_at,
        "file_name": r.file_name or None,
        "activities": r.activities,
        "counts": {
            "new": r.count_new,
            "updated": r.count_updated,
            "unchanged": r.count_unchanged,
            "missing": r.count_missing,
        },
    }


def _return_line(r) -> str:
    """One region's line of `lifelong returns`: not yet returned, or its latest return's version and counts."""
    if not r.returned:
        return messages.render("returns.not_yet", region_code=r.region_code, name=r.region_name)
    return messages.render(
        "returns.row",
        region_code=r.region_code,
        name=r.region_name,
        seq=r.seq,
        as_of=_when(r.data_as_of),
        imported=_when(r.imported_at),
        activities=r.activities,
        new=r.count_new,
        updated=r.count_updated,
        unchanged=r.count_unchanged,
        missing=r.count_missing,
    )
