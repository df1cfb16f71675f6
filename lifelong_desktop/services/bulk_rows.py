"""Rows for Core bulk inserts whose derived columns the ORM would otherwise fill: organiser links' role_rank."""

from __future__ import annotations

from typing import Any

from lifelong_desktop.models import ROLE_RANK


def link_row(activity_id: int, role: str, position: int, organisation_id: int) -> dict[str, Any]:
    """One activity_organisation row for `insert(ActivityOrganisation)`, with the role_rank of its role."""
    return {
        "activity_id": activity_id,
        "role": role,
        "position": position,
        "organisation_id": organisation_id,
        "role_rank": ROLE_RANK[role],
    }
