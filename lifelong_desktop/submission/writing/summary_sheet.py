"""The 汇总 sheet: activity counts and participant totals by region and by activity type (values only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.model import WorkbookData

COLUMNS = ("活动数", "预计参与人数", "实际参与人数", "线上参与人次")
# What the region table counts by, per scope: the level just below the workbook's own region.
REGION_HEADING = {"national": "省份", "province": "地市", "city": "区县", "county": "区县"}


@dataclass
class Tally:
    """Counts of one group: activities and the three participant totals."""

    code: str
    name: str
    count: int = 0
    expected: int = 0
    actual: int = 0
    online: int = 0

    def add(self, activity: dict[str, Any]) -> None:
        self.count += 1
        self.expected += activity.get("expected_participants") or 0
        self.actual += activity.get("actual_participants") or 0
        self.online += activity.get("online_participants") or 0

    @property
    def values(self) -> list[int]:
        return [self.count, self.expected, self.actual, self.online]


@dataclass
class Summary:
    scope: str
    by_region: list[Tally]
    by_type: list[Tally]
    total: Tally


def group_of(activity: dict[str, Any], scope: str) -> str:
    """The region an activity is counted under: its province (national), city (province), county (city)."""
    city = activity.get("city_code") or ""
    if scope == "national":
        return regions().province_of(city) or city
    if scope in ("city", "county"):
        return activity.get("county_code") or city
    return city


def summarise(data: WorkbookData) -> Summary:
    """Tallies of a workbook's activities; every sub-region and every activity type is listed, zeros too."""
    fmt = load_format()
    scope = data.header.get("scope") or "province"
    region = data.header.get("region_code") or NATIONAL
    reg = regions()
    level = {"national": "province", "province": "prefecture", "city": "county", "county": "county"}[scope]
    subs = [r for r in reg.children(region) if r.level == level] if scope != "county" else []
    by_region = {r.code: Tally(r.code, reg.full_name(r.code) if level == "county" else r.name) for r in subs}
    by_type = {i.key: Tally(i.key, i.label) for i in fmt.code_lists["activity_type"]}
    total = Tally("", "合计")
    for activity in data.activities:
        code = group_of(activity, scope)
        tally = by_region.get(code)
        if tally is None:
            tally = by_region[code] = Tally(code, reg.full_name(code) if code else "（未填地区）")
        tally.add(activity)
        kind = activity.get("activity_type") or ""
        tally_type = by_type.get(kind)
        if tally_type is None:
            tally_type = by_type[kind] = Tally(kind, fmt.label_of("activity_type", kind) or "（未填类型）")
        tally_type.add(activity)
        total.add(activity)
    return Summary(scope, sorted(by_region.values(), key=lambda t: t.code), list(by_type.values()), total)


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
