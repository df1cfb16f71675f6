"""A finding of the workbook reader, merger or importer (format section 11)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lifelong_desktop import messages

ERROR, WARNING = "error", "warning"

# Exit code of each file-level code group (section 11); every other error is 1.
UNREADABLE = frozenset({"not_a_workbook", "damaged", "encrypted", "too_large", "unsafe_xml"})


@dataclass(frozen=True)
class Finding:
    severity: str  # error or warning
    code: str  # stable code of section 11
    sheet: str = ""
    cell: str = ""  # A1 form, blank for whole-file findings
    key: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    file: str = ""  # the workbook's file name, when several files are read

    def message(self, lang: str | None = None) -> str:
        """What to change, in the user's language (resources/i18n/messages/submission.json)."""
        code = "finding." + self.code
        # a sentence of its own for one kind or reason, where there is one (a missing file, a part compressed
        # too much)
        kind = self.params.get("kind", self.params.get("reason"))
        if isinstance(kind, str) and messages.has(f"{code}.{kind}"):
            code = f"{code}.{kind}"
        return messages.render(code, lang, sheet=self.sheet, cell=self.cell, key=self.key, **self.params)

    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.sheet and self.cell else (self.sheet or "-")

    def as_text(self, lang: str | None = None, with_file: bool = False) -> str:
        """`活动!D7 error invalid_code: ...` (prefixed with the file's name when asked)."""
        line = f"{self.where()} {self.severity} {self.code}: {self.message(lang)}"
        return f"{self.file}: {line}" if with_file and self.file else line

    def as_json(self, lang: str | None = None) -> dict[str, str]:
        """Exactly the fields severity, sheet, cell, key, code, message."""
        return {
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "key": self.key,
            "code": self.code,
            "message": self.message(lang),
        }


def exit_code(findings: list[Finding]) -> int:
    """0 no error, 1 content errors or not this format, 2 the file cannot be read as a workbook."""
    errors = [f for f in findings if f.severity == ERROR]
    if any(f.code in UNREADABLE for f in errors):
        return 2
    return 1 if errors else 0


MAX_PER_CODE = 100  # findings of one code on one sheet listed one by one; the rest are counted


class Findings(list[Finding]):
    """A list of findings that keeps at most `cap` of one code on one sheet and counts the rest.

    A workbook with 100,000 rows of wrong cells gives a few hundred lines, not millions: reading stays
    bounded by work (rows and cells), and `summary()` says how many more there are of each kind.
    """

    def __init__(self, items: list[Finding] | tuple[Finding, ...] = (), cap: int = MAX_PER_CODE) -> None:
        super().__init__()
        self.cap = cap
        self._kept: dict[tuple[str, str], int] = {}
        self._dropped: dict[tuple[str, str], list[Any]] = {}  # (sheet, code) -> [count, severity]
        for item in items:
            self.append(item)

    def full(self, sheet: str, code: str, severity: str) -> bool:
        """True (and one more counted) when no further finding of this code on this sheet is listed."""
        key = (sheet, code)
        if self._kept.get(key, 0) < self.cap or not sheet:
            return False
        dropped = self._dropped.setdefault(key, [0, severity])
        dropped[0] += 1
        if severity == ERROR:
            dropped[1] = ERROR
        return True

    def room(self, sheet: str, code: str) -> int:
        """How many more findings of this code on this sheet are listed one by one."""
        return max(0, self.cap - self._kept.get((sheet, code), 0)) if sheet else 1 << 62

    def count_more(self, sheet: str, code: str, severity: str, count: int) -> None:
        """Count `count` findings of this code on this sheet without listing them (the cap is reached)."""
        dropped = self._dropped.setdefault((sheet, code), [0, severity])
        dropped[0] += count
        if severity == ERROR:
            dropped[1] = ERROR

    def append(self, finding: Finding) -> None:
        if self.full(finding.sheet, finding.code, finding.severity):
            return
        key = (finding.sheet, finding.code)
        self._kept[key] = self._kept.get(key, 0) + 1
        super().append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.append(finding)

    def summary(self) -> list[Finding]:
        """One `more_findings` finding per code and sheet that went over the cap, with the count of the rest."""
        return [
            Finding(
                severity,
                "more_findings",
                sheet=sheet,
                key=code,
                params={"count": f"{count:,}", "what": code, "shown": self.cap},
            )
            for (sheet, code), (count, severity) in self._dropped.items()
        ]
