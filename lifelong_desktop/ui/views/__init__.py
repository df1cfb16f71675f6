"""The views the main window shows after Activities, in order (each: QWidget subclass taking (ctx, parent))."""

from __future__ import annotations

VIEWS: list[type] = []
