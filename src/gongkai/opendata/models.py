"""The open data catalog (数据开放): datasets, their fields and files, API keys, requests for
conditionally open datasets (有条件开放) and download counts.

CKAN is the model: a dataset has a publisher (organisation), a theme, an update frequency, a
licence, its fields described (name, type, meaning) and distributions in several formats.
A built-in dataset (``source`` set) is one of the platform's public lists, registered in
``gongkai.core.datasets``: its fields and rows come from there, its files are generated on
request. A dataset the office adds has its fields typed in and its files uploaded.
Only ``gongkai.opendata.services`` writes these rows, each change with its ledger entry
(download counts excepted: they are tallies, not decisions).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.opendata.vocabulary import Condition, FieldType, Format, Frequency, Licence, Theme


class Dataset(models.Model):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    source = models.CharField(
        _("built-in source"),
        max_length=60,
        blank=True,
        help_text=_("Empty for a dataset the office added."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    publisher = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="datasets",
        verbose_name=_("publisher"),
    )
    theme = models.CharField(_("theme"), max_length=10, choices=Theme.choices)
    frequency = models.CharField(_("update frequency"), max_length=12, choices=Frequency.choices)
    condition = models.CharField(
        _("open condition"), max_length=12, choices=Condition.choices, default=Condition.OPEN
    )
    licence = models.CharField(
        _("licence"), max_length=12, choices=Licence.choices, default=Licence.CC_BY_4
    )
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("metadata changed at"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source"],
                condition=~models.Q(source=""),
                name="opendata_one_dataset_per_source",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_builtin(self) -> bool:
        return bool(self.source)

    @property
    def is_conditional(self) -> bool:
        return self.condition == Condition.CONDITIONAL


class DatasetField(models.Model):
    """A field of a dataset the office added (built-in datasets describe theirs in code)."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="field_rows")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("field name"), max_length=60)
    type = models.CharField(_("field type"), max_length=10, choices=FieldType.choices)
    meaning = models.CharField(_("meaning"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("dataset field")
        verbose_name_plural = _("dataset fields")
        ordering = ["dataset", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "position"], name="opendata_field_position")
        ]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """An uploaded file of a dataset the office added, one per format."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="resources")
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="opendata/%Y/")
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        verbose_name = _("dataset file")
        verbose_name_plural = _("dataset files")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "format"], name="opendata_one_file_per_format"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dataset} ({self.format})"


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKey(models.Model):
    """A key for downloads and the API: its own limits per minute and per day, and the
    conditionally open datasets granted to it. Only its hash is stored."""

    holder = models.CharField(_("holder"), max_length=120)
    contact = models.CharField(_("contact"), max_length=120, blank=True)
    prefix = models.CharField(_("key prefix"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    per_minute = models.PositiveIntegerField(_("requests per minute"))
    per_day = models.PositiveIntegerField(_("requests per day"))
    datasets = models.ManyToManyField(
        Dataset, blank=True, related_name="api_keys", verbose_name=_("granted datasets")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.holder} {self.prefix}…"


class DataRequestStatus(models.TextChoices):
    """Where a data request stands (its transitions: ``opendata.transitions``). Declared
    outside the model so that the model's constraint can name its members."""

    PENDING = "pending", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class DataRequest(models.Model):
    """A citizen's or company's request for a conditionally open dataset."""

    Status = DataRequestStatus

    dataset = models.ForeignKey(
        Dataset, on_delete=models.PROTECT, related_name="requests", verbose_name=_("dataset")
    )
    applicant = models.CharField(_("applicant"), max_length=100)
    organisation_name = models.CharField(
        _("organisation of the applicant"), max_length=120, blank=True
    )
    purpose = models.TextField(_("purpose of use"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason of the decision"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    api_key = models.OneToOneField(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="request"
    )
    # The key issued on approval, kept only until the applicant collects it once.
    key_to_collect = models.CharField(max_length=64, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status=DataRequestStatus.PENDING)
                | models.Q(decided_at__isnull=False),
                name="opendata_decided_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dataset} · {self.applicant}"


class DownloadCount(models.Model):
    """How many times a distribution was downloaded (``api``: rows read through the API)."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="downloads")
    format = models.CharField(max_length=5)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "format"], name="opendata_one_count")
        ]

    def __str__(self) -> str:
        return f"{self.dataset} {self.format}: {self.count}"
