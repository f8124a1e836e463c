"""Reading letters: a request's letters, one letter through its request's scope, templates."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError
from gongkai.core.models import Organisation
from gongkai.core.types import AnyUser
from gongkai.foi.letters.pdf import converter_available
from gongkai.foi.models import Letter, LetterTemplate, Request
from gongkai.foi.selectors import requests_visible_to

__all__ = ["access_letter", "converter_available", "request_letters", "template_of"]


def request_letters(request: Request) -> QuerySet[Letter]:
    return request.letters.select_related("created_by").order_by("issued_on", "id")


def access_letter(user: AnyUser, pk: int) -> Letter:
    """The letter if ``user`` may see its request; the same 404 whether missing or not."""
    letter = (
        Letter.objects.select_related("request", "organisation")
        .filter(pk=pk, request__in=requests_visible_to(user).values("pk"))
        .first()
    )
    if letter is None:
        raise NotFoundError("letter_not_found", _("No such official letter."))
    return letter


def template_of(organisation: Organisation, kind: str) -> LetterTemplate | None:
    """The body's own template of ``kind``, or None when the shipped default applies."""
    return LetterTemplate.objects.filter(organisation=organisation, kind=kind).first()


PDF_TASK = "gongkai.foi.tasks.letter_pdf_make"


def pdf_failed(letters: list[Letter]) -> set[int]:
    """The letters whose PDF copy the queue gave up on (the office has not retried)."""
    from gongkai.core.models import TaskFailure

    waiting = [letter.pk for letter in letters if not letter.pdf]
    if not waiting:
        return set()
    failures = TaskFailure.objects.filter(
        task_path=PDF_TASK, arguments__kwargs__letter_id__in=waiting, retried_at__isnull=True
    ).values_list("arguments", flat=True)
    return {arguments["kwargs"]["letter_id"] for arguments in failures}
