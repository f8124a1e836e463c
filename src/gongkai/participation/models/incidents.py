"""Opinion incidents (政务舆情), their responses, and press conferences (新闻发布会)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Case, unit_field


class Incident(Case):
    class Source(models.TextChoices):
        WEIBO = "weibo", _("Weibo")
        WECHAT = "wechat", _("WeChat")
        VIDEO = "video", _("Short-video platform")
        NEWS = "news", _("News media")
        FORUM = "forum", _("Forum or website")
        HOTLINE = "hotline", _("Hotline")
        OTHER = "other", _("Other")

    class Severity(models.TextChoices):
        ESPECIALLY_MAJOR = "especially_major", _("Especially major")
        MAJOR = "major", _("Major")
        GENERAL = "general", _("General")

    class Status(models.TextChoices):
        OPEN = "open", _("Being handled")
        RESPONDED = "responded", _("Responded")
        CLOSED = "closed", _("Closed")

    unit = unit_field(_("responsible unit"))
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("origin"), max_length=10, choices=Source.choices)
    source_url = models.URLField(_("link"), blank=True)
    first_seen_at = models.DateTimeField(_("first seen at"))
    severity = models.CharField(_("severity"), max_length=16, choices=Severity.choices)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("opinion incident")
        verbose_name_plural = _("opinion incidents")
        ordering = ["-first_seen_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title", "first_seen_at"], name="incident_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class IncidentResponse(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Press release")
        PRESS_CONFERENCE = "press_conference", _("Press conference")
        INTERVIEW = "interview", _("Answers to reporters")
        ONLINE = "online", _("Online response")
        FOLLOW_UP = "follow_up", _("Follow-up")

    incident = models.ForeignKey(Incident, models.CASCADE, related_name="responses")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("at"))
    summary = models.TextField(_("summary"))
    url = models.URLField(_("link"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "kind", "at"], name="response_unique")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class PressConference(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation", models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    incident = models.ForeignKey(
        Incident,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="press_conferences",
        verbose_name=_("incident"),
    )
    topic = models.CharField(_("topic"), max_length=200)
    held_at = models.DateTimeField(_("held at"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    speakers = models.CharField(_("speakers"), max_length=300)
    materials = models.TextField(_("materials"), blank=True)

    class Meta:
        verbose_name = _("press conference")
        verbose_name_plural = _("press conferences")
        ordering = ["-held_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "topic", "held_at"], name="press_conference_unique"
            )
        ]

    def __str__(self) -> str:
        return self.topic
