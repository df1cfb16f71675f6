"""Shared fixtures: headless Qt, a private user data folder, fresh databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIFELONG_LANG", "zh")

import pytest

from tests.helpers.stores import STORES, new_db_path


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder, so nothing touches the real one."""
    monkeypatch.setenv("LIFELONG_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("LIFELONG_LANG", "zh")


def pytest_generate_tests(metafunc):
    """Tests of a module marked `stores` that make their database through `db_path` (or `db`) run on both
    stores: a SQLite file and a fresh PostgreSQL database; a test marked `sqlite_only` on the file alone."""
    if not {"db_path", "other_db_path"} & set(metafunc.fixturenames):
        return
    both = metafunc.definition.get_closest_marker("stores") and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    )
    metafunc.parametrize("store", STORES if both else STORES[:1], indirect=True)


@pytest.fixture
def store(request):
    """Which store the test's database is in: "sqlite" (a file) or "postgresql" (a server database)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the session (started on first use, stopped at the end)."""
    from tests.helpers.pg import Cluster, binaries

    if binaries() is None:
        pytest.skip("no PostgreSQL server binaries (Debian package postgresql)")
    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def db_path(store, request):
    """Where the test's database is: a file path, or a postgresql:// URL of a fresh database."""
    return new_db_path(store, request, "test.sqlite")


@pytest.fixture
def other_db_path(store, request):
    """A second empty database in the same store as `db_path` (to import, copy or build a demo into)."""
    return new_db_path(store, request, "other.sqlite")


@pytest.fixture
def db(db_path):
    from lifelong_desktop.db import open_database

    database = open_database(db_path)
    yield database
    database.close()
