"""Which files a merge reads: patterns expanded by the program (Windows shells do not), lock files skipped."""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Any

from lifelong_desktop import messages
from lifelong_desktop.submission.findings import WARNING, Finding

_GLOB_CHARS = set("*?[")


class MergeProblem(Exception):
    """The merge cannot start or finish as asked (no inputs, output among inputs, unit/contact missing)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str | None = None, **extra: Any) -> str:
        """One sentence in the user's language (resources/i18n/messages/export.json, `merge.<code>`)."""
        params = dict(self.params)
        if "scope" in params and messages.has("export.scope." + str(params["scope"])):
            params["scope"] = messages.render("export.scope." + str(params["scope"]), lang)
        return messages.render("merge." + self.code, lang, **{"patterns": "", **params, **extra})

    def __str__(self) -> str:
        return self.message()


def expand_inputs(patterns: list[str], target: Path | None = None) -> tuple[list[Path], list[Finding]]:
    """Files named or matched by the patterns (expanded here: Windows shells do not), Excel lock files skipped."""
    paths: list[Path] = []
    skipped: list[Finding] = []
    seen: set[Path] = set()
    out = target.resolve() if target else None
    for pattern in patterns:
        is_glob = (
            bool(_GLOB_CHARS & set(pattern)) and not Path(pattern).exists()
        )  # `[2024]沈阳.xlsx` is a name
        matches = sorted(glob.glob(pattern)) if is_glob else [pattern]
        for text in matches:
            path = Path(text)
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if out is not None and resolved == out:
                if not is_glob:
                    raise MergeProblem("output_is_input", name=path.name)
                continue
            if not is_glob and not path.exists():
                raise MergeProblem("missing_input", name=str(path))
            if path.name.startswith("~$"):
                skipped.append(Finding(WARNING, "lock_file_skipped", file=path.name))
                continue
            paths.append(path)
    return paths, skipped
