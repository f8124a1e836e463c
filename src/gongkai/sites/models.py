"""集约化: one installation, a site per body (or group of bodies) of a region.

Only ``gongkai.sites.services`` writes these rows, each write with its ledger entry.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour such as #9f1d20."))
host_name = RegexValidator(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$",
    _("A host name such as gaj.zhanjiang.gov.cn (lower case, no port)."),
)
path_prefix = RegexValidator(r"^[a-z0-9-]*$", _("Lower-case letters, digits and hyphens."))


class Site(models.Model):
    """A public website of a body or group of bodies, resolved from the request's host name
    (and a path prefix, for platforms that serve several sites under one host)."""

    name = models.CharField(_("site name"), max_length=100)
    host = models.CharField(_("host name"), max_length=253, validators=[host_name])
    path_prefix = models.CharField(
        _("path prefix"),
        max_length=40,
        blank=True,
        validators=[path_prefix],
        help_text=_("Empty for a site of its own host; e.g. gaj for www.example.gov.cn/gaj/."),
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="sites",
        verbose_name=_("public body"),
        help_text=_("Its forms (applications, mailbox, consultations) go to this body."),
    )
    bodies = models.ManyToManyField(
        "core.Organisation",
        blank=True,
        related_name="grouped_sites",
        verbose_name=_("further bodies shown"),
        help_text=_("Bodies whose published content this site also shows (a group site)."),
    )
    is_platform = models.BooleanField(
        _("region platform"),
        default=False,
        help_text=_("Shows and searches every body's public content (the region's view)."),
    )
    is_default = models.BooleanField(
        _("default site"), default=False, help_text=_("Serves any host no site names.")
    )
    is_template = models.BooleanField(
        _("template for new sites"),
        default=False,
        help_text=_("New sites copy this site's colours, guide and footer identity."),
    )
    brand_colour = models.CharField(
        _("header colour"), max_length=7, default="#9f1d20", validators=[colour]
    )
    link_colour = models.CharField(
        _("link colour"), max_length=7, default="#0550ae", validators=[colour]
    )
    logo = models.FileField(_("logo"), upload_to="sites/logos/", blank=True)
    guide_url = models.CharField(
        _("openness guide address"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the body's own guide page on this site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["host", "path_prefix"], name="sites_site_address"),
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="sites_one_default"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        return f"{self.host}/{self.path_prefix}/" if self.path_prefix else f"{self.host}/"


class Reprint(models.Model):
    """转载: a published item of one body shown on another body's site by reference, never
    copied; the item's own state (withdrawn, corrected) is what every site shows."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="reprints", verbose_name=_("site")
    )
    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.CASCADE,
        related_name="reprints",
        verbose_name=_("information item"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reprint")
        verbose_name_plural = _("reprints")
        ordering = ["-added_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "item"], name="sites_reprint_once"),
        ]

    def __str__(self) -> str:
        return f"{self.site} · {self.item_id}"
