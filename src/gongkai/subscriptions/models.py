"""定向推送: a citizen's subscription to new information or to their own application.

No account is needed: an e-mail address or a mobile number is the whole identity, confirmed
by a signed link sent to it (double opt-in) and erased when the subscription ends. Nothing
else about the person is kept (no name, no IP address).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Text message")


class Kind(models.TextChoices):
    """What a subscription follows."""

    SECTION = "section", _("A catalog column")
    TOPIC = "topic", _("A topic")
    KEYWORD = "keyword", _("A keyword")
    REQUEST = "request", _("My disclosure application")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as published")
    DAILY = "daily", _("Daily digest")


class State(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    ACTIVE = "active", pgettext_lazy("subscription", "Active")
    ENDED = "ended", _("Unsubscribed")


# The one table of allowed state changes (services.transition guards each).
TRANSITIONS: dict[str, frozenset[str]] = {
    State.PENDING: frozenset({State.ACTIVE, State.ENDED}),
    State.ACTIVE: frozenset({State.ENDED}),
    State.ENDED: frozenset(),
}


class Subscription(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("organisation"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # The e-mail address or mobile number; blanked when the subscription ends.
    address = models.CharField(_("address"), max_length=254, blank=True)
    kind = models.CharField(_("subscribed to"), max_length=10, choices=Kind.choices)
    section = models.CharField(_("catalog column"), max_length=20, blank=True)
    topic = models.ForeignKey(
        "proactive.Topic",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    keyword = models.CharField(_("keyword"), max_length=30, blank=True)
    request = models.ForeignKey(
        "foi.Request",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("application"),
    )
    # One key per target ("section:policy", "topic:3", "keyword:户籍", "request:12"), so one
    # address holds at most one live subscription per target (constraint below).
    target = models.CharField(_("target"), max_length=60)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    # Items published after this moment are still to be sent (set when confirmed).
    sent_until = models.DateTimeField(_("sent up to"), null=True, blank=True)
    # The application's status last told (kind "request").
    status_told = models.CharField(_("status last told"), max_length=30, blank=True)
    messages_sent = models.PositiveIntegerField(_("messages sent"), default=0)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "channel", "address", "target"],
                condition=~Q(state=State.ENDED),
                name="subscriptions_one_live_per_target",
            )
        ]
        indexes = [models.Index(fields=["state", "frequency", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
