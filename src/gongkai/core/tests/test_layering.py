"""Layering the linter cannot see: no module imports another module's private names.

`make lint` runs import-linter for the app layers (pyproject.toml). A leading underscore
says "only this module relies on me"; a view helper that the API or another view needs is
given a public name in a shared module instead (issue 15 point 3)."""

import ast
from pathlib import Path

import gongkai

PACKAGE = Path(gongkai.__file__).resolve().parent


def private_imports(source: str) -> list[str]:
    """``module name`` for each private name a source imports from gongkai."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if not (node.level or (node.module or "").startswith("gongkai")):
            continue
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append(f"{node.module or '.'} {alias.name}")
    return found


def test_no_module_imports_another_modules_private_names():
    modules = [
        p
        for p in PACKAGE.rglob("*.py")
        if "tests" not in p.relative_to(PACKAGE).parts and "migrations" not in p.parts
    ]
    assert len(modules) > 100  # the walk found the package
    problems = [
        f"{path.relative_to(PACKAGE)}: {problem}"
        for path in modules
        for problem in private_imports(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_the_check_sees_private_imports_and_allows_public_ones():
    source = (
        "from gongkai.foi.views.staff import _helper, detail_context\n"
        "from . import _sibling\n"
        "from os.path import _private_of_the_standard_library\n"
        "from gongkai import __version__\n"
    )
    assert private_imports(source) == ["gongkai.foi.views.staff _helper", ". _sibling"]
