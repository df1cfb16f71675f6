"""Packaging: the wheel ships what the app reads at run time and finds it when installed; the sdist holds every committed file."""

from __future__ import annotations

import configparser
import email
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = "lifelong_desktop"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from this checkout with hatchling (no network: the backend is a test dependency)."""
    pytest.importorskip("hatchling", reason="hatchling is in the [test] extra; scripts/test installs it")
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(out.glob("lifelong_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def _dist_info(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as zf:
        [path] = [n for n in zf.namelist() if n.endswith(f".dist-info/{name}")]
        return zf.read(path).decode("utf-8")


def test_wheel_holds_the_resources_and_migrations(names):
    for required in (
        f"{PKG}/resources/submission/format.json",
        f"{PKG}/resources/regions/regions.csv",
        f"{PKG}/migrations/env.py",
        f"{PKG}/migrations/script.py.mako",
    ):
        assert required in names, required
    messages = [n for n in names if n.startswith(f"{PKG}/resources/i18n/messages/") and n.endswith(".json")]
    assert f"{PKG}/resources/i18n/messages/cli.json" in messages
    versions = [PurePosixPath(n).name for n in names if n.startswith(f"{PKG}/migrations/versions/")]
    assert any(v.startswith("0001_") and v.endswith(".py") for v in versions), versions


def test_wheel_mirrors_the_whole_resources_folder_and_every_migration(names):
    """A file added to resources/ or a new revision is shipped without anyone touching the build settings."""
    expected = {
        f"{PKG}/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    expected |= {
        f"{PKG}/migrations/versions/{p.name}" for p in (ROOT / PKG / "migrations" / "versions").glob("*.py")
    }
    assert expected - names == set()
    assert len([n for n in expected if "/i18n/messages/" in n]) >= 2


def test_wheel_leaves_out_tests_caches_and_databases(names):
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "scripts/", ".venv/"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".sqlite", ".sqlite-wal"))]


def test_wheel_metadata_and_entry_points(wheel):
    meta = email.message_from_string(_dist_info(wheel, "METADATA"))
    assert meta["Name"] == "lifelong-desktop"
    assert meta["Requires-Python"].replace(" ", "") == ">=3.11"
    requires = [r.split(";")[0].strip().lower() for r in meta.get_all("Requires-Dist") or []]
    base = [
        r
        for r in requires
        if not r.startswith(("pytest", "hypothesis", "ruff", "import-linter", "hatchling"))
    ]
    assert any(r.startswith("pyside6-essentials") for r in base)
    # Essentials only: the full PySide6 or its Addons would add hundreds of MB to every office PC.
    assert not [
        r for r in requires if r.startswith("pyside6-addons") or r.split(">")[0].split("=")[0] == "pyside6"
    ]
    points = configparser.ConfigParser()
    points.read_string(_dist_info(wheel, "entry_points.txt"))
    assert points["console_scripts"]["lifelong"].strip() == "lifelong_desktop.cli:main"
    assert points["gui_scripts"]["lifelong-desktop"].strip() == "lifelong_desktop.__main__:main"


_PROBE = r"""
import json, sqlite3, sys
from pathlib import Path
from alembic.script import ScriptDirectory
import lifelong_desktop
from lifelong_desktop import messages, paths
from lifelong_desktop.db import open_database
from lifelong_desktop.services.regions import regions
from lifelong_desktop.submission.format import load_format

open_database(Path(sys.argv[1])).close()
con = sqlite3.connect(sys.argv[1])
stamped = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
con.close()
print(json.dumps({
    "package": lifelong_desktop.__file__,
    "resources": str(paths.resources_dir()),
    "migrations": str(paths.migrations_dir()),
    "sentence": messages.render("cli.interrupted", "en"),
    "format": load_format().name,
    "regions": len(regions().children("210000")),
    "head": ScriptDirectory(str(paths.migrations_dir())).get_current_head(),
    "stamped": stamped,
}))
"""


def test_package_from_the_wheel_finds_its_resources_and_migrations(wheel, tmp_path):
    """Unpacked away from the checkout (as pip lays it in site-packages), the package reads only its own copy."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "LIFELONG_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "fresh.sqlite")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(got["package"]).is_relative_to(site), got["package"]
    assert Path(got["resources"]) == site / PKG / "resources"
    assert Path(got["migrations"]) == site / PKG / "migrations"
    assert got["sentence"] == "Cancelled."
    assert (
        got["format"] == json.loads((ROOT / "resources/submission/format.json").read_text("utf-8"))["format"]
    )
    assert got["regions"] >= 14  # Liaoning's fourteen prefecture-level cities
    assert got["stamped"] == got["head"] and got["head"]


def test_sdist_holds_every_tracked_file(tmp_path):
    """The source archive can rebuild the wheel and run the whole suite: nothing committed is left out of it
    (fixtures that .gitignore matches, such as tests/data/**/*.sqlite, included)."""
    pytest.importorskip("hatchling", reason="hatchling is in the [test] extra; scripts/test installs it")
    git = shutil.which("git")
    listed = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True) if git else None
    if listed is None or listed.returncode != 0:
        pytest.skip("not a git checkout: nothing to compare the archive with")
    tracked = {n for n in listed.stdout.decode("utf-8").split("\0") if n and (ROOT / n).is_file()}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from hatchling.build import build_sdist; print(build_sdist(sys.argv[1]))",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    with tarfile.open(tmp_path / result.stdout.strip().splitlines()[-1]) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if m.isfile() and "/" in m.name}
    assert tracked - members == set()
    assert {"pyproject.toml", "scripts/setup", ".ci/run", "tests/conftest.py"} <= members
