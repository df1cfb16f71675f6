"""Alembic environment: runs on the connection that lifelong_desktop.db hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from lifelong_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` run by a developer: an explicit URL is required
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///lifelong-dev.sqlite"
        with create_engine(url).connect() as conn:
            _run_on(conn)
            conn.commit()
        return
    _run_on(connection)


def _run_on(connection: object) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
