"""Information items (政府信息条目), their revisions and attachments.

Only ``gongkai.proactive.services`` writes these rows, each write with its ledger entry.
The public sees an item through its published revision (``public_*`` fields hold the
redacted text); the working fields above hold the draft staff edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import ScopeFields, UnitOwned, organisation_field, unit_field
from gongkai.proactive.law import (
    DEFAULT_CARRIER,
    DisclosureLabel,
    InterpretationForm,
    Section,
    Validity,
)

if TYPE_CHECKING:  # the transitions module imports this one
    from gongkai.proactive.transitions import Step


class Status(models.TextChoices):
    """An item's lifecycle status; ``proactive.transitions`` holds what moves it."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved, awaiting publication")
    PUBLISHED = "published", _("Published")
    FILED = "filed", _("Filed, not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The allowed changes between these statuses, and who makes them: ``proactive.transitions``.


# What the public can read: published once, not withdrawn (a revision in progress keeps the
# published version online until the change is published).
PUBLIC = Q(published_revision__isnull=False, withdrawn_at__isnull=True)


def attachment_path(instance, filename: str) -> str:
    # Originals are never served from MEDIA_URL; views stream them after an access check.
    return f"proactive/originals/{instance.item_id}/{filename}"


class Item(UnitOwned):
    """One piece of government information with its 公开目录 metadata."""

    # The drafter is the person in charge of an item (there is no separate handler).
    scope_fields = ScopeFields(handler="drafter_id")

    organisation = organisation_field(_("publishing body"))
    unit = unit_field(_("drafting unit"))
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proactive_items",
        verbose_name=_("drafter"),
    )
    index_number = models.CharField(_("index number"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(pgettext_lazy("information item", "summary"), blank=True)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    written_on = models.DateField(_("date written"), null=True, blank=True)
    # 条例 art. 26 counts from the day information was formed or changed: a revised item
    # records the day its information changed (the publication clock starts there).
    changed_on = models.DateField(_("date changed"), null=True, blank=True)
    topic = models.ForeignKey(
        "proactive.Topic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("topic category"),
    )
    genre = models.ForeignKey(
        "proactive.Genre",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("genre"),
    )
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    validity = models.CharField(
        _("validity"), max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    section = models.CharField(_("catalog section"), max_length=20, choices=Section.choices)
    carriers = models.CharField(_("carriers"), max_length=200, default=DEFAULT_CARRIER)
    body = models.TextField(_("body"), blank=True)
    # The disclosure label (公文公开属性): proposed by the drafter, confirmed by the reviewer.
    label = models.CharField(
        _("disclosure label"),
        max_length=12,
        choices=DisclosureLabel.choices,
        default=DisclosureLabel.PROACTIVE,
    )
    label_reason = models.TextField(_("reason"), blank=True)
    label_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    negative_entry = models.ForeignKey(
        "proactive.NegativeListEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("negative list entry"),
    )
    label_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("label confirmed by"),
    )
    label_confirmed_at = models.DateTimeField(_("label confirmed at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    review_round = models.PositiveIntegerField(_("review round"), default=0)
    review_step = models.PositiveIntegerField(_("current review step"), default=0)
    publish_at = models.DateTimeField(_("scheduled publication"), null=True, blank=True)
    # What the public sees, set at publication (redacted text, metadata as approved).
    published_at = models.DateTimeField(_("date published"), null=True, blank=True)
    public_title = models.CharField(_("published title"), max_length=300, blank=True)
    public_body = models.TextField(_("published body"), blank=True)
    published_revision = models.ForeignKey(
        "proactive.ItemRevision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published revision"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # 政策文件 ↔ 政策解读: an interpretation points at its policy document.
    interprets = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interpretations",
        verbose_name=_("interpreted policy document"),
    )
    interpretation_form = models.CharField(
        _("form of interpretation"),
        max_length=20,
        choices=InterpretationForm.choices,
        blank=True,
    )
    catalog_item = models.ForeignKey(
        "proactive.StandardCatalogItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("standard catalog item"),
    )
    source_request = models.OneToOneField(
        "foi.Request",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proactive_item",
        verbose_name=_("disclosure request (art. 44)"),
    )
    publish_clock = models.ForeignKey(
        "core.Clock",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publication time limit"),
    )
    interpretation_clock = models.ForeignKey(
        "core.Clock",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("interpretation time limit"),
    )
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Not columns, set on some instances only. ``services.item_lock`` puts the status the
    # caller saw on the locked copy (a refused transition then says "changed meanwhile");
    # ``selectors.review_queue`` the step an item waits for; ``selectors.item_public`` the
    # public page's attachments and interpretations.
    seen_status: str
    waiting_step: Step
    public_attachments: list[Attachment]
    public_interpretations: list[Item]

    class Meta:
        verbose_name = _("information item")
        verbose_name_plural = _("information items")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["status", "publish_at"]),
            models.Index(fields=["published_at"]),
            # A body's site lists its bodies' newest items (home, columns): read in order
            # from this index, not a sort of each body's items (docs/sites.md, "Measured").
            models.Index(
                fields=["organisation", "-published_at", "-id"], name="proactive_item_org_newest"
            ),
            # A section's column (and its count) over the public items only: at 200,000
            # items each count of a column took 70-150 ms without it (docs/monitor.md).
            models.Index(
                fields=["section", "-published_at", "-id"],
                name="proactive_item_section_public",
                condition=PUBLIC,
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(label="proactive") | ~Q(label_reason=""),
                name="proactive_item_reason_unless_proactive",
            ),
            models.CheckConstraint(
                condition=Q(interprets__isnull=True) | ~Q(interpretation_form=""),
                name="proactive_item_interpretation_has_form",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.published_revision_id is not None


class ItemRevision(models.Model):
    """A snapshot of an item's text and metadata, kept for comparison (a diff view)."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("item")
    )
    number = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    metadata = models.JSONField(_("metadata"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("item revision")
        verbose_name_plural = _("item revisions")
        ordering = ["item", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="proactive_revision_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} r{self.number}"


class Attachment(models.Model):
    """A file of an item; its text is extracted for the privacy scan."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    text = models.TextField(_("extracted text"), blank=True)
    sha256 = models.CharField(_("checksum"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["item", "id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "sha256"], name="proactive_attachment_once")
        ]

    def __str__(self) -> str:
        return self.name
