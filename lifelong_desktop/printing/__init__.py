"""Schedule documents (PDF, ODT) and iCalendar; QtGui/QtPrintSupport only, never widgets."""
