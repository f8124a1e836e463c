"""The reply letter to an NPC suggestion or CPPCC proposal, as a .docx (python-docx)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gongkai.participation.models import Proposal
from gongkai.participation.selectors.proposals import proposal_bare_number


def reply_letter_docx(proposal: Proposal) -> bytes:
    document = Document()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(proposal.organisation.name).bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(
        _("Reply to %(kind)s No. %(number)s of %(session)s")
        % {
            "kind": proposal.get_kind_display(),
            "number": proposal_bare_number(proposal),
            "session": proposal.session,
        }
    ).bold = True
    document.add_paragraph(_("Dear %(proposers)s:") % {"proposers": proposal.proposers})
    document.add_paragraph(
        _("Your “%(title)s” has been received. Our reply is as follows:")
        % {"title": proposal.title}
    )
    for paragraph in proposal.reply_text.splitlines():
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    signature = document.add_paragraph(proposal.organisation.name)
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    day = proposal.replied_on
    date = document.add_paragraph(
        _("%(year)d-%(month)d-%(day)d") % {"year": day.year, "month": day.month, "day": day.day}
        if day
        else ""
    )
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(_("Signed by: %(name)s") % {"name": proposal.signatory})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
