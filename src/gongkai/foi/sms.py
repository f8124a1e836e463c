"""Text messages through a pluggable sender.

``settings.GONGKAI_SMS_SENDER`` names a class with ``send(*, phone, message)``; the default,
``RecordingSender``, only records what it would send (``SmsMessage``), so a fresh install
needs no gateway. A real gateway's sender must use a timeout and raise ``SmsError`` when the
message was not accepted.
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from gongkai.foi.models import SmsMessage

DEFAULT_SENDER = "gongkai.foi.sms.RecordingSender"


class SmsError(Exception):
    """The gateway did not accept the message."""


class SmsSender(Protocol):
    def send(self, *, phone: str, message: str) -> None: ...


class RecordingSender:
    """Sends nothing: records the message for the office to see and for tests."""

    def send(self, *, phone: str, message: str) -> None:
        SmsMessage.objects.create(phone=phone, message=message)


def get_sender() -> SmsSender:
    path = getattr(settings, "GONGKAI_SMS_SENDER", DEFAULT_SENDER)
    return import_string(path)()
