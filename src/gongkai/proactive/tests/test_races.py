"""Transitions that cannot race (issue 11): two staff acting on one information item at the
same moment. Exactly one action succeeds; the other is refused with a clear Chinese message
and leaves nothing behind (no second review decision, no second ledger entry).

Threads need PostgreSQL: SQLite's IMMEDIATE transactions serialise writers, and its
``select_for_update`` is a no-op, so there is no race to observe there.
"""

import datetime as dt

import pytest
from django.db import connection

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.core.tests.factories import make_staff
from gongkai.core.tests.races import CHANGED_MEANWHILE_ZH, race, refusals
from gongkai.proactive import services
from gongkai.proactive.models import Item, NormativeDocument, ReviewDecision
from gongkai.proactive.tests.factories import approve_all, draft, published

# Threads on two connections; the same table replayed one after the other runs everywhere.
threads_on_postgresql = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="races need PostgreSQL: SQLite serialises writers and ignores FOR UPDATE",
    ),
]

STALE_REVIEW_ZH = "该审查环节已处理"


def _submitted(ctx):
    return services.item_submit(item=draft(ctx["handler"]), actor=ctx["handler"])


def _approved(ctx):
    return approve_all(_submitted(ctx), ctx["reviewer"], ctx["leader"])


def _published(ctx):
    return published(ctx["handler"], ctx["reviewer"], ctx["leader"], ctx["office"])


# (build the item, the two conflicting actions on two copies, ledger actions written once,
#  the refusal the loser reads)
CASES = {
    # Two reviewers decide the secrecy step they both see (step 0) at once.
    "review: approve vs approve": (
        _submitted,
        lambda a, b, ctx: [
            lambda: services.item_review(
                item=a, actor=ctx["reviewer"], approve=True, confirm_label=True, step=0
            ),
            lambda: services.item_review(
                item=b, actor=ctx["reviewer2"], approve=True, confirm_label=True, step=0
            ),
        ],  # fmt: skip
        ("proactive.approve",),
        STALE_REVIEW_ZH,
    ),
    "review: approve vs send back": (
        _submitted,
        lambda a, b, ctx: [
            lambda: services.item_review(
                item=a, actor=ctx["reviewer"], approve=True, confirm_label=True, step=0
            ),
            lambda: services.item_review(
                item=b, actor=ctx["reviewer2"], approve=False, comment="请补充文号", step=0
            ),
        ],  # fmt: skip
        ("proactive.approve", "proactive.send_back"),
        STALE_REVIEW_ZH,
    ),
    # A double click on "send to review".
    "submit vs submit": (
        lambda ctx: draft(ctx["handler"]),
        lambda a, b, ctx: [
            lambda: services.item_submit(item=a, actor=ctx["handler"]),
            lambda: services.item_submit(item=b, actor=ctx["handler"]),
        ],
        ("proactive.submit",),
        CHANGED_MEANWHILE_ZH,
    ),
    # Two office staff publish the same approved item.
    "publish vs publish": (
        _approved,
        lambda a, b, ctx: [
            lambda: services.item_publish(item=a, actor=ctx["office"]),
            lambda: services.item_publish(item=b, actor=ctx["office2"]),
        ],
        ("proactive.publish",),
        CHANGED_MEANWHILE_ZH,
    ),
    # Withdrawn (final) and reopened for revision at once: one or the other.
    "withdraw vs revise": (
        _published,
        lambda a, b, ctx: [
            lambda: services.item_withdraw(item=a, actor=ctx["office"], reason="政策已废止"),
            lambda: services.item_revise(item=b, actor=ctx["handler"], reason="更正办理时限"),
        ],
        ("proactive.withdraw", "proactive.revise"),
        CHANGED_MEANWHILE_ZH,
    ),
}


@pytest.fixture
def ctx(body, unit, handler, reviewer, leader, office):
    from gongkai.core.models import Role

    return {
        "handler": handler,
        "reviewer": reviewer,
        "reviewer2": make_staff(body, roles=[Role.REVIEWER], username="reviewer2"),
        "leader": leader,
        "office": office,
        "office2": make_staff(body, roles=[Role.OFFICE], username="office2"),
    }


@pytest.mark.parametrize("case", list(CASES))
@threads_on_postgresql[0]
@threads_on_postgresql[1]
def test_exactly_one_of_two_conflicting_actions_succeeds(case, ctx):
    build, actions, ledgered, refusal = CASES[case]
    item = build(ctx)
    before = LedgerEntry.objects.filter(action__in=ledgered).count()
    decisions = ReviewDecision.objects.filter(item=item).count()
    # Each person acts on the copy their own request read (two copies, as two pages).
    copies = [Item.objects.get(pk=item.pk) for _ in range(2)]
    results = race(*actions(*copies, ctx))
    refused = refusals(results)
    assert len(refused) == 1, results
    assert refusal in refused[0].message
    assert LedgerEntry.objects.filter(action__in=ledgered).count() == before + 1
    if case.startswith("review"):
        assert ReviewDecision.objects.filter(item=item).count() == decisions + 1


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.django_db
def test_acting_on_a_copy_read_before_the_other_action_is_refused(case, ctx):
    """The same pairs one after the other (both databases): the second person acts on the
    copy their page read before the first acted, and reads the same refusal."""
    build, actions, ledgered, refusal = CASES[case]
    item = build(ctx)
    copies = [Item.objects.get(pk=item.pk) for _ in range(2)]
    first, second = actions(*copies, ctx)
    first()
    before = LedgerEntry.objects.filter(action__in=ledgered).count()
    with pytest.raises(ServiceError) as error:
        second()
    assert refusal in error.value.message
    assert LedgerEntry.objects.filter(action__in=ledgered).count() == before


def _document(office, body):
    return services.normative_document_register(
        actor=office, organisation=body,
        fields=services.NormativeFields("normative", "湛江市公安局关于规范户口迁移审批的规定",
                                        "湛公规〔2019〕1号", dt.date(2019, 3, 1),
                                        dt.date(2019, 3, 1), dt.date(2024, 2, 28)),
    )  # fmt: skip


@threads_on_postgresql[0]
@threads_on_postgresql[1]
def test_a_normative_document_is_repealed_or_expires_not_both(ctx, body):
    """The office repeals it while the sweep lets it expire: one status change, one entry."""
    document = _document(ctx["office"], body)
    copies = [NormativeDocument.objects.get(pk=document.pk) for _ in range(2)]
    results = race(
        lambda: services.normative_document_change(
            document=copies[0], actor=ctx["office"], status="repealed", on=dt.date(2024, 1, 5),
            changed_by="湛公规〔2024〕1号",
        ),
        lambda: services.normative_document_change(
            document=copies[1], actor=None, status="expired", on=dt.date(2024, 2, 28)
        ),
    )  # fmt: skip
    refused = refusals(results)
    assert len(refused) == 1 and CHANGED_MEANWHILE_ZH in refused[0].message
    assert LedgerEntry.objects.filter(action="proactive.normative.change").count() == 1
