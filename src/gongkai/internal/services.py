"""对内公开: publish a notice to the body's staff, or withdraw it; each writes the ledger.

Nothing here touches the portal or the site search: these notices are internal affairs
(条例 第十六条) and stay inside the workbench.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import require_role_in_body
from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.internal.law import Category
from gongkai.internal.models import InternalNotice

EDITING_ROLES = (Role.OFFICE, Role.ADMIN)
MAX_ROWS = 500


def require_editor(actor: Actor, organisation: Organisation) -> User:
    """The acting person, refused unless they edit ``organisation``'s body (or are admin)."""
    return require_role_in_body(actor, organisation, EDITING_ROLES)


def table_parse(text: str) -> list[list[str]]:
    """A list pasted from a spreadsheet (tabs) or typed with commas; the first line is the
    header and every line must have as many cells."""
    lines = [line for line in text.splitlines() if line.strip()]
    rows = [
        [
            c.strip()
            for c in (line.split("\t") if "\t" in line else line.replace("，", ",").split(","))
        ]
        for line in lines
    ]
    if len(rows) > MAX_ROWS:
        raise ServiceError(
            "too_many_rows", _("A list holds at most %(n)d lines.") % {"n": MAX_ROWS}
        )
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            raise ServiceError(
                "ragged_list",
                _("Line %(n)d of the list has %(found)d cells; the header has %(expected)d.")
                % {"n": number, "found": len(row), "expected": len(rows[0])},
            )
    return rows


def notice_publish(
    *,
    actor: Actor,
    organisation: Organisation,
    category: str,
    title: str,
    body: str,
    table_text: str = "",
    ends_on: dt.date | None = None,
) -> InternalNotice:
    actor = require_editor(actor, organisation)
    if category not in Category.values:
        raise ServiceError("invalid_category", _("Choose a category."))
    if not title.strip() or not body.strip():
        raise ServiceError("missing_text", _("A notice needs a title and a text."))
    if ends_on is not None and ends_on < timezone.localdate():
        raise ServiceError("ends_in_past", _("The comment period cannot end in the past."))
    table = table_parse(table_text)
    with transaction.atomic():
        notice = InternalNotice.objects.create(
            organisation=organisation.body,
            category=category,
            title=title.strip()[:200],
            body=body.strip(),
            table=table,
            ends_on=ends_on,
            published_at=timezone.now(),
            published_by=actor,
        )
        ledger_append(
            actor=actor,
            action="internal.publish",
            obj=notice,
            organisation=notice.organisation,
            summary={"category": category, "title": notice.title},
        )
    return notice


def notice_withdraw(*, actor: Actor, notice: InternalNotice, reason: str) -> InternalNotice:
    require_editor(actor, notice.organisation)
    reason = reason.strip()
    if not reason:
        raise ServiceError("missing_reason", _("Say why the notice is withdrawn."))
    with transaction.atomic():
        if not InternalNotice.objects.filter(pk=notice.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now(), withdrawn_reason=reason[:300]
        ):
            raise ServiceError("already_withdrawn", _("The notice is already withdrawn."))
        notice.refresh_from_db()
        ledger_append(
            actor=actor,
            action="internal.withdraw",
            obj=notice,
            organisation=notice.organisation,
            summary={"title": notice.title},
        )
    return notice
