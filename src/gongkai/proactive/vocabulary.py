"""What the ledger's proactive-disclosure codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core import vocabulary
from gongkai.proactive.law import (
    DisclosureLabel,
    FindingType,
    NegativeCategory,
    NormativeStatus,
    ReviewKind,
)
from gongkai.proactive.models import PrivacyFinding, PrivacyRule, Status

vocabulary.actions(
    {
        "create": _("Information item drafted"),
        "update": _("Information item edited"),
        "delete": _("Draft deleted"),
        "attach": _("Attachment added"),
        "import": _("Document imported with its earlier publication date"),
        "detach": _("Attachment removed"),
        "scan": _("Scanned for personal information"),
        "submit": _("Submitted for review"),
        "approve": _("Review step approved"),
        "send_back": _("Sent back by a reviewer"),
        "schedule": _("Publication scheduled"),
        "publish": _("Published"),
        "withdraw": _("Withdrawn"),
        "revise": _("Revised"),
        "self_check": _("Withheld item re-evaluated"),
        "from_foi_request": _("Drafted from a disclosure request"),
        "finding.masked": _("Personal information masked"),
        "finding.kept": _("Personal information kept with a reason"),
        "finding.open": _("Personal information finding reopened"),
        "finding.add": _("Personal information marked by a reviewer"),
        "privacy_rule.create": _("Privacy rule added"),
        "privacy_rule.deactivate": _("Privacy rule switched off"),
        "topic.add": _("Topic added"),
        "topic.rename": _("Topic renamed"),
        "genre.add": _("Genre added"),
        "genre.rename": _("Genre renamed"),
        "negative.create": _("Negative-list entry created"),
        "negative.update": _("Negative-list entry changed"),
        "negative.retire": _("Negative-list entry retired"),
        "negative.review_due": _("Negative-list entry flagged for review"),
        "self_check.sign_off": _("Yearly self-check signed off"),
        "normative.register": _("Normative document registered"),
        "normative.change": _("Normative document status changed"),
        "cleanup.publish": _("Normative document clean-up published"),
        "catalog.import": _("Standard catalog imported"),
        "review_steps.configure": _("Review steps configured"),
    },
    prefix="proactive.",
)
vocabulary.keys({"sha256": _("SHA-256 checksum")}, free=("sha256",))
vocabulary.keys(
    {"furniture": _("Web-page furniture removed"), "published_at": _("Published at")},
    free=("proactive:furniture",),
)
vocabulary.keys(
    {
        "index_number": _("Index number"),
        "changed_by": _("Changed by"),
        "findings": _("Findings"),
        "new_findings": _("New findings"),
        "finding": _("Finding (number)"),
        "on": _("On"),
        "revision": _("Revision"),
        "round": _("Review round"),
        "step": _("Review step"),
        "steps": _("Review steps"),
        "publish_at": _("Publish at"),
        "documents": _("Documents"),
        "rows": _("Rows"),
        "changed_on": _("Date changed"),
        "review_on": _("Next review date"),
        "decided": _("Withheld items decided"),
        "kept_withheld": _("Kept withheld"),
        "made_public": _("Made public (reopened for publication)"),
        "on_request": _("Changed to disclosure on request"),
        "undecided": pgettext_lazy("self-check", "Not yet decided"),
        "negative_active": _("Active negative-list entries"),
        "negative_edited": _("Negative-list entries edited this year"),
        "negative_retired": _("Negative-list entries retired this year"),
        "negative_due": _("Negative-list entries past their review date"),
        "occurrences": _("Occurrences"),
        "rule_kind": _("Kind of rule"),
        "rule_action": _("What the rule does"),
        "text": _("Text or pattern"),
        "spam_lines": _("Lines that look like injected spam"),
    },
    free=("changed_by", "index_number", "text"),
)
vocabulary.values("proactive", "status", Status.choices)
vocabulary.values("proactive", "status", NormativeStatus.choices)
vocabulary.values("proactive", "label", DisclosureLabel.choices)
vocabulary.values("proactive", "category", NegativeCategory.choices)
vocabulary.values("proactive", "step", ReviewKind.choices)
vocabulary.values("proactive", "steps", ReviewKind.choices)
vocabulary.values("proactive", "type", FindingType.choices)
vocabulary.values("proactive", "state", PrivacyFinding.State.choices)
vocabulary.values("proactive", "rule_kind", PrivacyRule.Kind.choices)
vocabulary.values("proactive", "rule_action", PrivacyRule.Action.choices)
