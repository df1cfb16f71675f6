"""The shared register of places where activities are held, each in a city, with a capacity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, Integer, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, now
from lifelong_desktop.names import normalise_name


class Venue(Base):
    __tablename__ = "venue"
    __table_args__ = (
        UniqueConstraint("name_key", "city_code", name="uq_venue_name_city"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint("length(city_code) = 6", name="city_code_6"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100))
    city_code: Mapped[str] = mapped_column(String(6), index=True)
    county_code: Mapped[str | None] = mapped_column(String(6))
    address: Mapped[str] = mapped_column(String(200), default="")
    venue_type: Mapped[str | None] = mapped_column(String(32))
    capacity: Mapped[int | None] = mapped_column(Integer)
    accessible: Mapped[bool | None] = mapped_column(Boolean)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Venue {self.name} {self.city_code}>"


@event.listens_for(Venue.name, "set", retval=True)
def _keep_name_key(target: Venue, value: str, _old: object, _initiator: object) -> str:
    target.name_key = normalise_name(value)
    return value
