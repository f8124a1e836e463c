"""条例 art. 44: information several applicants asked for may be made proactive; a replied
request becomes a draft item that then goes through the normal publishing flow."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.types import Actor
from gongkai.foi.handover import HandedOver
from gongkai.foi.models import Request
from gongkai.foi.models import Status as RequestStatus
from gongkai.proactive.law import Section
from gongkai.proactive.models import Item
from gongkai.proactive.services.common import record
from gongkai.proactive.services.items import ItemFields, item_create

# Only information that was (at least partly) disclosed can become proactive (art. 44).
DISCLOSED_OUTCOMES = ("granted", "partial")


def item_draft_from_foi_request(*, request: Request, actor: Actor) -> Item:
    """A draft item from a replied request; calling it again returns the same draft."""
    existing = Item.objects.filter(source_request=request).first()
    if existing is not None:
        return existing
    if request.status not in (RequestStatus.REPLIED, RequestStatus.CLOSED):
        raise ServiceError("not_replied", _("Only a replied request can be made proactive."))
    if request.outcome not in DISCLOSED_OUTCOMES:
        raise ServiceError(
            "not_disclosed", _("Only information that was disclosed can be made proactive.")
        )
    # The applicant's identity never enters the item: only what was asked for.
    fields = ItemFields(
        title=request.description.strip().splitlines()[0][:300],
        section=Section.BUSINESS,
        summary=_("Disclosed on request %(code)s; published under art. 44.")
        % {"code": request.code},
        document_number="",
        body=f"<p>{escape(request.description.strip())}</p>",
    )
    with transaction.atomic():
        item = item_create(
            actor=actor,
            organisation=request.organisation,
            unit=request.unit,
            fields=fields,
            idempotency_key=f"foi-request:{request.pk}",
        )
        item.source_request = request
        item.save(update_fields=["source_request"])
        record(item, actor=actor, action="from_foi_request", summary={"request": request.code})
    return item


class Art44Receiver:
    """What foi's art. 44 action calls (``gongkai.foi.handover``), registered in apps.ready."""

    def draft(self, *, request: Request, actor: Actor) -> HandedOver:
        return _handed_over(item_draft_from_foi_request(request=request, actor=actor))

    def existing(self, request: Request) -> HandedOver | None:
        item = Item.objects.filter(source_request=request).only("pk", "title").first()
        return _handed_over(item) if item is not None else None


def _handed_over(item: Item) -> HandedOver:
    return HandedOver(item.pk, item.title, reverse("proactive:item_detail", args=[item.pk]))
