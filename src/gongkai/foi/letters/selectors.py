"""Reading letters: a request's letters, one letter through its request's scope, templates."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError
from gongkai.core.models import Organisation
from gongkai.foi.letters.pdf import converter_available
from gongkai.foi.models import Letter, LetterTemplate, Request
from gongkai.foi.selectors import requests_visible_to

__all__ = ["access_letter", "converter_available", "request_letters", "template_of"]


def request_letters(request: Request) -> QuerySet[Letter]:
    return request.letters.select_related("created_by").order_by("issued_on", "id")


def access_letter(user, pk: int) -> Letter:
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
