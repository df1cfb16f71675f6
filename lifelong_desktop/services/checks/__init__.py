"""Planning checks of a programme: findings with codes (runner), single-activity rules, conflicts, holidays; no Qt."""
