from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.clockmath import EventKind
from gongkai.core.law import CLOCK_RULE_CHOICES, CLOCK_RULES, ClockRule
from gongkai.core.models.case import Case


class Clock(Case):
    """A statutory time limit attached to a case.

    ``due_on``/``due_at``/``is_provisional`` are a cache of the pure computation in
    ``clockmath`` over the rule and the recorded events, kept for queries; only
    ``services.clock_recompute`` writes them.
    """

    class State(models.TextChoices):
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        STOPPED = "stopped", _("Stopped")

    rule = models.CharField(_("rule"), max_length=40, choices=CLOCK_RULE_CHOICES)
    label = models.CharField(_("label"), max_length=200)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    started_at = models.DateTimeField(_("started at"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.RUNNING)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    due_at = models.DateTimeField(_("due at"), null=True, blank=True)
    is_provisional = models.BooleanField(_("provisional"), default=False)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("statutory clock")
        verbose_name_plural = _("statutory clocks")
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["state", "due_at"]),
            models.Index(fields=["organisation", "state", "due_at"]),
            models.Index(fields=["unit", "state", "due_at"]),
            models.Index(fields=["subject_type", "subject_id"]),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def rule_definition(self) -> ClockRule:
        return CLOCK_RULES[self.rule]

    @property
    def is_overdue_when_stopped(self) -> bool:
        return bool(self.stopped_at and self.due_at and self.stopped_at > self.due_at)


class ClockEvent(models.Model):
    class Kind(models.TextChoices):
        PAUSE = EventKind.PAUSE.value, _("Paused")
        RESUME = EventKind.RESUME.value, _("Resumed")
        EXTEND = EventKind.EXTEND.value, _("Extended")
        POSTPONE = EventKind.POSTPONE.value, _("Postponed")
        RESTART = EventKind.RESTART.value, _("Restarted")
        STOP = EventKind.STOP.value, _("Stopped")

    clock = models.ForeignKey(
        Clock, on_delete=models.CASCADE, related_name="events", verbose_name=_("clock")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    at = models.DateTimeField(_("at"))
    days = models.PositiveIntegerField(_("days"), default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("clock event")
        verbose_name_plural = _("clock events")
        ordering = ["at", "id"]
        constraints = [
            # 条例 art. 33: one extension per clock.
            models.UniqueConstraint(
                fields=["clock"],
                condition=models.Q(kind="extend"),
                name="clock_one_extension",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"
