"""Widgets, table models, dialogs, undo commands, settings and translations."""
