"""Use cases over a Session: planning, queries and checks; no Qt, no workbook code."""
