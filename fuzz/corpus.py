"""The corpus of found cases (tests/data/fuzz_corpus/): saving a failing input, and replaying one."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "fuzz_corpus"
VALUES, WORKBOOKS = ROOT / "values", ROOT / "workbooks"


def encode(raw: Any) -> Any:
    """A cell value as JSON that keeps its type (floats like NaN, dates, times, durations)."""
    if raw is None or isinstance(raw, bool | int | str):
        if isinstance(raw, str):
            try:
                raw.encode("utf-8")
            except UnicodeEncodeError:
                return {"type": "str_surrogates", "value": raw.encode("utf-8", "surrogatepass").hex()}
        return raw
    if isinstance(raw, float):
        return {"type": "float", "value": repr(raw)}
    for kind in (datetime, date, time):
        if isinstance(raw, kind):
            return {"type": kind.__name__, "value": raw.isoformat()}
    if isinstance(raw, timedelta):
        return {"type": "timedelta", "value": raw.total_seconds()}
    return {"type": "repr", "value": repr(raw)}


def decode(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    kind, value = data["type"], data["value"]
    if kind == "float":
        return float(value)  # repr() of a float, "nan" and "inf" included
    if kind == "str_surrogates":
        return bytes.fromhex(value).decode("utf-8", "surrogatepass")
    if kind in ("datetime", "date", "time"):
        return {"datetime": datetime, "date": date, "time": time}[kind].fromisoformat(value)
    if kind == "timedelta":
        return timedelta(seconds=value)
    raise ValueError(f"cannot decode {data!r}")


def save_value_case(payload: dict[str, Any], error: str) -> Path:
    VALUES.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    path = VALUES / f"{payload['target']}-{hashlib.sha1(text.encode()).hexdigest()[:10]}.json"
    path.write_text(json.dumps({**payload, "found": error}, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def save_workbook_case(payload: dict[str, Any]) -> Path:
    WORKBOOKS.mkdir(parents=True, exist_ok=True)
    path = WORKBOOKS / f"{payload['how']}-{payload['sha']}.xlsx"
    path.write_bytes(payload["bytes"])
    return path


def check_read_result(result: Any) -> None:
    """The reader's answer to any file: a result whose findings all have a sentence."""
    from lifelong_desktop import messages
    from lifelong_desktop.submission.reading.reader import ReadResult

    if not isinstance(result, ReadResult):
        raise TypeError(f"read_workbook returned {type(result).__name__}")
    for finding in result.findings:
        if not messages.has("finding." + finding.code):
            raise AssertionError(f"finding code {finding.code!r} has no sentence")
        finding.message("zh")
        finding.message("en")


def value_cases() -> list[Path]:
    return sorted(VALUES.glob("*.json"))


def workbook_cases() -> list[Path]:
    return sorted(WORKBOOKS.glob("*.xlsx"))
