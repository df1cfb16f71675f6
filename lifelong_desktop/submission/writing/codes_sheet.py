"""The hidden 代码表 sheet: every code list (and a template's region choices) as list, key, label rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from lifelong_desktop.submission.format import Column, Format
from lifelong_desktop.submission.xlsx import writer as xlsx
from lifelong_desktop.submission.xlsx.parts import quoted_sheet

HEAD_LABELS = ("代码表名", "代码", "名称")
HEAD_KEYS = ("list", "key", "label")
BOOLEAN_LIST = "boolean"
REGION_LIST = "region_{}"  # region_city, region_county, region_any: a template's `code name` choices


@dataclass
class CodeSheet:
    """The sheet's rows and, per list, the range of its labels (what a drop-down offers)."""

    sheet: str
    entries: list[tuple[str, str, str]] = field(default_factory=list)
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    first_row: int = 3

    def add(self, name: str, items: list[tuple[str, str]]) -> None:
        if not items:
            return
        start = self.first_row + len(self.entries)
        self.entries.extend((name, key, label) for key, label in items)
        self.ranges[name] = (start, start + len(items) - 1)

    def source(self, name: str) -> str | None:
        """`'代码表'!$C$3:$C$15`: the label cells of one list, for a list data validation."""
        if name not in self.ranges:
            return None
        a, b = self.ranges[name]
        return f"{quoted_sheet(self.sheet)}!$C${a}:$C${b}"

    def source_for(self, col: Column, template: bool) -> str | None:
        """The drop-down source of a column: its code list, 是/否, or (templates only) its region choices."""
        if col.type in ("code", "code_list") and col.code_list:
            return self.source(col.code_list)
        if col.type == "boolean":
            return self.source(BOOLEAN_LIST)
        if col.type == "region" and template:
            return self.source(REGION_LIST.format(col.region_level or "any"))
        return None

    def rows(self) -> list[tuple[list[str], int | None]]:
        return [(list(HEAD_LABELS), xlsx.LABEL), (list(HEAD_KEYS), xlsx.KEY)] + [
            (list(e), None) for e in self.entries
        ]


def build_code_sheet(
    fmt: Format, region_choices: dict[str, list[tuple[str, str]]] | None = None
) -> CodeSheet:
    """Every code list of the format in its order, then 是/否, then any region choices."""
    sheet_name = next(s.name for s in fmt.sheets if s.id == "codes")
    codes = CodeSheet(sheet_name, first_row=fmt.layout["first_data_row"])
    for name, items in fmt.code_lists.items():
        codes.add(name, [(i.key, i.label) for i in items])
    codes.add(BOOLEAN_LIST, [("true", fmt.booleans["true"][0]), ("false", fmt.booleans["false"][0])])
    for level, choices in (region_choices or {}).items():
        codes.add(REGION_LIST.format(level), choices)
    return codes
