"""The database oracle: importing a fuzzed workbook never changes the database without a finding.

A database is made once by importing the base workbook (its activities then aged, so that the own
workbook's later re-imports update rather than keep local edits). Each fuzzed file is imported into a copy:
a structural mutation (look-alike sheet, column, error value) must leave the data exactly as it was, and
any other mutation that is not a plain cell edit may change it only with a finding that says why.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from fuzz.mutations import STRUCTURAL
from fuzz.values import WrongResult

TABLES = ("programme", "activity", "activity_organisation", "organisation", "venue", "submission")


def dump(path: Path) -> list[list[tuple]]:
    """The data tables' rows, in a fixed order (audit entries aside)."""
    con = sqlite3.connect(path)
    try:
        return [sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES]
    finally:
        con.close()


class DatabaseOracle:
    def __init__(self, folder: Path, base: Path) -> None:
        from lifelong_desktop.db import open_database
        from lifelong_desktop.submission.importing.importer import apply_import

        self.folder = folder
        self.base_db = folder / "oracle-base.sqlite"
        db = open_database(self.base_db)
        try:
            if not apply_import(db, base).applied:
                raise RuntimeError("the base workbook does not import")
        finally:
            db.close()
        con = sqlite3.connect(self.base_db)
        con.execute("UPDATE activity SET updated_at = '2000-01-01 00:00:00.000000'")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        self.before = dump(self.base_db)
        self.checked = 0

    def check(self, workbook: Path, how: str) -> None:
        """Import one fuzzed file into a fresh copy; raise WrongResult on a change the oracle forbids."""
        if how == "cells":  # a cell edit may change data without a finding: it is what the file says
            return
        from lifelong_desktop.db import open_database
        from lifelong_desktop.submission.importing.importer import apply_import

        scratch = self.folder / "oracle.sqlite"
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(str(scratch) + extra).unlink(missing_ok=True)
        shutil.copyfile(self.base_db, scratch)
        db = open_database(scratch)
        try:
            outcome = apply_import(db, workbook, prune=True)
        finally:
            db.close()
        self.checked += 1
        if dump(scratch) == self.before:
            return
        if how in STRUCTURAL:
            raise WrongResult(f"a {how} mutation changed the database ({len(outcome.findings)} findings)")
        if not outcome.findings:
            raise WrongResult(f"a {how} mutation changed the database without a finding")
