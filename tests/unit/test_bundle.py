"""The one-folder bundle: paths inside a frozen bundle, the ELF reader behind the glibc floor and the .deb's
Depends, and (slow, needs PyInstaller: scripts/build-bundle installs it) the bundle itself, built from the spec:
its glibc floor against the one promised in packaging/README.md, its size, what it leaves to the system, and the
frozen commands run with Chinese file names.

scripts/test-deb is the heavy end-to-end check: the .deb installed on a pristine Debian 12 without Python."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import deb_depends  # noqa: E402
import elfdeps  # noqa: E402

BUDGET_MB = 200
LINUX = sys.platform.startswith("linux")


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """This process made to look like a PyInstaller bundle whose files are in tmp_path/_internal."""
    from lifelong_desktop import paths

    internal = tmp_path / "opt" / "lifelong-desktop" / "_internal"
    for folder in ("lifelong_desktop/resources/submission", "lifelong_desktop/resources/fonts",
                   "lifelong_desktop/migrations/versions"):
        (internal / folder).mkdir(parents=True)
    (internal / "lifelong_desktop/resources/fonts/wqy-microhei.ttc").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    paths.resources_dir.cache_clear()
    yield internal
    monkeypatch.undo()
    paths.resources_dir.cache_clear()


def test_frozen_bundle_finds_resources_migrations_and_fonts_inside_itself(frozen):
    from lifelong_desktop import paths

    package = frozen / "lifelong_desktop"
    assert paths.bundle_dir() == frozen
    assert paths.resources_dir() == package / "resources"
    assert paths.resource("submission") == package / "resources" / "submission"
    assert paths.migrations_dir() == package / "migrations"
    assert paths.font_files() == [package / "resources" / "fonts" / "wqy-microhei.ttc"]


def test_not_frozen_there_is_no_bundle_folder(monkeypatch):
    from lifelong_desktop import paths

    monkeypatch.setattr(sys, "_MEIPASS", "/somewhere", raising=False)  # a stray attribute is not a bundle
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.bundle_dir() is None
    assert (paths.resources_dir() / "submission" / "format.json").is_file()


def test_frozen_bundle_keeps_the_data_in_the_users_folder(frozen, tmp_path, monkeypatch):
    """Installed under /opt/apps or Program Files, the data still goes to the user's data folder."""
    from lifelong_desktop import paths

    monkeypatch.delenv("LIFELONG_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home-data"))
    data = paths.default_database_path()
    assert not data.is_relative_to(frozen.parent)
    assert data.parent.is_relative_to(tmp_path / "home-data")


def test_glibc_version_names():
    assert elfdeps.glibc_version("GLIBC_2.34") == (2, 34)
    assert elfdeps.glibc_version("GLIBC_2.2.5") == (2, 2, 5)
    assert elfdeps.glibc_version("GLIBC_PRIVATE") == (0,)
    assert elfdeps.glibc_version("GLIBCXX_3.4.30") == (0,)
    assert elfdeps.dotted((2, 35)) == "2.35"
    assert (2, 2, 5) < (2, 17) < (2, 34) < (2, 35)


@pytest.mark.skipif(not LINUX, reason="ELF files are Linux's")
def test_elf_reader_agrees_with_readelf_on_a_system_library():
    libpython = Path(sys.executable).resolve()
    candidates = [Path(p) for p in ("/usr/bin/ls", "/bin/ls", str(libpython))]
    target = next(p for p in candidates if p.is_file())
    elf = elfdeps.read_elf(target)
    assert elf is not None
    assert "libc.so.6" in elf.needed
    assert elf.glibc() >= (2, 2, 5)
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed to compare with")
    out = subprocess.run([readelf, "-V", "--wide", str(target)], capture_output=True, text=True, check=True).stdout
    needed = {m for m in re.findall(r"Name: (GLIBC_[0-9.]+)", out)}
    assert elfdeps.dotted(elf.glibc()) == max(needed, key=elfdeps.glibc_version).removeprefix("GLIBC_")
    dyn = subprocess.run([readelf, "-d", "--wide", str(target)], capture_output=True, text=True, check=True).stdout
    assert sorted(elf.needed) == sorted(re.findall(r"\(NEEDED\).*\[(.+?)\]", dyn))


