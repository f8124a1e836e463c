"""对内公开: a notice to the body's own staff, with an optional list (名单, 明细) as a table."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.core.types import AnyUser
from gongkai.internal.law import Category


class InternalNoticeQuerySet(models.QuerySet["InternalNotice"]):
    def visible_to(self, user: AnyUser) -> InternalNoticeQuerySet:
        """Notices of the user's own body, for signed-in staff; nothing for anyone else."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        profile = getattr(user, "staff_profile", None)
        if profile is None:
            return self.none()
        return self.filter(organisation=profile.organisation.body)


class InternalNotice(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="internal_notices",
    )
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    # A list (名单, 明细): the first row is the header; rows of cells.
    table = models.JSONField(_("list"), default=list, blank=True)
    ends_on = models.DateField(_("open for comments until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)

    objects = InternalNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff notice")
        verbose_name_plural = _("staff notices")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["organisation", "category", "published_at"])]

    def __str__(self) -> str:
        return self.title
