"""The fixed parts of an .xlsx package: content types, relationships, workbook, styles, document properties."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from lifelong_desktop.submission.xlsx.cells import COLUMNS

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


# cellXfs, in the order of the style constants of xlsx.py: 0 normal, 1 date, 2 time, 3 date-time,
# 4 quote-prefixed text, 5 column label, 6 key row, 7 sheet title, 8 wrapped text, 9 section heading.
# Fonts name their face outright (no <scheme>): the package has no theme part a scheme font could refer to.
def styles_xml(date_format: str, time_format: str, datetime_format: str) -> str:
    """The style part; the three number formats come from the format description."""
    d, t, dt = (quoteattr(f) for f in (date_format, time_format, datetime_format))
    return XML_DECL + (
        f'<styleSheet xmlns="{NS_MAIN}">'
        f'<numFmts count="3"><numFmt numFmtId="164" formatCode={d}/>'
        f'<numFmt numFmtId="165" formatCode={t}/><numFmt numFmtId="166" formatCode={dt}/></numFmts>'
        '<fonts count="5">'
        '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        '<font><sz val="9"/><color rgb="FF808080"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        '<font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        '<font><b/><sz val="12"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
        "</fonts>"
        '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>'
        "</fills>"
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="10">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
        '<alignment vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
        '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '<dxfs count="0"/><tableStyles count="0"/>'
        "</styleSheet>"
    )


ROOT_RELS = XML_DECL + (
    f'<Relationships xmlns="{NS_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{NS_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)


def shared_strings_head(unique: int) -> str:
    """The table's start; `count` (total references, optional) is left out rather than written wrong."""
    return XML_DECL + f'<sst xmlns="{NS_MAIN}" uniqueCount="{unique}">'


_HIDDEN = ' state="hidden"'


def quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def workbook_xml(sheets: list[tuple[str, bool]], filters: list[tuple[int, str, str]]) -> str:
    """The workbook part: sheets in order (hidden ones marked) and the auto-filter ranges Excel expects."""
    active = next((i for i, (_, hidden) in enumerate(sheets) if not hidden), 0)
    first = f' firstSheet="{active}"' if active else ""  # the tab bar starts at a visible sheet too
    items = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}"{_HIDDEN if hidden else ""} r:id="rId{i}"/>'
        for i, (name, hidden) in enumerate(sheets, 1)
    )
    names = ""
    if filters:
        names = (
            "<definedNames>"
            + "".join(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{idx}" hidden="1">'
                f"{escape(quoted_sheet(name))}!{_absolute(ref)}</definedName>"
                for idx, name, ref in filters
            )
            + "</definedNames>"
        )
    return XML_DECL + (
        f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><workbookPr/>'
        f'<bookViews><workbookView{first} activeTab="{active}"/></bookViews>'
        f'<sheets>{items}</sheets>{names}<calcPr calcId="191029"/></workbook>'
    )


def _absolute(ref: str) -> str:
    """A1:B2 -> $A$1:$B$2."""
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref)


def workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{NS_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    rels += (
        f'<Relationship Id="rId{count + 1}" Type="{NS_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{count + 2}" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    return XML_DECL + f'<Relationships xmlns="{NS_PKG_REL}">{rels}</Relationships>'


def content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return XML_DECL + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/>'
        "</Types>"
    )


def core_xml(creator: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return XML_DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:creator>{escape(creator)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml(application: str, sheet_names: list[str]) -> str:
    titles = "".join(f"<vt:lpstr>{escape(n)}</vt:lpstr>" for n in sheet_names)
    return XML_DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{escape(application)}</Application>"
        '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant>'
        f"<vt:variant><vt:i4>{len(sheet_names)}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
        f'<TitlesOfParts><vt:vector size="{len(sheet_names)}" baseType="lpstr">{titles}</vt:vector></TitlesOfParts>'
        "</Properties>"
    )


def sheet_view(freeze: str | None, selected: bool) -> str:
    """A worksheet's <sheetViews>: selected or not, with the panes frozen above and left of `freeze`."""
    sel = ' tabSelected="1"' if selected else ""
    if not freeze or freeze == "A1":  # A1 freezes nothing: a pane without a split is invalid
        return f'<sheetViews><sheetView workbookViewId="0"{sel}/></sheetViews>'
    m = re.fullmatch(r"([A-Z]+)(\d+)", freeze)
    if not m:
        raise ValueError(f"bad freeze cell {freeze!r}")
    col = COLUMNS.index(m.group(1))
    row = int(m.group(2)) - 1
    split = (f' xSplit="{col}"' if col else "") + (f' ySplit="{row}"' if row else "")
    pane = "bottomRight" if col and row else ("bottomLeft" if row else "topRight")
    return (
        f'<sheetViews><sheetView workbookViewId="0"{sel}><pane{split} topLeftCell="{freeze}" '
        f'activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{freeze}" '
        f'sqref="{freeze}"/></sheetView></sheetViews>'
    )
