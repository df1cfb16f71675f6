"""Small real file systems for fault tests: a tmpfs of a given size, remountable read-only (needs root)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True)


@contextmanager
def tmpfs(where: Path, size: str = "1m") -> Iterator[Path]:
    """Mount a private tmpfs of `size` at `where`; skip the test cleanly where mounting is not allowed."""
    if not sys.platform.startswith("linux"):
        pytest.skip("tmpfs mounts need Linux")
    where.mkdir(parents=True, exist_ok=True)
    result = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where))
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


def remount(where: Path, mode: str) -> None:
    """Remount a mount point read-only ("ro") or read-write ("rw")."""
    result = _run("mount", "-o", f"remount,{mode}", str(where))
    assert result.returncode == 0, result.stderr
