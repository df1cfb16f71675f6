"""Synthetic demo activities composed from parts per type and audience, deterministic for a seed."""

from __future__ import annotations

import random
from bisect import bisect
from datetime import date, time, timedelta
from itertools import accumulate

from lifelong_desktop.services.demo.content import CitySpec, cities, parts
from lifelong_desktop.services.demo.registers import Registers, VenueSpec, county_label
from lifelong_desktop.services.demo.schedule import (
    WINDOW_DAYS,
    WINDOW_END,
    WINDOW_START,
    Booking,
    Spec,
    demo_uuid,
    fit_expected,
    participants,
    slot_mask,
    touches_special,
)
from lifelong_desktop.services.regions import regions

WEEK_CENTRE = date(2024, 4, 26)
STARTS = {
    "morning": (time(8, 30), time(9), time(9, 30), time(10)),
    "afternoon": (time(13, 30), time(14), time(14, 30), time(15)),
    "evening": (time(18, 30), time(19)),
}
DURATIONS = {"morning": (90, 120, 150), "afternoon": (90, 120, 150), "evening": (60, 90)}
STATUSES = (("held", 930), ("confirmed", 20), ("planned", 10), ("postponed", 15), ("cancelled", 25))


def _plus(t: time, minutes: int) -> time:
    total = t.hour * 60 + t.minute + minutes
    return time(min(total // 60, 23), total % 60 if total // 60 < 24 else 59)


class Composer:
    """Draws realistic activities one after another from one random stream."""

    def __init__(self, reg: Registers, booking: Booking, seed: int) -> None:
        self.reg, self.booking, self.rng, self.seed = reg, booking, random.Random(seed), seed
        self.p = parts()
        self.cities = list(cities())
        weights = self.p["city_weights"]
        self.city_cum = list(accumulate(weights[c.code] for c in self.cities))
        aud = self.p["audiences"]
        self.aud_keys = list(aud)
        self.aud_cum = list(accumulate(aud[a]["weight"] for a in self.aud_keys))
        self.type_cum = {a: (list(aud[a]["types"]), list(accumulate(aud[a]["types"].values()))) for a in aud}
        self.status_keys = [s for s, _ in STATUSES]
        self.status_cum = list(accumulate(w for _, w in STATUSES))
        self.by_type: dict[tuple[str, str], list[VenueSpec]] = {}
        for v in reg.venues:
            self.by_type.setdefault((v.city, v.venue_type), []).append(v)
        self.counties = {c.code: [r.code for r in regions().children(c.code)] for c in self.cities}
        self.peaks = {a: (date.fromisoformat(d), s) for a, (d, s) in self.p["peaks"].items()}
        self.culture_owner = {
            c.code: (reg.venue(c.code, "culture") or reg.venues[0]).owner for c in self.cities
        }
        self.moved_online = 0
        self.titles: set[tuple[str, date, str]] = set()

    def _date(self, audience: str) -> date:
        r = self.rng.random()
        if r < 0.2 and audience in self.peaks:
            centre, spread = self.peaks[audience]
            d = centre + timedelta(days=round(self.rng.gauss(0, spread)))
        elif r < 0.45:
            d = WEEK_CENTRE + timedelta(days=round(self.rng.triangular(-8, 14, 0)))
        else:
            d = WINDOW_START + timedelta(days=self.rng.randrange(WINDOW_DAYS))
        d = min(max(d, WINDOW_START), WINDOW_END)
        if touches_special(d, d) and self.rng.random() < 0.85:  # offices mostly plan around holidays
            return self._date(audience)
        return d

    def _times(self, kind: str, mode: str, vtype: str | None) -> tuple[time | None, time | None, int]:
        """Start and end time and the number of days."""
        rng = self.rng
        if kind == "exhibition":
            return time(9), time(16, 30), rng.choice((3, 5, 7, 10, 14, 21))
        if kind in ("open_day", "other") and rng.random() < 0.15:
            return None, None, 1
        if mode == "online" or (vtype == "outdoor" and rng.random() < 0.4):
            part = "evening" if rng.random() < 0.6 else "afternoon"
        else:
            part = "morning" if rng.random() < 0.55 else "afternoon"
        start = rng.choice(STARTS[part])
        days = 1
        if kind == "training" and rng.random() < 0.1:
            days = rng.randint(2, 5)
        elif kind == "online_course" and rng.random() < 0.3:
            days = rng.randint(7, 28)
        return start, _plus(start, rng.choice(DURATIONS[part])), days

    def _venue(self, city: CitySpec, kind: str, audience: str) -> VenueSpec | None:
        types = list(self.p["venue_types"][kind])
        if audience in ("workers", "migrant_workers") and "enterprise" in types and self.rng.random() < 0.5:
            types = ["enterprise"]
        for _ in range(4):
            pool = self.by_type.get((city.code, self.rng.choice(types)))
            if pool:
                return self.rng.choice(pool)
        return self.rng.choice(self.reg.by_city[city.code])

    def _fallback(
        self, city: CitySpec, venue: VenueSpec | None, start: date, days: int, mask: int, kind: str
    ) -> tuple[VenueSpec | None, date]:
        """A free venue of the city fit for the kind on that day, else a free day near it, else None (online)."""
        start = min(start, WINDOW_END - timedelta(days=days - 1))
        end = start + timedelta(days=days - 1)
        fit = self.p["venue_types"].get(kind, ())
        venues = self.reg.by_city[city.code]
        same_type = [v for v in venues if venue and v.venue_type == venue.venue_type]
        for other in same_type + [v for v in venues if v.venue_type in fit]:
            if self.booking.free(other, start, end, mask):
                return other, start
        for shift in range(1, 60):
            for day in (start + timedelta(days=shift), start - timedelta(days=shift)):
                if (
                    WINDOW_START <= day
                    and day + timedelta(days=days - 1) <= WINDOW_END
                    and self.booking.free(venue, day, day + timedelta(days=days - 1), mask)
                ):
                    return venue, day
        return None, start  # no room anywhere near: it goes online (a "云展览", a live-streamed lecture)

    def _mode(self, kind: str) -> str:
        if kind == "online_course":
            return "online"
        r = self.rng.random()
        if r < 0.05 and kind in ("lecture", "forum", "training"):
            return "online"
        return "hybrid" if r < 0.22 else "offline"

    def _organisers(
        self, city: CitySpec, level: str, county: str | None, venue: VenueSpec | None, audience: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        rng = self.rng
        partner = self.p["partner_host"].get(audience)
        if level == "provincial":
            hosts = ["辽宁省教育厅"]
        elif level == "municipal" or county is None:
            hosts = [city.name + "教育局"]
        else:
            hosts = [county_label(county) + "教育局"]
        if partner and rng.random() < 0.4:
            hosts.append(city.name + partner)
        if venue is not None and venue.owner:
            under = venue.owner
        elif venue is not None and venue.level in ("county", "community"):
            under = county_label(venue.county) + "文化馆"
        elif venue is not None:
            under = self.culture_owner[city.code] or city.name + "教育局"
        else:
            under = self.reg.city_ou[city.code]
        undertakers = [under] if under not in hosts else []
        pool = [self.reg.city_ou[city.code], city.name + "融媒体中心", city.name + "社区教育指导中心"]
        if audience in ("workers", "migrant_workers"):
            pool.append(rng.choice(self.reg.enterprises[city.code]))
        if audience == "elderly":
            pool.append(city.name + "老年教育协会")
        r = rng.random()
        count = 0 if r < 0.4 else (1 if r < 0.85 else 2)
        cos = [o for o in rng.sample(pool, count) if o not in hosts and o not in undertakers]
        return tuple(hosts), tuple(undertakers), tuple(cos)

    def _title(self, kind: str, values: dict[str, str], online: bool) -> str:
        patterns = [t for t in self.p["titles"][kind] if not (online and "{venue}" in t)] or [
            "{place}{topic}线上活动"
        ]
        title = self.rng.choice(patterns)
        for k, v in values.items():
            title = title.replace("{" + k + "}", v)
        return title[:100]

    def _pick(self, keys: list, cum: list[int]):
        return keys[bisect(cum, self.rng.random() * cum[-1])]

    def _book(self, city, kind: str, audience: str, venue, start: date, days: int, mask: int, mode: str):
        """A start (and venue) where the venue is free for the activity's days; online when none can be found."""
        for attempt in range(16):
            if start + timedelta(days=days - 1) > WINDOW_END:
                start = WINDOW_END - timedelta(days=days - 1)
            if self.booking.free(venue, start, start + timedelta(days=days - 1), mask):
                return venue, start, mode
            if attempt % 2 == 1 and venue is not None:
                venue = self._venue(city, kind, audience)
            start = min(max(start + timedelta(days=self.rng.randint(-10, 10)), WINDOW_START), WINDOW_END)
        venue, start = self._fallback(city, venue, start, days, mask, kind)
        if venue is None:
            mode = "online"
            self.moved_online += 1
        return venue, start, mode

    def _level_and_county(self, city, venue) -> tuple[str, str | None]:
        """The venue's level and county; an online activity is the city's, or a county's half of the time."""
        if venue is not None:
            return venue.level, venue.county
        county = self.rng.choice(self.counties[city.code]) if self.rng.random() < 0.5 else None
        return ("county" if county else "municipal"), county

    def _description(self, kind: str, topic: str, audience: dict, venue) -> str:
        return (
            self.p["descriptions"][kind]
            .replace("{topic}", topic)
            .replace("{group}", audience["group"])
            .replace("{venue}", venue.name if venue else "线上平台")
            .replace("{where}", audience["where"])
        )

    def _title_values(
        self, city, level: str, county: str | None, venue, a: dict, topic: str
    ) -> dict[str, str]:
        """What a title pattern's {place}, {topic}, {group}... stand for in this activity."""
        place = county_label(county) if level in ("county", "community") and county else city.name
        return {
            "place": place,
            "topic": topic,
            "group": a["group"],
            "where": a["where"],
            "brand": city.brand,
            "short": city.short,
            "venue": venue.name if venue else "",
            "n": str(self.rng.randint(1, 30)),
        }

    def _unique_title(self, city_code: str, start: date, title: str, venue) -> str:
        """The same title twice on one day in one city reads as a duplicate entry: the venue tells them apart."""
        seen = (city_code, start, title)
        if seen in self.titles:
            title = f"{title}（{venue.name if venue else '线上'}）"[:100]
        self.titles.add(seen)
        return title

    def compose(self, i: int) -> Spec:
        rng = self.rng
        city = self._pick(self.cities, self.city_cum)
        audience = self._pick(self.aud_keys, self.aud_cum)
        kinds, cum = self.type_cum[audience]
        kind = self._pick(kinds, cum)
        mode = self._mode(kind)
        venue = None if mode == "online" else self._venue(city, kind, audience)
        start_t, end_t, days = self._times(kind, mode, venue.venue_type if venue else None)
        start = self._date(audience)
        mask = slot_mask(start_t, end_t)
        venue, start, mode = self._book(city, kind, audience, venue, start, days, mask, mode)
        end = start + timedelta(days=days - 1)
        self.booking.book(venue, start, end, mask)
        level, county = self._level_and_county(city, venue)
        a = self.p["audiences"][audience]
        topic = rng.choice(a["topics"])
        values = self._title_values(city, level, county, venue, a, topic)
        hosts, undertakers, cos = self._organisers(city, level, county, venue, audience)
        lo, hi = self.p["expected"][kind]
        expected = fit_expected(rng.randint(lo, hi) // 10 * 10 or 10, venue, mode)
        audiences = (audience,) if rng.random() < 0.7 or audience == "public" else (audience, "public")
        url = (
            "" if mode == "offline" else rng.choice(self.p["online_platforms"]).replace("{short}", city.short)
        )
        title = self._unique_title(city.code, start, self._title(kind, values, venue is None), venue)
        spec = Spec(
            key=f"pad:{i}",
            title=title,
            activity_type=kind,
            level=level,
            start_date=start,
            end_date=end,
            start_time=start_t,
            end_time=end_t,
            mode=mode,
            city_code=city.code,
            county_code=county,
            venue=venue,
            online_url=url,
            hosts=hosts,
            undertakers=undertakers,
            co_organisers=cos,
            audiences=audiences,
            expected=expected,
            status=self._pick(self.status_keys, self.status_cum),
            featured=rng.random() < 0.03,
            description=self._description(kind, topic, a, venue),
            uid=demo_uuid(f"pad:{self.seed}:{i}"),
        )
        _type, _region, spec.contact_name, spec.contact_phone = self.reg.organisations[
            (undertakers or hosts)[0]
        ]
        participants(spec, rng)
        return spec


def pad(reg: Registers, booking: Booking, count: int, seed: int) -> tuple[list[Spec], int]:
    """`count` synthetic activities (no venue booked twice at once) and how many had to go online for want of one."""
    composer = Composer(reg, booking, seed)
    specs = [composer.compose(i) for i in range(count)]
    return specs, composer.moved_online
