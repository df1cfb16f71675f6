"""`python -m fuzz [--examples N] [--seconds S] [--only values|workbooks]`: fuzz the reader and parsers.

Every input either gives a result or an expected refusal (ValueProblem, findings); anything else is a
crash, anything past its time limit a hang. Failing inputs are saved to tests/data/fuzz_corpus/, which
tests/unit/test_fuzz_corpus.py replays on every test run. Exit 0 when nothing was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000, help="inputs per value target (default 3000)")
    parser.add_argument("--workbooks", type=int, default=600, help="workbook inputs (default 600)")
    parser.add_argument("--seconds", type=float, default=600, help="stop drawing new inputs after S seconds")
    parser.add_argument("--only", choices=("values", "workbooks"))
    parser.add_argument("--summary", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    os.environ.setdefault("LIFELONG_DATA_DIR", tempfile.mkdtemp(prefix="fuzz-data-"))
    os.environ.setdefault("LIFELONG_LANG", "zh")

    from fuzz import corpus, runner

    tally = runner.Tally()
    started = time.monotonic()
    stop_at = started + args.seconds
    if args.only in (None, "values"):
        runner.fuzz_values(tally, args.examples, stop_at)
    if args.only in (None, "workbooks"):
        from fuzz.workbooks import build_base

        with tempfile.TemporaryDirectory(prefix="fuzz-base-") as folder:
            base = build_base(Path(folder))
            runner.fuzz_workbooks(tally, args.workbooks, stop_at, base)
    tally.seconds = time.monotonic() - started
    for failure in tally.failures.values():
        saved = (
            corpus.save_workbook_case(failure.payload)
            if failure.target == "read_workbook"
            else corpus.save_value_case(failure.payload, failure.error)
        )
        print(f"saved {saved}", file=sys.stderr)
    print(runner.report(tally))
    if args.summary:
        runner.save_summary(tally, args.summary)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
