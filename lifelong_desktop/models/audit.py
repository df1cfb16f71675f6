"""The audit log: who changed what, when, with the values before and after."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, now


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"), Index("ix_audit_uid", "entity_uid"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=now)
    who: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(16))  # create, update, delete, import, ...
    entity: Mapped[str] = mapped_column(String(32))  # activity, organisation, venue, programme, ...
    entity_id: Mapped[int | None] = mapped_column(Integer)
    entity_uid: Mapped[str | None] = mapped_column(String(36))
    programme_id: Mapped[int | None] = mapped_column(Integer)
    batch: Mapped[str] = mapped_column(String(36), default="")  # one user action
    summary: Mapped[str] = mapped_column(String(200), default="")
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON
