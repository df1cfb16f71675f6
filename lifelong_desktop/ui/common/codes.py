"""Words for the format's codes in the window: the format's Chinese labels, or English names in English."""

from __future__ import annotations

from lifelong_desktop.submission.format import load_format
from lifelong_desktop.ui.shell import i18n

ENGLISH = {
    "activity_type": {
        "opening_ceremony": "Opening ceremony",
        "lecture": "Lecture",
        "training": "Training",
        "forum": "Forum",
        "open_day": "Open day",
        "study_visit": "Study visit",
        "reading": "Reading promotion",
        "outreach": "Outreach talk",
        "exhibition": "Exhibition",
        "performance": "Performance",
        "competition": "Competition",
        "online_course": "Online course",
        "other": "Other",
    },
    "level": {
        "national": "National",
        "provincial": "Provincial",
        "municipal": "Municipal",
        "county": "County",
        "community": "Township / community",
    },
    "mode": {"offline": "On site", "online": "Online", "hybrid": "On site and online"},
    "status": {
        "planned": "Planned",
        "confirmed": "Confirmed",
        "held": "Held",
        "postponed": "Postponed",
        "cancelled": "Cancelled",
    },
    "audience": {
        "public": "General public",
        "elderly": "Elderly people",
        "workers": "Workers",
        "migrant_workers": "Migrant workers",
        "farmers": "Farmers",
        "youth": "Young people",
        "community": "Community residents",
        "women": "Women",
        "disabled": "People with disabilities",
        "veterans": "Veterans",
        "other": "Other",
    },
    "org_type": {
        "government": "Government department",
        "party": "Party or mass organisation",
        "union": "Trade union",
        "open_university": "Open university",
        "university": "University",
        "school": "School or vocational college",
        "enterprise": "Enterprise",
        "social_org": "Social organisation",
        "cultural": "Cultural venue",
        "community": "Community",
        "media": "Media",
        "other": "Other",
    },
}

_language = ["zh_CN"]


def set_language(language: str) -> None:
    _language[0] = language


def message_language() -> str:
    """The messages.render language (zh/en) matching the window's."""
    return i18n.message_language(_language[0])


def label(code_list: str, key: str | None) -> str:
    """The word for a code key in the window's language ('' for none)."""
    if not key:
        return ""
    if _language[0] == "en":
        english = ENGLISH.get(code_list, {}).get(key)
        if english:
            return english
    return load_format().label_of(code_list, key)


def items(code_list: str) -> list[tuple[str, str]]:
    """(key, word) pairs of a code list in the format's order."""
    return [(item.key, label(code_list, item.key)) for item in load_format().code_lists[code_list]]
