"""政务服务事项 / 办事指南, 便民网上地图 and 政府公报.

A guide is changed only by ``services`` (a ``GuideVersion`` and a ledger entry in the same
transaction, and a clock from the change's approval to its publication: seed 001's one
working day). Service points carry GCJ-02 coordinates. A gazette issue collects normative
documents of a period and is frozen when published.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.guides.law import FileKind, MaterialForm, OnlineDepth, PointKind


class Guide(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="guides",
    )  # fmt: skip
    code = models.CharField(_("service code"), max_length=60)
    name = models.CharField(_("service name"), max_length=300)
    power = models.ForeignKey(
        "listings.Power", verbose_name=_("power"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="guides",
    )  # fmt: skip
    conditions = models.TextField(_("conditions for acceptance"))
    legal_days = models.PositiveSmallIntegerField(_("statutory time limit (working days)"))
    promised_days = models.PositiveSmallIntegerField(_("promised time limit (working days)"))
    charges_fee = models.BooleanField(_("charges a fee"), default=False)
    fee_standard = models.TextField(_("fee standard"), blank=True)
    fee_basis = models.TextField(_("basis of the fee"), blank=True)
    place = models.TextField(_("where to apply"))
    hours = models.CharField(_("office hours"), max_length=200)
    enquiry_phone = models.CharField(_("enquiry phone"), max_length=40)
    complaint_phone = models.CharField(_("supervision phone"), max_length=40)
    visits = models.PositiveSmallIntegerField(_("visits in person"))
    online_depth = models.PositiveSmallIntegerField(
        _("online service depth"), choices=OnlineDepth.choices
    )
    online_url = models.URLField(_("online service address"), blank=True)
    is_active = models.BooleanField(_("in force"), default=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    changed_on = models.DateField(_("last changed on"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("service guide")
        verbose_name_plural = _("service guides")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="guide_code_unique"),
        ]
        indexes = [models.Index(fields=["is_active", "visits", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class GuideBasis(models.Model):
    """One 设定依据: a law or regulation and its article."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="bases")
    position = models.PositiveSmallIntegerField(_("position"))
    law = models.CharField(_("law or regulation"), max_length=120)
    article = models.CharField(_("article"), max_length=60)

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["guide", "position"]

    def __str__(self) -> str:
        return f"《{self.law}》{self.article}"


class GuideMaterial(models.Model):
    """One 申请材料 with its 份数 and 材料形式."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="materials")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("material"), max_length=300)
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    form = models.CharField(_("form of material"), max_length=12, choices=MaterialForm.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("application material")
        verbose_name_plural = _("application materials")
        ordering = ["guide", "position"]

    def __str__(self) -> str:
        return self.name


class GuideStep(models.Model):
    """One step of 办理流程; the flowchart is drawn from these."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("step"), max_length=60)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["guide", "position"]

    def __str__(self) -> str:
        return self.name


class GuideFile(models.Model):
    """A 样表 or 空表 of a material (表格下载), kept in the database like the other uploads."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="files")
    material = models.ForeignKey(
        GuideMaterial, on_delete=models.SET_NULL, null=True, blank=True, related_name="files"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=FileKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField(_("file"))
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form to download")
        verbose_name_plural = _("forms to download")
        ordering = ["guide", "material", "kind", "id"]

    def __str__(self) -> str:
        return self.file_name


class GuideVersion(models.Model):
    """One dated change of a guide, public: what changed, when it was approved and
    published, and why; ``clock`` times the one working day from approval to publication."""

    class Change(models.TextChoices):
        ADDED = "added", _("Published")
        CHANGED = "changed", _("Changed")
        REMOVED = "removed", _("Withdrawn")
        RESTORED = "restored", _("Restored")

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    change = models.CharField(_("change"), max_length=10, choices=Change.choices)
    approved_on = models.DateField(_("approved on"))
    effective_on = models.DateField(_("takes effect on"))
    published_at = models.DateTimeField(_("published at"))
    reason = models.CharField(_("reason"), max_length=500)
    fields_changed = models.JSONField(_("fields changed"), default=list, blank=True)
    clock = models.ForeignKey(
        "core.Clock", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("guide version")
        verbose_name_plural = _("guide versions")
        ordering = ["guide", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="guide_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.guide.code} v{self.number}"


class ServicePoint(models.Model):
    """A place people go (便民网上地图): coordinates in GCJ-02, as Chinese maps use."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="service_points",
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=PointKind.choices)
    address = models.CharField(_("address"), max_length=300)
    latitude = models.DecimalField(_("latitude (GCJ-02)"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude (GCJ-02)"), max_digits=9, decimal_places=6)
    hours = models.CharField(_("office hours"), max_length=200)
    phone = models.CharField(_("phone"), max_length=80)
    guides = models.ManyToManyField(Guide, verbose_name=_("services handled"), blank=True,
                                    related_name="points")  # fmt: skip
    is_active = models.BooleanField(_("open"), default=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="service_point_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class MapSettings(models.Model):
    """The tile server the office configures; empty: the page shows the list and the SVG."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="map_settings",
        verbose_name=_("organisation"),
    )
    # A Leaflet URL template, e.g. https://tiles.example.gov.cn/{z}/{x}/{y}.png (GCJ-02 tiles).
    tile_url = models.CharField(_("tile server URL"), max_length=300, blank=True)
    attribution = models.CharField(_("map attribution"), max_length=200, blank=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("map settings")
        verbose_name_plural = _("map settings")

    def __str__(self) -> str:
        return self.tile_url or "—"


class GazetteIssue(models.Model):
    """一期政府公报: the normative documents issued in a period, frozen when published."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="gazette_issues",
    )  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("issue number"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gazette issue")
        verbose_name_plural = _("gazette issues")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "number"], name="gazette_issue_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="gazette_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} {self.year}-{self.number}"


class GazetteEntry(models.Model):
    """One line of an issue's table of contents: a normative document, once in one issue."""

    issue = models.ForeignKey(GazetteIssue, on_delete=models.CASCADE, related_name="entries")
    document = models.OneToOneField(
        "proactive.NormativeDocument", on_delete=models.PROTECT, related_name="gazette_entry"
    )
    position = models.PositiveSmallIntegerField(_("position"))

    class Meta:
        verbose_name = _("gazette entry")
        verbose_name_plural = _("gazette entries")
        ordering = ["issue", "position"]

    def __str__(self) -> str:
        return str(self.document)
