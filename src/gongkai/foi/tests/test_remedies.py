"""Issue 11 point 5: the remedies a reply states depend on its outcome and on the law.

《中华人民共和国行政复议法》 as revised on 2023-09-01, in force 2024-01-01: art. 20 para. 1
(review within 60 days of knowing of the act); art. 23 para. 1 item (4): "申请政府信息公开，
行政机关不予公开" goes to review first, the court only after the review decision, and art. 23
para. 2 asks the body to say so. 《中华人民共和国行政诉讼法》 art. 46 (6 months) and art. 45
(15 days after the review decision). The letter names the body's 复议机关 and court.
"""

import pytest
from django.utils import translation

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi import law
from gongkai.foi.models import BodySettings, Channel
from gongkai.foi.services import body_settings_set, request_register, request_reply
from gongkai.foi.tests.conftest import D, snapshot
from gongkai.foi.tests.factories import make_applicant
from gongkai.reports.format import OUTCOME_LEAVES

pytestmark = pytest.mark.django_db

CHOICE = (
    "如对本答复不服，可以自知道该行政行为之日起60日内向某市人民政府申请行政复议（《中华人民共和国"
    "行政复议法》第二十条），或者自知道该行政行为之日起6个月内向某区人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十六条）。"
)
REVIEW_FIRST = (
    "如对本答复中不予公开的决定不服，应当自知道该行政行为之日起60日内先向某市人民政府申请行政复议"
    "（《中华人民共和国行政复议法》第二十三条第一款第（四）项、第二十条）；对行政复议决定不服的，"
    "可以自收到行政复议决定书之日起15日内向某区人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十五条）。"
)

# Every outcome a reply can have, by hand: review first only where the body does not
# disclose (三（三） and the withheld part of 三（二）).
REVIEW_FIRST_BY_OUTCOME = {
    "granted": False,
    "partial": True,
    "withheld.state_secret": True,
    "withheld.prohibited_by_law": True,
    "withheld.three_safeties": True,
    "withheld.third_party": True,
    "withheld.internal_affairs": True,
    "withheld.process_info": True,
    "withheld.enforcement_file": True,
    "withheld.query_matter": True,
    "unable.not_held": False,
    "unable.needs_creation": False,
    "unable.unclear": False,
    "not_processed.petition": False,
    "not_processed.repeated": False,
    "not_processed.publication": False,
    "not_processed.massive": False,
    "not_processed.confirmation": False,
    "other.no_supplement": False,
    "other.no_fee": False,
    "other.other": False,
}


def test_the_table_covers_every_outcome():
    assert set(REVIEW_FIRST_BY_OUTCOME) == set(OUTCOME_LEAVES)


@pytest.mark.parametrize(("outcome", "first"), REVIEW_FIRST_BY_OUTCOME.items())
def test_remedy_statement_per_outcome(outcome, first):
    assert law.review_first(outcome, D("2026-10-09")) is first
    with translation.override("zh-hans"):
        text = law.remedy_statement(
            outcome, authority="某市人民政府", court="某区人民法院", decided_on=D("2026-10-09")
        )
    assert text == (REVIEW_FIRST if first else CHOICE)
    if first:  # no direct lawsuit is offered
        assert "6个月内" not in text


@pytest.mark.parametrize(
    ("decided_on", "first"),
    [("2023-12-29", False), ("2024-01-01", True), ("2026-02-24", True)],
)
def test_review_first_since_the_revised_law_is_in_force(decided_on, first):
    # The 2023 revision is in force from 2024-01-01 (its art. 90); before, either remedy.
    assert law.review_first("withheld.state_secret", D(decided_on)) is first


def test_every_remedy_rule_cites_its_source():
    assert [rule.source for rule in law.REMEDY_RULES] == [
        "《行政复议法》（2023年修订）第二十三条第一款第（四）项",
        "《行政复议法》（2023年修订）第二十三条第一款第（四）项",
    ]
    assert (law.REVIEW_DAYS, law.LITIGATION_MONTHS, law.AFTER_REVIEW_DAYS) == (60, 6, 15)


def test_no_reply_before_the_office_names_authority_and_court():
    body = OrganisationFactory()
    office = make_staff(body, roles=[Role.OFFICE])
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.IN_PERSON,
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )
    before = snapshot(request, request.reply_clock)
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-09-28"))
    assert caught.value.code == "remedy_settings_missing"
    assert "行政复议机关和人民法院" in caught.value.message
    assert snapshot(request, request.reply_clock) == before
    body_settings_set(
        organisation=body, actor=office, review_authority="某县人民政府", court="某县人民法院"
    )
    assert LedgerEntry.objects.filter(action="foi.settings_set").count() == 1
    request_reply(request=request, actor=office, outcome="granted", replied_on=D("2026-09-28"))


def test_only_the_office_sets_them_and_both_are_required():
    body = OrganisationFactory()
    handler = make_staff(body, roles=[Role.HANDLER])
    office = make_staff(body, roles=[Role.OFFICE])
    with pytest.raises(PermissionDeniedError):
        body_settings_set(organisation=body, actor=handler, review_authority="甲", court="乙")
    with pytest.raises(ServiceError) as caught:
        body_settings_set(organisation=body, actor=office, review_authority=" ", court="乙")
    assert caught.value.code == "remedy_settings_missing"
    assert not BodySettings.objects.exists()
