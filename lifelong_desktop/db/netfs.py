"""Is a file on a network share? (SQLite's WAL and file locks are unreliable there.)"""

from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Callable
from pathlib import Path

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "afs",
        "ncpfs",
        "coda",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "webdav",
        "ocfs2",
        "gfs2",
        "beegfs",
        "fuse.cephfs",
        "orangefs",
        "pvfs2",
    }
)


def _unescape(field: str) -> str:
    """Mount points in mountinfo escape space, tab, newline and backslash as octal."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) of each line of /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields, tail = left.split(), right.split()
        if len(fields) >= 5 and tail:
            mounts.append((_unescape(fields[4]), tail[0]))
    return mounts


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The Linux file system type holding a path (the longest matching mount point), if known."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for point, fstype in parse_mountinfo(mountinfo):
        if (target == point or target.startswith(point.rstrip("/") + "/") or point == "/") and len(
            point
        ) >= len(best):
            best, best_type = point, fstype
    return best_type


DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive


def _get_drive_type(root: str) -> int:
    import ctypes  # only on Windows

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]  # Windows only


def _windows_is_remote(path: Path | str, drive_type: Callable[[str], int] | None = None) -> bool:
    """A UNC path, or a drive letter whose type is DRIVE_REMOTE (drive_type replaces GetDriveTypeW in tests)."""
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True  # a UNC path: \\server\share\...
    if text.startswith("\\\\?\\UNC\\"):
        return True
    if text.startswith("\\\\?\\"):
        text = text[4:]  # a long path, \\?\C:\...: its drive is C:
    drive = ntpath.splitdrive(ntpath.abspath(text))[0]
    if not drive or drive.startswith(("\\", "/")):
        return False
    return (drive_type or _get_drive_type)(drive + "\\") == DRIVE_REMOTE


def is_network_path(path: Path | str) -> bool:
    """True when the file (or, for a new file, its folder) lives on a network file system."""
    path = Path(path)
    probe = path if path.exists() else path.parent
    try:
        if sys.platform == "win32":
            return _windows_is_remote(probe)
        if sys.platform.startswith("linux"):
            fstype = filesystem_type(probe)
            return fstype is not None and (fstype in NETWORK_FS_TYPES or fstype.startswith("fuse.sshfs"))
    except (OSError, ValueError, AttributeError):
        return False
    return False  # macOS and others: no cheap reliable test; WAL is kept
