"""Declarative base, shared column types and the clock the models use."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every mapped class; constraint names are stable for Alembic batch migrations."""

    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core Table of a mapped class, typed as one (``Model.__table__`` is typed as a FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def now() -> datetime:
    """The current local wall-clock time (naive): offices work in one time zone, Asia/Shanghai."""
    return datetime.now()


def new_uuid() -> str:
    """A fresh random UUID in canonical text form."""
    return str(uuid.uuid4())


def plain(value: Any) -> Any:
    """A JSON-friendly form of a column value (dates and times as ISO text)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
