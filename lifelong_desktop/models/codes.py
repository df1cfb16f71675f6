"""Enumerated keys the models store (roles); the format's code lists live in resources/submission."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """How an organisation takes part in one activity, in printing order."""

    HOST = "host"  # 主办
    UNDERTAKER = "undertaker"  # 承办
    CO_ORGANISER = "co_organiser"  # 协办


ROLE_ORDER = (Role.HOST, Role.UNDERTAKER, Role.CO_ORGANISER)
ROLE_FIELDS = {Role.HOST: "hosts", Role.UNDERTAKER: "undertakers", Role.CO_ORGANISER: "co_organisers"}

STATUS_DEFAULT = "planned"
