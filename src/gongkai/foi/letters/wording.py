"""What a letter says, declared once, each rule with its source.

条例 = 《中华人民共和国政府信息公开条例》 (国务院令第711号). Art. 36 lists the seven kinds of
reply; the yearly report's outcome leaves (``gongkai.foi.outcomes.OUTCOME_LEAVES``) refine
them, so the reply wording is keyed by outcome, and where one row holds two paragraphs
(36(1) and (2) are both 予以公开; 36(4) and (5) both 本机关不掌握) by the reply's ground.
Every reply states the remedies that fit its outcome (``gongkai.foi.law.REMEDY_RULES``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.foi.models import LetterKind, ReplyGround


@dataclass(frozen=True)
class ReplyWording:
    outcome: str
    source: str  # the articles, as cited in code and tests
    citation: Promise  # the same articles, as the letter cites them
    decision: Promise  # what the reply says; %(way)s is the form and way of receiving


_ART_36_3 = "条例 art. 36(3)"

REPLY_WORDING: dict[str, ReplyWording] = {
    w.outcome: w
    for w in (
        ReplyWording(
            "granted",
            "条例 art. 36(2)",
            _("Article 36(2) of the Regulations on Open Government Information"),
            _(
                "The information you requested can be disclosed. This body discloses it and "
                "provides it in the form and way you chose (%(way)s)."
            ),
        ),
        ReplyWording(
            "partial",
            "条例 art. 37",
            _("Article 37 of the Regulations on Open Government Information"),
            _(
                "The information you requested contains content that may not be disclosed but "
                "can be separated. This body provides the part that can be disclosed (%(way)s) "
                "and gives the reasons for the rest below."
            ),
        ),
        ReplyWording(
            "withheld.state_secret",
            f"{_ART_36_3}, art. 14",
            _("Articles 36(3) and 14 of the Regulations on Open Government Information"),
            _("The information you requested is a state secret and is not disclosed."),
        ),
        ReplyWording(
            "withheld.prohibited_by_law",
            f"{_ART_36_3}, art. 14",
            _("Articles 36(3) and 14 of the Regulations on Open Government Information"),
            _(
                "Laws and administrative regulations forbid disclosing the information you "
                "requested; it is not disclosed."
            ),
        ),
        ReplyWording(
            "withheld.three_safeties",
            f"{_ART_36_3}, art. 14",
            _("Articles 36(3) and 14 of the Regulations on Open Government Information"),
            _(
                "Disclosing the information you requested could endanger national security, "
                "public security, economic security or social stability; it is not disclosed."
            ),
        ),
        ReplyWording(
            "withheld.third_party",
            f"{_ART_36_3}, art. 15",
            _("Articles 36(3) and 15 of the Regulations on Open Government Information"),
            _(
                "The information you requested involves trade secrets or personal privacy, and "
                "disclosing it would harm the lawful rights of a third party; it is not "
                "disclosed."
            ),
        ),
        ReplyWording(
            "withheld.internal_affairs",
            f"{_ART_36_3}, art. 16 para. 1",
            _(
                "Article 36(3) and Article 16 paragraph 1 of the Regulations on Open "
                "Government Information"
            ),
            _(
                "The information you requested concerns internal affairs (personnel, logistics "
                "or internal procedures); it is not disclosed."
            ),
        ),
        ReplyWording(
            "withheld.process_info",
            f"{_ART_36_3}, art. 16 para. 2",
            _(
                "Article 36(3) and Article 16 paragraph 2 of the Regulations on Open "
                "Government Information"
            ),
            _(
                "The information you requested is process information (discussion records, "
                "drafts, consultation letters or requests for instructions); it is not "
                "disclosed."
            ),
        ),
        ReplyWording(
            "withheld.enforcement_file",
            f"{_ART_36_3}, art. 16 para. 2",
            _(
                "Article 36(3) and Article 16 paragraph 2 of the Regulations on Open "
                "Government Information"
            ),
            _(
                "The information you requested belongs to an administrative enforcement case "
                "file; it is not disclosed."
            ),
        ),
        ReplyWording(
            "withheld.query_matter",
            "条例 art. 36(7)",
            _("Article 36(7) of the Regulations on Open Government Information"),
            _(
                "The information you requested is obtained by an administrative query, for "
                "which laws and administrative regulations make special rules; please follow "
                "those rules."
            ),
        ),
        ReplyWording(
            "unable.not_held",
            "条例 art. 36(4), 36(5)",
            _("Article 36(4) and (5) of the Regulations on Open Government Information"),
            _(
                "After a search, this body has neither made nor obtained the information you "
                "requested: it does not exist here or is not this body's to disclose."
            ),
        ),
        ReplyWording(
            "unable.needs_creation",
            "条例 art. 38",
            _("Article 38 of the Regulations on Open Government Information"),
            _(
                "There is no ready information; providing it would require compiling or "
                "analysing existing information, which this body is not obliged to do."
            ),
        ),
        ReplyWording(
            "unable.unclear",
            "条例 art. 30",
            _("Article 30 of the Regulations on Open Government Information"),
            _(
                "After the supplement the content of your request is still unclear; this body "
                "cannot provide the information."
            ),
        ),
        ReplyWording(
            "not_processed.petition",
            "条例 art. 39 para. 1",
            _("Article 39 paragraph 1 of the Regulations on Open Government Information"),
            _(
                "Your request is in substance a petition, complaint or report; it is not "
                "handled as a request for government information. You may raise it through "
                "the corresponding channels."
            ),
        ),
        ReplyWording(
            "not_processed.repeated",
            "条例 art. 36(6)",
            _("Article 36(6) of the Regulations on Open Government Information"),
            _(
                "This body has already answered your request for the same information; the "
                "repeated request is not handled again."
            ),
        ),
        ReplyWording(
            "not_processed.publication",
            "条例 art. 39 para. 2",
            _("Article 39 paragraph 2 of the Regulations on Open Government Information"),
            _(
                "You asked for a publication (a gazette, newspaper or book); please obtain it "
                "where it is published."
            ),
        ),
        ReplyWording(
            "not_processed.massive",
            "条例 art. 35",
            _("Article 35 of the Regulations on Open Government Information"),
            _(
                "The number or frequency of your requests clearly exceeds a reasonable range "
                "and the reasons you gave are not reasonable; this body does not handle them."
            ),
        ),
        ReplyWording(
            "not_processed.confirmation",
            "条例 art. 2",
            _("Article 2 of the Regulations on Open Government Information"),
            _(
                "You asked this body to confirm or issue again information you already hold; "
                "this is not a request for existing government information and is not handled "
                "as one."
            ),
        ),
        ReplyWording(
            "other.no_supplement",
            "条例 art. 30",
            _("Article 30 of the Regulations on Open Government Information"),
            _(
                "You did not supplement your request by the deadline without good reason; the "
                "request is deemed abandoned and this body no longer handles it."
            ),
        ),
        ReplyWording(
            "other.no_fee",
            "国办函〔2020〕109号",
            _(
                "the Measures on Processing Fees for Open Government Information (State "
                "Council General Office letter [2020] No. 109)"
            ),
            _(
                "You did not pay the processing fee by the deadline of the fee notice; the "
                "request is deemed abandoned and this body no longer handles it."
            ),
        ),
        ReplyWording(
            "other.other",
            "条例 art. 36",
            _("Article 36 of the Regulations on Open Government Information"),
            _("This body has handled your request as set out below."),
        ),
    )
}

# Art. 36 paragraphs that share a report row, each with its own wording.
GROUND_WORDING: dict[str, ReplyWording] = {
    ReplyGround.ALREADY_PUBLIC: ReplyWording(
        "granted",
        "条例 art. 36(1)",
        _("Article 36(1) of the Regulations on Open Government Information"),
        _(
            "The information you requested has already been disclosed by this body. You can "
            "obtain it here: %(where)s."
        ),
    ),
    ReplyGround.NOT_EXIST: ReplyWording(
        "unable.not_held",
        "条例 art. 36(4)",
        _("Article 36(4) of the Regulations on Open Government Information"),
        _(
            "After a search, this body has neither made nor obtained the information you "
            "requested: it does not exist."
        ),
    ),
    ReplyGround.NOT_OURS: ReplyWording(
        "unable.not_held",
        "条例 art. 36(5)",
        _("Article 36(5) of the Regulations on Open Government Information"),
        _(
            "The information you requested is not this body's to disclose. The body "
            "responsible for it is %(body)s; you may apply to it."
        ),
    ),
}
# Art. 36(5) "能够确定…的，告知申请人该行政机关的名称": when the body is not known.
NOT_OURS_UNKNOWN = ReplyWording(
    "unable.not_held",
    "条例 art. 36(5)",
    _("Article 36(5) of the Regulations on Open Government Information"),
    _(
        "The information you requested is not this body's to disclose, and this body cannot "
        "determine which body is responsible for it."
    ),
)


def reply_wording(outcome: str, ground: str = "", responsible_body: str = "") -> ReplyWording:
    """The wording of a reply: its ground's where one row holds two paragraphs."""
    if ground == ReplyGround.NOT_OURS and not responsible_body.strip():
        return NOT_OURS_UNKNOWN
    found = GROUND_WORDING.get(ground)
    if found is not None and found.outcome == outcome:
        return found
    return REPLY_WORDING[outcome]


