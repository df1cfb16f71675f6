"""A workbook re-saved by LibreOffice Calc reads with no errors and the same content (skipped without soffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lifelong_desktop.submission.reading.reader import read_workbook
from tests.helpers.hostile import mh

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.stores,  # the exported demo from SQLite and from PostgreSQL (tests/conftest.py)
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


def resave(path: Path, folder: Path) -> Path:
    """`soffice --headless --convert-to xlsx` with a private profile, so no user's LibreOffice is touched."""
    out = folder / "resaved"
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    target = out / path.name
    assert target.is_file(), "LibreOffice wrote no file"
    return target


def same_content(a: Path, b: Path) -> None:
    ra, rb = read_workbook(a), read_workbook(b)
    assert rb.exit_code == 0, [f.as_text() for f in rb.findings]
    assert [f.code for f in rb.findings] == [f.code for f in ra.findings]
    assert rb.data.header == ra.data.header
    assert rb.data.activities == ra.data.activities
    assert rb.data.organisations == ra.data.organisations
    assert rb.data.venues == ra.data.venues


def test_hand_made_workbook_resaved_by_libreoffice(tmp_path):
    acts = mh.main_and_branch(start_time="9:00-11:30", end_time=None)
    book = mh.build_workbook(tmp_path / "hand.xlsx", activities=acts)
    same_content(book, resave(book, tmp_path))


def test_exported_demo_resaved_by_libreoffice(db_path, tmp_path):
    from lifelong_desktop.db import open_database
    from lifelong_desktop.services.demo.create import make_demo_database
    from lifelong_desktop.services.programmes import get_programme
    from lifelong_desktop.submission.writing.export import export_programme

    make_demo_database(db_path)
    db = open_database(db_path)
    try:
        with db.transaction("export") as s:
            export_programme(s, get_programme(s), tmp_path / "demo.xlsx")
    finally:
        db.close()
    resaved = resave(tmp_path / "demo.xlsx", tmp_path)
    same_content(tmp_path / "demo.xlsx", resaved)
    assert len(read_workbook(resaved).data.activities) > 100
