"""What the request page shows of letters and of art. 44 (read-only; no writes here)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import override

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.models import Role
from gongkai.foi import handover
from gongkai.foi.letters.forms import LetterDeliveryForm
from gongkai.foi.letters.selectors import converter_available, pdf_failed, request_letters
from gongkai.foi.letters.values import subject_of
from gongkai.foi.models import LetterKind, Request, Status

ACTING_ROLES = (Role.OFFICE, Role.HANDLER, Role.ADMIN)
OFFICE_ROLES = (Role.OFFICE, Role.ADMIN)
# 条例 art. 44: only information that was (at least partly) disclosed can become proactive.
ART_44_OUTCOMES = ("granted", "partial")


def letter_kinds_available(foi: Request, made: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The kinds of letter the request's current state allows (its act has happened) and
    not yet made for that act (``made``: the (kind, subject) pairs of existing letters)."""
    kinds = []
    with override(settings.LANGUAGE_CODE):
        for kind, label in LetterKind.choices:
            try:
                subject = subject_of(foi, kind)
            except ServiceError:
                continue
            if (kind, subject.key) not in made:
                kinds.append((kind, label))
    return kinds


def may_make_proactive(user, foi: Request) -> bool:
    return (
        handover.receiver() is not None
        and has_role(user, *OFFICE_ROLES)
        and foi.status in (Status.REPLIED, Status.CLOSED)
        and foi.outcome in ART_44_OUTCOMES
    )


def letters_context(user, foi: Request) -> dict:
    can_act = has_role(user, *ACTING_ROLES)
    letters = list(request_letters(foi))
    made = {(letter.kind, letter.subject_key) for letter in letters}
    pdf_available = converter_available()
    failed = pdf_failed(letters) if pdf_available else set()
    for letter in letters:
        letter.pdf_failed = letter.pk in failed
    return {
        "letters": letters,
        "letter_kinds": letter_kinds_available(foi, made) if can_act else [],
        "delivery_form": LetterDeliveryForm(prefix="delivery"),
        "pdf_available": pdf_available,
        "may_make_proactive": may_make_proactive(user, foi),
        "proactive_item": receiver.existing(foi) if (receiver := handover.receiver()) else None,
    }
