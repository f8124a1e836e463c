"""No literal status strings outside the transitions modules (issue 15, point 2).

A case's statuses are named through their ``TextChoices`` and the domain's
``transitions.py`` says which actions they allow; a template, a view, a selector or a model
constraint that compares a status with a bare string re-encodes the workflow and silently
breaks when a status is renamed. This test reads the source (no database) and names each
place that does.
"""

from __future__ import annotations

import re
from pathlib import Path

import gongkai

ROOT = Path(gongkai.__file__).resolve().parent

_WORD = r"(?:status|state)"
_TEXT = r"""["'][A-Za-z_]+["']"""
# `x.status == "draft"`, `"draft" != x.state`, `status in ("a", "b")` (Python and templates).
_COMPARE = re.compile(
    rf"\b\w*{_WORD}\w*\s*(?:==|!=)\s*{_TEXT}"
    rf"|{_TEXT}\s*(?:==|!=)\s*[\w.]*\b{_WORD}\b"
    rf"|\b\w*{_WORD}\s+(?:not\s+)?in\s+[\[({{]\s*{_TEXT}"
)
# ORM lookups and assignments: `filter(status="x")`, `Q(state__in=["a"])`, `run.status = "x"`.
_LOOKUP = re.compile(rf"(?:\b|__){_WORD}(?:__\w+)?=\s*[\[(]?\s*{_TEXT}|\.{_WORD}\s*=\s*{_TEXT}")

# Not a case's status: (file, the line's text) with the reason, the only exceptions.
ALLOWED: dict[tuple[str, str], str] = {
    ("search/health.py", 'return self.state != "ok"'): "the search index's health, a diagnosis",
    ("portal/views/public.py", 'if state == "on":'): "the elder-mode switch in the URL",
}


def _sources() -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        parts = relative.parts
        if path.suffix not in {".py", ".html"} or "tests" in parts or "migrations" in parts:
            continue
        if path.name == "transitions.py":
            continue
        found.append(path)
    return found


def _offences(path: Path) -> list[str]:
    pattern = [_COMPARE] if path.suffix == ".html" else [_COMPARE, _LOOKUP]
    name = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        f"{name}:{number}: {line.strip()[:120]}"
        for number, line in enumerate(lines, start=1)
        if any(p.search(line) for p in pattern) and (name, line.strip()) not in ALLOWED
    ]


def test_patterns_catch_the_usual_forms() -> None:
    for bad in (
        '{% if req.status == "pending" %}',
        "{% if s.state != 'ended' %}",
        'condition=Q(status__in=["queued", "running"])',
        'Run.objects.filter(status="done")',
        'if run.status == "failed":',
        'job.status = "done"',
        'if status in ("draft", "published"):',
    ):
        assert _COMPARE.search(bad) or _LOOKUP.search(bad), bad
    for good in (
        "{% if req.status == statuses.APPROVED %}",
        "Q(status=Status.PENDING)",
        'if "decide" in actions:',
        "status_code=200",
    ):
        assert not (_COMPARE.search(good) or _LOOKUP.search(good)), good


def test_no_literal_status_strings_outside_transitions_modules() -> None:
    sources = _sources()
    assert len(sources) > 100  # the walk found the package
    offences = [line for path in sources for line in _offences(path)]
    assert not offences, (
        "Compare statuses through the TextChoices members and ask the domain's "
        "transitions.py which actions are available:\n" + "\n".join(offences)
    )
