"""Property: a programme built through the services exports to a workbook that validates with no error, and
imported into an empty database gives the same programme back (hypothesis draws the programmes)."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifelong_desktop.db import open_database
from lifelong_desktop.services import fields, planning, registers
from lifelong_desktop.services.planning import ActivityInput
from lifelong_desktop.services.programme_settings import change_settings
from lifelong_desktop.services.programmes import create_programme, get_programme, to_row
from lifelong_desktop.services.regions import regions
from lifelong_desktop.services.rows import activity_rows, organisation_rows, venue_rows
from lifelong_desktop.submission.importing.importer import apply_import
from lifelong_desktop.submission.reading.errors import errors_in
from lifelong_desktop.submission.reading.reader import read_workbook
from lifelong_desktop.submission.writing.export import export_programme
from tests.helpers.stores import STORES

YEAR = 2025
CITIES = [r.code for r in regions().cities_of("320000")]
WORDS = "终身学习活动周讲座开放日南京苏州江苏社区老年职工读书=+@-（）《》·ABCabc123 "
TEXT = st.text(alphabet=WORDS, min_size=1, max_size=30).map(str.strip).filter(bool)
NAME = st.text(alphabet="江苏南京苏州开放大学图书馆总工会教育厅局中心ABC（）·", min_size=2, max_size=20)
PHONE = st.from_regex(r"\+?[0-9]{3,4}-[0-9]{4} ?[0-9]{3,4}", fullmatch=True)
CREDIT = st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17).map(
    lambda s: s + fields.credit_check_char(s)
)


@st.composite
def organisations(draw):
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique_by=registers.rules.normalise_name))
    return [
        {
            "name": name,
            "org_type": draw(st.sampled_from(fields.code_keys("org_type"))),
            "credit_code": draw(st.none() | CREDIT),
            "region_code": draw(st.none() | st.sampled_from(CITIES)),
            "contact_name": draw(st.just("") | TEXT.map(lambda t: t[:20])),
            "contact_phone": draw(st.just("") | PHONE),
            "email": draw(st.just("") | st.sampled_from(["office@js.example", "a.b@c.example.org"])),
        }
        for name in names
    ]


@st.composite
def activities(draw, n_orgs: int):
    mode = draw(st.sampled_from(fields.code_keys("mode")))
    start = date(YEAR, 4, 1) + timedelta(days=draw(st.integers(0, 250)))
    end = start + timedelta(days=draw(st.integers(0, 3)))
    times = draw(st.none() | st.tuples(st.integers(7, 12), st.integers(1, 6)))
    city = draw(st.sampled_from([*CITIES, "320000"]))
    counties = regions().descendants(city, "county") if city != "320000" else []
    org = st.integers(0, n_orgs - 1)
    status = draw(st.sampled_from(fields.code_keys("status")))
    return {
        "title": draw(TEXT),
        "activity_type": draw(st.sampled_from(fields.code_keys("activity_type"))),
        "level": draw(st.sampled_from(fields.code_keys("level"))),
        "start_date": start,
        "end_date": end,
        "start_time": time(times[0]) if times else None,
        "end_time": time(times[0] + times[1]) if times else None,
        "mode": mode,
        "city_code": city,
        "county_code": draw(st.none() | st.sampled_from([c.code for c in counties])) if counties else None,
        "venue": None if mode == "online" else draw(NAME),
        "online_url": ""
        if mode == "offline"
        else "https://live.js.example/" + str(draw(st.integers(1, 999))),
        "hosts": tuple(dict.fromkeys(draw(st.lists(org, min_size=1, max_size=2)))),
        "undertakers": tuple(dict.fromkeys(draw(st.lists(org, max_size=2)))),
        "audiences": tuple(draw(st.sets(st.sampled_from(fields.code_keys("audience")), max_size=3))),
        "expected_participants": draw(st.none() | st.integers(0, 100000)),
        "actual_participants": draw(st.none() | st.integers(0, 5000)) if status == "held" else None,
        "status": status,
        "featured": draw(st.booleans()),
        "contact_phone": draw(st.just("") | PHONE),
        "description": draw(st.just("") | TEXT),
    }


PROGRAMMES = organisations().flatmap(
    lambda orgs: st.tuples(st.just(orgs), st.lists(activities(len(orgs)), min_size=1, max_size=5))
)


def _build(db, orgs, acts) -> None:
    with db.transaction("build") as s:
        p = create_programme(s, region_code="320000", year=YEAR, theme="终身学习 乐享人生")
        change_settings(
            s, p, submitting_unit="江苏省教育厅", contact_name="李明", contact_phone="025-8335 1234"
        )
        ids = [registers.create_organisation(s, o).id for o in orgs]
        venues: dict[tuple[str, str], int] = {}
        for a in acts:
            venue_id = None
            if a["venue"]:
                key = (registers.rules.normalise_name(a["venue"]), a["city_code"])
                if key not in venues:
                    values = {"name": a["venue"], "city_code": a["city_code"]}
                    venues[key] = registers.create_venue(s, values).id
                venue_id = venues[key]
            data = ActivityInput(
                **{k: v for k, v in a.items() if k not in ("venue", "hosts", "undertakers")},
                venue_id=venue_id,
                host_ids=tuple(ids[i] for i in a["hosts"]),
                undertaker_ids=tuple(ids[i] for i in a["undertakers"] if i not in a["hosts"]),
            )
            planning.create_activity(s, p.id, data)


def _activity(r) -> dict:
    skip = {"id", "programme_id", "parent_id", "venue_id", "venue_capacity", "host_ids", "undertaker_ids"}
    skip |= {"co_organiser_ids", "source_submission_id", "updated_at", "version"}
    return {k: v for k, v in r._asdict().items() if k not in skip}


def _register(rows) -> set:
    return {
        tuple((k, v) for k, v in dataclasses.asdict(r).items() if k not in ("id", "version")) for r in rows
    }


def _two_databases(store, request, here: Path) -> tuple:
    """Two fresh empty databases of the store for one example (server ones are dropped by the caller)."""
    if store == "sqlite":
        return here / "a.sqlite", here / "b.sqlite"
    cluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database(), cluster.new_database()


@pytest.mark.parametrize("store", STORES)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],  # fresh databases each
)
@given(programme=PROGRAMMES)
def test_built_exported_validated_imported_is_the_same_programme(store, request, programme):
    orgs, acts = programme
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        paths = _two_databases(store, request, here)
        source, target = open_database(paths[0]), open_database(paths[1])
        try:
            _build(source, orgs, acts)
            with source.transaction("export") as s:
                out = export_programme(s, get_programme(s), here / "out.xlsx", verify=errors_in).path
            assert [f for f in read_workbook(out).findings if f.severity == "error"] == []
            outcome = apply_import(target, out)
            assert outcome.applied, [f.as_text("en") for f in outcome.findings]
            with source.read() as a, target.read() as b:
                pa, pb = to_row(a, get_programme(a)), to_row(b, get_programme(b))
                for name in ("region_code", "year", "theme", "window_start", "window_end", "submitting_unit"):
                    assert getattr(pa, name) == getattr(pb, name), name
                assert (pa.contact_name, pa.contact_phone, pa.submission_uid) == (
                    pb.contact_name,
                    pb.contact_phone,
                    pb.submission_uid,
                )
                before = sorted((_activity(r) for r in activity_rows(a, pa.id)), key=lambda d: d["uid"])
                after = sorted((_activity(r) for r in activity_rows(b, pb.id)), key=lambda d: d["uid"])
                assert after == before
                used = {
                    n for r in before for role in ("hosts", "undertakers", "co_organisers") for n in r[role]
                }
                named = [o for o in organisation_rows(a) if o.name in used]  # a workbook holds those it names
                assert _register(organisation_rows(b)) == _register(named)
                assert _register(venue_rows(b)) == _register(venue_rows(a))
        finally:
            source.close()
            target.close()
            if store == "postgresql":
                for url in paths:
                    request.getfixturevalue("pg_cluster").drop(url)
