"""The site monitor's records: each run of the check, the pages it opened, what it found,
and what the office configures (column kinds, allowed hosts, sensitive words)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RunStatus(models.TextChoices):
    """Where a check stands (its transitions: ``monitor.transitions``). Declared outside the
    model so that the model's constraint can name its members."""

    QUEUED = "queued", pgettext_lazy("site check", "Queued")
    RUNNING = "running", pgettext_lazy("site check", "Running")
    DONE = "done", pgettext_lazy("site check", "Finished")
    FAILED = "failed", pgettext_lazy("site check", "Failed")


class Run(models.Model):
    Status = RunStatus

    class Trigger(models.TextChoices):
        SCHEDULED = "scheduled", _("Daily check")
        MANUAL = "manual", _("Started by hand")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    trigger = models.CharField(_("started by"), max_length=10, choices=Trigger.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    base_url = models.CharField(_("site checked"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(
        pgettext_lazy("site check", "started at"), null=True, blank=True
    )
    finished_at = models.DateTimeField(
        pgettext_lazy("site check", "finished at"), null=True, blank=True
    )
    pages_checked = models.PositiveIntegerField(_("pages checked"), default=0)
    findings_count = models.PositiveIntegerField(_("findings"), default=0)
    veto_count = models.PositiveIntegerField(_("single-veto findings"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("monitor run")
        verbose_name_plural = _("monitor runs")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One run waits or runs at a time: "run now" twice gives the same run.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]),
                name="monitor_one_open_run",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class Page(models.Model):
    run = models.ForeignKey(Run, models.CASCADE, related_name="pages")
    url = models.CharField(_("web address"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("time (ms)"), default=0)
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)

    class Meta:
        verbose_name = _("page checked")
        verbose_name_plural = _("pages checked")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url


class Kind(models.TextChoices):
    # Crawl
    UNREACHABLE = "unreachable", _("Site unreachable")
    BROKEN_LINK = "broken_link", _("Broken link")
    BROKEN_IMAGE = "broken_image", _("Broken image")
    SLOW_PAGE = "slow_page", _("Slow page")
    # Freshness
    HOME_STALE = "home_stale", _("Home page not updated")
    COLUMN_STALE = "column_stale", _("Column not updated")
    COLUMN_EMPTY = "column_empty", _("Empty column")
    COLUMNS_STALE_TOTAL = "columns_stale_total", _("Too many columns not updated")
    COLUMNS_EMPTY_TOTAL = "columns_empty_total", _("Too many empty columns")
    LETTER_UNANSWERED = "letter_unanswered", _("Message unanswered for over 3 months")
    # Injected content
    HIDDEN_LINK = "hidden_link", _("Hidden link")
    FOREIGN_LINK = "foreign_link", _("Link to an unknown site")
    SENSITIVE_WORD = "sensitive_word", _("Sensitive word")
    # Added with issue 19's second part (kept after the first ones: the order is the
    # workbench's order within veto and non-veto groups).
    UNAVAILABLE = "unavailable", _("Site unavailable too often")
    EXTERNAL_BROKEN = "external_broken", _("Broken external link")
    EXTERNAL_SITE = "external_site", _("External site not answering")
    ORPHAN_PAGE = "orphan_page", _("Page not linked from the site")
    ITEM_UNDATED = "item_undated", _("Item without a date")
    WRONG_TITLE = "wrong_title", _("Leader with a wrong title")
    WRONG_NAME = "wrong_name", _("Leader's name misspelt")
    WRONG_TERM = "wrong_term", _("Official term misspelt")
    # Point 3 completed: the rendered page compared with the published item and templates.
    INJECTED_TEXT = "injected_text", _("Injected text")
    INJECTED_LINK = "injected_link", _("Injected link")


class Finding(models.Model):
    run = models.ForeignKey(Run, models.CASCADE, related_name="findings")
    kind = models.CharField(_("type of finding"), max_length=24, choices=Kind.choices)
    is_veto = models.BooleanField(_("single veto"), default=False)
    url = models.CharField(_("web address"), max_length=500, blank=True)
    page = models.CharField(_("found on"), max_length=500, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["-is_veto", "kind", "id"]
        indexes = [models.Index(fields=["run", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.detail or self.url}"


class ColumnWatch(models.Model):
    """How often a portal column must be updated (the check's two kinds of column)."""

    class Cadence(models.TextChoices):
        DYNAMIC = "dynamic", _("News and updates: within 2 weeks")
        NOTICE = "notice", _("Notices and policies: within 6 months")
        EXEMPT = "exempt", _("Not checked")

    column = models.OneToOneField(
        "portal.Column", models.CASCADE, related_name="monitor_watch", verbose_name=_("column")
    )
    cadence = models.CharField(_("update at least"), max_length=10, choices=Cadence.choices)

    class Meta:
        verbose_name = _("column to watch")
        verbose_name_plural = _("columns to watch")

    def __str__(self) -> str:
        return str(self.column)


class AllowedHost(models.Model):
    host = models.CharField(
        _("host"), max_length=200, unique=True, help_text=_("For example www.gov.cn")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("allowed external site")
        verbose_name_plural = _("allowed external sites")
        ordering = ["host"]

    def __str__(self) -> str:
        return self.host


class SensitiveWord(models.Model):
    word = models.CharField(_("word"), max_length=60, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("sensitive word")
        verbose_name_plural = _("sensitive words")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class Probe(models.Model):
    """One availability sample: a key page opened once, at a time of day spread by the
    daily schedule (the check opens the site 20+ times a day)."""

    at = models.DateTimeField(_("checked at"), db_index=True)
    # The time the schedule gave it: one sample per page and slot, however often queued.
    slot = models.DateTimeField(_("scheduled for"))
    url = models.CharField(_("web address"), max_length=500)
    status_code = models.PositiveSmallIntegerField(_("status"), null=True, blank=True)
    elapsed_ms = models.PositiveIntegerField(_("time (ms)"), default=0)
    is_ok = models.BooleanField(_("opened in time"))

    class Meta:
        verbose_name = _("availability sample")
        verbose_name_plural = _("availability samples")
        ordering = ["-at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url", "slot"], name="monitor_one_probe_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.url} {self.at:%Y-%m-%d %H:%M}"


class Alert(models.Model):
    """A single-veto or injected-content finding the office was told about: one per
    finding while it lasts (``key``), closed when a later run no longer finds it."""

    key = models.CharField(_("finding key"), max_length=64)
    kind = models.CharField(_("type of finding"), max_length=24, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    url = models.CharField(_("web address"), max_length=500, blank=True)
    page = models.CharField(_("found on"), max_length=500, blank=True)
    run = models.ForeignKey(
        Run, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("monitor run")
    )
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("monitor alert")
        verbose_name_plural = _("monitor alerts")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(closed_at__isnull=True), name="monitor_one_open_alert"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.detail or self.url}"


class WatchedSite(models.Model):
    """An external site the office wants checked with the portal (a department's own
    site, the service hall): crawled politely, a few pages deep."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("home page"), max_length=300, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("external site to check")
        verbose_name_plural = _("external sites to check")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NationalLeader(models.Model):
    """A national leader's name and posts as pages must print them (严重错别字): the
    office keeps this list; ``source`` and ``checked_on`` say where and when."""

    name = models.CharField(_("name"), max_length=20, unique=True)
    titles = models.CharField(
        _("posts"), max_length=300, help_text=_("Separated by 、, e.g. 中共中央总书记、国家主席")
    )
    is_current = models.BooleanField(_("in office"), default=True)
    source = models.CharField(_("source"), max_length=200)
    checked_on = models.DateField(_("checked on"))

    class Meta:
        verbose_name = _("national leader")
        verbose_name_plural = _("national leaders")
        ordering = ["-is_current", "id"]

    def __str__(self) -> str:
        return f"{self.titles} {self.name}"


class TermForm(models.Model):
    """A wrong form of an official term and the right one (the office edits the table)."""

    wrong = models.CharField(_("wrong form"), max_length=60, unique=True)
    correct = models.CharField(_("correct form"), max_length=60)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("term to correct")
        verbose_name_plural = _("terms to correct")
        ordering = ["correct", "wrong"]

    def __str__(self) -> str:
        return f"{self.wrong} → {self.correct}"
