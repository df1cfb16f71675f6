"""What the ELF files of a bundle need from the system: shared libraries (DT_NEEDED) and glibc symbol versions.

Plain Python (no binutils), so the glibc floor can be measured and tested anywhere:

    python packaging/elfdeps.py glibc DIR      the highest GLIBC_x.y any file under DIR needs, and which file
    python packaging/elfdeps.py needed DIR     the shared libraries needed but not carried in DIR, one a line
    python packaging/elfdeps.py floor          the glibc floor promised in packaging/README.md
"""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
DT_SONAME = 14
_GLIBC = re.compile(r"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?$")


@dataclass
class Elf:
    """The dynamic-linking facts of one ELF file."""

    path: Path
    soname: str | None = None
    needed: list[str] = field(default_factory=list)
    versions: dict[str, set[str]] = field(default_factory=dict)  # library -> symbol versions needed from it

    def glibc(self) -> tuple[int, ...]:
        """The highest GLIBC_ version this file needs, (0,) when none."""
        return max((glibc_version(v) for vs in self.versions.values() for v in vs), default=(0,))


def glibc_version(name: str) -> tuple[int, ...]:
    """(2, 34) for "GLIBC_2.34"; (0,) for anything else (GLIBC_PRIVATE, GCC_3.0, ...)."""
    m = _GLIBC.match(name)
    return tuple(int(g) for g in m.groups() if g is not None) if m else (0,)


def dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in version)


def parse_version(text: str) -> tuple[int, ...]:
    """(2, 34) for "2.34"."""
    return tuple(int(part) for part in text.strip().split("."))


def read_elf(path: Path) -> Elf | None:
    """The DT_NEEDED, DT_SONAME and version needs of an ELF file; None for anything that is not ELF."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return None
    is64, endian = data[4] == 2, "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(endian + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x3A)
        sec_fmt, dyn_fmt = endian + "IIQQQQIIQQ", endian + "qQ"
    else:
        shoff, = struct.unpack_from(endian + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(endian + "HH", data, 0x2E)
        sec_fmt, dyn_fmt = endian + "IIIIIIIIII", endian + "iI"
    sections = []
    for i in range(shnum):
        start = shoff + i * shentsize
        if start + struct.calcsize(sec_fmt) > len(data):
            return None
        _name, kind, _flags, _addr, offset, size, link, info, _align, _entsize = struct.unpack_from(sec_fmt, data, start)
        sections.append((kind, offset, size, link, info))

    def string(table: int, offset: int) -> str:
        base = sections[table][1] + offset
        end = data.index(b"\0", base)
        return data[base:end].decode("utf-8", "replace")

    elf = Elf(path)
    for kind, offset, size, link, info in sections:
        if kind == SHT_DYNAMIC:
            step = struct.calcsize(dyn_fmt)
            for pos in range(offset, offset + size - step + 1, step):
                tag, value = struct.unpack_from(dyn_fmt, data, pos)
                if tag == DT_NEEDED:
                    elf.needed.append(string(link, value))
                elif tag == DT_SONAME:
                    elf.soname = string(link, value)
                elif tag == 0:
                    break
        elif kind == SHT_GNU_VERNEED:
            pos = offset
            for _ in range(info):  # sh_info: the number of Verneed entries
                _ver, count, file_off, aux, nxt = struct.unpack_from(endian + "HHIII", data, pos)
                names = elf.versions.setdefault(string(link, file_off), set())
                apos = pos + aux
                for _ in range(count):
                    _hash, _flags, _other, name_off, anext = struct.unpack_from(endian + "IHHII", data, apos)
                    names.add(string(link, name_off))
                    apos += anext
                if not nxt:
                    break
                pos += nxt
    return elf


def elf_files(folder: Path) -> Iterator[Elf]:
    """Every ELF file under a folder (symbolic links skipped: their targets are there too)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            elf = read_elf(path)
            if elf is not None:
                yield elf


def glibc_floor(folder: Path) -> tuple[tuple[int, ...], list[Path]]:
    """The highest GLIBC_ version needed by any ELF file under the folder, and the files that need it."""
    best: tuple[int, ...] = (0,)
    needing: list[Path] = []
    for elf in elf_files(folder):
        version = elf.glibc()
        if version > best:
            best, needing = version, [elf.path]
        elif version == best and version > (0,):
            needing.append(elf.path)
    return best, needing


def needed_from_system(folder: Path) -> list[str]:
    """The shared libraries that ELF files under the folder need and that the folder does not carry."""
    elves = list(elf_files(folder))
    carried = {e.path.name for e in elves} | {e.soname for e in elves if e.soname}
    carried |= {p.name for p in folder.rglob("*") if p.is_symlink()}
    return sorted({n for e in elves for n in e.needed} - carried)


README = Path(__file__).resolve().parent / "README.md"
_FLOOR_LINE = re.compile(r"^glibc floor: (\d+\.\d+)\s*$", re.MULTILINE)


def promised_floor(readme: Path = README) -> tuple[int, ...]:
    """The floor written in packaging/README.md as the line `glibc floor: 2.35`."""
    m = _FLOOR_LINE.search(readme.read_text(encoding="utf-8"))
    if not m:
        raise ValueError(f"{readme} has no line 'glibc floor: X.Y'")
    return parse_version(m.group(1))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[1] == "floor":
        print(dotted(promised_floor()))
        return 0
    if len(argv) != 3 or argv[1] not in {"glibc", "needed"}:
        print("usage: elfdeps.py glibc|needed DIR, or elfdeps.py floor", file=sys.stderr)
        return 2
    folder = Path(argv[2])
    if not folder.is_dir():
        print(f"elfdeps: {folder} is not a folder", file=sys.stderr)
        return 2
    if argv[1] == "glibc":
        version, needing = glibc_floor(folder)
        print(dotted(version), *(str(p.relative_to(folder)) for p in needing[:3]))
    else:
        print("\n".join(needed_from_system(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
