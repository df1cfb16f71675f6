"""Printing without WenQuanYi: the schedule's font is chosen by availability and by whether its PDF text extracts
as the same Chinese (Noto CJK's extracts as Kangxi radicals), with the bundle's own font as the way out.

WenQuanYi is hidden from fontconfig with a configuration that rejects its files (FONTCONFIG_FILE), in a
subprocess, since Qt reads the font configuration once per process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
KANGXI = re.compile("[\u2f00-\u2fdf]")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Linux's")


def _hiding_wqy(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig sees every system font except WenQuanYi's (and Droid Sans Fallback's,
    which ghostscript and ImageMagick bring in: another CJK font that extracts cleanly, and one that Windows,
    UOS and Kylin do not have)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*wqy*</glob><glob>*droid*</glob></rejectfont></selectfont>
</fontconfig>
""",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_PLATFORM": "offscreen",
        "LIFELONG_DATA_DIR": str(tmp_path / "data"),
    }


# Runs `lifelong ARGS...` with paths.font_files() answering the fonts given in LIFELONG_TEST_FONTS (a bundle's).
_RUN = r"""
import os, sys
from pathlib import Path
from lifelong_desktop import paths
paths.font_files = lambda: [Path(p) for p in os.environ.get("LIFELONG_TEST_FONTS", "").split(os.pathsep) if p]
if sys.argv[1] == "--family":
    from lifelong_desktop.printing import qt
    print(qt.font_family())
    raise SystemExit(0)
from lifelong_desktop.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _run(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=240
    )


def _families_probe(env: dict[str, str], tmp_path: Path) -> dict[str, bool]:
    code = (
        "from lifelong_desktop.printing import qt\nfrom PySide6.QtGui import QFontDatabase\nqt.ensure_gui_app()\n"
        "import json\nfams = set(QFontDatabase.families())\n"
        "print(json.dumps({f: qt.extracts_cleanly(f) for f in qt.FONT_FAMILIES if f in fams}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_hiding_wqy_really_hides_it(tmp_path):
    if not WQY.is_file():
        pytest.skip("fonts-wqy-microhei is not installed (scripts/setup installs it)")
    env = _hiding_wqy(tmp_path)
    assert "WenQuanYi Micro Hei" not in _families_probe(env, tmp_path)
    assert "WenQuanYi Micro Hei" in _families_probe(
        {**env, "FONTCONFIG_FILE": "/etc/fonts/fonts.conf"}, tmp_path
    )


def test_wenquanyi_extracts_cleanly_and_noto_cjk_does_not(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    verdicts = _families_probe(env, tmp_path)
    if "WenQuanYi Micro Hei" not in verdicts:
        pytest.skip("fonts-wqy-microhei is not installed")
    assert verdicts["WenQuanYi Micro Hei"] is True
    noto = {
        f: v for f, v in verdicts.items() if f.startswith(("Noto Sans CJK", "Noto Serif CJK", "Source Han"))
    }
    if not noto:
        pytest.skip("no Noto CJK font here (fonts-noto-cjk) to check the Kangxi radical detection against")
    assert not any(noto.values()), noto


def test_without_wqy_the_bundled_font_is_chosen_over_radical_fonts(tmp_path):
    if not WQY.is_file():
        pytest.skip("fonts-wqy-microhei is not installed: no font file to play the bundle's")
    bundled = tmp_path / "bundle-fonts"
    bundled.mkdir()
    shutil.copy(WQY, bundled / WQY.name)
    env = {**_hiding_wqy(tmp_path), "LIFELONG_TEST_FONTS": str(bundled / WQY.name)}
    result = _run(env, "--family", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "WenQuanYi Micro Hei"


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_without_wqy_the_schedule_still_extracts_as_the_same_chinese(tmp_path):
    """A machine without WenQuanYi (Windows, UOS, Kylin with only Noto CJK): the bundle's font draws the schedule
    and the PDF's text reads back as 活动日程, never as 活动⽇程."""
    if not WQY.is_file():
        pytest.skip("fonts-wqy-microhei is not installed: no font file to play the bundle's")
    bundled = tmp_path / "字体"
    bundled.mkdir()
    shutil.copy(WQY, bundled / WQY.name)
    env = {**_hiding_wqy(tmp_path), "LIFELONG_TEST_FONTS": str(bundled / WQY.name)}
    assert _run(env, "demo", cwd=tmp_path).returncode == 0
    result = _run(
        env, "schedule", "--out", "日程.pdf", "--from", "2024-04-26", "--to", "2024-04-27", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        [PDFTOTEXT, "-l", "3", str(tmp_path / "日程.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "活动日程" in text
    assert "辽宁" in text
    assert not KANGXI.search(text), KANGXI.findall(text)[:5]


def test_the_shipped_font_list_is_the_bundles_resources_fonts(tmp_path, monkeypatch):
    """paths.font_files lists resources/fonts/*.ttf|ttc|otf, sorted, and nothing when the folder is absent."""
    from lifelong_desktop import paths

    monkeypatch.setattr(paths, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert paths.font_files() == []
    (tmp_path / "fonts" / "licenses").mkdir(parents=True)
    for name in ("b.ttf", "a.TTC", "c.otf", "notes.txt"):
        (tmp_path / "fonts" / name).write_bytes(b"")
    assert [p.name for p in paths.font_files()] == ["a.TTC", "b.ttf", "c.otf"]
