"""Work plans and their tasks, progress, 通报, the yearly assessment (考核), the inspection
ledgers' bundles, and two small registers (咨询 by phone and counter; training and meetings).

Rows change only through ``services`` (which write the ledger in the same transaction).
Automatic deductions are not stored: ``scoring`` computes them from the platform's data
each time, so a missed clock shows in the score as soon as it is missed; the office's
deductions by hand are stored here with their evidence.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.assessment.law import Channel, IndicatorKind, TrainingKind
from gongkai.core.models import Organisation


class Plan(models.Model):
    """A 实施方案 or 工作要点 with its 重点任务分解表."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title


HEADING_NUMBER = re.compile(r"^\s*(?P<n>[（(]?[一二三四五六七八九十]+[）)、]?)")


def task_reference(part: str, section: str, item: int) -> str:
    """Where a task stands in a prose plan, as people cite it: ``一、（三）2.`` from the part
    ``一、工作任务``, the section ``（三）加强平台建设`` and the item 2; "" for a table's row."""
    found = []
    for heading, suffix in ((part, "、"), (section, "")):
        match = HEADING_NUMBER.match(heading or "")
        if match:
            number = match["n"].replace("(", "（").replace(")", "）").rstrip("、")
            found.append(number + suffix)
    if item:
        found.append(f"{item}.")
    return "".join(found) if section or item else ""


class Task(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        DONE = "done", _("Completed")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="tasks", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("task"))
    units_text = models.CharField(_("responsible units as written"), max_length=500)
    deadline_text = models.CharField(_("deadline as written"), max_length=300)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=12, blank=True)
    starts_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    target = models.CharField(_("measurable target"), max_length=500, blank=True)
    # [{"due_on": "2017-06-30", "what": "基础性制度梳理"}, …] when the cell has several dates.
    milestones = models.JSONField(_("milestones"), default=list, blank=True)
    collective_units = models.CharField(_("units concerned"), max_length=300, blank=True)
    # Where the task stands in a prose plan (seed 001): 一、工作任务 / （三）加强平台建设 / 2.
    part = models.CharField(_("part of the plan"), max_length=100, blank=True)
    section = models.CharField(_("plan section"), max_length=100, blank=True)
    item = models.PositiveSmallIntegerField(_("item number"), default=0)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="assessment_task_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:40]}"

    @property
    def is_open(self) -> bool:
        """Still to be done (the templates mark an open task past its date overdue)."""
        return self.status == self.Status.OPEN

    @property
    def reference(self) -> str:
        """一、（三）2. for a task of a prose plan, "" for a table's row."""
        return task_reference(self.part, self.section, self.item)

    @property
    def recurrence_label(self) -> str:
        from gongkai.assessment.deadlines import RECURRENCE_LABELS

        return str(RECURRENCE_LABELS.get(self.recurrence, ""))


class TaskUnit(models.Model):
    """One unit or body responsible for a task, lead (牵头) or co-responsible (配合)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead unit")
        CO = "co", _("Co-responsible unit")

    task = models.ForeignKey(
        Task, models.CASCADE, related_name="assignments", verbose_name=_("task")
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=4, choices=Role.choices)
    written_as = models.CharField(_("written as"), max_length=100)

    class Meta:
        verbose_name = _("responsible unit")
        verbose_name_plural = _("responsible units")
        ordering = ["task", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "organisation"], name="assessment_task_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} {self.organisation_id}"


class UnitAlias(models.Model):
    """A unit name the office mapped once (警校 → 政治处), reused by every later import."""

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="+", verbose_name=_("public body")
    )
    name = models.CharField(_("name as written"), max_length=100)
    target = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mapped to"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("unit name mapping")
        verbose_name_plural = _("unit name mappings")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="assessment_alias"),
        ]

    def __str__(self) -> str:
        return self.name


class PlanImport(models.Model):
    """An uploaded task table, kept with its file until it is applied as a plan."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    file_name = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("file"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    plan = models.OneToOneField(
        Plan, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("plan")
    )

    class Meta:
        verbose_name = _("task table import")
        verbose_name_plural = _("task table imports")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.file_name