def test_elf_reader_ignores_what_is_not_elf(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "short").write_bytes(b"\x7fELF")
    assert elfdeps.read_elf(tmp_path / "notes.txt") is None
    assert elfdeps.read_elf(tmp_path / "short") is None
    assert elfdeps.read_elf(tmp_path / "missing") is None
    assert elfdeps.glibc_floor(tmp_path) == ((0,), [])


def test_the_promised_floor_is_written_and_covers_debian_12():
    floor = elfdeps.promised_floor()
    assert (2, 17) <= floor <= (2, 36), "Debian 12 (glibc 2.36) must run the bundle"
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    for system in ("Debian 12", "Ubuntu 22.04", "UOS", "Kylin", "manylinux_2_28", "6.9.3"):
        assert system in readme, system


def test_ldconfig_output_is_read_for_this_abi_only():
    text = ("3 libs found in cache `/etc/ld.so.cache'\n"
            "\tlibxcb.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libxcb.so.1\n"
            "\tlibxcb.so.1 (libc6) => /lib/i386-linux-gnu/libxcb.so.1\n"
            "\tlibX11.so.6 (libc6,AArch64) => /lib/aarch64-linux-gnu/libX11.so.6\n")
    assert deb_depends.ldconfig_paths(text, "x86_64") == {"libxcb.so.1": "/lib/x86_64-linux-gnu/libxcb.so.1"}
    assert deb_depends.ldconfig_paths(text, "aarch64") == {"libX11.so.6": "/lib/aarch64-linux-gnu/libX11.so.6"}


# --- the bundle itself (slow) ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/lifelong-desktop built from packaging/lifelong-desktop.spec into a temporary folder."""
    if not LINUX:
        pytest.skip("the Linux bundle; the Windows one is built by .github/workflows/windows-bundle.yml")
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the [bundle] extra: ./scripts/build-bundle installs it")
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(out / "dist"),
         "--workpath", str(out / "build"), str(ROOT / "packaging" / "lifelong-desktop.spec")],
        capture_output=True, text=True, timeout=1200, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "dist" / "lifelong-desktop"


@pytest.mark.slow
def test_bundle_glibc_floor_is_the_promised_one(bundle):
    floor, needing = elfdeps.glibc_floor(bundle)
    promised = elfdeps.promised_floor()
    print(f"glibc floor {elfdeps.dotted(floor)}, needed by {[str(p.relative_to(bundle)) for p in needing]}")
    assert floor <= promised, (f"the bundle needs glibc {elfdeps.dotted(floor)} ({needing[:3]}), above the "
                               f"{elfdeps.dotted(promised)} promised in packaging/README.md")


@pytest.mark.slow
def test_bundle_size_is_within_budget_and_leaves_display_libraries_to_the_system(bundle):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size / 2**20:.0f} MB unpacked")
    assert size <= BUDGET_MB * 2**20
    names = {p.name for p in bundle.rglob("*.so*")}
    carried = [n for n in names if re.match(r"lib(X11|xcb|fontconfig|freetype|GL|EGL|stdc\+\+|cups)\b", n)]
    assert carried == []
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    needed = elfdeps.needed_from_system(bundle)
    assert "libxcb-cursor.so.0" in needed and "libfontconfig.so.1" in needed
    assert not [n for n in needed if n.startswith(("libQt6", "libpython", "libpyside6", "libshiboken6"))]


