"""A return imported from a lower level (or a colleague's copy): identity, sequence and counts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lifelong_desktop.models.base import Base, now


class Submission(Base):
    __tablename__ = "submission"
    __table_args__ = (Index("ix_submission_uid_seq", "programme_id", "submission_uid", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    submission_uid: Mapped[str] = mapped_column(String(36))
    scope: Mapped[str] = mapped_column(String(16), default="")
    region_code: Mapped[str] = mapped_column(String(6))
    region_name: Mapped[str] = mapped_column(String(100), default="")
    seq: Mapped[int] = mapped_column(Integer)
    data_as_of: Mapped[datetime | None] = mapped_column(DateTime)
    submitting_unit: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    file_name: Mapped[str] = mapped_column(String(260), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    count_new: Mapped[int] = mapped_column(Integer, default=0)
    count_updated: Mapped[int] = mapped_column(Integer, default=0)
    count_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    count_missing: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<Submission {self.region_code} {self.submission_uid} seq {self.seq}>"
