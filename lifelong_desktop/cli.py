"""The `lifelong` command: argparse subcommands over the services (one module each in commands/)."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from lifelong_desktop import __version__, commands, messages
from lifelong_desktop.commands.common import EXIT_INTERNAL, CliError, report_internal_error
from lifelong_desktop.db import DatabaseProblem


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lifelong",
        description="全民终身学习活动周计划工具（命令行）/ Lifelong Learning Activity Week planner, headless commands",
    )
    parser.add_argument("--version", action="version", version=f"lifelong-desktop {__version__}")
    parser.add_argument("--lang", choices=messages.LANGUAGES, help="message language: zh (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_") or info.name == "common":
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        os.environ["LIFELONG_LANG"] = args.lang
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except DatabaseProblem as exc:
        print(exc.message(), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print(messages.render("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        print(report_internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
