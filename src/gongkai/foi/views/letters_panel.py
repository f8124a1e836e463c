"""What the request page shows of letters and of art. 44 (read-only; no writes here)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import override
from django_stubs_ext import StrOrPromise

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.core.types import AnyUser
from gongkai.foi import handover
from gongkai.foi.letters.forms import LetterDeliveryForm
from gongkai.foi.letters.selectors import converter_available, pdf_failed, request_letters
from gongkai.foi.letters.values import subject_of
from gongkai.foi.models import LetterKind, Request
from gongkai.foi.transitions import DONE_STATUSES, may_act

OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)
# 条例 art. 44: only information that was (at least partly) disclosed can become proactive.
ART_44_OUTCOMES = ("granted", "partial")


def letter_kinds_available(
    foi: Request, made: set[tuple[str, str]]
) -> list[tuple[str, StrOrPromise]]:
    """The kinds of letter the request's current state allows (its act has happened) and
    not yet made for that act (``made``: the (kind, subject) pairs of existing letters)."""
    kinds: list[tuple[str, StrOrPromise]] = []
    with override(settings.LANGUAGE_CODE):
        for kind, label in LetterKind.choices:
            try:
                subject = subject_of(foi, kind)
            except ServiceError:
                continue
            if (kind, subject.key) not in made:
                kinds.append((kind, label))
    return kinds


def may_make_proactive(user: AnyUser, foi: Request) -> bool:
    return (
        handover.receiver() is not None
        and has_role(user, *OFFICE_ROLES)
        and foi.status in DONE_STATUSES
        and foi.outcome in ART_44_OUTCOMES
    )


def letters_context(user: AnyUser, foi: Request) -> dict[str, Any]:
    can_act = may_act(user)
    letters = list(request_letters(foi))
    made = {(letter.kind, letter.subject_key) for letter in letters}
    pdf_available = converter_available()
    return {
        "letters": letters,
        "failed_pdfs": pdf_failed(letters) if pdf_available else set(),
        "letter_kinds": letter_kinds_available(foi, made) if can_act else [],
        "delivery_form": LetterDeliveryForm(prefix="delivery"),
        "pdf_available": pdf_available,
        "may_make_proactive": may_make_proactive(user, foi),
        "proactive_item": receiver.existing(foi) if (receiver := handover.receiver()) else None,
    }
