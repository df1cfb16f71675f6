"""The organisation and venue registers in the window: forms, merge dialog and undo commands."""
