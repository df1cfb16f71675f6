"""Views that report on the programme: planning checks, the summary in numbers with charts, the cities' returns."""
