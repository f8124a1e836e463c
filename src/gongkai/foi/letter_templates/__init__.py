"""The shipped default letter templates, built at runtime with python-docx.

Why at runtime rather than committed .docx files: the wording is translatable text
(English msgids, the Chinese in the foi catalog) and the statutory numbers in it come from
``gongkai.core.law``; building the template from them means the default can never drift
from the code, the catalog or the law tables, and no binary file needs regenerating when
they change. The office downloads this default (``default_template``), edits it in Word or
WPS, and uploads its own (``LetterTemplate``); an uploaded template wins.

Layout after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm, title in
二号 (22 pt) 小标宋, body in 三号 (16 pt) 仿宋, first-line indent of two characters.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache

import docx
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.core.law import clock_rule
from gongkai.foi.letters import values as v
from gongkai.foi.letters.wording import TITLES
from gongkai.foi.models import LetterKind

TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"


def _token(name: str) -> str:
    return "{{%s}}" % name  # noqa: UP031 - braces would need escaping in an f-string


def _received_line() -> str:
    return _(
        "On %(received)s this body received your request for government information "
        "(tracking code %(code)s), asking for: %(content)s."
    ) % {"received": _token(v.RECEIVED), "code": _token(v.CODE), "content": _token(v.CONTENT)}


def _contact_line() -> str:
    return _("Contact: telephone %(phone)s, address %(address)s.") % {
        "phone": _token(v.PHONE),
        "address": _token(v.ADDRESS),
    }


def _receipt() -> list[str]:
    return [
        _received_line(),
        _(
            "Under Article 33 of the Regulations on Open Government Information, this body "
            "will reply within %(days)d working days of receipt, that is by %(due)s. If the "
            "period must be extended, you will be told in writing."
        )
        % {"days": clock_rule("foi_reply").amount, "due": _token(v.DUE)},
        _("You can follow the request on the portal with its tracking code."),
    ]


def _supplement() -> list[str]:
    return [
        _received_line(),
        _(
            "The content of your request is not clear enough. Under Article 30 of the "
            "Regulations on Open Government Information, this body tells you at once "
            "everything to supplement:"
        ),
        _token(v.ITEMS),
        _(
            "Please send the supplement by %(deadline)s. The reply period counts from the day "
            "this body receives the supplemented request. If you do not supplement it by then "
            "without good reason, the request is deemed abandoned and this body no longer "
            "handles it."
        )
        % {"deadline": _token(v.SUPPLEMENT_DUE)},
    ]


def _extension() -> list[str]:
    return [
        _received_line(),
        _(
            "Because of the following: %(reason)s, this body cannot reply within the "
            "statutory period. Under Article 33 paragraph 2 of the Regulations on Open "
            "Government Information, with the approval of the head of this body's openness "
            "office, the reply period is extended by %(days)s working days; this body will "
            "reply by %(due)s."
        )
        % {"reason": _token(v.REASON), "days": _token(v.DAYS), "due": _token(v.DUE)},
    ]


def _third_party() -> list[str]:
    return [
        _(
            "On %(received)s this body received a request for government information "
            "(tracking code %(code)s) asking for: %(content)s. Disclosing it may harm your "
            "lawful rights and interests. Under Article 32 of the Regulations on Open "
            "Government Information, this body asks for your opinion in writing."
        )
        % {"received": _token(v.RECEIVED), "code": _token(v.CODE), "content": _token(v.CONTENT)},
        _(
            "Please give your opinion in writing by %(due)s (within %(days)d working days of "
            "receiving this letter). If you give none by then, this body decides under the "
            "Regulations. If you object with reasonable grounds, the information is not "
            "disclosed; but if this body considers that withholding it could seriously affect "
            "the public interest, it may disclose it and will tell you in writing what it "
            "discloses and why."
        )
        % {"due": _token(v.OPINION_DUE), "days": clock_rule("foi_third_party").amount},
    ]


def _fee() -> list[str]:
    return [
        _received_line(),
        _(
            "The number or frequency of your requests clearly exceeds a reasonable range. "
            "Under the Measures on Processing Fees for Open Government Information (State "
            "Council General Office letter [2020] No. 109), this body charges a processing fee."
        ),
        _("Charged %(basis)s; quantity: %(quantity)s; amount due: %(amount)s yuan.")
        % {
            "basis": _token(v.FEE_BASIS),
            "quantity": _token(v.QUANTITY),
            "amount": _token(v.AMOUNT),
        },
        _(
            "Please pay within %(days)d working days from the day after you receive this "
            "notice, that is by %(due)s. If you do not pay by then, the request is deemed "
            "abandoned and this body no longer handles it."
        )
        % {"days": clock_rule("foi_fee_payment").amount, "due": _token(v.PAY_DUE)},
    ]


def _disclosure() -> list[str]:
    return [
        _(
            "On %(received)s this body received a request for government information "
            "(tracking code %(code)s) asking for: %(content)s. When asked, you objected to "
            "its disclosure."
        )
        % {"received": _token(v.RECEIVED), "code": _token(v.CODE), "content": _token(v.CONTENT)},
        _(
            "Under Article 32 of the Regulations on Open Government Information, this body "
            "considers that withholding the information could seriously affect the public "
            "interest, for this reason: %(reason)s. On %(date)s it decided to disclose the "
            "information and tells you so in writing."
        )
        % {"reason": _token(v.INTEREST), "date": _token(v.REPLY_DATE)},
    ]


def _reasons() -> list[str]:
    return [
        _received_line(),
        _(
            "The quantity or frequency of your requests clearly exceeds a reasonable range "
            "(%(grounds)s). Under Article 35 of the Regulations on Open Government "
            "Information, please explain your reasons in writing by %(due)s."
        )
        % {"grounds": _token(v.GROUNDS), "due": _token(v.REASONS_DUE)},
        _(
            "If this body finds the reasons unreasonable, it will tell you that the request is "
            "not handled; if it finds them reasonable but cannot reply within the period of "
            "Article 33, it will set a later reasonable time to reply and tell you."
        ),
    ]


def _reply() -> list[str]:
    return [
        _received_line(),
        _("After review, this body replies as follows: %(decision)s")
        % {"decision": _token(v.DECISION)},
        _token(v.BASIS),
        _token(v.REMEDY),
    ]


BODIES: dict[str, Callable[[], list[str]]] = {
    LetterKind.RECEIPT: _receipt,
    LetterKind.SUPPLEMENT: _supplement,
    LetterKind.EXTENSION: _extension,
    LetterKind.THIRD_PARTY: _third_party,
    LetterKind.FEE: _fee,
    LetterKind.REPLY: _reply,
    LetterKind.DISCLOSURE: _disclosure,
    LetterKind.REASONS: _reasons,
}


def _font(run, name: str, size: int, bold: bool = False) -> None:
    run.font.name, run.font.size, run.font.bold = name, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _line(document, text: str, *, size=16, font=BODY_FONT, align=None, indent=False):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    _font(paragraph.add_run(text), font, size)
    return paragraph


def default_template(kind: str) -> bytes:
    """The default .docx of ``kind`` in the active language, with its placeholders."""
    return _built(kind, get_language())


@lru_cache(maxsize=64)
def _built(kind: str, language: str | None) -> bytes:
    # Building takes python-docx a tenth of a second; the result only depends on the kind
    # and the language (the law tables are constants), so it is built once per process.
    document = docx.Document()
    _page(document)
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _line(document, _token(v.BODY), size=22, font=TITLE_FONT, align=center)
    _line(document, str(TITLES[kind]), size=22, font=TITLE_FONT, align=center)
    _line(document, _token(v.NUMBER), align=right)
    to_party = kind in (LetterKind.THIRD_PARTY, LetterKind.DISCLOSURE)
    addressee = v.PARTY if to_party else v.APPLICANT
    _line(document, _("%(addressee)s:") % {"addressee": _token(addressee)})
    for text in BODIES[kind]():
        _line(document, text, indent=True)
    if kind != LetterKind.REPLY:
        _line(document, _contact_line(), indent=True)
    _line(document, _token(v.BODY), align=right)
    date = v.REPLY_DATE if kind == LetterKind.REPLY else v.DATE
    _line(document, _token(date), align=right)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
