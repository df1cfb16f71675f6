"""The `lifelong` command: argparse subcommands over the services (one module each in commands/)."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from lifelong_desktop import __version__, commands, messages

VERSION_TEXT = f"lifelong-desktop {__version__}"

_ARGPARSE_ZH = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (
        re.compile(r"argument COMMAND: invalid choice: (.+?) \(choose from (.+)\)"),
        "没有 {0} 这个命令，可用的命令：{1}",
    ),
    (
        re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"),
        "参数 {0} 的取值 {1} 无效，可选：{2}",
    ),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.+)"), "参数 {0} 的取值 {2} 无效"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面缺少取值"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "参数 {0} 不能与 {1} 同时使用"),
)


class Parser(argparse.ArgumentParser):
    """argparse with misuse reported as one sentence in the user's language (exit 2), no usage dump."""

    def error(self, message: str) -> NoReturn:
        detail = message
        if messages.current_language() == "zh":
            for pattern, template in _ARGPARSE_ZH:
                m = pattern.fullmatch(message)
                if m:
                    detail = template.format(*m.groups())
                    break
        print(messages.render("cli.usage_error", detail=detail, prog=self.prog), file=sys.stderr)
        sys.exit(2)


# commands registered alone, with their own module, when invoked: `lifelong validate` and `lifelong check`
# (of a file) then load no SQLAlchemy and `lifelong import` none of the other commands' modules (tests/unit/test_cli_basics.py
# checks each one against the module that registers it)
_LIGHT = {"validate": "validate", "import": "validate", "returns": "validate", "check": "check"}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `lifelong` parser with every command, or with those of the module `only` of lifelong_desktop.commands."""
    parser = Parser(prog="lifelong", description="Lifelong Learning Activity Week planner, headless commands")
    parser.add_argument("--version", action="version", version=VERSION_TEXT)
    parser.add_argument("--lang", choices=messages.LANGUAGES, help="message language: zh (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _command_modules() if only is None else [only]:
        module = importlib.import_module(f"{commands.__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    from lifelong_desktop.commands._help import localise

    localise(parser, messages.current_language())
    return parser


def _command_modules() -> list[str]:
    """The modules of lifelong_desktop.commands that may register commands, by name (pkgutil, and the
    `inspect` it loads, only when every command is wanted)."""
    import pkgutil

    names = (m.name for m in pkgutil.iter_modules(commands.__path__))
    return sorted(n for n in names if not n.startswith("_") and n != "common")


def main(argv: Sequence[str] | None = None) -> int:
    """The `lifelong` command; `argv` None: the process's own arguments (the installed command)."""
    own_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before the commands (and SQLAlchemy under them) are loaded
        print(VERSION_TEXT)
        return 0
    try:
        code = _run(argv)
    except KeyboardInterrupt:  # Ctrl+C, while the commands load or while one runs: one short sentence
        print(messages.render("cli.interrupted"), file=sys.stderr)
        code = 130
    if own_process:  # the process ends now: its last garbage collection would only walk every module's
        gc.freeze()  # objects (0.1-0.2 s after an import); files and databases are closed by then
        if _command_word(argv) in _QUICK_EXIT and _alone():
            _leave(code)
    return code


# commands whose process may end without tearing down the interpreter (freeing every module and object:
# 10-15 ms after `check` of a large programme, 0.03-0.05 s after `validate` of a 20,000-activity export):
# they write no file and leave no thread that must finish
_QUICK_EXIT = {"check", "validate"}


def _alone() -> bool:
    """Whether this process runs no other thread now (one would be cut off by a quick exit)."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _leave(code: int) -> None:
    """End the process now with `code`, once its output is flushed and its exit handlers have run; returns
    (the interpreter then ends as usual) when the output cannot be flushed."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a reader gone: the usual ending says so as it always did
        return
    import atexit

    atexit._run_exitfuncs()
    os._exit(code)


def _run(argv: list[str]) -> int:
    # loaded here, not at the top, for the line above: they bring SQLAlchemy and the models
    from lifelong_desktop.commands.common import EXIT_INTERNAL, CliError, report_internal_error

    for i, arg in enumerate(argv):  # the language of misuse messages, before argparse reads anything
        if arg.startswith("--lang="):
            os.environ["LIFELONG_LANG"] = arg.split("=", 1)[1]
        elif arg == "--lang" and i + 1 < len(argv):
            os.environ["LIFELONG_LANG"] = argv[i + 1]
    parser = build_parser(_LIGHT.get(_command_word(argv) or ""))
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
    except _reported_problems() as exc:  # an output not written: any old file is unchanged
        print(exc.message(), file=sys.stderr)
        return 2 if isinstance(exc, _reported_problems()[1]) else 3
    except BrokenPipeError:  # `lifelong check --json | head`: the reader went away; not an error of ours
        try:  # so that Python's final flush of stdout does not fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout without a file descriptor (io.UnsupportedOperation)
            pass
        return 141
    except Exception as exc:
        print(report_internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL


def _command_word(argv: list[str]) -> str | None:
    """The command named on the line (`validate` in `lifelong --lang en validate F`), or None."""
    i = 0
    while i < len(argv):
        if argv[i] == "--lang":
            i += 2
        elif argv[i].startswith("-"):
            i += 1
        else:
            return argv[i]
    return None


def _reported_problems() -> tuple[type[Exception], type[Exception]]:
    """DatabaseProblem and OutputProblem, loaded only when an exception is being matched (they bring SQLAlchemy)."""
    from lifelong_desktop.db import DatabaseProblem
    from lifelong_desktop.files import OutputProblem

    return DatabaseProblem, OutputProblem


if __name__ == "__main__":
    sys.exit(main())
