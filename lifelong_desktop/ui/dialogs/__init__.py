"""Dialogs of the window: paste preview, new programme, import preview."""
