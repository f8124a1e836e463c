"""Consultations on drafts (意见征集 / 决策预公开), their provisions and comments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Case, unit_field


class Consultation(Case):
    class Kind(models.TextChoices):
        NORMATIVE = "normative", _("Normative document")
        NORMATIVE_BUSINESS = "normative_business", _("Normative document on business activity")
        RULE = "rule", _("Government rule")
        MAJOR_DECISION = "major_decision", _("Major administrative decision")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for comments")
        CLOSED = "closed", _("Closed for comments")
        REPORTED = "reported", _("Adoption report published")

    unit = unit_field(_("drafting unit"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    explanation = models.TextField(_("drafting explanation"), blank=True)
    draft_text = models.TextField(_("draft text"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    shortened_reason = models.TextField(_("reason for a shorter period"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    report_text = models.TextField(_("adoption report"), blank=True)
    report_published_at = models.DateTimeField(_("report published at"), null=True, blank=True)
    final_document_title = models.CharField(_("final document"), max_length=200, blank=True)
    final_document_url = models.URLField(_("final document link"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["organisation", "title"], name="consultation_title_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ConsultationAttachment(models.Model):
    consultation = models.ForeignKey(
        Consultation,
        models.CASCADE,
        related_name="attachments",
        verbose_name=_("public consultation"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="participation/consultations/%Y/")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Provision(models.Model):
    """One article (第一条) or paragraph of a draft; headings (第一章) are not commentable."""

    class Kind(models.TextChoices):
        HEADING = "heading", _("Heading")
        ARTICLE = "article", _("Article")
        PARAGRAPH = "paragraph", _("Paragraph")

    consultation = models.ForeignKey(
        Consultation,
        models.CASCADE,
        related_name="provisions",
        verbose_name=_("public consultation"),
    )
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("provision label"), max_length=40)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        ordering = ["consultation_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "position"], name="provision_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_commentable(self) -> bool:
        return self.kind != self.Kind.HEADING


class ModerationWord(models.Model):
    """The office's word list: comments and letters containing one are held for review."""

    organisation = models.ForeignKey(
        "core.Organisation", models.CASCADE, related_name="+", verbose_name=_("public body")
    )
    word = models.CharField(_("word"), max_length=50)

    class Meta:
        verbose_name = _("moderation word")
        verbose_name_plural = _("moderation words")
        ordering = ["word"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "word"], name="moderation_word_unique")
        ]

    def __str__(self) -> str:
        return self.word


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held for review")
        REJECTED = "rejected", _("Rejected")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Not yet decided")
        ADOPTED = "adopted", _("Adopted")
        PARTLY = "partly", _("Partly adopted")
        NOT_ADOPTED = "not_adopted", _("Not adopted")

    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="comments", verbose_name=_("public consultation")
    )
    provision = models.ForeignKey(
        Provision,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("provision"),
    )
    author_name = models.CharField(_("full name"), max_length=50, blank=True)
    contact = models.CharField(_("contact"), max_length=100, blank=True)
    body = models.TextField(_("comment"))
    body_public = models.TextField(_("comment as published"))
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    moderation_reason = models.CharField(_("moderation reason"), max_length=200, blank=True)
    decision = models.CharField(
        _("adoption decision"), max_length=12, choices=Decision.choices, default=Decision.PENDING
    )
    decision_reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["id"]
        constraints = [
            # Duplicate detection: the same text on the same anchor is stored once.
            models.UniqueConstraint(
                fields=["consultation", "fingerprint"], name="comment_fingerprint_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="not_adopted") | ~models.Q(decision_reason=""),
                name="comment_not_adopted_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["consultation", "status", "id"]),
            models.Index(fields=["consultation", "decision"]),
        ]

    def __str__(self) -> str:
        return self.body_public[:40]
