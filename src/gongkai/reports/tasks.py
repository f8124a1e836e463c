"""The yearly report's background work: computing the tables from a year's data."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import ServiceError
from gongkai.core.queue import PermanentError, background


@background(label=_("Compute a yearly report's tables"), max_attempts=3, backoff_seconds=60)
def report_generate_run(report_id: int, actor_id: int | None = None) -> str:
    """Ids only; idempotent (``services.report_generate_run``). A refusal (the report was
    published, the person lost the office role) is final: another attempt cannot help."""
    from gongkai.reports import services

    try:
        return services.report_generate_run(report_id=report_id, actor_id=actor_id)
    except ServiceError as error:
        raise PermanentError(f"{error.code}: {error.message}") from error
