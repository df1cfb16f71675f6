"""Shared fixtures: headless Qt, a private user data folder, fresh databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIFELONG_LANG", "zh")

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder, so nothing touches the real one."""
    monkeypatch.setenv("LIFELONG_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("LIFELONG_LANG", "zh")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path):
    from lifelong_desktop.db import open_database

    database = open_database(db_path)
    yield database
    database.close()
