"""What the ledger's codes are called in Chinese.

Every ledger entry carries an action code (``foi.replied``) and a summary of plain values
(``{"status": "replied", "code": "GK-2026-0001"}``). People read both on the ledger page
and in its exports (the 台账 an inspector opens), so each code has a label here. Apps
register theirs in their own ``vocabulary.py``, discovered at start-up like menus and
periodic jobs; a test loads the whole demo and fails on any action, summary key or coded
value that has no label.

Register with::

    from gongkai.core import vocabulary

    vocabulary.actions({"replied": _("Reply sent")}, prefix="foi.")
    vocabulary.keys({"code": _("Request code")})
    vocabulary.values("foi", "status", Status.choices)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

Label = str | Promise

_ACTIONS: dict[str, Label] = {}
_KEYS: dict[str, Label] = {}
# (action prefix, summary key) → {value: label}; the prefix is the part before the first dot.
_VALUES: dict[tuple[str, str], dict[str, Label]] = {}
# Keys whose values are data people typed (user names, slugs), never codes to translate;
# "key" for every app, "prefix:key" for one app's entries.
_FREE_KEYS: set[str] = set()

# A value that looks like a code word (lower-case ASCII with dots and underscores).
CODE_WORD = re.compile(r"[a-z][a-z0-9_.]*")


def actions(labels: Mapping[str, Label], *, prefix: str = "") -> None:
    for code, label in labels.items():
        _ACTIONS[prefix + code] = label


def keys(labels: Mapping[str, Label], *, free: Iterable[str] = ()) -> None:
    """Name summary keys; ``free`` keys ("key" or "prefix:key") hold typed data shown as is."""
    _KEYS.update(labels)
    _FREE_KEYS.update(free)


def values(prefix: str, key: str, choices: Iterable[tuple[Any, Label]]) -> None:
    """The labels of one key's coded values in the entries of one app (``prefix``)."""
    _VALUES.setdefault((prefix, key), {}).update({str(v): label for v, label in choices})


def action_label(action: str) -> str:
    label = _ACTIONS.get(action)
    return str(label) if label is not None else action


def key_label(key: str) -> str:
    label = _KEYS.get(key)
    return str(label) if label is not None else key


