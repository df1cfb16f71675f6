"""Merging the returns of one level into the level-above workbook (format section 12)."""