LEGAL_BASIS = _("Legal basis: %(citation)s.")
REASONS = _("Reasons: %(reasons)s")

# The title of each kind of letter and the mark its numbers carry (湛公信复〔2026〕第12号).
TITLES: dict[str, Promise] = {
    LetterKind.RECEIPT: _("Acknowledgement of receipt of a request for government information"),
    LetterKind.SUPPLEMENT: _("Notice to supplement a request for government information"),
    LetterKind.EXTENSION: _("Notice of extension of the reply period"),
    LetterKind.THIRD_PARTY: _("Letter asking a third party for its opinion"),
    LetterKind.FEE: _("Notice of a processing fee for government information"),
    LetterKind.REPLY: _("Reply to a request for government information"),
    LetterKind.DISCLOSURE: _("Notice to a third party of the disclosure of government information"),
    LetterKind.REASONS: _("Notice asking for the reasons of a request"),
}
NUMBER_MARKS: dict[str, Promise] = {
    LetterKind.RECEIPT: pgettext_lazy("letter number mark", "receipt"),
    LetterKind.SUPPLEMENT: pgettext_lazy("letter number mark", "supplement"),
    LetterKind.EXTENSION: pgettext_lazy("letter number mark", "extension"),
    LetterKind.THIRD_PARTY: pgettext_lazy("letter number mark", "consultation"),
    LetterKind.FEE: pgettext_lazy("letter number mark", "fee"),
    LetterKind.REPLY: pgettext_lazy("letter number mark", "reply"),
    LetterKind.DISCLOSURE: pgettext_lazy("letter number mark", "disclosure"),
    LetterKind.REASONS: pgettext_lazy("letter number mark", "reasons"),
}
DEFAULT_PREFIX = pgettext_lazy("letter number prefix", "Disclosure")
NUMBER_FORMAT = _("%(prefix)s%(mark)s[%(year)d] No. %(sequence)d")
