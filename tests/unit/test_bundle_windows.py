"""What the Windows bundle and installer rely on, tested here without Windows: network drives told by their drive
type, the Inno Setup script's promises (per user, no administrator, data kept on uninstall, the file type), and
the workflow that builds and tries the bundle on a Windows runner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lifelong_desktop.db import netfs

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "lifelong-desktop.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-bundle.yml"

DRIVE_FIXED, DRIVE_REMOTE, DRIVE_REMOVABLE, DRIVE_CDROM = 3, 4, 2, 5


def _drives(types: dict[str, int]):
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types.get(root.upper(), 1)  # DRIVE_NO_ROOT_DIR

    return drive_type, asked


@pytest.mark.parametrize("path, remote", [
    (r"Z:\省教育厅\2024\辽宁.sqlite", True),  # a mapped network drive
    (r"z:\plan.lifelong", True),
    (r"C:\Users\王\AppData\Local\lifelong-desktop\lifelong.sqlite", False),
    (r"E:\U盘\计划.sqlite", False),  # a USB stick
    (r"\\?\Z:\很长的路径\计划.sqlite", True),  # a long path on a mapped drive
    (r"\\?\C:\很长的路径\计划.sqlite", False),
    (r"\\fileserver\教育厅\计划.sqlite", True),  # UNC: remote without asking the drive type
    (r"\\.\PhysicalDrive0", False),
])
def test_windows_drive_types_tell_network_drives(path, remote):
    drive_type, asked = _drives({"Z:\\": DRIVE_REMOTE, "C:\\": DRIVE_FIXED, "E:\\": DRIVE_REMOVABLE})
    assert netfs._windows_is_remote(path, drive_type) is remote
    if path.startswith(("\\\\fileserver", "\\\\.\\")):
        assert asked == []
    else:
        assert asked == [path.removeprefix("\\\\?\\")[:2] + "\\"]


def test_the_installer_is_per_user_and_keeps_the_data():
    iss = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\s*$", iss, re.M)
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\", iss, re.M)
    assert "{autoprograms}" in iss  # the Start menu entry
    assert re.search(r'Root: HKCU; Subkey: "Software\\Classes\\\.lifelong"', iss)
    # Uninstalling removes the program folder only: nothing of the user's data folder is deleted.
    uninstall_delete = re.findall(r"^\[UninstallDelete\].*?(?=^\[|\Z)", iss, re.M | re.S)
    assert not any("lifelong-desktop\\lifelong-desktop" in s or "{localappdata}\\lifelong-desktop" in s
                   for s in uninstall_delete)
    assert "dist\\lifelong-desktop\\*" in iss


def test_the_windows_workflow_builds_and_runs_the_frozen_commands():
    flow = WORKFLOW.read_text(encoding="utf-8")
    assert "runs-on: windows-" in flow
    assert "packaging/lifelong-desktop.spec" in flow
    assert "ISCC" in flow or "iscc" in flow
    for command in ("--version", "demo", "export", "validate", "schedule"):
        assert re.search(rf"lifelong(\.exe)?\s+{re.escape(command)}", flow), command
    assert "报送" in flow and "日程" in flow  # Chinese file names
