"""Dialogs that edit activities: the activity form, bulk edit, weekly series, organiser lists."""
