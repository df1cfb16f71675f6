"""The `lifelong` command's own behaviour: version, help, misuse, and failures as one sentence, never a traceback."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from lifelong_desktop import __version__, cli, commands
from lifelong_desktop.commands.common import EXIT_INTERNAL, CliError
from lifelong_desktop.db import DatabaseProblem


def _script(name: str) -> Path:
    """A console script installed beside the running interpreter (the venv's bin/ or Scripts\\)."""
    folder = Path(sys.executable).parent
    path = folder / (f"{name}.exe" if os.name == "nt" else name)
    assert path.exists(), f"{path} is missing: is the package installed (pip install -e .)?"
    return path


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(_script("lifelong")), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        encoding="utf-8",
    )


def _command_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.iter_modules(commands.__path__)
        if not m.name.startswith("_") and m.name != "common"
    ]


def test_version_from_the_installed_script():
    result = _run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"lifelong-desktop {__version__}"


def test_help_lists_every_command_module():
    result = _run("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：lifelong")  # Chinese by default (issue 9)
    sub = next(a for a in cli.build_parser()._actions if a.dest == "command")
    registered = sub.choices  # what discovery registered
    for name in registered:
        assert name in result.stdout, name
    # each module of commands/ registers at least one subcommand
    assert len(registered) >= len(_command_modules())


