"""条例 art. 44: information that several applicants asked for may be made proactive.

foi decides when a replied request may be handed over; the app that publishes proactively
registers how a draft is made from it (``register``, from its ``apps.ready``). So foi never
imports that app: proactive builds on foi, not the reverse. Without a registered receiver the
action is simply not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from gongkai.foi.models import Request


@dataclass(frozen=True)
class HandedOver:
    """The draft made from a request: what the request page links to."""

    pk: int
    title: str
    url: str


class Receiver(Protocol):
    def draft(self, *, request: Request, actor: User) -> HandedOver:
        """Make (or return the existing) draft; raises ServiceError when it may not. The
        actor is the member of the office on the request page (a receiver may accept None)."""
        ...

    def existing(self, request: Request) -> HandedOver | None: ...


_receiver: Receiver | None = None


def register(receiver: Receiver) -> None:
    global _receiver
    _receiver = receiver


def receiver() -> Receiver | None:
    return _receiver
