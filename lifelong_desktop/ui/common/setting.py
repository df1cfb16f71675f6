"""One setting of the window, declared with its INI key, type and default (see ui.shell.settings)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its INI key, Python type (str, int, bool, list, dict, bytes) and default."""

    key: str
    type: type
    default: T

    def decode(self, raw: Any) -> T:
        if raw is None or raw == "":
            return self.default
        try:
            if self.type is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")  # type: ignore[return-value]
            if self.type is int:
                return int(raw)  # type: ignore[return-value]
            if self.type in (list, dict):
                value = json.loads(raw) if isinstance(raw, str) else raw
                return value if isinstance(value, self.type) else self.default
            if self.type is bytes:
                return base64.b64decode(str(raw))  # type: ignore[return-value]
            return str(raw)  # type: ignore[return-value]
        except (ValueError, TypeError):
            return self.default

    def encode(self, value: T) -> Any:
        if self.type in (list, dict):
            return json.dumps(value, ensure_ascii=False)
        if self.type is bytes:
            return base64.b64encode(bytes(value)).decode("ascii")  # type: ignore[arg-type]
        if self.type is bool:
            return "true" if value else "false"
        return value