@pytest.mark.slow
def test_bundle_carries_translations_resources_and_a_font(bundle):
    package = bundle / "_internal" / "lifelong_desktop"
    for name in ("lifelong_zh_CN.qm", "views_zh_CN.qm", "messages/cli.json"):
        assert (package / "resources" / "i18n" / name).is_file(), name
    assert (package / "resources" / "regions" / "regions.csv").is_file()
    assert (package / "migrations" / "env.py").is_file()
    assert list((bundle / "_internal" / "PySide6" / "Qt" / "translations").glob("qtbase_zh_CN.qm"))
    if Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():
        assert (package / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert not list((bundle / "_internal").rglob("libqwayland*"))


@pytest.mark.slow
def test_frozen_commands_work_with_chinese_file_names(bundle, tmp_path):
    """lifelong --version, demo, export, validate, schedule: a folder and files named in Chinese, data in the user's
    folder (HOME), WenQuanYi hidden from fontconfig so the bundle's own font has to draw the schedule."""
    work = tmp_path / "数据"
    work.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    '<selectfont><rejectfont><glob>*wqy*</glob></rejectfont></selectfont></fontconfig>',
                    encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIFELONG_", "QT_", "XDG_", "PYTHON"))}
    env.update(HOME=str(tmp_path / "home"), FONTCONFIG_FILE=str(conf), LANG="C.UTF-8")

    def lifelong(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bundle / "lifelong"), *args], cwd=work, env=env, capture_output=True, text=True,
                              timeout=300)

    version = lifelong("--version")
    assert version.returncode == 0 and version.stdout.strip().startswith("lifelong-desktop "), version.stderr
    assert "全民终身学习活动周" in lifelong("--help").stdout
    assert lifelong("demo").returncode == 0
    assert (tmp_path / "home" / ".local" / "share" / "lifelong-desktop" / "lifelong.sqlite").is_file()
    assert lifelong("export", "--out", "报送.xlsx").returncode == 0
    checked = lifelong("validate", "报送.xlsx")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    missing = lifelong("validate", "没有这个文件.xlsx")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "没有这个文件" in missing.stderr
    printed = lifelong("schedule", "--out", "日程.pdf", "--from", "2024-04-26", "--to", "2024-04-28")
    assert printed.returncode == 0, printed.stderr
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read the schedule back")
    text = subprocess.run([pdftotext, str(work / "日程.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "活动日程" in text
    assert not re.search("[\u2f00-\u2fdf]", text), "Kangxi radicals in the schedule's text"
    assert not [p for p in bundle.rglob("*") if p.suffix in {".sqlite", ".ini", ".log"}], "data written into the bundle"


def test_deb_entries_agree_on_the_file_type_and_the_commands():
    """The .desktop entry opens the programme database type the MIME file declares, by an absolute path under
    /opt/apps/<appid>/files, and UOS's info file is JSON naming the same appid."""
    import configparser
    import json

    deb = ROOT / "packaging" / "deb"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys are case-sensitive
    desktop.read_string((deb / "lifelong-desktop.desktop").read_text(encoding="utf-8"))
    entry = desktop["Desktop Entry"]
    mime = (deb / "lifelong-desktop.xml").read_text(encoding="utf-8")
    declared = re.findall(r'<mime-type type="([^"]+)"', mime)
    assert entry["MimeType"].rstrip(";").split(";") == declared == ["application/x-lifelong-programme"]
    assert '<glob pattern="*.lifelong"/>' in mime and 'sub-class-of type="application/vnd.sqlite3"' in mime
    assert entry["Exec"].split()[0] == "/opt/apps/@APPID@/files/lifelong-desktop" and "%f" in entry["Exec"]
    assert entry["Icon"] == "@APPID@" and entry["Name[zh_CN]"] == "全民终身学习活动周"
    info = json.loads((deb / "info").read_text(encoding="utf-8"))
    assert info["appid"] == "@APPID@" and info["arch"] == ["@ARCH@"] and "permissions" in info
    build_deb = (ROOT / "scripts" / "build-deb").read_text(encoding="utf-8")
    assert re.search(r"^APPID=lifelong-desktop\b", build_deb, re.M)
    assert "DEBIAN/postinst" not in build_deb and "DEBIAN/prerm" not in build_deb


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg (Debian/Ubuntu) is needed to map files to packages")
def test_files_map_to_their_debian_packages_under_merged_usr():
    """ls is registered as /bin/ls by coreutils but reached as /usr/bin/ls too: both spellings find it."""
    found = deb_depends.packages_of(["/usr/bin/ls", "/bin/ls", "/nonexistent/libnothing.so.1"])
    assert found.get("/usr/bin/ls") == found.get("/bin/ls") == "coreutils"
    assert "/nonexistent/libnothing.so.1" not in found
