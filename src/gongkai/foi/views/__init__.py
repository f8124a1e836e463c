"""Pages of disclosure on request: the portal (``public``) and the workbench (``staff``).

Views parse input, call one service or selector, and show a service's refusal on the page.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# The remedies every reply states (RULES.md "Disclosure on request", last line):
# 行政复议 within 60 days of knowing the act (《行政复议法》 art. 20),
# 行政诉讼 within 6 months (《行政诉讼法》 art. 46).
REMEDY_REVIEW_DAYS = 60
REMEDY_LAWSUIT_MONTHS = 6
REMEDY_STATEMENT = _(
    "If you disagree with this reply, you may apply for administrative review within "
    "%(days)d days of learning of it (Administrative Review Law), or bring an administrative "
    "lawsuit within %(months)d months (Administrative Litigation Law, art. 46)."
)


def remedy_statement() -> str:
    return str(REMEDY_STATEMENT) % {"days": REMEDY_REVIEW_DAYS, "months": REMEDY_LAWSUIT_MONTHS}
