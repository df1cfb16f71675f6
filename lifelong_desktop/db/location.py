"""Where a database is: a SQLite file path or a PostgreSQL URL (`postgresql://user@host:port/db?sslmode=...`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

if TYPE_CHECKING:  # SQLAlchemy's URL is loaded where one is made: `is_url` serves commands that load none
    from sqlalchemy.engine import URL

_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://", "postgresql+psycopg2://")
#: libpq's TLS modes, offered in the window's connection dialog
SSL_MODES = ("prefer", "disable", "allow", "require", "verify-ca", "verify-full")


def sqlite_uri(path: Path | str, query: str = "mode=ro") -> str:
    """A SQLite URI (`file:...?mode=ro`) that names exactly this file: the path percent-encoded, for SQLite
    reads `#` and `?` in a URI as the end of the name (`计划#2.sqlite` would open, or create, `计划`) and `%` as an
    escape."""
    return f"file:{quote(Path(path).as_posix(), safe='/:')}?{query}"


def is_url(value: object) -> bool:
    """True for a PostgreSQL URL (`postgresql://...`), false for a file path."""
    return isinstance(value, str) and value.strip().lower().startswith(_SCHEMES)


def engine_url(url: str) -> URL:
    """The SQLAlchemy URL of a PostgreSQL database, always on the psycopg 3 driver."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url.strip())
    return parsed.set(drivername="postgresql+psycopg")


def safe_url(url: str) -> str:
    """The URL as it may be shown or remembered: never a password."""
    from sqlalchemy.engine import URL, make_url

    u = make_url(url.strip())
    bare = URL.create("postgresql", u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def build_url(
    host: str, port: int | None, database: str, user: str = "", sslmode: str = "", service: str = ""
) -> str:
    """A postgresql:// URL from the connection dialog's fields (no password: that comes from the keyring,
    ~/.pgpass or a pg_service entry)."""
    if service:
        return f"postgresql:///?{urlencode({'service': service})}"
    who = f"{quote(user, safe='')}@" if user else ""
    where = host if ":" not in host else f"[{host}]"
    query = f"?{urlencode({'sslmode': sslmode})}" if sslmode and sslmode != "prefer" else ""
    return f"postgresql://{who}{where}{':' + str(port) if port else ''}/{quote(database, safe='')}{query}"


def url_parts(url: str) -> dict[str, str]:
    """host, port, database, user, sslmode and service of a URL (empty when not given)."""
    split = urlsplit(url.strip())
    query = dict(parse_qsl(split.query))
    return {
        "host": split.hostname or query.get("host", ""),
        "port": str(split.port or query.get("port", "")),
        "database": split.path.lstrip("/") or query.get("dbname", ""),
        "user": split.username or query.get("user", ""),
        "sslmode": query.get("sslmode", ""),
        "service": query.get("service", ""),
    }


def label(url: str) -> str:
    """A short name for messages and the window title: `llw@server` (or the service name)."""
    parts = url_parts(url)
    if parts["service"] and not parts["database"]:
        return parts["service"]
    return f"{parts['database'] or '?'}@{parts['host'] or 'localhost'}"


def stand_in_path(url: str) -> Path:
    """A path standing for a server database where the app keeps per-database files (undo copies, the
    local backups folder): `<user data>/servers/<db>@<host>`; nothing is ever written at the path itself."""
    from lifelong_desktop.paths import user_data_dir

    name = re.sub(r"[^\w@-]+", "_", label(url))[:80] or "server"
    return user_data_dir() / "servers" / name
