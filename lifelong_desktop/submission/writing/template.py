"""A blank submission workbook for a lower-level office to fill in by hand (format section 3)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.services.regions import NATIONAL, Region, RegionList, regions
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.writing.writer import RegionChoices, generator, write_workbook

YEARS = range(2000, 2101)


class TemplateProblem(ValueError):
    """The template cannot be made as asked: `code` is unknown_region or bad_year."""

    def __init__(self, code: str, value: object) -> None:
        self.code = code
        self.value = value
        super().__init__(f"{code}: {value}")

    def message(self, lang: str | None = None) -> str:
        """One sentence in the user's language (resources/i18n/messages/export.json)."""
        return messages.render("export." + self.code, lang, region=self.value, year=self.value)

    def __str__(self) -> str:
        return self.message()


def template_data(region_code: str, year: int) -> WorkbookData:
    """The header of a fresh template: its region, the scope that the region's level implies, a new id, seq 1."""
    reg = regions()
    scope = reg.scope_of(region_code)
    if scope is None:
        raise TemplateProblem("unknown_region", region_code)
    if year not in YEARS:
        raise TemplateProblem("bad_year", year)
    fmt = load_format()
    header: dict[str, Any] = {f.key: None for f in fmt.header}
    header.update(
        format=fmt.name,
        format_version=fmt.version,
        scope=scope,
        region_code=region_code,
        region_name=reg.full_name(region_code) if region_code != NATIONAL else reg.name(region_code),
        year=year,
        submission_id=str(uuid.uuid4()),
        submission_seq=1,
        generator=generator(),
    )
    return WorkbookData(header=header)


def region_choices(region_code: str, reg: RegionList | None = None) -> RegionChoices:
    """The `code name` drop-down entries of a template's region columns: its cities, its counties, any region."""
    reg = reg or regions()
    scope = reg.scope_of(region_code)
    own = reg.get(region_code)
    if scope == "county" and own is not None:
        parent = reg.get(own.parent)
        cities = [parent] if parent else []
        counties = [own]
    elif scope == "city" and own is not None:
        cities = [own]
        counties = reg.descendants(region_code, "county")
    else:
        cities = ([own] if own else []) + [r for r in reg.descendants(region_code) if r.level != "county"]
        counties = reg.descendants(region_code, "county")
    inside = ([own] if own else []) + reg.descendants(region_code)
    return {"city": _entries(cities), "county": _entries(counties), "any": _entries(inside)}


def _entries(items: list[Region]) -> list[tuple[str, str]]:
    return [(r.code, r.label) for r in sorted(items, key=lambda r: r.code)]


def write_template(region_code: str, year: int, path: Path | str) -> tuple[Path, WorkbookData]:
    """Write the blank template; returns its path and header data."""
    data = template_data(region_code, year)
    return write_workbook(data, path, blank=True, region_choices=region_choices(region_code)), data
