"""Examples shown in empty fields, taken from the programme's own region (never another province's)."""

from __future__ import annotations

from lifelong_desktop.services.regions import regions

#: the four municipalities' education offices are commissions (北京市教育委员会)
_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


def education_office(region_code: str | None) -> str:
    """The usual name of a region's education office: 江苏省教育厅, 南京市教育局, 上海市教育委员会."""
    region = regions().get(region_code or "")
    if region is None:
        return ""
    if region.code in _MUNICIPALITIES:
        return region.name + "教育委员会"
    return region.name + ("教育厅" if region.level == "province" else "教育局")
