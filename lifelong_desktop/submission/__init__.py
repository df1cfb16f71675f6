"""The standard submission workbook: format description, writer, reader/validator, merger; no Qt."""
