"""Sentences, in the window's language, for the codes the planning services return."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def problem_text(code: str, **params: object) -> str:
    """One sentence for a planning code (validation problem or refused edit)."""

    texts = {
        "title_required": QCoreApplication.translate("PlanningMessages", "Enter the activity's title."),
        "title_too_long": QCoreApplication.translate(
            "PlanningMessages", "The title may have at most 100 characters."
        ),
        "end_before_start": QCoreApplication.translate(
            "PlanningMessages", "The end date cannot be before the start date."
        ),
        "end_time_not_after_start": QCoreApplication.translate(
            "PlanningMessages", "On a one-day activity the end time must be later than the start time."
        ),
        "negative_expected_participants": QCoreApplication.translate(
            "PlanningMessages", "Participant numbers cannot be negative."
        ),
        "negative_actual_participants": QCoreApplication.translate(
            "PlanningMessages", "Participant numbers cannot be negative."
        ),
        "negative_online_participants": QCoreApplication.translate(
            "PlanningMessages", "Participant numbers cannot be negative."
        ),
        "host_required": QCoreApplication.translate(
            "PlanningMessages", "Choose at least one host organisation."
        ),
        "type_required": QCoreApplication.translate("PlanningMessages", "Choose the activity type."),
        "level_required": QCoreApplication.translate("PlanningMessages", "Choose the activity level."),
        "mode_required": QCoreApplication.translate("PlanningMessages", "Choose how the activity is held."),
        "city_required": QCoreApplication.translate("PlanningMessages", "Choose the city."),
        "venue_missing": QCoreApplication.translate(
            "PlanningMessages", "An activity held on site should have a venue."
        ),
        "url_missing": QCoreApplication.translate(
            "PlanningMessages", "An online activity should give its platform or link."
        ),
        "actual_not_held": QCoreApplication.translate(
            "PlanningMessages", "Actual participants are usually given only once the activity has been held."
        ),
        "own_parent": QCoreApplication.translate(
            "PlanningMessages", "An activity cannot be a sub-venue of itself."
        ),
        "date_unreadable": QCoreApplication.translate(
            "PlanningMessages", "A date field does not hold a date: type one such as 2025-05-12 or 5月12日."
        ),
        "time_unreadable": QCoreApplication.translate(
            "PlanningMessages", "A time field does not hold a time: type one such as 9:30 or 0930."
        ),
        "organiser_two_roles": QCoreApplication.translate(
            "PlanningMessages", "One organisation holds two roles in this activity: %1."
        ).replace("%1", str(params.get("names", ""))),
        "series_empty": QCoreApplication.translate(
            "PlanningMessages", "No date between the start and end dates falls on that weekday."
        ),
        "programme_exists": QCoreApplication.translate(
            "PlanningMessages", "A programme for %1 already exists."
        ).replace("%1", str(params.get("year", ""))),
        "programme_missing": QCoreApplication.translate(
            "PlanningMessages", "The programme no longer exists."
        ),
        "description_too_long": QCoreApplication.translate(
            "PlanningMessages", "The description may have at most 500 characters."
        ),
        "address_too_long": QCoreApplication.translate(
            "PlanningMessages", "The address may have at most 200 characters."
        ),
        "online_url_too_long": QCoreApplication.translate(
            "PlanningMessages", "The platform or link may have at most 500 characters."
        ),
        "contact_name_too_long": QCoreApplication.translate(
            "PlanningMessages", "The contact's name may have at most 50 characters."
        ),
        "invalid_phone": QCoreApplication.translate(
            "PlanningMessages",
            "The contact phone may hold digits, a leading +, -, spaces and parentheses, 5 to 20 characters.",
        ),
        "control_character": QCoreApplication.translate(
            "PlanningMessages", "A field holds an invisible control character; delete it."
        ),
        "invalid_code": QCoreApplication.translate(
            "PlanningMessages", "Choose the type, level, form and status from their lists."
        ),
    }
    return texts.get(code, code)
