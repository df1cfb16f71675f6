"""Loads tests/data/make_hostile.py (the test workbook builder) as a module for the reading tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "data" / "make_hostile.py"
_spec = importlib.util.spec_from_file_location("make_hostile", _PATH)
assert _spec is not None and _spec.loader is not None
mh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mh)
