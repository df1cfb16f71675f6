"""Merging the returns of one level into the level-above workbook (format section 12)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from lifelong_desktop.names import normalise_name
from lifelong_desktop.services.regions import regions
from lifelong_desktop.submission.findings import ERROR, WARNING, Finding
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.merging import consensus
from lifelong_desktop.submission.merging.inputs import MergeProblem, expand_inputs
from lifelong_desktop.submission.merging.paired import read_inputs
from lifelong_desktop.submission.merging.registers import OrganisationMerger, VenueMerger, rename_organisers
from lifelong_desktop.submission.model import WorkbookData
from lifelong_desktop.submission.values import ValueProblem, parse_phone
from lifelong_desktop.submission.writing.writer import generator, write_workbook

LEVEL_ABOVE = consensus.LEVEL_ABOVE
__all__ = [
    "MergeProblem",
    "MergeResult",
    "expand_inputs",
    "merge_files",
    "merge_inputs",
    "merged_submission_id",
]


@dataclass
class Input:
    """One kept or dropped return: its file name and what the reader found."""

    path: Path
    result: Any  # reader.ReadResult

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def header(self) -> dict[str, Any]:
        return self.result.data.header

    def header_cell(self, key: str) -> str:
        return self.result.header_cells.get(key, "")


@dataclass
class MergeResult:
    data: WorkbookData
    findings: list[Finding]
    kept: list[Path] = field(default_factory=list)
    written: bool = False
    path: Path | None = None


def merge_files(
    paths: list[Path],
    target: Path | str,
    *,
    unit: str = "",
    contact: str = "",
    phone: str = "",
    skipped: list[Finding] | tuple[Finding, ...] = (),
    now: datetime | None = None,
    region: str | None = None,
    concurrent: bool = False,
) -> MergeResult:
    """Read every input, merge, and write the output unless some finding is an error.

    `region` is the merging office's own region code, when known: inputs must then be its returns.
    `concurrent`: read the inputs two at a time in a forked child beside this process where a core is spare
    (paired.read_inputs), for a single-threaded caller such as the command line; the result is the same.
    """
    from lifelong_desktop.submission.reading.reader import ReadResult, read_workbook

    if not paths:
        raise MergeProblem("no_inputs")
    results = read_inputs(paths, read_workbook, ReadResult, concurrent=concurrent)
    inputs = [Input(p, r) for p, r in zip(paths, results, strict=True)]
    result = merge_inputs(inputs, unit=unit, contact=contact, phone=phone, now=now, region=region)
    result.findings[:0] = list(skipped)
    if not any(f.severity == ERROR for f in result.findings):
        result.path = write_workbook(result.data, target)
        result.written = True
    return result


def merge_inputs(
    inputs: list[Input],
    *,
    unit: str = "",
    contact: str = "",
    phone: str = "",
    now: datetime | None = None,
    region: str | None = None,
) -> MergeResult:
    """The merged workbook data and findings (nothing is written here)."""
    if not inputs:
        raise MergeProblem("no_inputs")
    findings: list[Finding] = []
    kept = _keep_highest(inputs, findings)
    for inp in kept:
        findings.extend(_with_file(f, inp.name) for f in inp.result.findings)
    if any(f.severity == ERROR for f in findings):
        return MergeResult(WorkbookData(), findings, [i.path for i in kept])
    kept.sort(key=lambda i: (i.header.get("region_code") or "", i.name))
    header = _header(kept, findings, unit, contact, phone, now or datetime.now(), region)
    data = WorkbookData(header=header)
    if header:
        _same_region_twice(kept, findings)
        _merge_tables(kept, data, findings)
    return MergeResult(data, findings, [i.path for i in kept])


def _with_file(f: Finding, name: str) -> Finding:
    return f if f.file else Finding(f.severity, f.code, f.sheet, f.cell, f.key, f.params, name)


def _keep_highest(inputs: list[Input], findings: list[Finding]) -> list[Input]:
    """For each submission_id the highest submission_seq; the others are reported as superseded."""
    best: dict[str, Input] = {}
    order: list[Input] = []
    for inp in inputs:
        sid = inp.header.get("submission_id")
        if not sid or not isinstance(inp.header.get("submission_seq"), int):
            order.append(inp)  # unreadable or not this format: its own findings say why
            continue
        current = best.get(sid)
        if current is None:
            best[sid] = inp
            order.append(inp)
        elif inp.header["submission_seq"] > current.header["submission_seq"]:
            order[order.index(current)] = inp
            best[sid] = inp
            findings.append(_superseded(current, inp))
        else:
            findings.append(_superseded(inp, current))
    return order


def _superseded(dropped: Input, kept: Input) -> Finding:
    return Finding(
        WARNING,
        "superseded",
        sheet=load_format().header_sheet,
        cell=dropped.header_cell("submission_seq"),
        key="submission_seq",
        params={
            "seq": dropped.header["submission_seq"],
            "kept_seq": kept.header["submission_seq"],
            "kept_file": kept.name,
        },
        file=dropped.name,
    )


def _header(
    kept: list[Input],
    findings: list[Finding],
    unit: str,
    contact: str,
    phone: str,
    now: datetime,
    region: str | None = None,
) -> dict[str, Any]:
    """The output header (empty when the inputs cannot be merged: years, levels or parents differ)."""
    fmt = load_format()
    reg = regions()
    want = consensus.expected([i.header for i in kept], region)
    if want is None:  # no input of a level that merges upwards: each national one says so
        none = consensus.Expected("", "", kept[0].header.get("year"))
        findings.extend(f for f in consensus.odd_ones(kept, none) if f.code == "national_input")
        return {}
    odd = consensus.odd_ones(kept, want)
    if odd:
        findings.extend(odd)
        return {}
    scope, parent, year = want.scope, want.parent, want.year
    out_scope = LEVEL_ABOVE[scope]
    if out_scope != "national" and not (unit.strip() and contact.strip()):
        raise MergeProblem("unit_required", scope=out_scope)
    try:  # the merged workbook must read back without errors
        phone = parse_phone(phone.strip() or None) or ""
    except ValueProblem:
        raise MergeProblem("bad_phone", phone=phone) from None
    themes = {i.header.get("theme") for i in kept}
    starts = [i.header["window_start"] for i in kept if i.header.get("window_start")]
    ends = [i.header["window_end"] for i in kept if i.header.get("window_end")]
    return {
        "format": fmt.name,
        "format_version": fmt.version,
        "scope": out_scope,
        "region_code": parent,
        "region_name": reg.name(parent),
        "year": year,
        "theme": themes.pop() if len(themes) == 1 else None,
        "window_start": min(starts, default=None),
        "window_end": max(ends, default=None),
        "submitting_unit": unit.strip() or None,
        "contact_name": contact.strip() or None,
        "contact_phone": phone.strip() or None,
        "submission_id": merged_submission_id(parent, year),
        "submission_seq": int(now.strftime("%Y%m%d%H%M%S")),
        "data_as_of": now.replace(microsecond=0),
        "generator": generator(),
    }


def merged_submission_id(region_code: str, year: int) -> str:
    """The name-based UUID (version 5, URL namespace) of `LLW:{region}:{year}`: one per region and year."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"LLW:{region_code}:{year}"))


