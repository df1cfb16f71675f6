"""The 汇总 sheet: activity counts and participant totals by region and by activity type (values only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.services.tallies import Tally, tally_groups
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.model import WorkbookData

COLUMNS = ("活动数", "预计参与人数", "实际参与人数", "线上参与人次")
# What the region table counts by, per scope: the level just below the workbook's own region.
REGION_HEADING = {"national": "省份", "province": "地市", "city": "区县", "county": "区县"}


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row of the sheet: a region or activity type, and its tally."""

    code: str
    name: str
    tally: Tally

    @property
    def values(self) -> list[int]:
        return self.tally.values

    @property
    def count(self) -> int:
        return self.tally.count


@dataclass(frozen=True, slots=True)
class SheetTallies:
    """What the 汇总 sheet lists: by region one level below the workbook's, by activity type, and in all."""

    scope: str
    by_region: list[SheetRow]
    by_type: list[SheetRow]
    total: Tally


def group_of(activity: dict[str, Any], scope: str) -> str:
    """The region an activity is counted under: its province (national), city (province), county (city)."""
    city = activity.get("city_code") or ""
    if scope == "national":
        return regions().province_of(city) or city
    if scope in ("city", "county"):
        return activity.get("county_code") or city
    return city


def summarise(data: WorkbookData) -> SheetTallies:
    """Tallies of a workbook's activities; every sub-region and every activity type is listed, zeros too."""
    fmt = load_format()
    scope = data.header.get("scope") or "province"
    region = data.header.get("region_code") or NATIONAL
    reg = regions()
    level = {"national": "province", "province": "prefecture", "city": "county", "county": "county"}[scope]
    subs = [r for r in reg.children(region) if r.level == level] if scope != "county" else []
    names = {r.code: reg.full_name(r.code) if level == "county" else r.name for r in subs}
    items = (
        (
            (group_of(a, scope), a.get("activity_type") or ""),
            a.get("expected_participants"),
            a.get("actual_participants"),
            a.get("online_participants"),
        )
        for a in data.activities
    )
    type_keys = [i.key for i in fmt.code_lists["activity_type"]]
    (regions_, types), total = tally_groups(items, 2, [list(names), type_keys])
    by_region = [
        SheetRow(str(c), names.get(str(c)) or (reg.full_name(str(c)) if c else "（未填地区）"), t)
        for c, t in regions_.items()
    ]
    by_type = [
        SheetRow(str(k), fmt.label_of("activity_type", str(k)) or "（未填类型）", t) for k, t in types.items()
    ]
    return SheetTallies(scope, sorted(by_region, key=lambda r: r.code), by_type, total)


def summary_rows(data: WorkbookData, *, blank: bool = False) -> list[tuple[list[Any], str]]:
    """The sheet's rows as (values, kind) with kind title, note, heading, label or data; headings only when blank."""
    header = data.header
    scope = header.get("scope") or "province"
    place = f"{header.get('region_name') or ''}{header.get('year') or ''}年"
    rows: list[tuple[list[Any], str]] = [([f"{place}全民终身学习活动周活动汇总"], "title")]
    rows.append(
        (["本表由程序根据“活动”表自动生成，只含数值；修改活动后请重新导出，不必手工修改本表。"], "note")
    )
    summary = None if blank else summarise(data)
    rows.append(([], "blank"))
    rows.append(([f"一、按{REGION_HEADING[scope]}统计"], "heading"))
    rows.append(([f"{REGION_HEADING[scope]}代码", f"{REGION_HEADING[scope]}名称", *COLUMNS], "label"))
    if summary is not None:
        rows.extend(([t.code, t.name, *t.values], "data") for t in summary.by_region)
        rows.append((["", "合计", *summary.total.values], "total"))
    rows.append(([], "blank"))
    rows.append((["二、按活动类型统计"], "heading"))
    rows.append((["活动类型代码", "活动类型", *COLUMNS], "label"))
    if summary is not None:
        rows.extend(([t.code, t.name, *t.values], "data") for t in summary.by_type)
        rows.append((["", "合计", *summary.total.values], "total"))
    return rows
