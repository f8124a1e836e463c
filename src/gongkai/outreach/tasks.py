"""Pushing to new-media channels on the queue: ids in, idempotent (services.push_send)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background
from gongkai.outreach.services import PUSH_MAX_ATTEMPTS


@background(
    label=_("Push an item to a new-media channel"),
    max_attempts=PUSH_MAX_ATTEMPTS,
    backoff_seconds=120,
)
def push_deliver(push_id: int) -> str:
    from gongkai.outreach.services import push_send

    return push_send(push_id=push_id)
