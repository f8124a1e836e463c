"""The foundation's tasks: delivering a message, running one periodic job.

Each takes ids or names, never objects, and is idempotent: a second run changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import PermanentError, background


@background(label=_("Send an e-mail or text message"), max_attempts=6, backoff_seconds=60)
def message_send(message_id: int) -> str:
    """Deliver one ``OutgoingMessage``; nothing when it was delivered already.

    The row is locked while the message goes out, so two runs never both send it; a
    failure rolls back and the next attempt tries again. A crash after the gateway
    accepted the message and before the commit sends it once more (at least once)."""
    from gongkai.core.models import OutgoingMessage

    with transaction.atomic():
        message = OutgoingMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None:
            raise PermanentError(f"message {message_id} does not exist")
        if message.sent_at is not None:
            return "sent before"
        if message.channel == OutgoingMessage.Channel.EMAIL:
            EmailMessage(
                message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.address]
            ).send()
        else:
            import_string(settings.GONGKAI_SMS_SENDER)().send(
                phone=message.address, message=message.body
            )
        message.sent_at = timezone.now()
        message.save(update_fields=["sent_at"])
    return "sent"


@background(label=_("Run a periodic job"), max_attempts=3, backoff_seconds=300)
def periodic_job_run(job: str) -> str:
    """One periodic job by its key (``gongkai.foi.periodic.send_reply_reminders``)."""
    from gongkai.core.periodic import job_by_key

    function = job_by_key(job)
    if function is None:
        raise PermanentError(f"no periodic job {job}")
    return str(function())
