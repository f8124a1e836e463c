"""The mailbox (领导信箱, 咨询, 建议, 投诉): letters from the public and their replies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import Case


class LetterCategory(models.Model):
    """A category with its reply period in working days: local practice the office edits."""

    organisation = models.ForeignKey(
        "core.Organisation", models.CASCADE, related_name="+", verbose_name=_("public body")
    )
    code = models.SlugField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=50)
    reply_working_days = models.PositiveSmallIntegerField(_("reply period (working days)"))
    source = models.CharField(_("origin"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("letter category")
        verbose_name_plural = _("letter categories")
        ordering = ["organisation_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="letter_category_unique"),
            models.CheckConstraint(
                condition=models.Q(reply_working_days__gte=1, reply_working_days__lte=60),
                name="letter_category_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Letter(Case):
    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("mailbox letter", "Received")
        ASSIGNED = "assigned", _("Being handled")
        ANSWERED = "answered", _("Answered")
        INVALID = "invalid", _("Not a valid message")

    code = models.CharField(_("tracking code"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64)
    category = models.ForeignKey(
        LetterCategory, models.PROTECT, related_name="letters", verbose_name=_("category")
    )
    subject = models.CharField(_("subject"), max_length=100)
    body = models.TextField(_("letter text"))
    writer_name = models.CharField(_("full name"), max_length=50)
    writer_phone = models.CharField(_("phone"), max_length=30, blank=True)
    writer_email = models.EmailField(_("e-mail"), blank=True)
    consent_to_publish = models.BooleanField(_("consents to publication"), default=False)
    fingerprint = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    received_at = models.DateTimeField(_("received at"))
    due_on = models.DateField(_("reply due on"))
    due_is_provisional = models.BooleanField(default=False)
    reply = models.TextField(_("reply"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invalid_reason = models.CharField(_("reason"), max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.CharField(_("rating comment"), max_length=300, blank=True)
    is_public = models.BooleanField(_("published as Q&A"), default=False)
    public_question = models.TextField(_("question as published"), blank=True)
    public_answer = models.TextField(_("answer as published"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mailbox letter")
        verbose_name_plural = _("mailbox letters")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "due_on"]),
            models.Index(fields=["is_public", "published_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="letter_rating_range",
            ),
            models.CheckConstraint(
                condition=models.Q(is_public=False) | models.Q(consent_to_publish=True),
                name="letter_public_needs_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.subject}"

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        from gongkai.core.clockmath import local_date

        return local_date(self.answered_at) <= self.due_on


class LetterEvent(models.Model):
    """The letter's timeline: assignment, internal forwarding, reply, rating, publication."""

    class Type(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("mailbox letter", "Received")
        ASSIGNED = "assigned", pgettext_lazy("to a handling unit", "Assigned")
        FORWARDED = "forwarded", _("Forwarded")
        ANSWERED = "answered", _("Answered")
        INVALID = "invalid", _("Marked not valid")
        RATED = "rated", _("Rated")
        PUBLISHED = "published", _("Published")

    letter = models.ForeignKey(Letter, models.CASCADE, related_name="events")
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    from_unit = models.ForeignKey(
        "core.Organisation", models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_unit = models.ForeignKey(
        "core.Organisation", models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("letter event")
        verbose_name_plural = _("letter events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.get_type_display()