def _same_region_twice(kept: list[Input], findings: list[Finding]) -> None:
    first: dict[str, Input] = {}
    for inp in kept:
        code = inp.header.get("region_code") or ""
        if code in first:
            findings.append(
                Finding(
                    WARNING,
                    "same_region_twice",
                    load_format().header_sheet,
                    inp.header_cell("region_code"),
                    "region_code",
                    {"region": code, "other_file": first[code].name},
                    inp.name,
                )
            )
        else:
            first[code] = inp


def _merge_tables(kept: list[Input], data: WorkbookData, findings: list[Finding]) -> None:
    """Activities (an id in two returns is duplicate_id), organisations and venues of the kept returns."""
    fmt = load_format()
    act_sheet = fmt.tables["activities"].sheet
    orgs, venues = OrganisationMerger(fmt.tables["organisations"].sheet), VenueMerger()
    seen_ids: dict[str, str] = {}
    activities: list[dict[str, Any]] = []
    for inp in kept:
        res = inp.result
        renamed: dict[str, str] = {}
        for i, org in enumerate(res.data.organisations):
            name, finding = orgs.add(org, file=inp.name, cell=res.cell("organisations", i, "credit_code"))
            if finding is not None:
                findings.append(finding)
            if normalise_name(name) != normalise_name(org.get("name")):
                renamed[normalise_name(org.get("name"))] = name
        for venue in res.data.venues:
            venues.add(venue)
        for i, act in enumerate(res.data.activities):
            aid = act.get("activity_id")
            if aid:
                if aid in seen_ids:
                    findings.append(
                        Finding(
                            ERROR,
                            "duplicate_id",
                            act_sheet,
                            res.cell("activities", i, "activity_id"),
                            "activity_id",
                            {"id": aid, "other_file": seen_ids[aid]},
                            inp.name,
                        )
                    )
                    continue
                seen_ids[aid] = inp.name
            activities.append(rename_organisers(act, renamed))
    activities.sort(key=_sort_key)
    data.activities = activities
    data.organisations = orgs.rows
    data.venues = venues.rows


def _sort_key(a: dict[str, Any]) -> tuple:
    """Format section 9 order: start date, start time (all-day first), city code, title by code point."""
    start = a.get("start_time")
    return (
        a.get("start_date") or datetime.min.date(),
        start is not None,
        start or time(0),
        a.get("city_code") or "",
        a.get("title") or "",
    )
