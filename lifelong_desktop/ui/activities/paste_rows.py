"""Pasted rows in the window's words: each line's problems (codes from submission.reading.paste) as sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from lifelong_desktop.services.planning import PastedActivity
from lifelong_desktop.submission.format import load_format
from lifelong_desktop.submission.reading.paste import LineProblem, read_pasted
from lifelong_desktop.ui.activities.messages import problem_text


@dataclass
class PastedRow:
    """One pasted line: the activity it gives, or the reasons (sentences) that keep it out."""

    line: int
    cells: list[str]
    activity: PastedActivity | None = None
    problems: list[str] = field(default_factory=list)
    title: str = ""  # as pasted, to name a row that could not be read

    @property
    def ok(self) -> bool:
        return self.activity is not None and not self.problems


@dataclass
class PasteResult:
    rows: list[PastedRow]
    columns: list[str]  # the format key read from each pasted column ('' when ignored)
    had_header: bool

    @property
    def good(self) -> list[PastedActivity]:
        return [r.activity for r in self.rows if r.ok and r.activity is not None]


def value_text(code: str, label: str, params: dict[str, Any]) -> str:

    texts = {
        "control_character": QCoreApplication.translate("PasteRows", "%1: contains a control character."),
        "too_long": QCoreApplication.translate("PasteRows", "%1: too long (at most %2 characters).").replace(
            "%2", str(params.get("max", ""))
        ),
        "invalid_number": QCoreApplication.translate("PasteRows", "%1: not a whole number of 0 or more."),
        "invalid_boolean": QCoreApplication.translate("PasteRows", "%1: write 是 or 否."),
        "invalid_code": QCoreApplication.translate(
            "PasteRows", "%1: “%2” is not one of the allowed values."
        ).replace("%2", str(params.get("value", ""))),
        "invalid_date": QCoreApplication.translate("PasteRows", "%1: not a date (write 2024-04-26)."),
        "invalid_time": QCoreApplication.translate("PasteRows", "%1: not a time (write 09:30)."),
        "invalid_phone": QCoreApplication.translate("PasteRows", "%1: not a phone number."),
        "unknown_region": QCoreApplication.translate(
            "PasteRows", "%1: “%2” is not a region of this programme."
        ).replace("%2", str(params.get("value", ""))),
    }
    return texts.get(code, QCoreApplication.translate("PasteRows", "%1: invalid value.")).replace("%1", label)


def problem_sentence(problem: LineProblem, labels: dict[str, str]) -> str:
    """One reason a pasted line is left out, in the window's language."""
    if problem.kind == "value":
        return value_text(problem.code, labels.get(problem.key, problem.key), problem.params)
    if problem.kind == "required":
        return QCoreApplication.translate("PasteRows", "%1: required.").replace("%1", labels[problem.key])
    return problem_text(problem.code)


def parse_paste(text: str, region_code: str, year: int) -> PasteResult:
    """Read pasted lines into activities (see submission.reading.paste), each problem as a sentence."""
    labels = {c.key: c.label for c in load_format().tables["activities"].columns}
    read = read_pasted(text, region_code, year)
    rows = [
        PastedRow(
            line.line,
            line.cells,
            line.activity,
            [problem_sentence(p, labels) for p in line.problems],
            line.title,
        )
        for line in read.lines
    ]
    return PasteResult(rows, read.columns, read.had_header)
