"""The .deb's Depends: the packages holding the libraries the bundle needs but does not carry, plus fontconfig and a
CJK font, and libc6 at the glibc floor. Libraries are located with `ldconfig -p` and mapped to their packages with
`dpkg -S` on the build machine, so the list follows the bundle rather than a hand-kept list.

    python packaging/deb_depends.py BUNDLE_DIR      prints the Depends value; exit 1 naming a library not found
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from elfdeps import dotted, glibc_floor, needed_from_system  # noqa: E402

# Provided by libc6, which is Essential; expressed once as libc6 (>= floor).
GLIBC_LIBRARIES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
                   "libresolv.so.2", "libcrypt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}
# Not linked but needed: the font configuration files, and a CJK font for the window's Chinese text.
EXTRA = ["fontconfig", "fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei | fonts-arphic-uming"]


def ldconfig_paths(text: str, machine: str) -> dict[str, str]:
    """soname -> path from `ldconfig -p` output, for this machine's ABI only (x86-64, AArch64, ...)."""
    tags = {"x86_64": "x86-64", "aarch64": "AArch64"}
    want = tags.get(machine, machine)
    found: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        abi, _, path = rest.partition(") => ")
        if name and path and (want in abi or machine not in tags) and name not in found:
            found[name] = path.strip()
    return found


def _candidates(path: str) -> list[str]:
    """The path as given and resolved, each with and without /usr (merged /usr registers either)."""
    real = os.path.realpath(path)
    out = [path, real] + [p[4:] if p.startswith("/usr/") else "/usr" + p for p in (path, real)]
    return list(dict.fromkeys(out))


def packages_of(paths: list[str]) -> dict[str, str]:
    """path -> the Debian package holding it, from one `dpkg -S` over every candidate spelling of every path."""
    spellings: dict[str, list[str]] = {}
    for path in paths:
        for candidate in _candidates(path):
            spellings.setdefault(candidate, []).append(path)
    result = subprocess.run(["dpkg", "-S", *spellings], capture_output=True, text=True)  # exit 1 if any unknown
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        package, sep, file = line.partition(": ")
        for path in spellings.get(file.strip(), []) if sep else []:
            found.setdefault(path, package.split(":")[0].split(",")[0].strip())
    return found


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends entries, libraries that could not be mapped to a package)."""
    machine = os.uname().machine
    located = ldconfig_paths(subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout, machine)
    wanted = [s for s in needed_from_system(bundle) if s not in GLIBC_LIBRARIES]
    owners = packages_of([located[s] for s in wanted if s in located])
    packages = {owners[located[s]] for s in wanted if located.get(s) in owners}
    missing = [s for s in wanted if located.get(s) not in owners]
    floor, _ = glibc_floor(bundle)
    return [f"libc6 (>= {dotted(floor)})", *sorted(packages), *EXTRA], missing


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print("usage: deb_depends.py BUNDLE_DIR", file=sys.stderr)
        return 2
    entries, missing = depends(Path(argv[1]))
    if missing:
        print(f"deb_depends: no installed package holds {', '.join(missing)}: install the packages holding them "
              "(./scripts/build-deb installs the known ones, as root) and try again", file=sys.stderr)
        return 1
    print(", ".join(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
