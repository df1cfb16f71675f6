"""The shared register of bodies that take part (主办, 承办, 协办) in activities."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, now
from lifelong_desktop.names import normalise_name


class Organisation(Base):
    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("credit_code IS NULL OR length(credit_code) = 18", name="credit_code_18"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    org_type: Mapped[str] = mapped_column(String(32), default="other")
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    region_code: Mapped[str | None] = mapped_column(String(6))
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Organisation {self.name}>"


@event.listens_for(Organisation.name, "set", retval=True)
def _keep_name_key(target: Organisation, value: str, _old: object, _initiator: object) -> str:
    target.name_key = normalise_name(value)
    return value
