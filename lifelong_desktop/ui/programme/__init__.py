"""The File menu's work: databases and programmes, workbook import/export, templates, printing and iCalendar."""
