"""One event of a programme, and the organisations taking part in it by role and order."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lifelong_desktop.models.base import Base, new_uuid, now
from lifelong_desktop.models.codes import ROLE_ORDER, Role
from lifelong_desktop.models.organisation import Organisation
from lifelong_desktop.models.programme import Programme
from lifelong_desktop.models.venue import Venue


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (
        UniqueConstraint("programme_id", "uid", name="uq_activity_programme_uid"),
        CheckConstraint("end_date >= start_date", name="date_order"),
        CheckConstraint(
            "start_date <> end_date OR start_time IS NULL OR end_time IS NULL OR end_time > start_time",
            name="time_order",
        ),
        CheckConstraint("expected_participants IS NULL OR expected_participants >= 0", name="expected_nn"),
        CheckConstraint("actual_participants IS NULL OR actual_participants >= 0", name="actual_nn"),
        CheckConstraint("online_participants IS NULL OR online_participants >= 0", name="online_nn"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        Index("ix_activity_programme_start", "programme_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(100), default="")
    activity_type: Mapped[str | None] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_date: Mapped[date] = mapped_column(Date)
    end_time: Mapped[time | None] = mapped_column(Time)
    mode: Mapped[str | None] = mapped_column(String(16))
    city_code: Mapped[str | None] = mapped_column(String(6))
    county_code: Mapped[str | None] = mapped_column(String(6))
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="SET NULL"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    audiences: Mapped[str] = mapped_column(String(200), default="")  # keys joined by ';'
    expected_participants: Mapped[int | None] = mapped_column(Integer)
    actual_participants: Mapped[int | None] = mapped_column(Integer)
    online_participants: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # how it went (结果说明), entered with the results after the week; kept here only: the workbook has no column
    result_note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    source_submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    programme: Mapped[Programme] = relationship()
    venue: Mapped[Venue | None] = relationship()
    parent: Mapped[Activity | None] = relationship(remote_side=[id])
    organisers: Mapped[list[ActivityOrganisation]] = relationship(
        back_populates="activity",
        cascade="all, delete-orphan",
        order_by="(ActivityOrganisation.role_rank, ActivityOrganisation.position)",
    )

    @property
    def audience_keys(self) -> list[str]:
        return [a for a in self.audiences.split(";") if a]

    def set_organisations(self, role: Role | str, organisations: list[Organisation]) -> None:
        """Replace the organisations of one role, keeping the given order."""
        role = Role(role)
        self.organisers = [link for link in self.organisers if link.role != role] + [
            ActivityOrganisation(organisation=org, role=role.value, position=i)
            for i, org in enumerate(organisations)
        ]

    def __repr__(self) -> str:
        return f"<Activity {self.start_date} {self.title}>"


ROLE_RANK = {role.value: rank for rank, role in enumerate(ROLE_ORDER)}


class ActivityOrganisation(Base):
    """Association object: an organisation in one role (主办, 承办, 协办) of an activity, at a position."""

    __tablename__ = "activity_organisation"
    __table_args__ = (
        UniqueConstraint("activity_id", "organisation_id", "role", name="uq_activity_org_role"),
        CheckConstraint("role IN ('host', 'undertaker', 'co_organiser')", name="role_known"),
        CheckConstraint("position >= 0", name="position_nn"),
    )

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    role_rank: Mapped[int] = mapped_column(Integer, default=0)

    activity: Mapped[Activity] = relationship(back_populates="organisers")
    organisation: Mapped[Organisation] = relationship()

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)
        if self.role is not None:
            self.role_rank = ROLE_RANK[str(self.role)]
