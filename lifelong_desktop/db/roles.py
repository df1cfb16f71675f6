"""Who may do what on a server database: three PostgreSQL group roles with table privileges, granted to users
(`lifelong db grant`), and the role of the connected user (the window greys out what it may not do).

The server enforces them: a viewer's edit, and a planner's deletion or merge of a register entry, are refused by
PostgreSQL itself, whatever the client does. A planner takes in the cities' returns, which add bodies and venues
to the registers and fill in their empty fields: so planners may add and update register entries (the window
leaves editing the registers to administrators), never delete them. Only standard GRANT statements, so the same works on KingbaseES, openGauss and HighGo."""

from __future__ import annotations

from sqlalchemy import Connection

from lifelong_desktop.models import Base

ROLES = {"viewer": "lifelong_viewer", "planner": "lifelong_planner", "administrator": "lifelong_admin"}
#: the tables a planner may change: activities with their organisers, imports (submissions), the audit
#: log its edits write, attachments and their content
PLANNER_TABLES = (
    "activity",
    "activity_organisation",
    "submission",
    "audit_entry",
    "attachment",
    "attachment_content",
)
#: the registers a return adds to and fills in (an import takes their table lock to give ids): no DELETE
PLANNER_REGISTERS = ("organisation", "venue")
#: every table of the models (a table a migration adds is granted with no list to keep up) and Alembic's
ALL_TABLES = (*Base.metadata.tables, "alembic_version")
#: what an export writes into the programme row (its number and time); granted to viewers, who export
EXPORT_COLUMNS = ("submission_seq", "last_exported_at", "updated_at", "version")
_RANK = {"viewer": 0, "planner": 1, "administrator": 2}


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _role_exists(conn: Connection, role: str) -> bool:
    return bool(
        conn.exec_driver_sql("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (role,)).scalar()
    )


def ensure_roles(conn: Connection) -> None:
    """Create the three group roles when missing and grant them their table privileges (idempotent)."""
    for group in ROLES.values():
        if not _role_exists(conn, group):
            conn.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar()
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_quote(conn, str(schema))} TO lifelong_viewer")
    conn.exec_driver_sql("GRANT lifelong_viewer TO lifelong_planner")
    conn.exec_driver_sql("GRANT lifelong_planner TO lifelong_admin")
    everything = ", ".join(ALL_TABLES)
    conn.exec_driver_sql(f"GRANT SELECT ON {everything} TO lifelong_viewer")
    # an export records its number and time in the programme (and the audit log says so): viewers export
    conn.exec_driver_sql(f"GRANT UPDATE ({', '.join(EXPORT_COLUMNS)}) ON programme TO lifelong_viewer")
    conn.exec_driver_sql("GRANT INSERT ON audit_entry TO lifelong_viewer")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(PLANNER_TABLES)} TO lifelong_planner")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {', '.join(PLANNER_REGISTERS)} TO lifelong_planner")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {everything} TO lifelong_admin")
    for group, names in (
        ("lifelong_viewer", ("audit_entry",)),
        ("lifelong_planner", PLANNER_TABLES + PLANNER_REGISTERS),
        ("lifelong_admin", ALL_TABLES),
    ):
        sequences = ", ".join(_sequences(conn, names))
        if sequences:  # UPDATE: setval, which moves the counter past the ids an import gave itself
            conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON SEQUENCE {sequences} TO {group}")


def _sequences(conn: Connection, names: tuple[str, ...]) -> list[str]:
    """The id sequences of the tables named (tables without an id column have none)."""
    found = []
    for table in names:
        if table in ("activity_organisation", "alembic_version", "attachment_content"):
            continue
        seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).scalar()
        if seq:
            found.append(str(seq))
    return found


def grant(conn: Connection, user: str, role: str) -> None:
    """Give a database user exactly one of the app's roles (the others are revoked); the user must exist."""
    if role not in ROLES:
        raise ValueError(role)
    ensure_roles(conn)
    who = _quote(conn, user)
    for other in ROLES.values():
        conn.exec_driver_sql(f"REVOKE {other} FROM {who}")
    conn.exec_driver_sql(f"GRANT {ROLES[role]} TO {who}")


def user_exists(conn: Connection, user: str) -> bool:
    return _role_exists(conn, user)


def current_role(conn: Connection) -> str:
    """The app role of the connected user: administrator (owns the tables, or is lifelong_admin), planner,
    viewer (lifelong_viewer, or can only read); on SQLite always administrator (the file's owner)."""
    if conn.dialect.name != "postgresql":
        return "administrator"
    owner = conn.exec_driver_sql(
        "SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'activity'"
    ).scalar()
    if owner is not None and conn.exec_driver_sql("SELECT pg_has_role(%s, 'USAGE')", (owner,)).scalar():
        return "administrator"
    for role in ("administrator", "planner"):
        group = ROLES[role]
        if (
            _role_exists(conn, group)
            and conn.exec_driver_sql("SELECT pg_has_role(%s, 'USAGE')", (group,)).scalar()
        ):
            return role
    return "viewer"


def may(role: str, need: str) -> bool:
    """Whether an app role covers what an action needs (viewer < planner < administrator)."""
    return _RANK[role] >= _RANK[need]
