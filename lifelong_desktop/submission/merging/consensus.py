"""What a merge's inputs must share (level, parent region, year), found by majority: the odd one out is named.

Fourteen city returns and one provincial file (the office's own export, or last week's merged output) are
fourteen cities and one file too many, whatever order the files come in: the level, parent region and year
that most inputs have are the expected ones, and only the inputs that differ get a finding. When the
merging office names its own region, that decides instead of the majority. A tie of levels goes to the
lower level, since the file that does not belong in a merge of returns is nearly always a higher-level one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.services.regions import NATIONAL, regions
from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.format import load_format

LEVEL_RANK = {"county": 0, "city": 1, "province": 2}
LEVEL_ABOVE = {"county": "city", "city": "province", "province": "national"}
LEVEL_BELOW = {above: below for below, above in LEVEL_ABOVE.items()}


@dataclass(frozen=True)
class Expected:
    scope: str
    parent: str
    year: Any
    by_office: bool = False  # decided by the merging office's own region, not by the majority


def parent_of(code: str) -> str:
    r = regions().get(code)
    return (r.parent or NATIONAL) if r is not None else ""


def _scope_words(scope: str | None) -> dict[str, str]:
    """A scope key's word in each language (地市级 / city), for a message that names it."""
    return {lang: messages.render(f"export.scope.{scope}", lang) for lang in messages.LANGUAGES}


def expected(headers: list[dict[str, Any]], region: str | None = None) -> Expected | None:
    """The level, parent region and year that the inputs should share (None when no input is mergeable)."""
    years = Counter(h.get("year") for h in headers)
    year = years.most_common(1)[0][0] if years else None
    below = LEVEL_BELOW.get(regions().scope_of(region) or "") if region else None
    if region and below:
        return Expected(below, region, year, by_office=True)
    scopes = Counter(str(h["scope"]) for h in headers if h.get("scope") in LEVEL_RANK)
    if not scopes:
        return None
    scope = max(scopes, key=lambda s: (scopes[s], -LEVEL_RANK[s]))
    parents = Counter(parent_of(h.get("region_code") or "") for h in headers if h.get("scope") == scope)
    return Expected(scope, parents.most_common(1)[0][0], year)


def odd_ones(inputs: list[Any], want: Expected) -> list[Finding]:
    """A finding for each input whose level, parent region or year is not the expected one."""
    sheet = load_format().header_sheet
    reg = regions()
    out: list[Finding] = []
    for inp in inputs:
        h = inp.header
        if h.get("scope") == "national":
            out.append(
                Finding(ERROR, "national_input", sheet, inp.header_cell("scope"), "scope", file=inp.name)
            )
        elif h.get("scope") != want.scope:
            params = {
                "scope": h.get("scope"),
                "expected": want.scope,
                "scope_word": _scope_words(h.get("scope")),
                "expected_word": _scope_words(want.scope),
                "region": f"{h.get('region_code') or ''} {h.get('region_name') or ''}".strip(),
            }
            if LEVEL_RANK.get(h.get("scope") or "", -1) > LEVEL_RANK[want.scope]:
                params["kind"] = "higher"
            elif want.by_office:
                params["kind"] = "office"
            out.append(
                Finding(ERROR, "scopes_differ", sheet, inp.header_cell("scope"), "scope", params, inp.name)
            )
        elif parent_of(h.get("region_code") or "") != want.parent:
            out.append(
                Finding(
                    ERROR,
                    "regions_differ",
                    sheet,
                    inp.header_cell("region_code"),
                    "region_code",
                    {
                        "region": h.get("region_code"),
                        "expected": f"{want.parent} {reg.name(want.parent)}",
                        **({"kind": "office"} if want.by_office else {}),
                    },
                    inp.name,
                )
            )
        if h.get("year") != want.year:
            out.append(
                Finding(
                    ERROR,
                    "years_differ",
                    sheet,
                    inp.header_cell("year"),
                    "year",
                    {"year": h.get("year"), "expected": want.year},
                    inp.name,
                )
            )
    return out
