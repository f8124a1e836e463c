"""The queue's side of subscriptions: ids and names in, idempotent (see services)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background


@background(label=_("Send subscription digests"), max_attempts=3, backoff_seconds=120)
def digests_deliver(frequency: str) -> str:
    from gongkai.subscriptions.services import digests_send

    return str(digests_send(frequency=frequency))


@background(label=_("Tell subscribers an application's status"), max_attempts=3)
def request_updates_deliver(request_id: int) -> str:
    from gongkai.subscriptions.services import request_updates_send

    return str(request_updates_send(request_id=request_id))
