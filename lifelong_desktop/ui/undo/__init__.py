"""Undo commands: one QUndoCommand per user edit, each redo/undo one database transaction."""
