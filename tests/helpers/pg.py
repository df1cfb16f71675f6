"""A throwaway PostgreSQL cluster for the tests: initdb in a temp folder, run by an unprivileged user on a free
loopback port, a migrated template database, a fresh database per test (CREATE DATABASE ... TEMPLATE)."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

TEMPLATE = "lifelong_template"
SUPERUSER = "lifelong_test"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl (Debian's /usr/lib/postgresql/N/bin, newest first), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if found:
        return Path(found[0]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """Who runs the server: never root (PostgreSQL refuses), `postgres` when it exists, else a user made for
    it; None when we are not root (then we run it ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "lifelong-pg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "lifelong-pg"], check=True)
    return "lifelong-pg"


class Cluster:
    """One PostgreSQL server for a test session; `new_database()` gives a URL to a fresh migrated database."""

    def __init__(self) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries not found (Debian package postgresql)")
        self.bin = bin_dir
        self.user = _server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="lifelong-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        if self.user:
            shutil.chown(self.folder, self.user)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )
        self._make_template()

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.folder)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, *statements: str, database: str = "postgres") -> None:
        """Run statements in autocommit (CREATE DATABASE, CREATE ROLE ...)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as c:
            for statement in statements:
                c.execute(statement)

    def _make_template(self) -> None:
        from lifelong_desktop.db import open_database

        self.sql(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.url(TEMPLATE)).close()

    def new_database(self) -> str:
        """A URL to a new database holding the newest schema and no rows."""
        name = f"t{next(self._names)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
