"""PostgreSQL errors (psycopg 3) as the app's codes: by SQLSTATE (standard SQL, the same on KingbaseES,
openGauss and HighGo), else by the driver's message for errors raised before a server answered."""

from __future__ import annotations

_BY_SQLSTATE = {
    "28000": "server_auth_failed",
    "28P01": "server_auth_failed",
    "42501": "server_permission_denied",
    "40001": "server_busy",  # serialization failure
    "40P01": "server_busy",  # deadlock detected
    "55P03": "server_busy",  # lock not available (lock_timeout)
    "57014": "server_busy",  # statement cancelled (statement_timeout)
    "3D000": "server_no_database",
    "53100": "disk_full",
    "25006": "read_only",  # read-only transaction (a standby)
    "57P01": "server_unreachable",  # administrator shutdown
    "57P02": "server_unreachable",
    "57P03": "server_unreachable",  # cannot connect now (starting up)
}
_BY_TEXT = (
    ("password authentication failed", "server_auth_failed"),
    ("no password supplied", "server_auth_failed"),
    ("authentication failed", "server_auth_failed"),
    ("no pg_hba.conf entry", "server_auth_failed"),
    ('role "', "server_auth_failed"),
    ("permission denied", "server_permission_denied"),
    ("does not exist", "server_no_database"),
    ("could not translate host name", "server_unreachable"),
    ("connection refused", "server_unreachable"),
    ("connection failed", "server_unreachable"),
    ("timeout expired", "server_unreachable"),
    ("server closed the connection", "server_unreachable"),
    ("terminating connection", "server_unreachable"),
    ("connection is closed", "server_unreachable"),
    ("consuming input failed", "server_unreachable"),
    ("could not receive data", "server_unreachable"),
    ("could not send data", "server_unreachable"),
    ("ssl", "server_unreachable"),
)


def is_server_error(exc: BaseException) -> bool:
    """Is this an error of the PostgreSQL driver (psycopg) that is about the server, the connection or the
    role, rather than a constraint broken by the statement (those stay programming errors)?"""
    orig = getattr(exc, "orig", None) or exc
    if not type(orig).__module__.startswith("psycopg"):
        return False
    return server_code(orig) is not None


def server_code(exc: BaseException) -> str | None:
    """The app's code for a psycopg error (None: a statement's own error, e.g. a unique violation)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    if state in _BY_SQLSTATE:
        return _BY_SQLSTATE[state]
    if state.startswith("08"):
        return "server_unreachable"
    if state.startswith("28"):
        return "server_auth_failed"
    if state and not state.startswith(("57", "53", "58", "XX")):
        return None  # integrity, syntax, data: about the statement
    text = str(orig).lower()
    for needle, code in _BY_TEXT:
        if needle in text:
            return code
    name = type(orig).__name__
    return "server_unreachable" if name in ("OperationalError", "ConnectionTimeout") else None
