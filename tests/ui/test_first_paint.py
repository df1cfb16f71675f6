"""Work put off until a widget has been painted runs once, after the paint, and never for a destroyed widget."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from lifelong_desktop.ui.common.first_paint import after_next_paint


def test_runs_once_after_the_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    after_next_paint(widget, lambda: calls.append(widget.isVisible()))
    qtbot.wait(50)
    assert calls == []  # not shown, not painted: nothing yet
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    widget.repaint()
    qtbot.wait(50)
    assert calls == [True]  # one paint, one call


def test_a_widget_destroyed_before_its_paint_never_calls(qtbot):
    widget = QWidget()
    calls = []
    after_next_paint(widget, lambda: calls.append(1))
    widget.deleteLater()
    qtbot.wait(100)
    assert calls == []
