"""Finding and creating programmes, and their plain row form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme
from lifelong_desktop.services.regions import regions


class NoProgramme(LookupError):
    """The database has no programme (for that year)."""

    def __init__(self, year: int | None = None) -> None:
        self.year = year
        super().__init__(f"no programme{'' if year is None else f' for {year}'}")


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    id: int
    region_code: str
    region_name: str
    year: int
    theme: str
    window_start: date | None
    window_end: date | None
    week_start: date | None
    week_end: date | None
    submitting_unit: str
    contact_name: str
    contact_phone: str
    submission_uid: str
    submission_seq: int
    last_exported_at: datetime | None
    activity_count: int = 0
    contact_email: str = ""

    @property
    def scope(self) -> str:
        return regions().scope_of(self.region_code) or "province"


def get_programme(session: Session, year: int | None = None) -> Programme:
    """The programme of a year, or the latest one; raises NoProgramme."""
    stmt = select(Programme)
    stmt = stmt.where(Programme.year == year) if year is not None else stmt.order_by(Programme.year.desc())
    programme = session.scalars(stmt.limit(1)).first()
    if programme is None:
        raise NoProgramme(year)
    return programme


def to_row(session: Session, p: Programme) -> ProgrammeRow:
    count = (
        session.scalar(select(func.count()).select_from(Activity).where(Activity.programme_id == p.id)) or 0
    )
    return ProgrammeRow(
        p.id,
        p.region_code,
        p.region_name,
        p.year,
        p.theme,
        p.window_start,
        p.window_end,
        p.week_start,
        p.week_end,
        p.submitting_unit,
        p.contact_name,
        p.contact_phone,
        p.submission_uid,
        p.submission_seq,
        p.last_exported_at,
        count,
        p.contact_email or "",
    )


def list_programmes(session: Session) -> list[ProgrammeRow]:
    return [to_row(session, p) for p in session.scalars(select(Programme).order_by(Programme.year.desc()))]


def create_programme(
    session: Session,
    *,
    region_code: str,
    year: int,
    theme: str = "",
    window_start: date | None = None,
    window_end: date | None = None,
    week_start: date | None = None,
    week_end: date | None = None,
    submitting_unit: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    submission_uid: str | None = None,
    submission_seq: int = 0,
) -> Programme:
    """A new programme; the region name comes from the shipped list."""
    p = Programme(
        region_code=region_code,
        region_name=regions().name(region_code),
        year=year,
        theme=theme,
        window_start=window_start,
        window_end=window_end,
        week_start=week_start,
        week_end=week_end,
        submitting_unit=submitting_unit,
        contact_name=contact_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
        submission_seq=submission_seq,
    )
    if submission_uid:
        p.submission_uid = submission_uid
    session.add(p)
    session.flush()
    return p
