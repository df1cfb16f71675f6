"""The activity form's 声像资料 tab: the activity's attachments with their size and image thumbnails; add
(several files, big photos offered a shrunk copy), open and remove, each saved at once and audited. A file
missing from the attachments folder is listed as missing, never dropped.

Thumbnails are read in a worker thread with QImageReader at the thumbnail's size (a JPEG is then decoded at
that size), so a 20 MB photo never holds up the form.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QImageWriter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from lifelong_desktop import files, messages
from lifelong_desktop.db import DatabaseProblem
from lifelong_desktop.services import attachments as A
from lifelong_desktop.ui.common.context import AppContext
from lifelong_desktop.ui.common.language import message_language

THUMB = QSize(96, 96)
PathRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


def size_text(size: int) -> str:
    """A file size as people read it: 820 KB, 4.3 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024)):,} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def thumbnail(path: Path, box: QSize = THUMB) -> QImage:
    """The picture at `path` read at thumbnail size (a null image when it cannot be read)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # photos from phones stand up the right way
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def shrink_copy(source: Path, folder: Path) -> Path | None:
    """A JPEG of the picture, its longest side A.SHRUNK_LONGEST, in `folder` (None when it cannot be read)."""
    reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    full = reader.size()
    if not full.isValid():
        return None
    w, h = A.shrunk_size(full.width(), full.height())
    reader.setScaledSize(QSize(w, h))
    image = reader.read()
    if image.isNull():
        return None
    target = folder / A.shrunk_name(source.name)
    writer = QImageWriter(str(target), b"jpeg")
    writer.setQuality(85)
    return target if writer.write(image) else None


class _Thumbs(QObject):
    ready = Signal(str, QImage)


class _ThumbJob(QRunnable):
    def __init__(self, path: Path, signals: _Thumbs) -> None:
        super().__init__()
        self.path, self.signals = path, signals

    def run(self) -> None:
        self.signals.ready.emit(str(self.path), thumbnail(self.path))


class AttachmentsPanel(QWidget):
    """The list and its buttons; each change is its own audited transaction (it does not wait for OK)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, activity_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.activity_id = ctx, activity_id
        self.rows: list[A.AttachmentRow] = []
        self.list = QListWidget(self)
        self.list.setIconSize(THUMB)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(QCoreApplication.translate("AttachmentsTab", "Attachments"))
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.add_button = QPushButton(QCoreApplication.translate("AttachmentsTab", "Add &Files…"), self)
        self.open_button = QPushButton(QCoreApplication.translate("AttachmentsTab", "Op&en"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("AttachmentsTab", "&Remove"), self)
        self.add_button.clicked.connect(lambda: self.add_files())
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        #: hooks tests replace: pick files, ask about shrinking one picture, confirm a removal, tell, open
        self.pick_files: Callable[[], Sequence[str]] = self._pick_files
        self.ask_shrink: Callable[[str, int, int, int], bool] = self._ask_shrink
        self.confirm_remove: Callable[[int], bool] = self._confirm_remove
        self.inform: Callable[[str], None] = lambda text: QMessageBox.warning(
            self, QCoreApplication.translate("AttachmentsTab", "Attachments"), text
        )
        self.open_file: Callable[[Path], Any] = lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))
        self._thumbs = _Thumbs()  # no parent: the jobs keep it alive while they run, even past this panel
        self._thumbs.ready.connect(self._show_thumbnail)
        self.list.itemSelectionChanged.connect(self._enable)
        self.reload()

    # ---------------------------------------------------------------- showing

    def reload(self) -> None:
        """Read the activity's attachments again and list them (thumbnails follow from a worker thread)."""
        self.list.clear()
        if self.activity_id is None:
            self.rows = []
            self.note.setText(
                QCoreApplication.translate(
                    "AttachmentsTab",
                    "Save the activity first; then photos, scans and documents can be added.",
                )
            )
            self._enable()
            return
        with self.ctx.db.read() as session:
            self.rows = A.listed(session, self.ctx.path, activity_id=self.activity_id)
            shown = self._pictures(session)
        back = self._bring_back()
        style = self.style()
        missing = 0
        for r in self.rows:
            item = QListWidgetItem(self.list)
            if r.exists:
                item.setText(f"{r.file_name}\n{size_text(r.size)}")
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
                if r.id in shown:
                    QThreadPool.globalInstance().start(_ThumbJob(r.path, self._thumbs))
            else:
                missing += 1
                item.setText(self._missing_text(r))
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setData(PathRole, str(r.path))
            item.setData(IdRole, r.id)
            item.setToolTip(str(r.path))
        self.note.setText(self._note(back, missing))
        self._enable()

    def _pictures(self, session: Session) -> dict[int, Path]:
        """The pictures to show as thumbnails, each a file on this PC (of a server database: a temporary
        copy written now, once); a copy that cannot be written leaves the plain file icon."""
        shown = {}
        for r in self.rows:
            if r.exists and A.is_image(r.file_name):
                try:
                    path = A.local_copy(session, r)
                except OSError:
                    continue
                if path is not None:
                    shown[r.id] = path
        return shown

    def _note(self, back: int, missing: int) -> str:
        """The line under the list: how many files and how big, brought back, missing."""
        total = sum(r.size for r in self.rows)
        n = len(self.rows)  # a plain name: lupdate skips a call as the count
        text = QCoreApplication.translate(
            "AttachmentsTab", "%n files, %1 in all. Files are kept as soon as they are added.", "", n
        ).replace("%1", size_text(total) if self.rows else "0 KB")
        if back:
            text += " " + QCoreApplication.translate(
                "AttachmentsTab", "%n missing files were brought back from the backups.", "", back
            )
        if missing and self.ctx.db.is_server:
            text += " " + QCoreApplication.translate(
                "AttachmentsTab",
                "%n files are missing from the shared database: add them again.",
                "",
                missing,
            )
        elif missing:
            text += " " + QCoreApplication.translate(
                "AttachmentsTab",
                "%n files are missing from the attachments folder: restore a backup or add them again.",
                "",
                missing,
            )
        return text

    def _bring_back(self) -> int:
        """Files missing from the folder but kept in the backups' store are copied back (nothing is lost)."""
        if not any(not r.exists for r in self.rows) or self.ctx.read_only:
            return 0
        try:
            back = A.bring_back(self.ctx.path, [r for r in self.rows if not r.exists])
        except OSError:
            return 0  # the folder cannot be written: they are listed as missing
        if back:
            with self.ctx.db.read() as session:
                self.rows = A.listed(session, self.ctx.path, activity_id=self.activity_id)
        return back

    def _show_thumbnail(self, path: str, image: QImage) -> None:
        if image.isNull():
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(PathRole) == path:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _enable(self) -> None:
        has = bool(self.list.selectedItems())
        writable = self.activity_id is not None and not self.ctx.read_only
        self.add_button.setEnabled(writable)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has and writable)

    def _selected(self) -> list[A.AttachmentRow]:
        ids = {item.data(IdRole) for item in self.list.selectedItems()}
        return [r for r in self.rows if r.id in ids]

    # ---------------------------------------------------------------- commands

    def add_files(self, paths: Sequence[str] | None = None) -> int:
        """Copy the files in (each asked about shrinking when it is a big picture); returns how many."""
        if self.activity_id is None or self.ctx.read_only:
            return 0
        paths = list(paths if paths is not None else self.pick_files())
        added = 0
        with tempfile.TemporaryDirectory(prefix="lifelong-shrunk-") as scratch:
            for name in paths:
                source = self._maybe_shrunk(Path(name), Path(scratch))
                try:
                    with self.ctx.db.transaction("attachments add") as session:
                        A.add(session, self.ctx.path, self.activity_id, source)
                    added += 1
                except A.AttachmentProblem as exc:
                    self.inform(messages.render("attachments." + exc.code, message_language(), **exc.params))
                except (DatabaseProblem, OSError) as exc:
                    self.inform(self._failed(exc, Path(name)))
        if added:
            self.reload()
            self.changed.emit()
        return added

    def _maybe_shrink_dims(self, source: Path) -> tuple[int, int] | None:
        if not A.is_image(source.name) or not source.is_file():
            return None
        full = QImageReader(str(source)).size()
        return (full.width(), full.height()) if full.isValid() else None

    def _maybe_shrunk(self, source: Path, scratch: Path) -> Path:
        """The file to add: the original, or a shrunk JPEG copy when it is a big picture and the user agrees."""
        dims = self._maybe_shrink_dims(source)
        if dims is None:
            return source
        size = source.stat().st_size
        if not A.offer_shrink(size, *dims) or not self.ask_shrink(source.name, size, *dims):
            return source
        folder = scratch / str(len(list(scratch.iterdir())))
        folder.mkdir()
        return shrink_copy(source, folder) or source

    def _missing_text(self, r: A.AttachmentRow) -> str:
        if self.ctx.db.is_server:
            return QCoreApplication.translate(
                "AttachmentsTab", "%1\nmissing: its content is not in the shared database"
            ).replace("%1", r.file_name)
        return (
            QCoreApplication.translate("AttachmentsTab", "%1\nmissing: the file is not in %2")
            .replace("%1", r.file_name)
            .replace("%2", str(r.path.parent))
        )

    def open_selected(self) -> None:
        """Open each selected file with its program (a file kept in the database: a temporary copy)."""
        for r in self._selected():
            try:
                with self.ctx.db.read() as session:
                    path = A.local_copy(session, r)
            except (DatabaseProblem, OSError) as exc:
                self.inform(self._failed(exc, r.path))
                continue
            if path is not None:
                self.open_file(path)
            elif self.ctx.db.is_server:
                self.inform(
                    QCoreApplication.translate(
                        "AttachmentsTab",
                        "“%1” is missing: the shared database does not hold its content. Add the file again.",
                    ).replace("%1", r.file_name)
                )
            else:
                self.inform(
                    QCoreApplication.translate(
                        "AttachmentsTab",
                        "“%1” is missing: it is not in %2. Restore a backup or add the file again.",
                    )
                    .replace("%1", r.file_name)
                    .replace("%2", str(r.path.parent))
                )

    def remove_selected(self) -> int:
        rows = self._selected()
        if not rows or not self.confirm_remove(len(rows)):
            return 0
        try:
            with self.ctx.db.transaction("attachments remove") as session:
                for r in rows:
                    A.remove(session, r.id)
        except (A.AttachmentProblem, DatabaseProblem) as exc:
            self.inform(self._failed(exc, rows[0].path))
            self.reload()
            return 0
        self.reload()
        self.changed.emit()
        return len(rows)

    # ---------------------------------------------------------------- dialogs

    def _pick_files(self) -> Sequence[str]:
        paths, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("AttachmentsTab", "Add Files"), str(Path.home())
        )
        return paths

    def _ask_shrink(self, name: str, size: int, width: int, height: int) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("AttachmentsTab", "Large Picture"),
            QCoreApplication.translate(
                "AttachmentsTab",
                "“%1” is %2 (%3 × %4 pixels). Add a smaller copy (JPEG, %5 pixels on the longest side)? "
                "No adds the original.",
            )
            .replace("%1", name)
            .replace("%2", size_text(size))
            .replace("%3", str(width))
            .replace("%4", str(height))
            .replace("%5", str(A.SHRUNK_LONGEST)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_remove(self, n: int) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("AttachmentsTab", "Remove Attachments"),
            QCoreApplication.translate(
                "AttachmentsTab",
                "Remove %n attachments from this activity? Their files stay in the backups.",
                "",
                n,
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def _failed(exc: Exception, path: Path) -> str:
        if isinstance(exc, DatabaseProblem):
            return exc.message(message_language())
        if isinstance(exc, files.OutputProblem):
            sentence = exc.message(message_language())
        elif isinstance(exc, OSError):
            sentence = f"{path.name}: {exc.strerror or exc}"
        else:
            sentence = str(exc)
        return QCoreApplication.translate("AttachmentsTab", "The file was not added: %1").replace(
            "%1", sentence
        )
