"""Reads used by views, the API and commands."""

from gongkai.core.selectors.clocks import (
    clock_explanation,
    clocks_due_between,
    clocks_due_today,
    clocks_overdue,
    clocks_visible_to,
)
from gongkai.core.selectors.ledger import LedgerCheck, ledger_entries, ledger_verify
from gongkai.core.selectors.organisation import site_organisation

__all__ = [
    "LedgerCheck",
    "clock_explanation",
    "clocks_due_between",
    "clocks_due_today",
    "clocks_overdue",
    "clocks_visible_to",
    "ledger_entries",
    "ledger_verify",
    "site_organisation",
]
