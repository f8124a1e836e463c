"""What the ledger's assessment codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.assessment.law import RUBRIC_TEMPLATES, Channel, IndicatorKind, TrainingKind
from gongkai.core import vocabulary

vocabulary.actions(
    {
        "import_upload": _("Task table uploaded for preview"),
        "alias_set": _("Unit name mapped"),
        "plan_import": _("Work plan imported"),
        "progress": _("Task progress reported"),
        "notice_create": _("Internal notice drafted"),
        "notice_publish": _("Internal notice published"),
        "rubric_create": _("Assessment rubric created"),
        "deduction_add": _("Points deducted"),
        "deduction_remove": _("Deduction withdrawn"),
        "indicator_add": _("Indicator added"),
        "indicator_update": _("Indicator changed"),
        "indicator_remove": _("Indicator removed"),
        "ledger_bundle": _("Inspection ledgers requested"),
        "enquiry": _("Enquiry recorded"),
        "training": _("Training or meeting recorded"),
        "freeze": _("Assessment made final"),
        "reopen": _("Final assessment reopened"),
    },
    prefix="assessment.",
)
vocabulary.keys(
    {
        "plan_file": _("File name"),
        "alias_name": _("Name as written"),
        "alias_target": _("Mapped to"),
        "task_count": _("Tasks"),
        "unit_name": _("Unit"),
        "completes_task": _("The task is completed"),
        "notice_entries": _("Entries"),
        "rubric_template": _("Scheme"),
        "rubric_total": _("Total points"),
        "deduction_points": _("Points"),
        "deduction_reason": _("Reason"),
        "ledger_year": _("Year"),
        "enquiry_channel": _("Enquiry channel"),
        "training_kind": _("Kind"),
        "indicator_name": _("Indicator"),
        "indicator_kind": _("Scored"),
        "indicator_points": _("Points"),
        "assessment_year": _("Assessment year"),
        "subject_count": _("Units and bodies assessed"),
        "body_score": _("Score of the body itself"),
        "deduction_count": _("Deductions"),
        "reopen_reason": _("Reason for reopening"),
    },
    free=(
        "assessment:plan_file",
        "assessment:alias_name",
        "assessment:alias_target",
        "assessment:unit_name",
        "assessment:deduction_reason",
        "assessment:indicator_name",
        "assessment:reopen_reason",
    ),
)
vocabulary.values("assessment", "enquiry_channel", Channel.choices)
vocabulary.values("assessment", "training_kind", TrainingKind.choices)
vocabulary.values("assessment", "indicator_kind", IndicatorKind.choices)
vocabulary.values(
    "assessment", "rubric_template", [(t.code, t.label) for t in RUBRIC_TEMPLATES.values()]
)
