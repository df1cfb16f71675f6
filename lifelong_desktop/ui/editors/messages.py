"""Sentences, in the window's language, for the codes the planning services return."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_T = "PlanningMessages"


def problem_text(code: str, **params: object) -> str:
    """One sentence for a planning code (validation problem or refused edit)."""
    tr = QCoreApplication.translate
    texts = {
        "title_required": tr(_T, "Enter the activity's title."),
        "title_too_long": tr(_T, "The title may have at most 100 characters."),
        "end_before_start": tr(_T, "The end date cannot be before the start date."),
        "end_time_not_after_start": tr(_T, "On a one-day activity the end time must be later than the start time."),
        "negative_expected_participants": tr(_T, "Participant numbers cannot be negative."),
        "negative_actual_participants": tr(_T, "Participant numbers cannot be negative."),
        "negative_online_participants": tr(_T, "Participant numbers cannot be negative."),
        "host_required": tr(_T, "Choose at least one host organisation."),
        "type_required": tr(_T, "Choose the activity type."),
        "level_required": tr(_T, "Choose the activity level."),
        "mode_required": tr(_T, "Choose how the activity is held."),
        "city_required": tr(_T, "Choose the city."),
        "venue_missing": tr(_T, "An activity held on site should have a venue."),
        "url_missing": tr(_T, "An online activity should give its platform or link."),
        "actual_not_held": tr(_T, "Actual participants are usually given only once the activity has been held."),
        "own_parent": tr(_T, "An activity cannot be a sub-venue of itself."),
        "series_empty": tr(_T, "No date between the start and end dates falls on that weekday."),
        "programme_exists": tr(_T, "A programme for %1 already exists.").replace("%1", str(params.get("year", ""))),
        "programme_missing": tr(_T, "The programme no longer exists."),
        "description_too_long": tr(_T, "The description may have at most 500 characters."),
        "address_too_long": tr(_T, "The address may have at most 200 characters."),
    }
    return texts.get(code, code)
