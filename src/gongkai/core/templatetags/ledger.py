"""Ledger entries as people read them: Chinese labels instead of codes."""

from django import template

from gongkai.core import vocabulary
from gongkai.core.models import LedgerEntry

register = template.Library()


@register.filter
def action_label(action: str) -> str:
    return vocabulary.action_label(action)


@register.filter
def actor_label(actor_name: str) -> str:
    return vocabulary.actor_label(actor_name)


@register.simple_tag
def ledger_summary(entry: LedgerEntry) -> str:
    return vocabulary.summary_text(entry.action, entry.summary)
