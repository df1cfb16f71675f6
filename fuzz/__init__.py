"""Fuzzing the workbook reader and the cell value parsers: `python -m fuzz` (see fuzz/__main__.py)."""
