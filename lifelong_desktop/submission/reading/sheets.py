"""Which sheets of a workbook the reader reads: the format's sheets by their exact names, never a look-alike.

A sheet named `活动 ` (a trailing space), `　活动` (U+3000) or `活动` in full-width forms is not `活动`: the reader
reads the sheet whose name is exactly the format's, and refuses a workbook holding two sheets whose names
fold to the same one (`duplicate_sheet`, naming both), because either could be the one the sender meant.
Also read here, from xl/workbook.xml: where each sheet's part is, and whether dates count from 1904.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lifelong_desktop.submission.findings import ERROR, Finding
from lifelong_desktop.submission.format import Format

_SHOWN_SPACES = {" ": "␣", "\u3000": "␣", "\t": "␣"}


def fold_sheet_name(name: str) -> str:
    """A sheet name as a person reads it: NFKC forms, no white space anywhere, case-folded."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def shown(name: str) -> str:
    """A sheet name with its white space made visible (`活动␣`), so that two look-alikes can be told apart."""
    return "".join(_SHOWN_SPACES.get(ch, ch) if ch.isspace() else ch for ch in name)


@dataclass
class SheetChoice:
    """The workbook's sheets that the reader uses, by the format's exact name, and the findings about them."""

    present: set[str] = field(default_factory=set)  # format sheet names present exactly
    findings: list[Finding] = field(default_factory=list)
    similar: dict[str, str] = field(default_factory=dict)  # missing format name -> the look-alike's name


def choose_sheets(fmt: Format, names: list[str]) -> SheetChoice:
    """The read sheets found by exact name; look-alikes refused (two folding alike) or pointed out (missing)."""
    choice = SheetChoice(present={n for n in names if n in {s.name for s in fmt.sheets}})
    for sheet in fmt.sheets:
        if not sheet.read:
            continue
        alike = [n for n in names if fold_sheet_name(n) == fold_sheet_name(sheet.name)]
        if len(alike) > 1:
            choice.findings.append(
                Finding(
                    ERROR,
                    "duplicate_sheet",
                    sheet=sheet.name,
                    params={
                        "names": {
                            "zh": "、".join(f"“{shown(n)}”" for n in alike),
                            "en": ", ".join(f'"{shown(n)}"' for n in alike),
                        },
                        "name": sheet.name,
                    },
                )
            )
        elif alike and alike[0] != sheet.name:
            choice.similar[sheet.name] = alike[0]
    return choice


def missing_sheet(name: str, choice: SheetChoice) -> Finding:
    """`missing_sheet`, saying which sheet looks like it when one does (to be renamed)."""
    similar = choice.similar.get(name)
    if similar is None:
        return Finding(ERROR, "missing_sheet", sheet=name)
    return Finding(ERROR, "missing_sheet", sheet=name, params={"kind": "similar", "similar": shown(similar)})


@dataclass
class BookInfo:
    """What xl/workbook.xml says beyond the sheet names."""

    parts: dict[str, str] = field(default_factory=dict)  # exact sheet name -> worksheet part
    date1904: bool = False


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def book_info(path: Path) -> BookInfo:
    """Sheet parts (workbook.xml and its relationships) and the 1904 date flag; scanned safe already."""
    info = BookInfo()
    with zipfile.ZipFile(path) as zf:
        book = etree.fromstring(zf.read("xl/workbook.xml"), _parser())
        try:
            rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"), _parser())
        except KeyError:
            rels = None
    targets = {}
    for rel in rels if rels is not None else ():
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    for el in book.iter():
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        if tag == "workbookPr":
            info.date1904 = (el.get("date1904") or "").strip().lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in el.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
            if rid in targets:
                info.parts[el.get("name") or ""] = targets[rid]
    return info
