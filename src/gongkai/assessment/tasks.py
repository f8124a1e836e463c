"""The assessment app's background work: building the 台账 zip."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.queue import background


@background(label=_("Build the inspection ledgers"), max_attempts=3, backoff_seconds=60)
def ledger_bundle_build(bundle_id: int) -> str:
    """Ids only; idempotent (``services.ledger_bundle_run``)."""
    from gongkai.assessment import services

    return services.ledger_bundle_run(bundle_id=bundle_id)
