"""Three-way merge of one record's fields: what the form loaded, what the user typed, what is stored now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lifelong_desktop.db.changes import ChangeEntry


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """The outcome of merging one record: the merged values and where the two sides met.

    `mine_only` and `theirs_only` name the fields changed by one side (taken from that side); `both` the fields
    both sides changed to different values (the user picks; `merged` holds theirs until then); `same` the
    fields both changed to the same value."""

    merged: dict[str, Any]
    mine_only: tuple[str, ...] = ()
    theirs_only: tuple[str, ...] = ()
    both: tuple[str, ...] = ()
    same: tuple[str, ...] = ()
    base: dict[str, Any] = field(default_factory=dict)
    mine: dict[str, Any] = field(default_factory=dict)
    theirs: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        """True when no field was changed by both sides to different values (no choice is needed)."""
        return not self.both

    def resolved(self, picks: Mapping[str, str]) -> dict[str, Any]:
        """The merged values with each field of `both` taken from the side picked ("mine" or "theirs").

        A field of `both` left out of `picks` keeps the stored value (theirs): nothing the other planner
        saved is overwritten without the user choosing it."""
        out = dict(self.merged)
        for name in self.both:
            side = picks.get(name, "theirs")
            if side not in ("mine", "theirs"):
                raise ValueError(f"pick for {name!r} must be 'mine' or 'theirs', not {side!r}")
            out[name] = self.mine[name] if side == "mine" else self.theirs[name]
        return out


_MISSING = object()


def merge_fields(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> FieldMerge:
    """Merge field by field: a field changed only by one side is taken from that side; a field changed by
    both to different values is listed in `both` for the user to decide. Keys are the union of the three
    mappings; a key one side lacks counts as unchanged on that side."""
    names = list(dict.fromkeys([*base, *mine, *theirs]))
    merged: dict[str, Any] = {}
    mine_only, theirs_only, both, same = [], [], [], []
    for name in names:
        b = base.get(name, _MISSING)
        m = mine.get(name, b)
        t = theirs.get(name, b)
        mine_changed, theirs_changed = m != b, t != b
        if mine_changed and theirs_changed:
            if m == t:
                same.append(name)
            else:
                both.append(name)
            merged[name] = t
        elif mine_changed:
            mine_only.append(name)
            merged[name] = m
        else:
            if theirs_changed:
                theirs_only.append(name)
            merged[name] = t
    merged = {k: v for k, v in merged.items() if v is not _MISSING}
    return FieldMerge(
        merged,
        tuple(mine_only),
        tuple(theirs_only),
        tuple(both),
        tuple(same),
        dict(base),
        dict(mine),
        dict(theirs),
    )


@dataclass(frozen=True, slots=True)
class Conflict:
    """A save that lost a race: the record was changed (merge set) or deleted (merge None) by someone else.

    `version` is the version stored now (to save over once the user has chosen); `changes` the audit entries
    of the other side's saves, oldest first: who, when, which fields."""

    entity: str
    entity_id: int
    merge: FieldMerge | None
    version: int | None
    changes: tuple[ChangeEntry, ...] = ()

    @property
    def deleted(self) -> bool:
        return self.merge is None

    @property
    def who(self) -> tuple[str, ...]:
        """The users who changed it meanwhile, each once, in order."""
        return tuple(dict.fromkeys(c.who for c in self.changes if c.who))

    @property
    def last(self) -> ChangeEntry | None:
        return self.changes[-1] if self.changes else None
