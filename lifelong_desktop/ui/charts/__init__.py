"""Charts drawn with QPainter (no QtCharts dependency)."""
