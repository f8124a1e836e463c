"""The demo applications: loaded through the services, every outcome, idempotent."""

import datetime as dt
from collections import Counter

import pytest

from gongkai.core.demo import DemoContext, loaders
from gongkai.core.models import LedgerEntry
from gongkai.core.selectors.ledger import ledger_verify
from gongkai.foi.demo import CASES, KEY_PREFIX, load_requests
from gongkai.foi.models import Channel, Letter, Request, Status
from gongkai.foi.transitions import OPEN_STATUSES
from gongkai.reports.format import APPLICANT_PARTS, OUTCOME_LEAVES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def load_demo() -> list[str]:
    lines: list[str] = []
    context = DemoContext(log=lines.append)
    for _order, _name, loader in loaders():
        loader(context)
    return lines


def test_demo_covers_every_outcome_channel_and_applicant_type():
    load_demo()
    requests = Request.objects.filter(idempotency_key__startswith=KEY_PREFIX)
    assert requests.count() == len(CASES) == 55
    received_2025 = requests.filter(received_on__year=2025)
    # The seed report's scale (11 received) and more, so that every outcome appears.
    assert received_2025.count() == 40
    assert set(requests.exclude(outcome=None).values_list("outcome", flat=True)) == set(
        OUTCOME_LEAVES
    )
    assert set(requests.values_list("channel", flat=True)) == set(Channel.values)
    assert set(requests.values_list("applicant_type", flat=True)) == set(APPLICANT_PARTS)
    # Three 2025 applications were carried into 2026 and answered there.
    assert received_2025.filter(replied_on__year=2026).count() == 3
    statuses = Counter(requests.filter(status__in=OPEN_STATUSES).values_list("status", flat=True))
    assert statuses == {
        Status.SUBMITTED: 1,
        Status.RECEIVED: 5,
        Status.EXTENDED: 1,
        Status.AWAITING_FEE: 1,
        Status.IN_CONSULTATION: 1,
        Status.AWAITING_SUPPLEMENT: 1,
    }
    check_letters()
    check_history()


def check_letters():
    decided = Request.objects.filter(idempotency_key__startswith=KEY_PREFIX).exclude(outcome=None)
    assert decided.count() == 45
    replies = Letter.objects.filter(kind="reply")
    assert set(replies.values_list("request_id", flat=True)) == set(
        decided.values_list("pk", flat=True)
    )
    assert replies.filter(delivered_on=None).count() == 0
    assert (
        replies.get(request__idempotency_key=f"{KEY_PREFIX}001").number == "湛公信复〔2025〕第1号"
    )
    assert Counter(Letter.objects.values_list("kind", flat=True)) == {
        "receipt": 54,
        "reply": 45,
        "supplement": 3,
        "extension": 4,
        "third_party": 2,
        "fee": 3,
    }


def test_loading_twice_adds_nothing():
    load_demo()
    counts = (Request.objects.count(), Letter.objects.count(), LedgerEntry.objects.count())
    load_demo()
    assert (Request.objects.count(), Letter.objects.count(), LedgerEntry.objects.count()) == counts
    lines: list[str] = []
    load_requests(DemoContext(log=lines.append))
    assert lines == ["已载入，跳过。"]


def check_history():
    first = Request.objects.get(idempotency_key=f"{KEY_PREFIX}001")
    assert list(first.events.values_list("type", flat=True)) == [
        "registered",
        "assigned",
        "replied",
        "letter_issued",
        "letter_issued",
        "letter_delivered",
    ]
    assert first.replied_on == dt.date(2025, 1, 20)
    # 45 decided, two of them by a lapse (no supplement, no fee) rather than a reply.
    assert LedgerEntry.objects.filter(action="foi.replied").count() == 43
    assert ledger_verify().ok is True
