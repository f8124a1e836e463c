"""Marking findings in a text for the reviewer: each one in <mark> with its number."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.proactive.services.privacy import inside_tag


def highlight(text: str, findings, *, html: bool) -> SafeString:
    """``text`` with each finding wrapped in a <mark>. ``html``: the text is sanitised HTML
    (the body) and is kept as markup; otherwise it is escaped (an attachment's text).
    Findings inside a tag (an attribute value) are listed but not marked."""
    parts, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position or (html and inside_tag(text, finding.start)):
            continue
        before = text[position : finding.start]
        parts.append(before if html else escape(before))
        parts.append(
            f'<mark id="mark-{finding.pk}" class="finding {finding.state}" tabindex="0">'
            f"{escape(text[finding.start : finding.end])}<sup>{finding.pk}</sup></mark>"
        )
        position = finding.end
    rest = text[position:]
    parts.append(rest if html else escape(rest))
    return mark_safe("".join(parts))  # noqa: S308 - sanitised body, escaped findings
