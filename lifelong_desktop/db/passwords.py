"""The office database password in the system keyring (Windows Credential Manager, Secret Service on
UOS/Kylin), never in the settings; without a keyring, libpq's own ~/.pgpass or a pg_service entry serves."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import make_url

from lifelong_desktop.db.location import url_parts

SERVICE = "lifelong-desktop"


def _keyring() -> Any | None:
    """The keyring module with a usable backend, or None (not installed, or only the 'fail' backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def keyring_available() -> bool:
    """Whether passwords can be kept in a system keyring here."""
    return _keyring() is not None


def account(url: str) -> str:
    """The keyring entry of a connection: user@host:port/database (the same for every URL form of it)."""
    p = url_parts(url)
    return f"{p['user']}@{p['host'] or 'localhost'}:{p['port'] or 5432}/{p['database'] or p['service']}"


def stored_password(url: str) -> str | None:
    """The password kept for this connection, or None (no keyring, nothing kept, or the keyring failed)."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(SERVICE, account(url))
    except Exception:  # a locked or unreachable keyring: connect without, libpq may still find one
        return None


def store_password(url: str, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none or it refused."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(SERVICE, account(url), password)
    except Exception:
        return False
    return True


def with_password(url: str, password: str | None) -> str:
    """The URL to connect with: the given password, else the one kept in the keyring, else none (libpq then
    reads ~/.pgpass or the pg_service file)."""
    password = password or stored_password(url)
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)
