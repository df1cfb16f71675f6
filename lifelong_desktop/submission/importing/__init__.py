"""Importing a read workbook into the database: the plan, matching to stored rows, applying it."""
