import pytest

import gongkai.participation.demo  # noqa: F401 - registers the loaders
from gongkai.core.demo import DemoContext, loaders
from gongkai.core.models import LedgerEntry
from gongkai.participation.models import Comment, Consultation, Incident, Letter, Proposal

pytestmark = pytest.mark.django_db


def run_all():
    for order, _name, loader in loaders():
        if order in (10, 40, 41, 42):
            loader(DemoContext(log=lambda _message: None))


def test_demo_loads_once_through_the_services():
    run_all()
    state = (
        Consultation.objects.count(),
        Comment.objects.count(),
        Letter.objects.count(),
        Letter.objects.filter(is_public=True).count(),
        Proposal.objects.filter(status="published").count(),
        Incident.objects.count(),
    )
    assert state == (2, 5, 3, 1, 1, 1)
    entries = LedgerEntry.objects.filter(action__startswith="participation.").count()
    assert entries == 31  # every write of the demo went through a service
    run_all()
    assert LedgerEntry.objects.filter(action__startswith="participation.").count() == entries
    assert (
        Consultation.objects.get(kind="major_decision").provisions.filter(kind="article").count()
        == 6
    )
