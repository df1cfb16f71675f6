"""A region's activity week for one year: theme, window, official week and submission identity."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, new_uuid, now


class Programme(Base):
    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint("length(region_code) = 6", name="region_code_6"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        CheckConstraint(
            "window_end IS NULL OR window_start IS NULL OR window_end >= window_start", name="window_order"
        ),
        CheckConstraint(
            "week_end IS NULL OR week_start IS NULL OR week_end >= week_start", name="week_order"
        ),
        CheckConstraint("submission_seq >= 0", name="seq_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(String(6))
    region_name: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[int] = mapped_column(Integer, unique=True)
    theme: Mapped[str] = mapped_column(String(200), default="")
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    week_start: Mapped[date | None] = mapped_column(Date)
    week_end: Mapped[date | None] = mapped_column(Date)
    submitting_unit: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    submission_uid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    submission_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_exported_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Programme {self.region_code} {self.year}>"
