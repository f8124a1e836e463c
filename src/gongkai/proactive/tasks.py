"""Background work of 主动公开: imports asked for on the office's pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import NotFoundError
from gongkai.core.queue import PermanentError, background


@background(label=_("Import uploaded files"), max_attempts=4, backoff_seconds=30)
def import_run(job_id: int) -> str:
    """Ids only; resumes where a failed attempt stopped (``services.import_jobs``)."""
    from gongkai.proactive.services.import_jobs import import_run as run

    try:
        return run(job_id=job_id)
    except NotFoundError as error:
        raise PermanentError(f"{error.code}: {error.message}") from error
