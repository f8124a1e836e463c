"""Files an applicant sends with a request (e.g. a scan of an identity document)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestAttachment(models.Model):
    """One stored file of a request; served to staff only through the request's access check."""

    request = models.ForeignKey(
        "foi.Request",
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("request"),
    )
    file = models.FileField(_("file"), upload_to="foi/attachments/", max_length=200)
    original_name = models.CharField(_("original file name"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("request attachment")
        verbose_name_plural = _("request attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
