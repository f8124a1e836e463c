"""Applicants' personal data over time: who viewed it, and when it is anonymised.

《个人信息保护法》 art. 19: personal information is kept no longer than its purpose needs;
art. 47: it is deleted when the retention period ends. The office sets the period per
public body; ``gongkai sweep`` anonymises finished requests past it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IdentityView(models.Model):
    """One staff view of an applicant's identity data (name, document, phone, address)."""

    class Channel(models.TextChoices):
        PAGE = "page", _("Request page")
        API = "api", _("API")
        FILE = "file", _("Attachment download")
        ADMIN = "admin", _("Administration")

    request = models.ForeignKey(
        "foi.Request",
        on_delete=models.CASCADE,
        related_name="identity_views",
        verbose_name=_("request"),
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("viewed by"),
    )
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now)
    channel = models.CharField(_("where"), max_length=8, choices=Channel.choices)

    class Meta:
        verbose_name = _("view of identity data")
        verbose_name_plural = _("views of identity data")
        ordering = ["-viewed_at", "-id"]
        indexes = [
            models.Index(fields=["viewed_at"]),
            models.Index(fields=["viewer", "viewed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.viewed_at:%Y-%m-%d %H:%M}"


class RetentionPolicy(models.Model):
    """How long a body keeps applicants' personal data after a request is finished."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="foi_retention",
        verbose_name=_("public body"),
    )
    months = models.PositiveSmallIntegerField(_("retention period (months)"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), auto_now=True)

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return f"{self.organisation} {self.months}"
