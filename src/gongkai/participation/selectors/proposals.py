"""Reading suggestions and proposals: staff scope and the published replies."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError
from gongkai.core.sitescope import scoped
from gongkai.core.types import AnyUser
from gongkai.participation.models import Proposal


def proposals_visible_to(user: AnyUser) -> QuerySet[Proposal]:
    return Proposal.objects.visible_to(user).select_related("organisation", "unit")


def access_proposal(user: AnyUser, pk: int) -> Proposal:
    proposal = proposals_visible_to(user).filter(pk=pk).first()
    if proposal is None:
        raise NotFoundError("proposal_not_found", _("No such suggestion or proposal."))
    return proposal


def proposals_published() -> QuerySet[Proposal]:
    published = Proposal.objects.filter(status=Proposal.Status.PUBLISHED)
    return scoped(published, pk_field=None).order_by("-published_at", "-id")


def proposal_published(pk: int) -> Proposal:
    proposal = proposals_published().filter(pk=pk).first()
    if proposal is None:
        raise NotFoundError("proposal_not_found", _("No such suggestion or proposal."))
    return proposal


def proposal_bare_number(proposal: Proposal) -> str:
    """ "第0123号" and "0123" are both typed; the wording adds 第…号 itself."""
    return proposal.number.strip().removeprefix("第").removesuffix("号").strip()


def proposal_public_title(proposal: Proposal) -> str:
    """The published title carries the content summary (内容概要)."""
    return _("Reply to %(kind)s No. %(number)s of %(session)s (summary: %(summary)s)") % {
        "kind": proposal.get_kind_display(),
        "number": proposal_bare_number(proposal),
        "session": proposal.session,
        "summary": proposal.reply_summary,
    }
