"""行政执法公示: 事前 (bodies, officers, matters with their procedure, discretion standards),
事后 (decisions and their withdrawal), and 双随机一公开 (target list, draws, results).

Rows change only through ``services``, which write the ledger and a public ``ChangeRecord``
(what changed, when, why) in the same transaction. A natural person's name and the
decision's free text are published only as masked copies (``published_*``); the raw fields
never leave the workbench.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Clock, Organisation
from gongkai.enforcement.law import (
    BodyKind,
    DecisionKind,
    InspectionOutcome,
    PartyKind,
    TargetCategory,
    Withdrawal,
)


class EnforcementBody(models.Model):
    """执法主体: who may enforce, on what authority, its duties and the remedies."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind of body"), max_length=12, choices=BodyKind.choices)
    basis = models.TextField(_("legal basis of the body"))
    duties = models.TextField(_("duties and powers"))
    remedy = models.TextField(_("remedies"))
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("enforcement body")
        verbose_name_plural = _("enforcement bodies")
        ordering = ["organisation", "position", "id"]

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    """执法人员: a name and a certificate number, both public by law. No phone or ID number
    is ever stored here."""

    body = models.ForeignKey(
        EnforcementBody, verbose_name=_("enforcement body"), on_delete=models.PROTECT,
        related_name="officers",
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=50)
    certificate = models.CharField(_("enforcement certificate number"), max_length=40)
    area = models.CharField(_("field of enforcement"), max_length=100, blank=True)
    # In the 执法检查人员名录库 (the inspectors a draw picks from).
    is_inspector = models.BooleanField(_("in the inspector list"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("enforcement officer")
        verbose_name_plural = _("enforcement officers")
        ordering = ["body", "certificate"]
        constraints = [
            models.UniqueConstraint(fields=["certificate"], name="enforcement_certificate_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.certificate}"


class Matter(models.Model):
    """执法事项 with its 依据 and its procedure (流程), drawn as a flowchart."""

    body = models.ForeignKey(
        EnforcementBody, verbose_name=_("enforcement body"), on_delete=models.PROTECT,
        related_name="matters",
    )  # fmt: skip
    name = models.CharField(_("matter"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=DecisionKind.choices)
    basis = models.TextField(_("legal basis"))
    steps = models.JSONField(_("procedure steps"), default=list)
    time_limit = models.CharField(_("time limit"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    updated_on = models.DateField(_("updated on"))

    class Meta:
        verbose_name = _("enforcement matter")
        verbose_name_plural = _("enforcement matters")
        ordering = ["body", "position", "id"]

    def __str__(self) -> str:
        return self.name


class DiscretionStandard(models.Model):
    """裁量基准: a body's published standard for the range of its decisions, with its file."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    adopted_on = models.DateField(_("adopted on"))
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    content = models.BinaryField(_("file"), blank=True, default=b"")
    sha256 = models.CharField(_("file checksum (SHA-256)"), max_length=64, blank=True)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        verbose_name = _("discretion standard")
        verbose_name_plural = _("discretion standards")
        ordering = ["organisation", "-adopted_on", "id"]

    def __str__(self) -> str:
        return self.title


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Decision(models.Model):
    """One 行政执法决定 (licence, penalty, coercion or inspection result)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        EnforcementBody, verbose_name=_("enforcement agency"), on_delete=models.PROTECT,
        related_name="decisions",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=DecisionKind.choices)
    number = models.CharField(_("decision number"), max_length=80)
    title = models.CharField(_("matter"), max_length=200)
    party_kind = models.CharField(_("kind of party"), max_length=8, choices=PartyKind.choices)
    # The full name stays in the workbench; the public sees ``party_public``.
    party_name = models.CharField(_("party"), max_length=200)
    party_credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    party_public = models.CharField(_("party as published"), max_length=200, blank=True)
    facts = models.TextField(_("facts"), blank=True)
    basis = models.TextField(_("legal basis"))
    content = models.TextField(_("kind and content of the decision"))
    decided_on = models.DateField(_("decided on"))
    status = models.CharField(
        _("status"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    # The privacy scan of the free text: [{"field", "type", "start", "end", "text"}].
    findings = models.JSONField(_("privacy findings"), default=list, blank=True)
    published_facts = models.TextField(_("facts as published"), blank=True)
    published_content = models.TextField(_("content as published"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    publish_clock = models.ForeignKey(
        Clock, verbose_name=_("publicity clock"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    withdrawal = models.CharField(
        _("withdrawal"), max_length=10, choices=Withdrawal.choices, blank=True
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=500, blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="replaces",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enforcement decision")
        verbose_name_plural = _("enforcement decisions")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number"], name="enforcement_decision_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind", "decided_on"]),
            models.Index(fields=["organisation", "kind", "decided_on"]),
        ]

    def __str__(self) -> str:
        return self.number


class ChangeRecord(models.Model):
    """The public history of the register: what changed, when, and why."""

    class Subject(models.TextChoices):
        BODY = "body", _("Enforcement body")
        OFFICER = "officer", _("Enforcement officer")
        MATTER = "matter", _("Enforcement matter")
        STANDARD = "standard", _("Discretion standard")
        DECISION = "decision", _("Enforcement decision")
        TARGET = "target", _("Inspection target")
        DRAW = "draw", _("Random draw")
        RESULT = "result", _("Inspection result")

    class Action(models.TextChoices):
        ADDED = "added", _("Added")
        CHANGED = "changed", _("Changed")
        REMOVED = "removed", _("Removed")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=10, choices=Subject.choices)
    subject_id = models.PositiveBigIntegerField(_("record number"))
    title = models.CharField(_("title"), max_length=300)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    # [{"field": "…", "old": "…", "new": "…"}] for a change of public fields.
    fields_changed = models.JSONField(_("fields changed"), default=list, blank=True)
    changed_on = models.DateField(_("changed on"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change record")
        verbose_name_plural = _("change records")
        ordering = ["-changed_on", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["subject", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.title}"


class InspectionTarget(models.Model):
    """One entry of the 检查对象名录库 (an entity that may be drawn for inspection)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=TargetCategory.choices)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    is_active = models.BooleanField(_("in the list"), default=True)

    class Meta:
        verbose_name = _("inspection target")
        verbose_name_plural = _("inspection targets")
        ordering = ["organisation", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="enforcement_target_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Draw(models.Model):
    """A 双随机 draw, recorded with everything needed to re-run it: the seed, the algorithm
    and the snapshots of both lists (with their SHA-256)."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(
        _("category"), max_length=16, choices=TargetCategory.choices, blank=True
    )
    seed = models.CharField(_("seed"), max_length=40)
    algorithm = models.CharField(_("algorithm"), max_length=300)
    targets = models.JSONField(_("target list snapshot"))  # [{"code", "name"}] sorted by code
    inspectors = models.JSONField(_("inspector list snapshot"))  # [{"code", "name"}]
    targets_sha256 = models.CharField(_("checksum of the target list (SHA-256)"), max_length=64)
    inspectors_sha256 = models.CharField(
        _("checksum of the inspector list (SHA-256)"), max_length=64
    )
    target_count = models.PositiveSmallIntegerField(_("targets drawn"))
    inspectors_per_target = models.PositiveSmallIntegerField(_("inspectors per target"))
    chosen = models.JSONField(_("result"))  # [{"target": code, "inspectors": [codes]}]
    drawn_on = models.DateField(_("drawn on"))
    drawn_at = models.DateTimeField(_("drawn at"), auto_now_add=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drawn by"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("random draw")
        verbose_name_plural = _("random draws")
        ordering = ["-drawn_on", "-id"]

    def __str__(self) -> str:
        return self.title


class InspectionResult(models.Model):
    """The published result of inspecting one drawn target."""

    draw = models.ForeignKey(
        Draw, verbose_name=_("random draw"), on_delete=models.PROTECT, related_name="results"
    )
    target_code = models.CharField(_("code"), max_length=40)
    target_name = models.CharField(_("name"), max_length=200)
    inspected_on = models.DateField(_("inspected on"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=InspectionOutcome.choices)
    summary = models.TextField(_("summary"), blank=True)  # masked before it is stored
    published_on = models.DateField(_("published on"))

    class Meta:
        verbose_name = _("inspection result")
        verbose_name_plural = _("inspection results")
        ordering = ["draw", "target_code"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "target_code"], name="enforcement_one_result")
        ]

    def __str__(self) -> str:
        return f"{self.target_name} {self.get_outcome_display()}"