def value_text(action: str, key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        # Nested data (a table's cells) is summarised, not dumped as code.
        return _("%(count)d entries") % {"count": len(value)}
    if isinstance(value, list | tuple):
        return "、".join(value_text(action, key, v) for v in value)
    labels = _VALUES.get((_prefix(action), key), {})
    label = labels.get(str(value))
    return str(label) if label is not None else str(value)


def summary_text(action: str, summary: Mapping[str, Any]) -> str:
    """One line a person reads: 「申请编号：GK-2026-0001；状态：已答复」."""
    return "；".join(
        f"{key_label(key)}：{value_text(action, key, value)}" for key, value in summary.items()
    )


def unlabelled(entries: Iterable[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """What a person would read as a code word in these (action, summary) pairs."""
    missing: set[str] = set()
    for action, summary in entries:
        if action not in _ACTIONS:
            missing.add(f"action {action}")
        for key, value in summary.items():
            if key not in _KEYS:
                missing.add(f"key {key} (in {action})")
            if key in _FREE_KEYS or f"{_prefix(action)}:{key}" in _FREE_KEYS:
                continue
            for one in value if isinstance(value, list | tuple) else [value]:
                text = value_text(action, key, one)
                if isinstance(one, str) and text == one and CODE_WORD.fullmatch(one):
                    missing.add(f"value {key}={one} (in {action})")
    return sorted(missing)


def _prefix(action: str) -> str:
    return action.split(".", 1)[0]


def register_core() -> None:
    # Imported here: this module is imported by apps that load before the models.
    from django.utils.translation import gettext_lazy as lazy

    from gongkai.core.law import CLOCK_RULE_CHOICES
    from gongkai.core.models import ClockEvent, Organisation, Role

    actions(
        {
            "clock.start": lazy("Time limit started"),
            "clock.pause": lazy("Time limit paused"),
            "clock.resume": lazy("Time limit resumed"),
            "clock.extend": lazy("Time limit extended"),
            "clock.postpone": lazy("Later reply time set"),
            "clock.restart": lazy("Time limit restarted"),
            "clock.stop": lazy("Time limit stopped"),
            "clock.recompute": lazy("Due date recomputed"),
            "calendar.load": lazy("Holiday arrangement loaded"),
            "calendar.correct": lazy("Holiday arrangement corrected"),
            "organisation.create": lazy("Organisation created"),
            "staff.create": lazy("Staff account created"),
            "api_token.create": lazy("API token issued"),
            "api_token.revoke": lazy("API token revoked"),
            "organisation.update": lazy("Organisation changed"),
            "organisation.rename": lazy("Unit renamed"),
            "staff.update": lazy("Staff account changed"),
            "staff.deactivate": lazy("Staff account deactivated"),
            "staff.reactivate": lazy("Staff account reactivated"),
            "staff.two_factor_enrol": lazy("Two-factor sign-in set up"),
            "staff.two_factor_reset": lazy("Two-factor sign-in reset"),
            "staff.backup_codes": lazy("New backup codes made"),
            "task.retry": lazy("Failed background task queued again"),
        }
    )
    # Keys that several apps' entries share.
    keys(
        {
            "rule": lazy("Time limit rule"),
            "started_at": lazy("Started at"),
            "due_on": lazy("Due on"),
            "due_before": lazy("Due before"),
            "due_after": lazy("Due after"),
            "at": lazy("At"),
            "days": lazy("Working days"),
            "note": lazy("Note"),
            "reason": lazy("Reason"),
            "approved_by": lazy("Approved by (staff number)"),
            "name": lazy("Name"),
            "kind": lazy("Kind"),
            "credit_code": lazy("Unified social credit code"),
            "username": lazy("User name"),
            "roles": lazy("Roles"),
            "units": lazy("Units"),
            "user": lazy("User"),
            "code": lazy("Code"),
            "status": lazy("Status"),
            "title": lazy("Title"),
            "number": lazy("Number"),
            "year": lazy("Year"),
            "unit": lazy("Unit (number)"),
            "handler": lazy("Handler (staff number)"),
            "on_time": lazy("On time"),
            "comment": lazy("Comment"),
            "category": lazy("Category"),
            "outcome": lazy("Outcome"),
            "label": lazy("Disclosure label"),
            "day": lazy("Day"),
            "holidays": lazy("Holidays"),
            "workdays": lazy("Adjusted working days"),
            "source": lazy("Source"),
            "old_name": lazy("Former name"),
            "full_name": lazy("Full name"),
            "address": lazy("Address"),
            "phone": lazy("Phone"),
            "office_hours": lazy("Office hours"),
            "is_active": lazy("Active"),
            "description": lazy("Description"),
            "legal_basis": lazy("Legal basis"),
            "review_on": lazy("Next review date"),
            "task": lazy("Background task"),
            "task_id": lazy("Task id"),
            "missing": lazy("Festivals the notice leaves out"),
        },
        free=(
            "task",
            "task_id",
            "username",
            "units",
            "user",
            "code",
            "name",
            "title",
            "number",
            "reason",
            "old_name",
            "full_name",
            "address",
            "phone",
            "office_hours",
            "description",
            "legal_basis",
            "missing",
        ),
    )
    values("clock", "rule", CLOCK_RULE_CHOICES)
    values("clock", "kind", ClockEvent.Kind.choices)
    values("organisation", "kind", Organisation.Kind.choices)
    values("staff", "roles", Role.choices)


def object_type_label(object_type: str) -> str:
    """``foi.request`` → 申请 (the model's own verbose name)."""
    from django.apps import apps

    if not object_type:
        return ""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def actor_label(actor_name: str) -> str:
    # Entries written by periodic jobs and the public have no staff actor.
    return _("system") if actor_name == "system" else actor_name
