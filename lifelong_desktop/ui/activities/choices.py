"""What the editing dialogs offer: the registers, the programme's region and its activities, read once."""

from __future__ import annotations

from dataclasses import dataclass

from lifelong_desktop.services.programmes import ProgrammeRow, to_row
from lifelong_desktop.services.regions import Region, regions
from lifelong_desktop.services.rows import OrganisationRow, VenueRow, organisation_rows, venue_rows
from lifelong_desktop.ui.common.context import AppContext


@dataclass(frozen=True)
class Choices:
    programme: ProgrammeRow
    organisations: tuple[OrganisationRow, ...]
    venues: tuple[VenueRow, ...]

    def cities(self) -> list[Region]:
        """The prefecture-level regions inside the programme's region (or the region itself below that)."""
        reg = regions()
        code = self.programme.region_code
        region = reg.get(code)
        if region is None:
            return []
        if region.level == "province":
            return [region, *reg.cities_of(code)]
        if region.level == "prefecture":
            return [region]
        parent = reg.get(region.parent)
        return [parent] if parent else []

    def counties(self, city_code: str | None) -> list[Region]:
        if not city_code:
            return []
        reg = regions()
        city = reg.get(city_code)
        if city is None or city.level != "prefecture":
            return []
        return sorted(reg.descendants(city_code, "county"), key=lambda r: r.code)

    def venues_in(self, city_code: str | None) -> list[VenueRow]:
        return [v for v in self.venues if v.city_code == city_code]


def load_choices(ctx: AppContext) -> Choices:
    from lifelong_desktop.models import Programme

    with ctx.db.read() as session:
        programme = session.get(Programme, ctx.programme_id)
        return Choices(
            to_row(session, programme), tuple(organisation_rows(session)), tuple(venue_rows(session))
        )
