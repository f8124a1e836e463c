"""What the ledger's yearly-report codes are called (see core/vocabulary.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.reports.models import Status, YearlyReport

vocabulary.actions(
    {
        "generate": _("Yearly report generated"),
        "update_prose": _("Yearly report text edited"),
        "update_tables": _("Yearly report tables edited"),
        "publish": _("Yearly report published"),
        "remind": _("Yearly report reminder sent"),
        "request_sign_off": _("Yearly report submitted for sign-off"),
        "sign_off": _("Yearly report signed off"),
        "sign_off_refused": _("Yearly report sent back by the leader"),
    },
    prefix="reports.",
)
vocabulary.keys(
    {
        "created": _("Newly created"),
        "received": _("Requests received"),
        "decided": _("Requests decided"),
        "fields": _("Fields"),
        "tables": _("Tables"),
        "published_at": _("Published at"),
        "leaders": _("Leaders notified"),
        "signed_off_by": _("Signed off by (staff number)"),
    }
)
vocabulary.values("reports", "status", Status.choices)
vocabulary.values(
    "reports",
    "fields",
    [
        (name, field.verbose_name)
        for field in YearlyReport._meta.concrete_fields
        if (name := field.name) in ("overview", "problems", "other_matters")
    ],
)
