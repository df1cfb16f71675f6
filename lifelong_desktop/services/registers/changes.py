"""What a register change returns: a frozen record holding what is needed to undo it, or RegisterError."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lifelong_desktop import messages


class RegisterError(ValueError):
    """A register change the user asked for that cannot be made; `code` says why, `field` where."""

    def __init__(self, code: str, field: str = "", **params: Any) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return messages.render("registers." + self.code, lang, **self.params)

    def __str__(self) -> str:  # a failed undo/redo is shown through str(): the sentence, not the code
        return self.message()


@dataclass(frozen=True, slots=True)
class _Entry:
    """A register entry with all its values: the record of creating or deleting it."""

    entity: str  # organisation or venue
    id: int
    values: dict[str, Any] = field(hash=False)


@dataclass(frozen=True, slots=True)
class EntryCreated(_Entry):
    """An entry made (undo deletes it)."""


@dataclass(frozen=True, slots=True)
class EntryUpdated:
    """An entry's changed values, before and after."""

    entity: str
    id: int
    before: dict[str, Any] = field(hash=False)
    after: dict[str, Any] = field(hash=False)


@dataclass(frozen=True, slots=True)
class EntryDeleted(_Entry):
    """An entry removed (undo puts it back with the same id)."""


@dataclass(frozen=True, slots=True)
class Link:
    """One organiser link: organisation `organisation_id` in `role` at `position` of an activity."""

    activity_id: int
    role: str
    position: int
    organisation_id: int


@dataclass(frozen=True, slots=True)
class EntriesMerged:
    """Two register entries that are the same body made one: `drop` removed, its activities on `keep`."""

    entity: str
    keep_id: int
    dropped: EntryDeleted
    kept: EntryUpdated  # blank fields of the kept entry filled from the dropped one (may change nothing)
    activity_ids: tuple[int, ...]  # activities that moved
    links_before: tuple[Link, ...] = ()  # organisations: every link of the moved activities before
    links_after: tuple[Link, ...] = ()
    duplicates_removed: int = 0  # links dropped because the activity already had `keep` in that role


Change = EntryCreated | EntryUpdated | EntryDeleted | EntriesMerged