class Progress(models.Model):
    """A unit's progress report on a task, with its evidence."""

    task = models.ForeignKey(Task, models.CASCADE, related_name="progress", verbose_name=_("task"))
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("reporting unit")
    )
    text = models.TextField(_("progress"))
    evidence_url = models.CharField(_("link to the published item"), max_length=300, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="assessment/evidence/%Y/", blank=True, max_length=200
    )
    completes = models.BooleanField(_("the task is completed"), default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("reported by")
    )
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return self.text[:40]


class Notice(models.Model):
    """A 通报: the overdue tasks (and anything else the office writes), published internally;
    each unit it names may lose points under the year's rubric (通报扣分)."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    # [{"organisation": id, "name": "…", "task": id, "what": "…", "due_on": "…"}, …]
    entries = models.JSONField(_("entries"), default=list)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal notice")
        verbose_name_plural = _("internal notices")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Rubric(models.Model):
    """One year's assessment scheme of a body: its indicators, worth ``total`` points."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("assessment rubric")
        verbose_name_plural = _("assessment rubrics")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="assessment_rubric_year"),
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    rubric = models.ForeignKey(
        Rubric, models.CASCADE, related_name="indicators", verbose_name=_("rubric")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("indicator"), max_length=200)
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    kind = models.CharField(_("scored"), max_length=24, choices=IndicatorKind.choices)
    # Points lost per case (per missed clock, per 通报 …) for automatic kinds.
    per_case = models.DecimalField(_("points per case"), max_digits=4, decimal_places=1, default=1)
    rule = models.CharField(_("deduction rule"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["rubric", "position"]

    def __str__(self) -> str:
        return self.name


class Deduction(models.Model):
    """Points taken by hand, with the evidence they rest on."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="deductions", verbose_name=_("indicator")
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("assessed unit")
    )
    points = models.DecimalField(_("points"), max_digits=4, decimal_places=1)
    reason = models.CharField(_("reason"), max_length=300)
    evidence_url = models.CharField(_("evidence link"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deduction")
        verbose_name_plural = _("deductions")
        ordering = ["indicator", "id"]

    def __str__(self) -> str:
        return self.reason


class ScoreSnapshot(models.Model):
    """A year's final scores, frozen (定稿) by the office: every assessed unit's and body's
    score with each deduction and its evidence as they stood at that moment. While it is in
    force (not reopened) the year's scores are read from here, so later data changes do not
    alter them; reopening is the office's own act, with a reason, and a later freeze makes a
    new snapshot (the old one stays, reopened, as the record)."""

    rubric = models.ForeignKey(
        Rubric, models.PROTECT, related_name="snapshots", verbose_name=_("rubric")
    )
    # [{"organisation": id, "name": "…", "kind": "unit", "rank": 1, "total": "48.0",
    #   "deducted": "2.0", "indicators": [{"id": 1, "name": "…", "kind": "…", "points":
    #   "10.0", "per_case": "2.0", "rule": "…", "note": "", "evidence": [{"points": "2.0",
    #   "reason": "…", "url": "…", "automatic": true}]}]}, …]
    scores = models.JSONField(_("scores"), default=list)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("frozen by")
    )
    frozen_at = models.DateTimeField(_("frozen at"))
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopen_reason = models.CharField(_("reason for reopening"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("final scores")
        verbose_name_plural = _("final scores")
        ordering = ["rubric", "-frozen_at", "-id"]
        constraints = [
            # One snapshot in force per rubric (a year frozen once at a time).
            models.UniqueConstraint(
                fields=["rubric"],
                condition=models.Q(reopened_at__isnull=True),
                name="assessment_one_snapshot_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.frozen_at:%Y-%m-%d}"

    @property
    def in_force(self) -> bool:
        return self.reopened_at is None


class LedgerBundle(models.Model):
    """The 台账 of one body and year as one zip, built in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    content = models.BinaryField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ledger bundle")
        verbose_name_plural = _("ledger bundles")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}"


class Enquiry(models.Model):
    """One 咨询 by phone or at the counter: the channel and what it was about."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    topic = models.CharField(_("topic"), max_length=200)
    received_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organisation", "received_on"])]

    def __str__(self) -> str:
        return self.topic


class Training(models.Model):
    """A training session or a meeting on openness work, for the 台账."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name=_("public body")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    attendees = models.PositiveIntegerField(_("attendees"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training or meeting")
        verbose_name_plural = _("trainings and meetings")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title
