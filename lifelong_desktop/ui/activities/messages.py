"""Sentences, in the window's language, for the codes the planning services return."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: the English source of each code's sentence (translated in context PlanningMessages)
TEXTS = {
    "title_required": QT_TRANSLATE_NOOP("PlanningMessages", "Enter the activity's title."),
    "title_too_long": QT_TRANSLATE_NOOP("PlanningMessages", "The title may have at most 100 characters."),
    "end_before_start": QT_TRANSLATE_NOOP(
        "PlanningMessages", "The end date cannot be before the start date."
    ),
    "end_time_not_after_start": QT_TRANSLATE_NOOP(
        "PlanningMessages", "On a one-day activity the end time must be later than the start time."
    ),
    "negative_expected_participants": QT_TRANSLATE_NOOP(
        "PlanningMessages", "Participant numbers cannot be negative."
    ),
    "negative_actual_participants": QT_TRANSLATE_NOOP(
        "PlanningMessages", "Participant numbers cannot be negative."
    ),
    "negative_online_participants": QT_TRANSLATE_NOOP(
        "PlanningMessages", "Participant numbers cannot be negative."
    ),
    "host_required": QT_TRANSLATE_NOOP("PlanningMessages", "Choose at least one host organisation."),
    "type_required": QT_TRANSLATE_NOOP("PlanningMessages", "Choose the activity type."),
    "level_required": QT_TRANSLATE_NOOP("PlanningMessages", "Choose the activity level."),
    "mode_required": QT_TRANSLATE_NOOP("PlanningMessages", "Choose how the activity is held."),
    "city_required": QT_TRANSLATE_NOOP("PlanningMessages", "Choose the city."),
    "venue_missing": QT_TRANSLATE_NOOP("PlanningMessages", "An activity held on site should have a venue."),
    "url_missing": QT_TRANSLATE_NOOP(
        "PlanningMessages", "An online activity should give its platform or link."
    ),
    "actual_not_held": QT_TRANSLATE_NOOP(
        "PlanningMessages", "Actual participants are usually given only once the activity has been held."
    ),
    "own_parent": QT_TRANSLATE_NOOP("PlanningMessages", "An activity cannot be a sub-venue of itself."),
    "date_unreadable": QT_TRANSLATE_NOOP(
        "PlanningMessages", "A date field does not hold a date: type one such as 2025-05-12 or 5月12日."
    ),
    "time_unreadable": QT_TRANSLATE_NOOP(
        "PlanningMessages", "A time field does not hold a time: type one such as 9:30 or 0930."
    ),
    "organiser_two_roles": QT_TRANSLATE_NOOP(
        "PlanningMessages", "One organisation holds two roles in this activity: %1."
    ),
    "series_empty": QT_TRANSLATE_NOOP(
        "PlanningMessages", "No date between the start and end dates falls on that weekday."
    ),
    "programme_exists": QT_TRANSLATE_NOOP("PlanningMessages", "A programme for %1 already exists."),
    "programme_missing": QT_TRANSLATE_NOOP("PlanningMessages", "The programme no longer exists."),
    "description_too_long": QT_TRANSLATE_NOOP(
        "PlanningMessages", "The description may have at most 500 characters."
    ),
    "address_too_long": QT_TRANSLATE_NOOP("PlanningMessages", "The address may have at most 200 characters."),
    "online_url_too_long": QT_TRANSLATE_NOOP(
        "PlanningMessages", "The platform or link may have at most 500 characters."
    ),
    "contact_name_too_long": QT_TRANSLATE_NOOP(
        "PlanningMessages", "The contact's name may have at most 50 characters."
    ),
    "result_note_too_long": QT_TRANSLATE_NOOP(
        "PlanningMessages", "The result note may have at most 200 characters."
    ),
    "invalid_phone": QT_TRANSLATE_NOOP(
        "PlanningMessages",
        "The contact phone may hold digits, a leading +, -, spaces and parentheses, 5 to 20 characters.",
    ),
    "control_character": QT_TRANSLATE_NOOP(
        "PlanningMessages", "A field holds an invisible control character; delete it."
    ),
    "invalid_code": QT_TRANSLATE_NOOP(
        "PlanningMessages", "Choose the type, level, form and status from their lists."
    ),
}
#: the parameter a sentence's %1 stands for
PARAMETER = {"organiser_two_roles": "names", "programme_exists": "year"}


def problem_text(code: str, **params: object) -> str:
    """One sentence for a planning code (validation problem or refused edit); the code itself when unknown."""
    source = TEXTS.get(code)
    if source is None:
        return code
    text = QCoreApplication.translate("PlanningMessages", source)
    return text.replace("%1", str(params.get(PARAMETER[code], ""))) if code in PARAMETER else text
