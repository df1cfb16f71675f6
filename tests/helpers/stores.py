"""The two stores a test's database can be in, and a fresh empty database of either."""

from __future__ import annotations

STORES = ("sqlite", "postgresql")


def new_db_path(store, request, name: str):
    """A fresh empty database of `store`: a file `name` in a temp folder (the test's tmp_path for a test's
    fixture), or a new server database (dropped when the fixture ends). Module-scoped fixtures may call it."""
    if store == "sqlite":
        if request.scope == "function":
            return request.getfixturevalue("tmp_path") / name
        return request.getfixturevalue("tmp_path_factory").mktemp("db") / name
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop(url))
    return url
