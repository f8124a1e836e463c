"""两微一端 channels and their pushes, 政务公开监督员 and their observations, 政府开放日.

Seed 004 (宁夏 pilot): 加强政务“两微一端”等新媒体建设 … 集中力量做强做优一个主账号; the seven
innovations include 监督员 and 开放日. One source: an item is published once on the portal and
pushed from there to every active channel (``Push``), each with its own status and retries.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ChannelKind(models.TextChoices):
    """Where a body publishes besides its website (两微一端 and the provincial platform)."""

    WECHAT = "wechat", _("WeChat official account")
    WEIBO = "weibo", _("Weibo account")
    APP = "app", _("Mobile app")
    PROVINCIAL = "provincial", _("Provincial government platform")


class Channel(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="media_channels",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind of channel"), max_length=12, choices=ChannelKind.choices)
    name = models.CharField(_("account name"), max_length=100)
    account = models.CharField(
        _("account id"), max_length=100, blank=True, help_text=_("As the platform knows it.")
    )
    is_active = models.BooleanField(_("pushing"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("new-media channel")
        verbose_name_plural = _("new-media channels")
        ordering = ["kind", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "name"], name="outreach_channel_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.name}"


class PushState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RETRYING = "retrying", _("Retrying")
    SENT = "sent", pgettext_lazy("push", "Sent")
    FAILED = "failed", _("Failed")


class Push(models.Model):
    """One published item on one channel: at most one per pair (the same item is never
    posted twice to the same account)."""

    channel = models.ForeignKey(
        Channel, on_delete=models.CASCADE, related_name="pushes", verbose_name=_("channel")
    )
    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("information item"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PushState.choices, default=PushState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    remote_id = models.CharField(_("id on the platform"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("push")
        verbose_name_plural = _("pushes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "item"], name="outreach_one_push_per_item")
        ]
        indexes = [models.Index(fields=["state", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.channel} #{self.item_id}"


class Supervisor(models.Model):
    """An appointed 政务公开监督员: a sign-in without staff rights, for observations only."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="supervisors",
        verbose_name=_("organisation"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="openness_supervisor",
        verbose_name=_("user"),
    )
    full_name = models.CharField(_("full name"), max_length=60)
    affiliation = models.CharField(
        _("affiliation"), max_length=120, blank=True, help_text=_("E.g. 县人大代表, 社区居民.")
    )
    appointed_on = models.DateField(_("appointed on"))
    term_ends_on = models.DateField(_("term ends on"), null=True, blank=True)
    is_active = models.BooleanField(_("serving"), default=True)

    class Meta:
        verbose_name = _("openness supervisor")
        verbose_name_plural = _("openness supervisors")
        ordering = ["-is_active", "full_name", "id"]

    def __str__(self) -> str:
        return self.full_name


class Observation(models.Model):
    """A supervisor's observation (意见建议) and the office's answer."""

    class State(models.TextChoices):
        OPEN = "open", _("Awaiting answer")
        ANSWERED = "answered", _("Answered")

    supervisor = models.ForeignKey(
        Supervisor,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("openness supervisor"),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("observation"))
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("supervisor's observation")
        verbose_name_plural = _("supervisors' observations")
        ordering = ["-filed_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class OpenDay(models.Model):
    """政府开放日: an event the public registers for, up to ``capacity`` people."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="open_days",
        verbose_name=_("organisation"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    place = models.CharField(_("place"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    registration_closes_at = models.DateTimeField(_("registration closes at"))
    capacity = models.PositiveIntegerField(_("places"))
    registered = models.PositiveIntegerField(_("registered"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    summary_published_at = models.DateTimeField(_("summary published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("open day")
        verbose_name_plural = _("open days")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(registered__lte=models.F("capacity")),
                name="outreach_open_day_not_over_capacity",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.registered, 0)


class Registration(models.Model):
    open_day = models.ForeignKey(
        OpenDay, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("open day")
    )
    name = models.CharField(_("name"), max_length=60)
    phone = models.CharField(_("mobile number"), max_length=20)
    code = models.CharField(_("registration code"), max_length=12, unique=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("open-day registration")
        verbose_name_plural = _("open-day registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["open_day", "phone"], name="outreach_one_place_per_phone"
            )
        ]

    def __str__(self) -> str:
        return self.code
