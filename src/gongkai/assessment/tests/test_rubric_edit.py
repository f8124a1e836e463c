"""The office edits a year's rubric: indicators added, changed and removed through the
services (each writing the ledger) and through the page, refusals in Chinese."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from gongkai.assessment import services
from gongkai.assessment.law import IndicatorKind
from gongkai.assessment.models import Indicator
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "舆情回应",
    "kind": IndicatorKind.MANUAL,
    "points": Decimal("6"),
    "per_case": Decimal("1"),
    "rule": "未在5小时内回应的，每次扣1分",
}


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def rubric(office, body):
    # Seed 003's scheme: seven indicators, 50 points.
    return services.rubric_create(actor=office, organisation=body, year=2026, template="yunnan2017")


def _total(rubric) -> Decimal:
    return sum(rubric.indicators.values_list("points", flat=True), Decimal(0))


def _entries(action: str):
    return LedgerEntry.objects.filter(action=f"assessment.{action}")


def test_add_puts_the_indicator_last_and_writes_the_ledger(office, rubric):
    before = rubric.indicators.count()
    indicator = services.indicator_add(actor=office, rubric=rubric, **GOOD)
    assert indicator.position == before + 1
    assert (indicator.name, indicator.points, indicator.rule) == (
        "舆情回应", Decimal("6"), "未在5小时内回应的，每次扣1分",
    )  # fmt: skip
    assert _total(rubric) == Decimal("56")
    entry = _entries("indicator_add").get()
    assert entry.object_id == str(indicator.pk)
    assert entry.summary["indicator_points"] == "6"
    assert entry.summary["rubric_total"] == "56.0"


def test_update_changes_the_figures_and_writes_the_ledger(office, rubric):
    indicator = rubric.indicators.get(kind=IndicatorKind.FOI_OVERDUE)  # 10 points, 2 per case
    services.indicator_update(
        actor=office, indicator=indicator, name="依申请公开按期答复",
        kind=IndicatorKind.FOI_OVERDUE, points=Decimal("12"), per_case=Decimal("3"), rule="",
    )  # fmt: skip
    indicator.refresh_from_db()
    assert (indicator.name, indicator.points, indicator.per_case) == (
        "依申请公开按期答复", Decimal("12"), Decimal("3"),
    )  # fmt: skip
    assert _entries("indicator_update").get().summary["rubric_total"] == "52.0"


def test_remove_without_deductions_writes_the_ledger(office, rubric):
    indicator = rubric.indicators.get(kind=IndicatorKind.SITE_MONITOR)  # 5 points
    services.indicator_remove(actor=office, indicator=indicator)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    entry = _entries("indicator_remove").get()
    assert entry.summary["indicator_name"] == indicator.name
    assert entry.summary["rubric_total"] == "45.0"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"name": "  "}, "请填写指标名称。"),
        ({"kind": "guess"}, "请选择评分方式。"),
        ({"points": Decimal("0")}, "指标分值须大于0且不超过999.9。"),
        ({"points": Decimal("-2")}, "指标分值须大于0且不超过999.9。"),
        ({"points": Decimal("1000")}, "指标分值须大于0且不超过999.9。"),
        ({"per_case": Decimal("0")}, "每次扣分须大于0且不超过99.9。"),
        ({"per_case": Decimal("100")}, "每次扣分须大于0且不超过99.9。"),
        ({"per_case": Decimal("7")}, "每次扣分不能超过该指标的分值。"),
    ],
)
def test_bad_figures_are_refused_in_chinese_and_nothing_changes(office, rubric, change, message):
    before = list(rubric.indicators.values_list("name", "points", "per_case"))
    with pytest.raises(ServiceError) as add:
        services.indicator_add(actor=office, rubric=rubric, **{**GOOD, **change})
    indicator = rubric.indicators.first()
    with pytest.raises(ServiceError) as update:
        services.indicator_update(actor=office, indicator=indicator, **{**GOOD, **change})
    assert str(add.value.message) == str(update.value.message) == message
    assert list(rubric.indicators.values_list("name", "points", "per_case")) == before
    assert not LedgerEntry.objects.filter(action__startswith="assessment.indicator").exists()


def test_removing_an_indicator_with_deductions_by_hand_is_refused(office, body, tree, rubric):
    indicator = rubric.indicators.get(kind=IndicatorKind.NOTICES)
    services.deduction_add(
        actor=office, indicator=indicator, organisation=tree["法制支队"],
        points=Decimal("1"), reason="通报批评一次",
    )  # fmt: skip
    with pytest.raises(ServiceError) as refused:
        services.indicator_remove(actor=office, indicator=indicator)
    assert refused.value.message == "该指标下已有1项人工扣分：请先撤销。"
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    assert indicator.deductions.count() == 1
    assert not _entries("indicator_remove").exists()


def test_points_cannot_go_under_a_recorded_deduction(office, tree, rubric):
    indicator = rubric.indicators.get(kind=IndicatorKind.FOI_OVERDUE)
    services.deduction_add(
        actor=office, indicator=indicator, organisation=tree["法制支队"],
        points=Decimal("4"), reason="逾期答复两件",
    )  # fmt: skip
    with pytest.raises(ServiceError) as refused:
        services.indicator_update(
            actor=office, indicator=indicator, name=indicator.name, kind=indicator.kind,
            points=Decimal("3"), per_case=Decimal("1"), rule="",
        )  # fmt: skip
    assert refused.value.message == "该指标下已记录4.0分的扣分：指标分值不能低于此数。"
    indicator.refresh_from_db()
    assert indicator.points == Decimal("10")


def test_the_last_indicator_cannot_be_removed(office, rubric):
    *others, last = list(rubric.indicators.all())
    for indicator in others:
        services.indicator_remove(actor=office, indicator=indicator)
    with pytest.raises(ServiceError) as refused:
        services.indicator_remove(actor=office, indicator=last)
    assert refused.value.message == "考核方案至少需要一项指标。"
    assert rubric.indicators.count() == 1


def test_only_the_office_of_the_rubric_body_may_edit(body, tree, handler, rubric):
    leader = make_staff(body, roles=[Role.LEADER], username="leader")
    other = OrganisationFactory(name="另一个局")
    stranger = make_staff(other, roles=[Role.OFFICE], username="stranger")
    indicator = rubric.indicators.first()
    for actor in (handler, leader, stranger, None):
        with pytest.raises(PermissionDeniedError):
            services.indicator_add(actor=actor, rubric=rubric, **GOOD)
        with pytest.raises(PermissionDeniedError):
            services.indicator_update(actor=actor, indicator=indicator, **GOOD)
        with pytest.raises(PermissionDeniedError):
            services.indicator_remove(actor=actor, indicator=indicator)
    assert rubric.indicators.count() == 7
    assert not LedgerEntry.objects.filter(action__startswith="assessment.indicator").exists()


# --- the page --------------------------------------------------------------------------


def _form(**change) -> dict:
    data = {**GOOD, **change, "action": "save"}
    return {k: str(v) for k, v in data.items()}


def test_the_page_shows_the_total_and_adds_edits_removes(client, office, rubric):
    url = reverse("assessment:rubric_edit", args=[rubric.pk])
    client.force_login(office)
    page = client.get(url)
    assert page.status_code == 200
    assert "共7项指标，合计50.0分。" in page.content.decode()
    response = client.post(url, _form())
    assert response.status_code == 302
    assert "合计56.0分" in client.get(url).content.decode()
    added = rubric.indicators.get(name="舆情回应")
    edit = client.get(url, {"edit": added.pk}).content.decode()
    assert "修改“舆情回应”" in edit and 'value="6.0"' in edit
    assert client.post(url, {**_form(points="8"), "indicator": added.pk}).status_code == 302
    added.refresh_from_db()
    assert added.points == Decimal("8")
    assert client.post(url, {"action": "remove", "indicator": added.pk}).status_code == 302
    assert not Indicator.objects.filter(pk=added.pk).exists()


def test_the_page_says_what_is_wrong_in_chinese_and_changes_nothing(client, office, tree, rubric):
    url = reverse("assessment:rubric_edit", args=[rubric.pk])
    client.force_login(office)
    response = client.post(url, _form(points="0"))
    assert response.status_code == 400
    assert response.content.decode().count("指标分值须大于0且不超过999.9。") == 1
    indicator = rubric.indicators.get(kind=IndicatorKind.NOTICES)
    services.deduction_add(
        actor=office, indicator=indicator, organisation=tree["法制支队"],
        points=Decimal("1"), reason="通报批评一次",
    )  # fmt: skip
    response = client.post(url, {"action": "remove", "indicator": indicator.pk})
    assert response.status_code == 400
    assert "该指标下已有1项人工扣分：请先撤销。" in response.content.decode()
    assert rubric.indicators.count() == 7
    assert _total(rubric) == Decimal("50")
    assert not LedgerEntry.objects.filter(action__startswith="assessment.indicator").exists()


def test_the_page_is_the_office_s(client, body, handler, rubric):
    url = reverse("assessment:rubric_edit", args=[rubric.pk])
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(handler)
    assert client.get(url).status_code == 404
    assert client.post(url, _form()).status_code == 404
    leader = make_staff(body, roles=[Role.LEADER], username="leader")
    client.force_login(leader)
    assert client.get(url).status_code == 404
    other = OrganisationFactory(name="另一个局")
    client.force_login(make_staff(other, roles=[Role.OFFICE], username="stranger"))
    assert client.get(url).status_code == 404  # another body's rubric
    assert rubric.indicators.count() == 7
