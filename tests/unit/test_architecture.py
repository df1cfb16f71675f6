"""The core stays free of Qt (the import-linter contracts of pyproject.toml hold) and type-checks with mypy."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ("models", "services", "submission", "db", "paths.py", "messages.py")


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is not installed"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout


def test_no_core_module_mentions_pyside6():
    """A second, independent check: no import statement of PySide6 anywhere in the core's source."""
    offenders = []
    for name in CORE:
        base = ROOT / "lifelong_desktop" / name
        for path in [base] if base.is_file() else base.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                mods = []
                if isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    mods = [node.module]
                if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in mods):
                    offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None, reason="mypy is not installed (pip install -e .[test])"
)
def test_core_type_checks_with_mypy():
    """mypy as configured in pyproject.toml ([tool.mypy]: the Qt-free core) finds no errors."""
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout
