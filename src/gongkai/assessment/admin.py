"""Plans and the assessment in the admin, read-only: changes go through the workbench and
the services, which write the ledger."""

from django.contrib import admin

from gongkai.assessment.models import (
    Deduction,
    Enquiry,
    Indicator,
    Notice,
    Plan,
    Progress,
    Rubric,
    Task,
    Training,
    UnitAlias,
)
from gongkai.core.admin import ReadOnlyAdmin


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("title", "year", "organisation")


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ("plan", "number", "deadline_text", "due_on", "status")
    list_filter = ("status",)


@admin.register(Progress)
class ProgressAdmin(ReadOnlyAdmin):
    list_display = ("task", "organisation", "reported_at", "completes")


@admin.register(UnitAlias)
class UnitAliasAdmin(ReadOnlyAdmin):
    list_display = ("name", "target", "organisation")


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    list_display = ("title", "year", "published_at")


@admin.register(Rubric)
class RubricAdmin(ReadOnlyAdmin):
    list_display = ("title", "year", "organisation")


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("rubric", "position", "name", "points", "kind")


@admin.register(Deduction)
class DeductionAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "organisation", "points", "reason")


@admin.register(Enquiry)
class EnquiryAdmin(ReadOnlyAdmin):
    list_display = ("received_on", "channel", "topic", "organisation")
    list_filter = ("channel",)


@admin.register(Training)
class TrainingAdmin(ReadOnlyAdmin):
    list_display = ("held_on", "kind", "title", "organisation")
