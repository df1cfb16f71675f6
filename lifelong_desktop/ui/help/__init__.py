"""The user guide shown by F1."""
