from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.core.access import has_role
from gongkai.core.duties import Duty, case_page, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(40, _("Interaction"), "participation:home")

_STAFF = [Role.OFFICE, Role.HANDLER, Role.ADMIN, Role.LEADER]
workbench_group("participation", 40, _("Interaction"))
for _order, _label, _url in (
    (40, _("Consultations"), "participation:wb_consultations"),
    (41, _("Mailbox"), "participation:wb_letters"),
    (42, _("Mailbox statistics"), "participation:wb_dashboard"),
    (43, _("Suggestions and proposals"), "participation:wb_proposals"),
    (44, _("Opinion incidents"), "participation:wb_incidents"),
):
    workbench_link(_order, _label, _url, roles=_STAFF, group="participation")

case_page("participation.incident", "participation:wb_incident")


@duty_source
def letters_and_proposals(user, today):
    """Mailbox letters to hand to a unit or to answer by their reply date, and suggestions
    and proposals to reply to: the office's and the handling units' work, not a leader's."""
    from gongkai.participation.models import Letter, Proposal
    from gongkai.participation.selectors.mailbox import letters_visible_to
    from gongkai.participation.selectors.proposals import proposals_visible_to

    if not has_role(user, Role.OFFICE, Role.HANDLER):
        return []
    letter_kinds = {
        Letter.Status.RECEIVED: _("Assign a mailbox letter"),
        Letter.Status.ASSIGNED: _("Answer a mailbox letter"),
    }
    letters = letters_visible_to(user).filter(status__in=letter_kinds).order_by("due_on", "pk")
    duties = [
        Duty(
            kind=letter_kinds[letter.status],
            title=letter.subject,
            url=reverse("participation:wb_letter", args=[letter.pk]),
            due_on=letter.due_on,
            provisional=letter.due_is_provisional,
        )
        for letter in letters[:100]
    ]
    proposal_kinds = {
        Proposal.Status.REGISTERED: _("Assign a proposal"),
        Proposal.Status.ASSIGNED: _("Reply to a proposal"),
    }
    proposals = proposals_visible_to(user).filter(status__in=proposal_kinds)
    duties += [
        Duty(
            kind=proposal_kinds[proposal.status],
            title=proposal.title,
            url=reverse("participation:wb_proposal", args=[proposal.pk]),
            due_on=proposal.due_on,
        )
        for proposal in proposals.order_by("due_on", "pk")[:100]
    ]
    return duties
