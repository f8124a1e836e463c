"""What waits for a staff member: the rows of their workbench home page ("due for me").

Core contributes the statutory clocks it keeps; every other app registers, in its own
``navigation.py``, a source of what waits in it (items awaiting 保密审查 or 领导审批,
mailbox letters to answer, proposals to reply to) and the workbench page of its cases,
so a clock row links to the case and not to a page about the clock:

    from gongkai.core.duties import Duty, case_page, duty_source
    case_page("foi.request", "foi:detail")

    @duty_source
    def letters_to_answer(user, today):
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Duty:
    """One thing waiting for someone: what it is, where to act on it, and by when."""

    kind: str  # what waits, as people say it: 保密审查, 领导审批, 答复来信
    title: str
    url: str
    due_on: dt.date | None = None
    due_at: dt.datetime | None = None
    provisional: bool = False
    hour_limit: bool = False  # an hour clock (舆情): the page shows the hours left

    def hours_left(self, now: dt.datetime) -> float | None:
        if not self.hour_limit or self.due_at is None:
            return None
        return (self.due_at - now).total_seconds() / 3600


DutySource = Callable[..., Iterable[Duty]]
_SOURCES: list[DutySource] = []
_CASE_PAGES: dict[str, str] = {}


def duty_source(source: DutySource) -> DutySource:
    """Register ``source(user, today) -> Iterable[Duty]``; it reads only what ``user`` sees."""
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def duty_sources() -> list[DutySource]:
    return list(_SOURCES)


def case_page(model_label: str, url_name: str) -> None:
    """The workbench page of a case model (``app_label.modelname``), taking its primary key."""
    _CASE_PAGES[model_label.lower()] = url_name


def case_url(model_label: str, pk: int) -> str:
    """The workbench page of one case, or "" when its app registered none."""
    url_name = _CASE_PAGES.get(model_label.lower())
    if not url_name:
        return ""
    try:
        return reverse(url_name, args=[pk])
    except NoReverseMatch:
        return ""