def test_unknown_subcommand_is_misuse_with_exit_2():
    result = _run("no-such-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no-such-command" in result.stderr


def test_no_subcommand_prints_help_and_exits_2(capsys):
    assert cli.main([]) == 2
    assert "用法：lifelong" in capsys.readouterr().out


def test_python_dash_m_entry_point_works():
    result = subprocess.run(
        [sys.executable, "-m", "lifelong_desktop.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.fixture
def failing_command(monkeypatch):
    """Adds a `boom` subcommand whose action raises whatever the test puts in `raised`."""
    raised: list[BaseException] = []
    original = cli.build_parser

    def build_parser(only=None):
        parser = original(only)
        sub = next(a for a in parser._actions if a.dest == "command")

        def boom(_args):
            raise raised[0]

        sub.add_parser("boom").set_defaults(func=boom)
        return parser

    monkeypatch.setattr(cli, "build_parser", build_parser)
    return raised


def test_internal_error_is_one_sentence_and_the_traceback_goes_to_a_log(failing_command, capsys):
    failing_command.append(RuntimeError("disk gremlin 42"))
    assert cli.main(["--lang", "en", "boom"]) == EXIT_INTERNAL
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "disk gremlin" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "RuntimeError" in lines[0] and "support" in lines[0]
    log = Path(os.environ["LIFELONG_DATA_DIR"]) / "error.log"
    assert str(log) in lines[0]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "disk gremlin 42" in text


def test_internal_error_speaks_chinese_by_default(failing_command, capsys):
    failing_command.append(KeyError("x"))
    assert cli.main(["boom"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "程序内部出错" in err and "Traceback" not in err


def test_cli_error_uses_its_own_exit_code(failing_command, capsys):
    failing_command.append(CliError("文件无法读取。", 2))
    assert cli.main(["boom"]) == 2
    assert capsys.readouterr().err.strip() == "文件无法读取。"


def test_database_problem_exits_3_with_its_sentence(failing_command, capsys, tmp_path):
    problem = DatabaseProblem("locked", tmp_path / "plan.sqlite")
    failing_command.append(problem)
    assert cli.main(["--lang", "en", "boom"]) == 3
    err = capsys.readouterr().err.strip()
    assert err == problem.message("en") and "Traceback" not in err
    assert err != "db.locked" and "plan.sqlite" in err  # a real sentence from db.json, not the bare code


def test_ctrl_c_is_a_short_cancelled_message(failing_command, capsys):
    failing_command.append(KeyboardInterrupt())
    assert cli.main(["--lang", "en", "boom"]) == 130
    assert capsys.readouterr().err.strip() == "Cancelled."


def test_internal_error_in_a_real_process_shows_no_traceback(tmp_path):
    """End to end: a command that crashes inside a real `lifelong` process still prints one sentence."""
    probe = (
        "import sys\n"
        "from lifelong_desktop import cli\n"
        "original = cli.build_parser\n"
        "def build_parser(only=None):\n"
        "    p = original(only)\n"
        "    sub = next(a for a in p._actions if a.dest == 'command')\n"
        "    sub.add_parser('boom').set_defaults(func=lambda a: 1 / 0)\n"
        "    return p\n"
        "cli.build_parser = build_parser\n"
        "sys.exit(cli.main(['--lang', 'en', 'boom']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LIFELONG_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == EXIT_INTERNAL
    assert "Traceback" not in result.stderr and "ZeroDivisionError" in result.stderr
    assert "ZeroDivisionError" in (tmp_path / "error.log").read_text(encoding="utf-8")


def test_a_file_that_is_no_database_is_exit_3_and_one_sentence_and_stays_as_it_was(tmp_path):
    """Through the real script: the DatabaseProblem path, in English and in the default Chinese."""
    junk = tmp_path / "plan.sqlite"
    content = b"not an SQLite file, only words " * 8
    junk.write_bytes(content)
    english = _run("--lang", "en", "check", "--db", str(junk))
    assert english.returncode == 3
    assert english.stderr.strip().count("\n") == 0 and "plan.sqlite" in english.stderr
    assert "Traceback" not in english.stderr and "not a lifelong-desktop database" in english.stderr
    chinese = _run("check", "--db", str(junk))
    assert chinese.returncode == 3 and "不是本程序的数据库" in chinese.stderr
    assert junk.read_bytes() == content


def test_gui_without_a_display_says_so_in_one_sentence(monkeypatch, capsys):
    """`lifelong-desktop` on a Linux box with no display: one sentence and exit 1, never Qt's abort."""
    import lifelong_desktop.app as app

    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("a display always exists there")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert app.main(["lifelong-desktop"]) == 1
    err = capsys.readouterr().err.strip()
    assert "DISPLAY" in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_misuse_is_one_sentence_in_chinese_without_usage_dump(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["export"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err] and "缺少必需的参数：--out" in err and "usage:" not in err


def test_misuse_speaks_english_with_lang_en(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--lang", "en", "check", "--year", "abc"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "invalid int value: 'abc'" in err and "check --help" in err


def test_a_closed_pipe_is_not_an_internal_error(failing_command, capsys):
    """`lifelong check --json | head`: the reader leaves early; no error sentence, no error.log entry."""
    failing_command.append(BrokenPipeError(32, "Broken pipe"))
    assert cli.main(["boom"]) == 141
    assert "程序内部出错" not in capsys.readouterr().err
    assert not (Path(os.environ["LIFELONG_DATA_DIR"]) / "error.log").exists()


def test_validate_loads_no_sqlalchemy_and_import_still_works(tmp_path):
    """`lifelong validate` needs no database: in a real process it loads no SQLAlchemy (nor the ORM models,
    nor the workbook writer and the web client its XML escaping brings), while `lifelong import` of the same
    workbook, which does, still runs in its own process."""
    book = sorted((Path(__file__).parents[1] / "data" / "fuzz_corpus" / "workbooks").glob("*.xlsx"))[0]
    probe = (
        "import sys\n"
        "from lifelong_desktop import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        "heavy = ('sqlalchemy', 'lifelong_desktop.submission.xlsx.writer', 'urllib.request')\n"
        "loaded = sorted(m for m in sys.modules if m in heavy or m.startswith('lifelong_desktop.models'))\n"
        "print('LOADED', loaded, code)\n"
    )
    env = {**os.environ, "LIFELONG_DATA_DIR": str(tmp_path), "LIFELONG_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-c", probe, "validate", str(book)], capture_output=True, text=True, env=env
    )
    assert "LOADED [] " in run.stdout, run.stdout + run.stderr
    db = tmp_path / "x.sqlite"
    run = subprocess.run(
        [sys.executable, "-c", probe, "import", "--db", str(db), str(book)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "'sqlalchemy'" in run.stdout, run.stdout + run.stderr


def test_each_command_registered_alone_is_registered_by_its_module():
    """The CLI's table of commands registered alone names, for each, the module that registers it."""
    for command, module in cli._LIGHT.items():
        alone = next(a for a in cli.build_parser(module)._actions if a.dest == "command")
        every = next(a for a in cli.build_parser()._actions if a.dest == "command")
        assert command in alone.choices, command
        assert alone.choices[command].format_help() == every.choices[command].format_help()


def test_ctrl_c_while_the_commands_load_is_the_same_short_message(monkeypatch, capsys):
    """Ctrl+C before a command runs (argparse being built: `merge` loads every command) is no traceback."""

    def interrupted(only=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    assert cli.main(["--lang", "en", "merge", "x.xlsx"]) == 130
    assert capsys.readouterr().err.strip() == "Cancelled."


def test_validate_in_its_own_process_prints_everything_and_its_exit_code(tmp_path):
    """`lifelong validate` ends without tearing the interpreter down (as `check` does): its output piped
    arrives whole, in both forms, with the workbook's exit code."""
    import json

    from tests.helpers.hostile import mh

    book = mh.build_workbook(tmp_path / "bad.xlsx", activities=[mh.sample_activity(start_date="2027-02-30")])
    listed = _run("validate", "--json", str(book), LIFELONG_DATA_DIR=str(tmp_path))
    findings = json.loads(listed.stdout)[0]["findings"]
    assert listed.returncode == 1 and any(f["severity"] == "error" for f in findings), listed.stderr
    told = _run("--lang", "en", "validate", str(book), LIFELONG_DATA_DIR=str(tmp_path))
    lines = told.stdout.splitlines()
    assert told.returncode == 1 and len(lines) == len(findings) + 1 and lines[-1].startswith("bad.xlsx: ")


def test_a_quick_exit_waits_for_no_thread_but_is_not_taken_beside_one():
    import threading

    assert cli._alone()
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not cli._alone()
    finally:
        release.set()
        other.join()
    assert cli._alone()
