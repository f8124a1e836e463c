"""Site search, the read-only admin and the demo loader."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core import demo
from gongkai.core.models import LedgerEntry
from gongkai.enforcement import demo as enforcement_demo
from gongkai.enforcement import services
from gongkai.enforcement.models import Decision, Draw
from gongkai.enforcement.tests.factories import make_decision
from gongkai.search.selectors import search

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    return sorted(hit.title for hit in search(query, limit=50).hits)


def test_published_decisions_are_searchable_until_withdrawn(
    office, body, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decision = make_decision(office, body, agency)
        make_decision(office, body, agency, number="湛公行罚决字〔2026〕9号", publish=False,
                      title="未公示的决定")  # fmt: skip
    assert titles("治安管理处罚") == ["违反治安管理行为的处罚（湛公（赤）行罚决字〔2026〕1023号）"]
    assert titles("王小明") == []  # only the masked copy is indexed
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_withdraw(actor=office, decision=decision, withdrawal="revoked",
                                   withdrawn_on=dt.date(2026, 7, 1), reason="撤销")  # fmt: skip
    assert titles("治安管理处罚") == []


def test_admin_is_read_only(client, admin_user, office, body, agency):
    decision = make_decision(office, body, agency)
    client.force_login(admin_user)
    assert (
        decision.number
        in client.get(reverse("admin:enforcement_decision_changelist")).content.decode()
    )
    assert client.get(reverse("admin:enforcement_decision_add")).status_code == 403
    page = client.get(reverse("admin:enforcement_decision_change", args=[decision.pk]))
    assert '<input type="text" name="number"' not in page.content.decode()
    for name in ("officer", "enforcementbody", "matter", "draw", "changerecord"):
        assert client.get(reverse(f"admin:enforcement_{name}_changelist")).status_code == 200


def test_demo_loads_once_through_the_services(client):
    log = []
    context = demo.DemoContext(log=log.append)
    demo.load_organisations(context)
    enforcement_demo.load_enforcement(context)
    assert log[-1] == "8 项行政执法决定。"
    assert list(Decision.objects.values_list("status", flat=True).order_by("status")) == (
        ["draft"] + ["published"] * 6 + ["withdrawn"]
    )
    assert Draw.objects.get().seed == "20261201"
    entries = LedgerEntry.objects.count()
    enforcement_demo.load_enforcement(context)
    assert LedgerEntry.objects.count() == entries
    page = client.get("/xxgk/zfgs/decisions/").content.decode()
    assert "欧阳某" in page and "欧阳晓峰" not in page
