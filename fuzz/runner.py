"""The fuzz run: hypothesis draws inputs, every input is run guarded, failures go to the corpus."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fuzz import corpus
from fuzz.guard import Failure, run_guarded
from fuzz.values import TARGETS, WrongResult, check_value, raw_values, round_trips

VALUE_LIMIT_S = 2.0
WORKBOOK_LIMIT_S = 30.0


class TimeUp(Exception):
    """The run's time is over: raised inside a hypothesis test to stop it drawing (and building) inputs."""


@dataclass
class Tally:
    """How many inputs each target got, and what went wrong."""

    inputs: Counter = field(default_factory=Counter)
    failures: dict[tuple[str, str, str], Failure] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, target: str, failure: Failure | None) -> None:
        self.inputs[target] += 1
        if failure is not None and failure.key not in self.failures:
            self.failures[failure.key] = failure


def _settings(examples: int, deadline_s: float) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        stateful_step_count=1,
        report_multiple_bugs=False,
        print_blob=False,
    )


def _value_test(tally: Tally, name: str, examples: int, stop_at: float) -> Any:
    from lifelong_desktop.submission.values import ValueProblem

    @given(raw=raw_values(), extra=st.integers(0, 1000))
    @_settings(examples, VALUE_LIMIT_S)
    def one(raw: Any, extra: int) -> None:
        if time.monotonic() > stop_at:
            return
        _, failure = run_guarded(
            name,
            lambda: check_value(name, raw, extra),
            {"target": name, "raw": corpus.encode(raw), "extra": extra},
            expected=(ValueProblem,),
            limit=VALUE_LIMIT_S,
        )
        tally.add(name, failure)

    return one


def _round_trip_test(
    tally: Tally, name: str, strategy: Any, holds: Any, examples: int, stop_at: float
) -> Any:
    @given(value=strategy)
    @_settings(examples, VALUE_LIMIT_S)
    def trip(value: Any) -> None:
        if time.monotonic() > stop_at:
            return

        def call() -> None:
            if not holds(value):
                raise WrongResult(f"{value!r} did not read back")

        _, failure = run_guarded(
            "roundtrip_" + name,
            call,
            {"target": "roundtrip_" + name, "raw": corpus.encode(value)},
            expected=(),
            limit=VALUE_LIMIT_S,
        )
        tally.add("roundtrip_" + name, failure)

    return trip


def fuzz_values(tally: Tally, examples: int, stop_at: float) -> None:
    for name in TARGETS:
        _value_test(tally, name, examples, stop_at)()
    for name, (strategy, holds) in round_trips().items():
        _round_trip_test(tally, name, strategy, holds, examples, stop_at)()


def fuzz_workbooks(tally: Tally, examples: int, stop_at: float, base: Path) -> None:
    """Read every fuzzed workbook; import the structural ones into a database copy (the oracle)."""
    import tempfile

    from fuzz.oracle import DatabaseOracle
    from fuzz.workbooks import read_parts, scratch_file, workbook_bytes
    from lifelong_desktop.submission.reading.reader import read_workbook

    start = read_workbook(base)
    if not start.ok:  # mutations must start from a workbook the reader accepts, or they test little
        raise RuntimeError(f"the base workbook does not read cleanly: {[f.code for f in start.findings][:5]}")
    raw_base, parts = base.read_bytes(), read_parts(base)
    scratch = scratch_file()
    folder = Path(tempfile.mkdtemp(prefix="fuzz-oracle-"))
    oracle = DatabaseOracle(folder, base)

    def read(data: bytes, how: str) -> None:
        scratch.write_bytes(data)
        result = read_workbook(scratch)
        corpus.check_read_result(result)
        oracle.check(scratch, how)

    try:

        @given(made=workbook_bytes(raw_base, parts))
        @_settings(examples, WORKBOOK_LIMIT_S)
        def one(made: tuple[str, bytes]) -> None:
            if time.monotonic() > stop_at:
                raise TimeUp  # ends the run: returning would let hypothesis go on building inputs
            how, data = made
            digest = hashlib.sha1(data).hexdigest()[:12]
            _, failure = run_guarded(
                "read_workbook",
                lambda: read(data, how),
                {"how": how, "bytes": data, "sha": digest},
                expected=(),
                limit=WORKBOOK_LIMIT_S,
            )
            tally.add("read_workbook", failure)
            tally.inputs["read_workbook:" + how] += 1

        try:
            one()
        except TimeUp:
            pass
    finally:
        scratch.unlink(missing_ok=True)
        tally.inputs["oracle:imports"] = oracle.checked
        shutil.rmtree(folder, ignore_errors=True)


def report(tally: Tally) -> str:
    lines = [f"{'target':<28}{'inputs':>10}"]
    for name, n in sorted(tally.inputs.items()):
        lines.append(f"{name:<28}{n:>10}")
    total = sum(n for k, n in tally.inputs.items() if ":" not in k)
    lines.append(f"{'total':<28}{total:>10}   in {tally.seconds:.0f} s")
    if tally.failures:
        lines.append(f"{len(tally.failures)} distinct failures:")
        lines += [f"  {f.kind} {f.target} at {f.where}: {f.error}" for f in tally.failures.values()]
    else:
        lines.append("no crash, no hang")
    return "\n".join(lines)


def summary(tally: Tally) -> dict[str, Any]:
    return {
        "inputs": dict(tally.inputs),
        "seconds": round(tally.seconds, 1),
        "failures": [
            {"target": f.target, "kind": f.kind, "where": f.where, "error": f.error}
            for f in tally.failures.values()
        ],
    }


def save_summary(tally: Tally, path: Path) -> None:
    path.write_text(json.dumps(summary(tally), ensure_ascii=False, indent=1), encoding="utf-8")
