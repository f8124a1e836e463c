"""Transitions that cannot race: one row, locked and re-checked inside the service's
transaction, written back with a conditional update.

A status guard that reads a copy of the row taken before the transaction lets two staff
acting at once make a change the transition table forbids (both read "received", one closes,
the other answers). Every state-changing service therefore, inside its ``transaction.atomic``:

1. ``lock_current(obj, guard=(…))`` takes the row lock (``SELECT … FOR UPDATE`` on
   PostgreSQL; SQLite's ``IMMEDIATE`` transactions already serialise writers) and returns
   the row freshly read (``lock_in_place`` refreshes the caller's copy instead); every check
   that follows (the transition table, a step, a period) runs on the current row. Fields in
   ``guard`` must still equal the caller's copy. The apps' ``check_transition`` compare the
   status the caller saw with the current one: a transition refused because another person
   moved the object meanwhile is reported as such (``changed_meanwhile``), not as a
   forbidden transition;
2. ``save_if_unchanged(obj, guard={…}, fields=(…))`` writes the transition as
   ``UPDATE … WHERE pk = … AND status = <old>`` and checks that exactly one row changed,
   a second guard that does not depend on the lock.

A refusal raises ``ServiceError("changed_meanwhile")`` inside the transaction, so nothing of
the refused action is kept. Proven with threads on PostgreSQL (``tests/test_races.py`` of
``proactive`` and ``participation``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError

CHANGED_MEANWHILE = "changed_meanwhile"

# The caller's model class comes back: a locked Request is a Request.
M = TypeVar("M", bound=models.Model)


def changed_meanwhile(current: models.Model) -> ServiceError:
    status = current.get_status_display() if hasattr(current, "get_status_display") else ""
    return ServiceError(
        CHANGED_MEANWHILE,
        _(
            "“%(object)s” was changed by someone else a moment ago (it is now “%(status)s”). "
            "Nothing was done: reload the page and check its current state."
        )
        % {"object": str(current)[:60], "status": status},
    )


def lock_current(obj: M, *, guard: Iterable[str] = ("status",)) -> M:
    """Lock ``obj``'s row until the transaction ends and return it freshly read; refuse if a
    guard field changed since the caller read ``obj`` (the caller's copy is left as it was)."""
    fresh = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    if any(getattr(fresh, name) != getattr(obj, name) for name in guard):
        raise changed_meanwhile(fresh)
    return fresh


def lock_in_place(obj: M, *, guard: Iterable[str] = ("status",)) -> M:
    """``lock_current``, then refresh the caller's ``obj`` from the locked row (for services
    whose callers keep using the object they passed)."""
    fresh = lock_current(obj, guard=guard)
    for field in type(obj)._meta.concrete_fields:
        setattr(obj, field.attname, getattr(fresh, field.attname))
    return obj


def save_if_unchanged(obj: models.Model, *, guard: dict[str, Any], fields: Iterable[str]) -> None:
    """``UPDATE`` ``fields`` of ``obj`` where its row still matches ``guard`` (e.g.
    ``{"status": old}``); refuse when no row matched. ``auto_now`` fields are stamped."""
    model = type(obj)
    values = {}
    for name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)  # a column, not a relation's other side
        if getattr(field, "auto_now", False):
            setattr(obj, field.attname, timezone.now())
        values[field.attname] = getattr(obj, field.attname)
    if model._default_manager.filter(pk=obj.pk, **guard).update(**values) != 1:
        raise changed_meanwhile(model._default_manager.get(pk=obj.pk))
