"""The programme calendar view: weeks and months, lanes by city or venue, the painted grid."""
