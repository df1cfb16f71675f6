"""Which lower-level regions of a programme have sent their return: latest seq, data as of, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lifelong_desktop.models import Activity, Programme, Submission
from lifelong_desktop.services.regions import NATIONAL, regions


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """One lower-level region (a city of a province, a county of a city) and its latest recorded return."""

    region_code: str
    region_name: str
    returned: bool
    submission_uid: str = ""
    seq: int | None = None
    data_as_of: datetime | None = None
    imported_at: datetime | None = None
    file_name: str = ""
    submitting_unit: str = ""
    count_new: int = 0
    count_updated: int = 0
    count_unchanged: int = 0
    count_missing: int = 0
    activities: int = 0  # activities now in the database from this region's returns
    returns: int = 0  # how many returns (all seqs, all submission ids) were imported


def lower_regions(region_code: str) -> list[tuple[str, str]]:
    """(code, name) of the regions one level below: provinces of the nation, cities of a province, counties of a city."""
    reg = regions()
    if region_code == NATIONAL:
        children = [r for r in reg.children(NATIONAL) if r.level == "province"]
    else:
        region = reg.get(region_code)
        if region is None or region.level == "county":
            return []
        level = "prefecture" if region.level == "province" else "county"
        children = [r for r in reg.children(region_code) if r.level == level]
    return [(r.code, r.name) for r in sorted(children, key=lambda r: r.code)]


def programme_returns(session: Session, programme: Programme) -> list[ReturnRow]:
    """Every lower-level region of the programme, with its latest return or `returned=False`."""
    subs = (
        session.execute(
            select(Submission)
            .where(Submission.programme_id == programme.id)
            .order_by(Submission.imported_at, Submission.id)
        )
        .scalars()
        .all()
    )
    counts = dict(
        session.execute(
            select(Submission.region_code, func.count(Activity.id))
            .join(Activity, Activity.source_submission_id == Submission.id)
            .where(Submission.programme_id == programme.id)
            .group_by(Submission.region_code)
        ).all()
    )
    latest: dict[str, Submission] = {}
    number: dict[str, int] = {}
    for each in subs:
        latest[each.region_code] = each  # ordered by import time: the last one wins
        number[each.region_code] = number.get(each.region_code, 0) + 1
    out = []
    for code, name in lower_regions(programme.region_code):
        sub = latest.get(code)
        if sub is None:
            out.append(ReturnRow(code, name, False))
            continue
        out.append(
            ReturnRow(
                code,
                name,
                True,
                sub.submission_uid,
                sub.seq,
                sub.data_as_of,
                sub.imported_at,
                sub.file_name,
                sub.submitting_unit,
                sub.count_new,
                sub.count_updated,
                sub.count_unchanged,
                sub.count_missing,
                counts.get(code, 0),
                number.get(code, 0),
            )
        )
    return out
