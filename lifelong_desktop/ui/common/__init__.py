"""What the features of the window share: the context, row table models, lazy views, undo base, widgets, code labels."""
