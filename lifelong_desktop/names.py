"""Name normalisation shared by organisations and venues everywhere (format section 5); no SQLAlchemy, no Qt."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+", re.UNICODE)


def normalise_name(name: str | None) -> str:
    """NFKC form, all white space removed, Latin letters case-folded: `（ 沈阳 ）` equals `(沈阳)`."""
    if not name:
        return ""
    # is_normalized answers most names (already NFKC) several times faster than normalize finds it out
    text = name if unicodedata.is_normalized("NFKC", name) else unicodedata.normalize("NFKC", name)
    text = _SPACE.sub("", text)
    return text.casefold()
