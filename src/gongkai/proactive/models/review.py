"""Review before publishing (先审查、后公开, 一事一审), de-identification findings and the
yearly self-check of withheld items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Role
from gongkai.proactive.law import DisclosureLabel, FindingType, ReviewKind


class ReviewStep(models.Model):
    """A configured review step of a body; without any, ``law.DEFAULT_REVIEW_STEPS`` apply."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="proactive_review_steps",
        verbose_name=_("public body"),
    )
    order = models.PositiveIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReviewKind.choices)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        ordering = ["organisation", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "order"], name="proactive_review_step_order_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.get_kind_display()}"


class ReviewDecision(models.Model):
    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        SEND_BACK = "send_back", _("Sent back")

    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("item"),
    )
    round = models.PositiveIntegerField(_("review round"))
    step = models.PositiveIntegerField(_("step"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReviewKind.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("explanation"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")
        ordering = ["item", "at", "id"]
        constraints = [
            # One decision per step and round: a repeated POST cannot approve twice.
            models.UniqueConstraint(
                fields=["item", "round", "step"], name="proactive_one_decision_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.round}/{self.step} {self.decision}"


class PrivacyRule(models.Model):
    """An openness office's rule, applied at every privacy scan of the body's items and
    their attachments (Alaveteli's censor rules are the model): a text or a pattern that is
    masked everywhere, or information the body publishes itself (a leader's name, its own
    phone number or address) that is never flagged."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Exact text")
        PATTERN = "pattern", _("Pattern (regular expression)")

    class Action(models.TextChoices):
        MASK = "mask", _("Mask wherever it appears")
        PUBLIC = "public", _("Published by the body: never flag")

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="privacy_rules",
        verbose_name=_("public body"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    action = models.CharField(
        _("action"), max_length=8, choices=Action.choices, default=Action.MASK
    )
    type = models.CharField(_("type"), max_length=12, choices=FindingType.choices)
    text = models.CharField(_("text or pattern"), max_length=200)
    replacement = models.CharField(
        _("replacement"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to mask as the type is usually masked."),
    )
    reason = models.CharField(_("reason"), max_length=300)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy rule")
        verbose_name_plural = _("privacy rules")
        ordering = ["organisation", "-is_active", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="proactive_rule_reason"),
            models.CheckConstraint(
                condition=models.Q(action="mask") | models.Q(kind="text"),
                name="proactive_public_rule_is_text",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class FindingState(models.TextChoices):
    """Where a finding stands; declared outside the model so that its constraint can name
    the members."""

    OPEN = "open", _("Open")
    MASKED = "masked", _("Masked")
    KEPT = "kept", _("Kept")


class PrivacyFinding(models.Model):
    """Personal information found in an item's body or attachment (去标识化)."""

    State = FindingState

    class Origin(models.TextChoices):
        DETECTOR = "detector", _("Found by the detector")
        MANUAL = "manual", _("Added by a reviewer")
        RULE = "rule", _("Office rule")

    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("item"),
    )
    attachment = models.ForeignKey(
        "proactive.Attachment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("attachment"),
    )
    source_hash = models.CharField(_("checksum of the scanned text"), max_length=64)
    type = models.CharField(_("type"), max_length=12, choices=FindingType.choices)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.CharField(_("text found"), max_length=300)
    replacement = models.CharField(_("mask"), max_length=300)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.OPEN)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.DETECTOR
    )
    rule = models.ForeignKey(
        PrivacyRule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("office rule"),
    )

    class Meta:
        verbose_name = _("personal-information finding")
        verbose_name_plural = _("personal-information findings")
        ordering = ["item", "attachment", "start"]
        constraints = [
            # Two conditional constraints instead of nulls_distinct=False, which SQLite
            # does not enforce: a finding in the body has no attachment.
            models.UniqueConstraint(
                fields=["item", "source_hash", "start"],
                condition=models.Q(attachment__isnull=True),
                name="proactive_finding_unique_in_body",
            ),
            models.UniqueConstraint(
                fields=["item", "attachment", "source_hash", "start"],
                condition=models.Q(attachment__isnull=False),
                name="proactive_finding_unique_in_attachment",
            ),
            models.CheckConstraint(
                condition=~models.Q(state=FindingState.KEPT) | ~models.Q(reason=""),
                name="proactive_finding_kept_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.start}-{self.end}"


class SelfCheckDecision(models.Model):
    """The yearly self-check of withheld information (seed 002; 条例 art. 18 re-evaluation)."""

    item = models.ForeignKey(
        "proactive.Item",
        on_delete=models.CASCADE,
        related_name="self_checks",
        verbose_name=_("item"),
    )
    year = models.PositiveIntegerField(_("year"))
    label = models.CharField(_("decided label"), max_length=12, choices=DisclosureLabel.choices)
    comment = models.TextField(_("explanation"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("self-check decision")
        verbose_name_plural = _("self-check decisions")
        ordering = ["item", "year"]
        constraints = [
            models.UniqueConstraint(fields=["item", "year"], name="proactive_one_self_check")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.year}"
