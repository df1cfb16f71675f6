"""Writing the submission workbook: the writer driven by the format, export, template, instructions, safe output."""
