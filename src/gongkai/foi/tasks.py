"""Background work of 依申请公开: the PDF copy of a letter."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import NotFoundError
from gongkai.core.queue import PermanentError, background


@background(label=_("Make a letter's PDF copy"), max_attempts=3, backoff_seconds=60)
def letter_pdf_make(letter_id: int) -> str:
    """Ids only; idempotent (``services.letters.letter_pdf_make``)."""
    from gongkai.foi.services.letters import letter_pdf_make as make

    try:
        return make(letter_id=letter_id)
    except NotFoundError as error:
        raise PermanentError(f"{error.code}: {error.message}") from error
