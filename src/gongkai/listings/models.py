"""The 权责清单 (powers list): one row per power, its 设定依据, and its dated versions.

A power is changed only by ``services`` (which append a ``PowerVersion`` and a ledger
entry in the same transaction); the versions are the public history of the list's dynamic
adjustment: what changed, when, and why.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.listings.law import PowerKind


class Power(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="powers",
    )
    code = models.CharField(_("power code"), max_length=60)
    name = models.CharField(_("power name"), max_length=300)
    kind = models.CharField(_("power kind"), max_length=16, choices=PowerKind.choices)
    exercised_by = models.CharField(_("exercised by"), max_length=300, blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    accountability = models.TextField(_("accountability cases"), blank=True)
    supervision = models.TextField(_("supervision"), blank=True)
    remedy = models.TextField(_("remedies"), blank=True)
    is_active = models.BooleanField(_("in force"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    changed_on = models.DateField(_("last adjusted on"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("power")
        verbose_name_plural = _("powers")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="power_code_unique"),
        ]
        indexes = [models.Index(fields=["is_active", "kind", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class PowerBasis(models.Model):
    """One 设定依据: a law or regulation and the article that sets the power."""

    power = models.ForeignKey(
        Power, verbose_name=_("power"), on_delete=models.CASCADE, related_name="bases"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    law = models.CharField(_("law or regulation"), max_length=120)
    article = models.CharField(_("article"), max_length=60)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["power", "position"]

    def __str__(self) -> str:
        return f"《{self.law}》{self.article}"


class PowerVersion(models.Model):
    """One dated adjustment of a power, public: the fields that changed and the reason."""

    class Change(models.TextChoices):
        ADDED = "added", _("Added to the list")
        CHANGED = "changed", _("Changed")
        REMOVED = "removed", _("Removed from the list")
        RESTORED = "restored", _("Restored to the list")

    power = models.ForeignKey(
        Power, verbose_name=_("power"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    change = models.CharField(_("change"), max_length=10, choices=Change.choices)
    changed_on = models.DateField(_("adjusted on"))
    reason = models.CharField(_("reason"), max_length=500)
    # [{"field": "name", "old": "…", "new": "…"}, …]; empty for an addition.
    fields_changed = models.JSONField(_("fields changed"), default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("power version")
        verbose_name_plural = _("power versions")
        ordering = ["power", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["power", "number"], name="power_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.power.code} v{self.number}"


class PowerImport(models.Model):
    """An uploaded xlsx list, kept with its preview until someone applies it."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField(_("file"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("powers list import")
        verbose_name_plural = _("powers list imports")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.file_name


class OrganisationProfile(models.Model):
    """机构职能: what a body does, or a unit's duties, beside core's name, address, hours and
    phone (which ``core.Organisation`` already holds)."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    functions = models.TextField(_("functions and duties"), blank=True)
    phone = models.CharField(_("enquiry phone"), max_length=40, blank=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("organisation profile")
        verbose_name_plural = _("organisation profiles")

    def __str__(self) -> str:
        return self.organisation.name


class Leader(models.Model):
    """A leader of a body and the work they are in charge of (分工)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="leaders",
    )
    name = models.CharField(_("name"), max_length=50)
    title = models.CharField(_("post"), max_length=100)
    duties = models.TextField(_("areas of responsibility"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in office"), default=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["organisation", "position", "id"]

    def __str__(self) -> str:
        return f"{self.title} {self.name}"


class ProfileChange(models.Model):
    """One public change of a body's 机构职能 page: what changed (functions, a unit's duties
    or phone, a leader), when, why, and the text before and after."""

    class Field(models.TextChoices):
        FUNCTIONS = "functions", _("Functions and duties")
        PHONE = "phone", _("Enquiry phone")
        LEADER_ADDED = "leader_added", _("Leader added")
        LEADER_POST = "leader_post", _("Leader's post")
        LEADER_DUTIES = "leader_duties", _("Leader's areas of responsibility")
        LEADER_RETIRED = "leader_retired", _("Leader no longer listed")

    body = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="profile_changes",
    )
    subject = models.CharField(_("unit or leader"), max_length=200)
    field = models.CharField(_("what changed"), max_length=16, choices=Field.choices)
    old = models.TextField(_("before"), blank=True)
    new = models.TextField(_("after"), blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_on = models.DateField(_("changed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation profile change")
        verbose_name_plural = _("organisation profile changes")
        ordering = ["body", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["body", "recorded_at"])]

    def __str__(self) -> str:
        return f"{self.subject} {self.field}"
