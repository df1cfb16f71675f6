"""The Activities view: table model over activity rows, filters, collation, and the view widget."""
