"""Workbench pages: the hours left on an hour clock, and links only to pages one may open."""

import datetime as dt
from typing import Any

from django import template
from django.template import Context

from gongkai.core.duties import Duty
from gongkai.core.navigation import may_open as _may_open

register = template.Library()


@register.simple_tag
def hours_left(duty: Duty, now: dt.datetime) -> dict[str, Any] | None:
    """``{"hours": 3.5, "late": False}`` on an hour clock; None for day limits."""
    hours = duty.hours_left(now)
    if hours is None:
        return None
    return {"hours": abs(hours), "late": hours < 0}


@register.simple_tag(takes_context=True)
def may_open(context: Context, url_name: str, *args: Any) -> bool:
    """``{% may_open "foi:register" as can_register %}``: whether the signed-in user may
    open that page (the roles its view requires), so no link leads to a refusal."""
    request = context.get("request")
    return request is not None and _may_open(request.user, url_name, *args)


@register.filter
def clock_note(note: str) -> str:
    """A clock event's note as people read it (a coded reason such as third_party is
    labelled through the ledger's vocabulary; free text stays as written)."""
    from gongkai.core import vocabulary

    return vocabulary.value_text("clock.pause", "note", note) if note else ""
