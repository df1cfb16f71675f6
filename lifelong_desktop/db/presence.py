"""Who else has the database open: the planners connected to a shared server (none to tell on a local file)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from lifelong_desktop.db.database import Database

#: the application_name the app's server connections carry (its prefix; a suffix may name the window)
APPLICATION_NAME = "lifelong"

_WHO = text(
    "SELECT DISTINCT usename FROM pg_stat_activity "
    "WHERE datname = current_database() AND application_name LIKE :app AND usename IS NOT NULL "
    "ORDER BY usename"
)


def connected_users(db: Database) -> list[str] | None:
    """The database users connected now through this app (on PostgreSQL); None where nobody else can be
    connected the same way (a SQLite file: this computer only) or the server does not say."""
    if db.engine.dialect.name != "postgresql":
        return None
    try:
        with db.engine.connect() as conn:
            return [str(u) for u in conn.execute(_WHO, {"app": APPLICATION_NAME + "%"}).scalars()]
    except DBAPIError:
        return None
