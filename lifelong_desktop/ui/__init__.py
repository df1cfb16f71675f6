"""Widgets, table models, dialogs, undo commands, settings and translations."""

# Guard against the shiboken6 reference-count bug on CPython 3.11 before any widget work (see printing.qt).
from lifelong_desktop.printing.qt import keep_none_alive

keep_none_alive()
