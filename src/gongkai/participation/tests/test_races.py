"""Transitions that cannot race (issue 11): two staff acting on one letter, consultation,
incident or proposal at the same moment. Exactly one action succeeds; the other is refused
with a clear Chinese message and leaves nothing behind (no second event, no ledger entry).

Threads need PostgreSQL: SQLite's IMMEDIATE transactions serialise writers, and its
``select_for_update`` is a no-op, so there is no race to observe there.
"""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.core.tests.races import CHANGED_MEANWHILE_ZH, race, refusals
from gongkai.participation.models import Consultation, Incident, LetterEvent, Proposal
from gongkai.participation.services import (
    consultation_close,
    consultation_create,
    incident_close,
    incident_record,
    letter_answer,
    letter_categories_ensure,
    letter_mark_invalid,
    letter_submit,
    proposal_assign,
    proposal_register,
    proposal_reply,
)
from gongkai.participation.tests.factories import DRAFT

# Threads on two connections; the same table replayed one after the other runs everywhere.
threads_on_postgresql = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="races need PostgreSQL: SQLite serialises writers and ignores FOR UPDATE",
    ),
]


def _letter(body):
    category = letter_categories_ensure(organisation=body)[0]
    return letter_submit(
        category=category,
        subject="户籍迁移咨询",
        body="请问子女随迁户口需要哪些材料？",
        writer_name="李四",
        writer_phone="13812345678",
    ).letter


def _consultation(body, office):
    today = timezone.localdate()
    consultation = consultation_create(
        actor=office, organisation=body, title="《湛江市公安局规定（征求意见稿）》",
        kind=Consultation.Kind.MAJOR_DECISION, draft_text=DRAFT, explanation="起草说明",
        opens_on=today, closes_on=today + dt.timedelta(days=40),
    )  # fmt: skip
    consultation.status = Consultation.Status.OPEN  # opened (the open service is tested apart)
    consultation.save(update_fields=["status"])
    return consultation


def _incident(body, office):
    return incident_record(
        actor=office, organisation=body, title="网传“交警乱罚款”视频", source="video",
        first_seen_at=timezone.now() - dt.timedelta(hours=1), severity=Incident.Severity.GENERAL,
    )  # fmt: skip


def _proposal(body, office, unit):
    proposal = proposal_register(
        actor=office, organisation=body, kind=Proposal.Kind.NPC_SUGGESTION,
        session="湛江市第十五届人大五次会议", number="第0123号", title="关于校园周边交通安全的建议",
        proposers="王代表", body="建议增设护学岗。", received_on=timezone.localdate(),
    )  # fmt: skip
    return proposal_assign(actor=office, proposal=proposal, unit=unit)


def _answer(letter, actor, text):
    return lambda: letter_answer(actor=actor, letter=letter, reply=text)


# (what, build the object, the two conflicting actions, ledger action written once)
CASES = {
    # Answered and marked invalid at once: a letter is one or the other, never both.
    "letter: answer vs invalid": (
        lambda ctx: _letter(ctx["body"]),
        lambda a, b, ctx: [
            _answer(a, ctx["handler"], "您好，需要户口簿和出生证明。"),
            lambda: letter_mark_invalid(actor=ctx["office"], letter=b, reason="无实际内容"),
        ],
        ("participation.letter.answer", "participation.letter.invalid"),
    ),
    # Two handlers answer the same letter: one reply, one event.
    "letter: answer vs answer": (
        lambda ctx: _letter(ctx["body"]),
        lambda a, b, ctx: [
            _answer(a, ctx["handler"], "您好，需要户口簿。"),
            _answer(b, ctx["office"], "您好，需要出生证明。"),
        ],
        ("participation.letter.answer",),
    ),
    # Staff close a consultation while the sweep closes it.
    "consultation: close vs close": (
        lambda ctx: _consultation(ctx["body"], ctx["office"]),
        lambda a, b, ctx: [
            lambda: consultation_close(actor=ctx["office"], consultation=a),
            lambda: consultation_close(actor=None, consultation=b),
        ],
        ("participation.consultation.close",),
    ),
    "incident: close vs close": (
        lambda ctx: _incident(ctx["body"], ctx["office"]),
        lambda a, b, ctx: [
            lambda: incident_close(actor=ctx["office"], incident=a),
            lambda: incident_close(actor=ctx["handler"], incident=b),
        ],
        ("participation.incident.close",),
    ),
    "proposal: reply vs reply": (
        lambda ctx: _proposal(ctx["body"], ctx["office"], ctx["unit"]),
        lambda a, b, ctx: [
            lambda: proposal_reply(
                actor=ctx["handler"],
                proposal=a,
                reply_text="答复正文一",
                reply_summary="增设护学岗",
                signatory="张局长",
            ),
            lambda: proposal_reply(
                actor=ctx["office"],
                proposal=b,
                reply_text="答复正文二",
                reply_summary="增设标志",
                signatory="李局长",
            ),
        ],  # fmt: skip
        ("participation.proposal.reply",),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
@threads_on_postgresql[0]
@threads_on_postgresql[1]
def test_exactly_one_of_two_conflicting_actions_succeeds(case, body, unit, office, handler):
    build, actions, ledgered = CASES[case]
    ctx = {"body": body, "unit": unit, "office": office, "handler": handler}
    obj = build(ctx)
    before = LedgerEntry.objects.filter(action__in=ledgered).count()
    # Each person acts on the copy their own request read (two copies, as two pages).
    copies = [type(obj).objects.get(pk=obj.pk) for _ in range(2)]
    results = race(*actions(*copies, ctx))
    refused = refusals(results)
    assert len(refused) == 1, results
    assert refused[0].code == "changed_meanwhile"
    assert CHANGED_MEANWHILE_ZH in refused[0].message
    # The refused action left nothing: one ledger entry of the winner's kind.
    assert LedgerEntry.objects.filter(action__in=ledgered).count() == before + 1
    if case.startswith("letter"):
        answered = LetterEvent.objects.filter(letter=obj, type__in=["answered", "invalid"])
        assert answered.count() == 1


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.django_db
def test_acting_on_a_copy_read_before_the_other_action_is_refused(
    case, body, unit, office, handler
):
    """The same pairs one after the other (both databases): the second person acts on the
    copy their page read before the first acted, and reads the same refusal."""
    build, actions, ledgered = CASES[case]
    ctx = {"body": body, "unit": unit, "office": office, "handler": handler}
    obj = build(ctx)
    copies = [type(obj).objects.get(pk=obj.pk) for _ in range(2)]
    first, second = actions(*copies, ctx)
    first()
    before = LedgerEntry.objects.filter(action__in=ledgered).count()
    with pytest.raises(ServiceError) as error:
        second()
    assert error.value.code == "changed_meanwhile"
    assert CHANGED_MEANWHILE_ZH in error.value.message
    assert LedgerEntry.objects.filter(action__in=ledgered).count() == before
