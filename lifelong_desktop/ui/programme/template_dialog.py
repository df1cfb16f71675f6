"""Which office a blank template is for: the programme's region or one of its cities or counties, and the year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lifelong_desktop.services.regions import regions
from lifelong_desktop.ui.common.widgets import ok_cancel


class TemplateDialog(QDialog):
    def __init__(self, region_code: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blank Template"))
        reg = regions()
        self.region = QComboBox(self)
        self.region.setAccessibleName(self.tr("Office that fills in the template"))
        own = reg.get(region_code)
        if own is not None:
            self.region.addItem(own.name, own.code)
        for child in sorted(reg.children(region_code), key=lambda r: r.code):
            self.region.addItem(f"{child.name}（{child.code}）", child.code)
            if own is not None and own.level == "province":
                for county in sorted(reg.children(child.code), key=lambda r: r.code):
                    self.region.addItem(f"　{county.name}（{county.code}）", county.code)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setAccessibleName(self.tr("Year"))
        form = QFormLayout()
        form.addRow(self.tr("&Office:"), self.region)
        form.addRow(self.tr("&Year:"), self.year)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The workbook carries that office's region code and drop-down lists of its cities "
                "and counties."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, int]:
        return self.region.currentData(), self.year.value()
