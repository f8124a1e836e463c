"""Pushing an item to a new-media channel through a pluggable sender.

``settings.GONGKAI_CHANNEL_SENDER`` names a class with
``push(*, kind, account, title, summary, url) -> str`` returning the platform's id of the
post. The default, ``RecordingSender``, sends nothing: the ``Push`` row is the record, so a
fresh install needs no platform credentials. A real sender (WeChat's 群发 API, Weibo's, the
provincial platform's interface) must use a timeout and raise ``ChannelError`` when the
post was not accepted; the push is then retried a bounded number of times.
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_SENDER = "gongkai.outreach.senders.RecordingSender"


class ChannelError(Exception):
    """The platform did not accept the post."""


class ChannelSender(Protocol):
    def push(self, *, kind: str, account: str, title: str, summary: str, url: str) -> str: ...


class RecordingSender:
    """Sends nothing; the push is recorded as sent with a local id."""

    def push(self, *, kind: str, account: str, title: str, summary: str, url: str) -> str:
        return f"recorded:{kind}:{account or '-'}"


def get_sender() -> ChannelSender:
    return import_string(getattr(settings, "GONGKAI_CHANNEL_SENDER", DEFAULT_SENDER))()
