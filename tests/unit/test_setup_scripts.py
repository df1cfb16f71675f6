"""The set-up scripts decide right: which Debian packages to install, when to stop, what CI counts as failure.

The shell functions of scripts/setup run here against stand-ins for dpkg-query, apt-get, id and python3 on
PATH, so every decision is checked in milliseconds without touching the machine; scripts/run-demo runs for
real, without a display, on the venv that scripts/test set up.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")
SCRIPTS = ["scripts/setup", "scripts/test", "scripts/run-demo", "scripts/bench", ".ci/run"]

pytestmark = pytest.mark.skipif(
    BASH is None or os.name == "nt", reason="the set-up scripts are bash, for Linux"
)


def _fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def machine(tmp_path):
    """A fake Debian: `installed` lists what dpkg-query reports, `uid` what id -u says; apt-get logs its calls."""

    class Machine:
        def __init__(self) -> None:
            self.bin = tmp_path / "bin"
            self.bin.mkdir()
            self.installed = tmp_path / "installed"
            self.installed.write_text("", encoding="utf-8")
            self.apt_log = tmp_path / "apt.log"
            self.uid = 0
            self.venv = tmp_path / "venv"  # none yet
            # No Python at all, as on a bare Debian 12: every candidate name fails.
            for name in ("python3", "python3.11", "python3.12", "python3.13"):
                _fake(self.bin, name, "exit 1")
            # Like the real one: a line per known package, a complaint per unknown one, and then exit 1.
            _fake(
                self.bin,
                "dpkg-query",
                f'rc=0; for p in "$@"; do case $p in -*) ;; *) if grep -qx "$p" "{self.installed}"; '
                f'then echo "$p ii "; else echo "dpkg-query: no packages found matching $p" >&2; rc=1; fi;; '
                "esac; done; exit $rc",
            )
            _fake(self.bin, "apt-get", f'echo "$*" >> "{self.apt_log}"')

        def run(self, purpose: str) -> subprocess.CompletedProcess[str]:
            _fake(self.bin, "id", f"echo {self.uid}")
            env = {
                "PATH": f"{self.bin}:/usr/bin:/bin",
                "HOME": str(tmp_path),
                "TMPDIR": str(tmp_path),
                "LIFELONG_VENV": str(self.venv),
            }
            script = (
                f'set -euo pipefail; source "{ROOT}/scripts/setup"; lifelong_apt {purpose}; echo apt-done'
            )
            return subprocess.run([BASH, "-c", script], env=env, capture_output=True, text=True, timeout=30)

        def wanted(self, purpose: str) -> list[str]:
            names = {"test": "LIFELONG_APT_TEST", "demo": "LIFELONG_APT_DISPLAY"}
            arrays = ["LIFELONG_APT_BASE", "LIFELONG_APT_PYTHON", names[purpose]]
            script = f'source "{ROOT}/scripts/setup"; ' + "; ".join(
                f'printf "%s\\n" "${{{a}[@]}}"' for a in arrays
            )
            out = subprocess.run([BASH, "-c", script], capture_output=True, text=True, check=True).stdout
            return out.split()

    return Machine()


def test_scripts_are_executable_strict_bash():
    for rel in SCRIPTS:
        path = ROOT / rel
        result = subprocess.run([BASH, "-n", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (rel, result.stderr)
        if rel != "scripts/setup":  # sourced, not run
            assert os.access(path, os.X_OK), f"{rel} is not executable"
            assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n"), rel
    for rel in ("scripts/test", "scripts/run-demo", "scripts/bench"):
        assert "set -euo pipefail" in (ROOT / rel).read_text(encoding="utf-8"), rel


def test_as_root_the_missing_packages_are_installed_with_one_update_and_one_install(machine):
    wanted = machine.wanted("test")
    assert {
        "python3",
        "python3-venv",
        "libreoffice-calc-nogui",
        "fonts-wqy-microhei",
        "poppler-utils",
    } <= set(wanted)
    present = wanted[: len(wanted) // 2]
    machine.installed.write_text("\n".join(present) + "\n", encoding="utf-8")
    result = machine.run("test")
    assert result.returncode == 0, result.stderr
    calls = machine.apt_log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 2 and calls[0].endswith(" update"), calls
    install = calls[1].split()
    assert "install" in install and "-y" in install and "--no-install-recommends" in install
    assert [p for p in install if p in wanted] == [p for p in wanted if p not in present]


def test_a_machine_that_has_everything_installs_nothing(machine):
    machine.installed.write_text("\n".join(machine.wanted("demo")) + "\n", encoding="utf-8")
    result = machine.run("demo")
    assert result.returncode == 0 and "apt-done" in result.stdout, result.stderr
    assert not machine.apt_log.exists()
    assert result.stderr == ""


def test_a_healthy_venv_needs_no_python_package(machine):
    (machine.venv / "bin").mkdir(parents=True)
    _fake(machine.venv / "bin", "python", "exit 0")  # answers the health check: Python >= 3.11 with pip
    (machine.venv / "bin" / "pip").write_text(f"#!{machine.venv}/bin/python\n", encoding="utf-8")
    python_packages = {"python3", "python3-venv", "python3-pip"}
    machine.installed.write_text(
        "\n".join(p for p in machine.wanted("test") if p not in python_packages) + "\n", encoding="utf-8"
    )
    result = machine.run("test")
    assert result.returncode == 0 and "apt-done" in result.stdout, result.stderr
    assert not machine.apt_log.exists()


def test_a_library_renamed_for_64_bit_time_counts_as_installed(machine):
    """Ubuntu 24.04 ships libglib2.0-0t64 in place of libglib2.0-0: asking for the old name again would never end."""
    wanted = machine.wanted("test")
    assert "libglib2.0-0" in wanted
    machine.installed.write_text(
        "\n".join(p + "t64" if p == "libglib2.0-0" else p for p in wanted) + "\n", encoding="utf-8"
    )
    machine.uid = 1000
    result = machine.run("test")
    assert result.returncode == 0 and "apt-done" in result.stdout, result.stderr


def test_not_root_names_the_missing_packages_and_exits_2(machine):
    machine.uid = 1000
    machine.installed.write_text(
        "\n".join(p for p in machine.wanted("demo") if p != "xvfb") + "\n", encoding="utf-8"
    )
    result = machine.run("demo")
    assert result.returncode == 2
    assert "apt-done" not in result.stdout and not machine.apt_log.exists()
    assert "sudo apt-get install xvfb)" in result.stderr


def test_the_office_suite_is_only_for_the_tests_and_xvfb_only_for_the_demo(machine):
    test, demo = set(machine.wanted("test")), set(machine.wanted("demo"))
    assert "libreoffice-calc-nogui" not in demo and "xvfb" not in test
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "xauth"} <= demo


def test_the_benchmarks_get_a_virtual_screen_and_a_database_server_on_a_bare_machine(machine):
    """scripts/bench (`lifelong_setup bench`) times the window under Xvfb and the shared database on a
    PostgreSQL server: a machine without them gets them, not a benchmark that stops asking for them."""
    machine.installed.write_text("\n".join(machine.wanted("test")) + "\n", encoding="utf-8")
    result = machine.run("bench")
    assert result.returncode == 0, result.stderr
    install = machine.apt_log.read_text(encoding="utf-8").splitlines()[1].split()
    assert {"xvfb", "xauth", "libxcb-cursor0"} <= set(install)
    assert "postgresql" not in install and "libreoffice-calc-nogui" not in install  # had, or not needed
    machine.installed.write_text(
        "\n".join(p for p in machine.wanted("demo") if p != "postgresql") + "\n", encoding="utf-8"
    )
    machine.apt_log.unlink()
    result = machine.run("bench")
    assert result.returncode == 0, result.stderr
    assert "postgresql" in machine.apt_log.read_text(encoding="utf-8").splitlines()[1].split()


def _ci_copy(tmp_path: Path, test_exit: int, output: str = "") -> Path:
    """A copy of .ci/run beside a stand-in scripts/test that prints `output` and exits with the given code."""
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "out.txt").write_text(output, encoding="utf-8")
    _fake(tmp_path / "scripts", "test", f'echo "pytest $*"; cat "{tmp_path / "out.txt"}"; exit {test_exit}')
    return tmp_path / ".ci" / "run"


def _ci(run: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BASH, str(run)], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize(("test_exit", "ci_exit"), [(0, 0), (1, 1), (2, 2), (5, 1)])
def test_ci_fails_when_tests_fail_or_none_ran(tmp_path, test_exit, ci_exit):
    result = _ci(_ci_copy(tmp_path, test_exit))
    assert result.returncode == ci_exit
    assert result.stdout.startswith("pytest --durations=")
    if test_exit == 5:
        assert result.stdout.rstrip().endswith("no tests, which counts as a failure")


def test_ci_ends_on_pytest_summary_even_when_something_printed_after_it(tmp_path):
    summary = "666 passed, 1 skipped, 1 xfailed in 164.89s (0:02:44)"
    noise = "Traceback (most recent call last):\nRuntimeError: Internal C++ object already deleted.\n"
    result = _ci(_ci_copy(tmp_path, 0, f"....\n{summary}\n{noise}"))
    assert result.returncode == 0
    assert result.stdout.rstrip().splitlines()[-1] == summary


def test_ci_does_not_repeat_a_summary_that_is_already_last(tmp_path):
    summary = "12 passed in 1.50s"
    result = _ci(_ci_copy(tmp_path, 0, f"....\n{summary}\n"))
    assert result.stdout.count(summary) == 1


def test_ci_failure_ends_on_the_summary_of_failures(tmp_path):
    summary = "1 failed, 220 passed, 6 warnings in 24.36s"
    result = _ci(_ci_copy(tmp_path, 1, f"F...\n{summary}\n"))
    assert result.returncode == 1
    lines = result.stdout.rstrip().splitlines()
    assert lines[-1] == summary and lines[-2].startswith("ci: scripts/test failed with exit 1")


def _current_venv() -> Path:
    """The checkout's .venv when its install stamp matches pyproject.toml (scripts/test makes it so)."""
    venv = Path(sys.prefix)
    stamp = venv / ".lifelong-install-stamp"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").split()[:1] != [digest]:
        pytest.skip("the set-up of this venv is not current (./scripts/test makes it so)")
    return venv


def _run_demo(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        LIFELONG_SKIP_APT="1",
        LIFELONG_VENV=str(_current_venv()),
        LIFELONG_DATA_DIR=str(tmp_path / "data"),
        LIFELONG_LANG="en",
    )
    return subprocess.run(
        [str(ROOT / "scripts" / "run-demo")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_run_demo_without_a_display_makes_the_demo_then_says_so_in_one_sentence(tmp_path):
    result = _run_demo(tmp_path)
    db = tmp_path / "data" / "lifelong.sqlite"
    assert result.returncode == 1, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("run-demo: there is no display here") and str(db) in last and "xvfb-run" in last
    assert "Traceback" not in result.stderr
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM activity").fetchone()[0] >= 100
    finally:
        con.close()


def test_run_demo_never_touches_an_existing_database(tmp_path):
    db = tmp_path / "data" / "lifelong.sqlite"
    db.parent.mkdir()
    db.write_bytes(b"someone's own work")
    result = _run_demo(tmp_path)
    assert result.returncode == 1
    assert "creating the demo" not in result.stderr
    assert db.read_bytes() == b"someone's own work"
