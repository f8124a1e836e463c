"""Named hooks: a lower app announces a change, a higher app listening to it reacts.

Apps build on each other in layers (pyproject's import contract), so proactive cannot call
subscriptions when an item is published. It announces instead::

    from gongkai.core.hooks import announce
    announce("proactive.item_published", item_id=item.pk)   # inside the service's transaction

and the higher app registers in its ``apps.ready()``::

    from gongkai.core.hooks import listen
    listen("proactive.item_published", subscriptions_item_published)

A listener runs inside the announcing transaction and should only enqueue work
(``core.queue.enqueue``, ids not objects), so a rollback takes it back and a slow gateway
never holds a request. Listeners are not business logic hidden in signals: they are named
here, each is one function, and a failing listener fails the change (nothing half-done).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_LISTENERS: dict[str, list[Callable[..., None]]] = {}

# The hooks announced today, so a typo in ``listen`` fails at start-up.
KNOWN = (
    "proactive.item_published",  # item_id: an item became public
    "foi.request_changed",  # request_id: a disclosure request's timeline got an event
)


def listen(name: str, function: Callable[..., None]) -> None:
    if name not in KNOWN:
        raise ValueError(f"unknown hook {name!r}")
    listeners = _LISTENERS.setdefault(name, [])
    if function not in listeners:
        listeners.append(function)


def announce(name: str, **kwargs: Any) -> None:
    for function in _LISTENERS.get(name, ()):
        function(**kwargs)
