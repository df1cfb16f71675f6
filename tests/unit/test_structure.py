"""The structure stays as docs/architecture.md draws it: no import cycles, small modules and functions."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lifelong_desktop"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts)


def _cycles(adjacency: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(adjacency):
        if start in index:
            continue
        work = [(start, iter(sorted(adjacency[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(adjacency[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("lifelong_desktop", exclude_type_checking_imports=False)


def test_no_import_cycle_between_modules(graph):
    """Not even through TYPE_CHECKING or function-level imports: each module of a package stands on others."""
    modules = set(graph.modules)
    adjacency = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert _cycles(adjacency) == []


def test_no_import_cycle_between_the_subpackages_of_a_package(graph):
    """Inside services/, submission/ and ui/, the subpackages (and modules) form no circle either."""
    for parent in ("lifelong_desktop.services", "lifelong_desktop.submission", "lifelong_desktop.ui"):
        depth = parent.count(".") + 2

        def part(module: str, depth: int = depth) -> str:
            return ".".join(module.split(".")[:depth])

        adjacency: dict[str, set[str]] = {}
        for m in graph.modules:
            if not m.startswith(parent + "."):
                continue
            adjacency.setdefault(part(m), set())
            for d in graph.find_modules_directly_imported_by(m):
                if d.startswith(parent + ".") and part(d) != part(m):
                    adjacency[part(m)].add(part(d))
                    adjacency.setdefault(part(d), set())
        assert _cycles(adjacency) == [], parent


def test_no_module_over_400_lines():
    big = {
        str(p.relative_to(ROOT)): n
        for p in _sources()
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert big == {}


def test_no_function_over_60_lines():
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines})")
    assert long == []


def test_every_module_says_what_it_is_for():
    missing = [
        str(p.relative_to(ROOT))
        for p in _sources()
        if p.stat().st_size and not ast.get_docstring(ast.parse(p.read_text("utf-8")))
    ]
    assert missing == []


def _documented_packages() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    block = text.split("<!-- packages -->")[1].split("<!-- /packages -->")[0]
    return set(re.findall(r"lifelong_desktop(?:/[a-z_]+)+/", block))


def test_the_architecture_document_names_every_package_and_only_those():
    actual = {
        str(p.parent.relative_to(ROOT)) + "/"
        for p in PACKAGE.rglob("__init__.py")
        if "migrations" not in p.relative_to(PACKAGE).parts and p.parent != PACKAGE
    }
    assert _documented_packages() == actual


def test_ruff_lints_and_formats_the_tree_clean():
    """ruff check (with the complexity limit of 12) and ruff format --check pass: CI runs them through this."""
    import shutil
    import subprocess
    import sys

    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is not installed (it is in the test extra)"
    folders = ["lifelong_desktop", "tests", "benchmarks", "fuzz", "docs"]
    lint = subprocess.run([ruff, "check", "--no-cache", *folders], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout[-3000:]
    fmt = subprocess.run(
        [ruff, "format", "--check", "--no-cache", *folders], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout[-3000:]
