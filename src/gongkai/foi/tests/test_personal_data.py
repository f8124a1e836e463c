"""Applicants' personal data: every staff view recorded, the office's list and export,
the retention period and the anonymisation job (yearly report numbers unchanged)."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.periodic import jobs
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi.models import Channel, IdentityView, Request, RetentionPolicy
from gongkai.foi.services import (
    remedy_decide,
    remedy_record,
    request_confirm_receipt,
    request_register,
    request_reply,
    request_supplement,
    request_supplement_lapsed,
)
from gongkai.foi.services.personal_data import (
    MIN_RETENTION_MONTHS,
    months_before,
    request_anonymise,
    requests_anonymise_due,
    retention_set,
)
from gongkai.foi.services.web import request_submit_online
from gongkai.foi.tests.conftest import D
from gongkai.foi.tests.factories import make_applicant, resident_id
from gongkai.reports.generate import compute_tables

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def people(body, unit):
    return {
        "anonymous": None,
        "public": get_user_model().objects.create_user("citizen", password="pw-for-tests-1"),
        "handler": make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler"),
        "leader": make_staff(body, roles=[Role.LEADER], username="leader"),
        "office": make_staff(body, roles=[Role.OFFICE], username="office"),
    }


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


MARCH = D("2025-03-03")


def registered(body, office, received_on=MARCH, **applicant):
    return request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(**applicant),
        received_on=received_on,
    )


# --- Views recorded ----------------------------------------------------------------------


def test_each_view_of_identity_data_is_recorded(body, unit, people):
    office, handler = people["office"], people["handler"]
    foi = registered(body, office)
    Request.objects.filter(pk=foi.pk).update(unit=unit)
    client_for(handler).get(reverse("foi:detail", args=[foi.pk]))
    client_for(office).get(f"/api/v1/foi/staff/requests/{foi.pk}")
    views = list(IdentityView.objects.order_by("id").values_list("viewer", "request", "channel"))
    assert views == [(handler.pk, foi.pk, "page"), (office.pk, foi.pk, "api")]
    # Lists show no identity document, and refused or missing requests record nothing.
    client_for(handler).get(reverse("foi:queue"))
    other = registered(
        OrganisationFactory(), make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    )
    assert client_for(handler).get(reverse("foi:detail", args=[other.pk])).status_code == 404
    assert IdentityView.objects.count() == 2


def test_api_actions_that_return_identity_data_record_the_view(body, unit, people):
    """Not only the detail endpoint: every API response carrying the applicant's identity
    data (registering, an action's result) is a recorded view; an error carries none."""
    office = people["office"]
    api = client_for(office)
    registered_by_api = api.post(
        "/api/v1/foi/staff/requests",
        {
            "channel": "letter",
            "received_on": "2025-03-03",
            "applicant_type": "natural_person",
            "name": "王五",
            "id_type": "resident_id",
            "id_number": resident_id("44080219900101123"),
            "phone": "13900000000",
            "description": "湛江市公安局2025年行政处罚案件数量",
            "form": "electronic",
            "delivery": "online",
        },
        content_type="application/json",
    )
    assert registered_by_api.status_code == 201, registered_by_api.content
    foi = Request.objects.get(pk=registered_by_api.json()["id"])
    assigned = api.post(
        f"/api/v1/foi/staff/requests/{foi.pk}/assign",
        {"unit_id": unit.pk},
        content_type="application/json",
    )
    assert assigned.status_code == 200, assigned.content
    assert assigned.json()["id_number"] == foi.id_number
    refused = api.post(
        f"/api/v1/foi/staff/requests/{foi.pk}/confirm", {}, content_type="application/json"
    )
    assert refused.status_code == 400  # a letter has no online receipt to confirm
    views = list(IdentityView.objects.order_by("id").values_list("viewer", "request", "channel"))
    assert views == [(office.pk, foi.pk, "api"), (office.pk, foi.pk, "api")]


def test_attachment_downloads_and_the_admin_page_are_recorded(body, people):
    foi = request_submit_online(
        organisation=body,
        applicant=make_applicant(),
        idempotency_key="k1",
        attachments=(SimpleUploadedFile("身份证.png", PNG),),
    ).request
    office = people["office"]
    client = client_for(office)
    file = foi.attachments.get()
    assert client.get(reverse("foi:attachment", args=[foi.pk, file.pk])).status_code == 200
    admin = make_staff(body, roles=[Role.ADMIN], username="admin")
    admin.is_superuser = True
    admin.save()
    assert client_for(admin).get(f"/admin/foi/request/{foi.pk}/change/").status_code == 200
    assert list(IdentityView.objects.order_by("id").values_list("viewer", "channel")) == [
        (office.pk, "file"),
        (admin.pk, "admin"),
    ]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("public", 404), ("handler", 404), ("leader", 404), ("office", 200)],
)
def test_who_may_list_and_export_the_views(body, people, who, status):
    foi = registered(body, people["office"])
    IdentityView.objects.create(request=foi, viewer=people["handler"], channel="page")
    client = client_for(people[who])
    for url in (
        reverse("foi:identity_views"),
        reverse("foi:identity_views_export", args=["csv"]),
        reverse("foi:identity_views_export", args=["xlsx"]),
    ):
        assert client.get(url).status_code == status, url


def test_the_list_filters_and_exports(body, people):
    office, handler = people["office"], people["handler"]
    first = registered(body, office)
    second = registered(body, office, id_number=resident_id("11010519800101001"))
    IdentityView.objects.create(
        request=first,
        viewer=handler,
        channel="page",
        viewed_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC),
    )
    IdentityView.objects.create(
        request=second,
        viewer=office,
        channel="api",
        viewed_at=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC),
    )
    stranger_body = OrganisationFactory()
    stranger = registered(stranger_body, make_staff(stranger_body, roles=[Role.OFFICE]))
    IdentityView.objects.create(request=stranger, viewer=office, channel="page")
    client = client_for(office)
    page = client.get(reverse("foi:identity_views"))
    assert [v.request.code for v in page.context["page"]] == [second.code, first.code]
    by_code = client.get(reverse("foi:identity_views"), {"code": first.code.lower()})
    assert [v.request_id for v in by_code.context["page"]] == [first.pk]
    by_viewer = client.get(reverse("foi:identity_views"), {"viewer": handler.staff_profile.pk})
    assert [v.viewer_id for v in by_viewer.context["page"]] == [handler.pk]
    by_date = client.get(
        reverse("foi:identity_views"), {"start": "2026-03-04", "end": "2026-03-31"}
    )
    assert [v.request_id for v in by_date.context["page"]] == [second.pk]
    exported = client.get(reverse("foi:identity_views_export", args=["csv"]), {"code": first.code})
    content = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows == [
        ["时间", "查看人", "用户名", "查询码", "查看途径"],
        [
            "2026-03-02 17:00:00",
            handler.staff_profile.full_name,
            "handler",
            first.code,
            "申请详情页",
        ],
    ]
    book = load_workbook(
        io.BytesIO(client.get(reverse("foi:identity_views_export", args=["xlsx"])).content)
    )
    assert [c.value for c in book.active[1]] == ["时间", "查看人", "用户名", "查询码", "查看途径"]
    assert book.active.max_row == 3


# --- Retention and anonymisation ---------------------------------------------------------


def test_months_before_is_calendar_months():
    assert months_before(D("2026-08-31"), 6) == D("2026-02-28")
    assert months_before(D("2026-03-15"), 12) == D("2025-03-15")
    assert months_before(D("2026-01-10"), 1) == D("2025-12-10")


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("public", 404), ("handler", 404), ("leader", 404), ("office", 302)],
)
def test_who_may_set_the_retention_period(body, people, who, status):
    response = client_for(people[who]).post(reverse("foi:retention"), {"months": "24"})
    assert response.status_code == status
    stored = list(RetentionPolicy.objects.values_list("organisation", "months"))
    assert stored == ([(body.pk, 24)] if who == "office" else [])
    assert LedgerEntry.objects.filter(action="foi.retention_set").count() == (who == "office")


def test_the_period_is_at_least_the_lawsuit_period(body, people):
    """《行政诉讼法》 art. 46: six months to sue over the reply."""
    assert MIN_RETENTION_MONTHS == 6
    response = client_for(people["office"]).post(reverse("foi:retention"), {"months": "5"})
    assert response.status_code == 200
    assert RetentionPolicy.objects.count() == 0
    retention_set(actor=people["office"], organisation=body, months=6)
    assert RetentionPolicy.objects.get().months == 6


def a_year_of_requests(body, office):
    """Requests of 2025 in every state the report counts."""
    replied = [
        registered(body, office, received_on=D("2025-03-03")),
        registered(
            body,
            office,
            received_on=D("2025-05-06"),
            applicant_type="commercial",
            id_type="credit_code",
            id_number="91440800MA4UJ8XX0H",
        ),
        registered(body, office, received_on=D("2025-11-03")),
    ]
    request_reply(request=replied[0], actor=office, outcome="granted", replied_on=D("2025-03-20"))
    request_reply(
        request=replied[1],
        actor=office,
        outcome="unable.not_held",
        legal_basis="条例第三十六条第（五）项",
        replied_on=D("2025-05-20"),
    )
    request_reply(request=replied[2], actor=office, outcome="granted", replied_on=D("2025-11-20"))
    remedy = remedy_record(
        request=replied[0], actor=office, kind="review", filed_on=D("2025-04-10")
    )
    remedy_decide(remedy=remedy, actor=office, result="upheld", decided_on=D("2025-06-10"))
    lapsed = registered(body, office, received_on=D("2025-06-02"))
    request_supplement(
        request=lapsed,
        actor=office,
        items="身份证明",
        deadline=D("2025-06-16"),
        notified_on=D("2025-06-03"),
        short_period_reason="申请人要求尽快办理",
    )
    request_supplement_lapsed(request=lapsed, actor=office, on=D("2025-06-17"))
    pending_review = registered(body, office, received_on=D("2025-07-01"))
    request_reply(
        request=pending_review, actor=office, outcome="granted", replied_on=D("2025-07-10")
    )
    remedy_record(request=pending_review, actor=office, kind="review", filed_on=D("2025-08-01"))
    still_open = registered(body, office, received_on=D("2025-12-01"))
    return {"replied": replied, "lapsed": lapsed, "pending": pending_review, "open": still_open}


def without_time(tables: dict) -> dict:
    return {k: v for k, v in tables.items() if k != "computed_at"}


def test_anonymisation_keeps_the_yearly_report_numbers(body, people):
    office = people["office"]
    cases = a_year_of_requests(body, office)
    before = without_time(compute_tables(body, 2025))
    assert before["section3"]["total"]["natural_person"] >= 1  # the year is not empty
    retention_set(actor=office, organisation=body, months=12)
    count = requests_anonymise_due(today=D("2026-12-01"))
    assert count == 4  # three replies and the lapsed supplement; not the pending review
    assert without_time(compute_tables(body, 2025)) == before
    for foi in [*cases["replied"], cases["lapsed"]]:
        foi.refresh_from_db()
        assert (foi.applicant_name, foi.id_number, foi.phone, foi.email, foi.address) == (
            "",
            "",
            "",
            "",
            "",
        )
        assert foi.anonymised_at is not None
    for kept in (cases["pending"], cases["open"]):
        kept.refresh_from_db()
        assert kept.applicant_name == "张三" and kept.anonymised_at is None
    assert LedgerEntry.objects.filter(action="foi.anonymise").count() == 4
    # The job is idempotent.
    assert requests_anonymise_due(today=D("2026-12-01")) == 0


def test_only_requests_past_the_period_are_anonymised(body, people):
    office = people["office"]
    cases = a_year_of_requests(body, office)
    retention_set(actor=office, organisation=body, months=12)
    # On 2026-05-20 only what finished by 2025-05-20 is past twelve months; the first
    # reply (2025-03-20) waits for its review, decided on 2025-06-10.
    assert requests_anonymise_due(today=D("2026-05-20")) == 1
    done = set(Request.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True))
    assert done == {cases["replied"][1].pk}
    assert requests_anonymise_due(today=D("2026-06-10")) == 1  # the first reply
    assert requests_anonymise_due(today=D("2026-06-16")) == 0
    assert requests_anonymise_due(today=D("2026-06-17")) == 1  # the supplement lapsed


def test_no_period_set_means_nothing_is_anonymised(body, people):
    a_year_of_requests(body, people["office"])
    assert requests_anonymise_due(today=D("2030-01-01")) == 0
    assert not Request.objects.filter(anonymised_at__isnull=False).exists()


def test_anonymising_deletes_files_and_masks_the_description(body, people, media):
    office = people["office"]
    foi = request_submit_online(
        organisation=body,
        applicant=make_applicant(description="请公开本人（电话13912345678）的户籍变更记录"),
        idempotency_key="k2",
        attachments=(SimpleUploadedFile("身份证.png", PNG),),
    ).request
    stored = foi.attachments.get().file.path
    request_confirm_receipt(request=foi, actor=office, confirmed_on=timezone.localdate())
    request_reply(request=foi, actor=office, outcome="granted")
    with django_capture_on_commit():
        request_anonymise(request=foi)
    foi.refresh_from_db()
    assert "13912345678" not in foi.description
    assert foi.description.startswith("请公开本人")
    assert not foi.attachments.exists()
    import os

    assert not os.path.exists(stored)
    # A page view of an anonymised request records nothing: nothing personal is shown.
    client_for(office).get(reverse("foi:detail", args=[foi.pk]))
    assert IdentityView.objects.count() == 0


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_the_sweep_runs_the_anonymisation_job():
    names = [str(name) for _order, name, _function in jobs()]
    assert "对超过保存期限的申请人信息进行匿名化处理" in names


def test_unfinished_requests_are_never_anonymised(body, people):
    foi = registered(body, people["office"])
    with pytest.raises(Exception) as caught:
        request_anonymise(request=foi)
    assert getattr(caught.value, "code", "") == "not_finished"
    foi.refresh_from_db()
    assert foi.applicant_name == "张三"


def test_the_list_pins_its_queries(body, people, django_assert_num_queries):
    office = people["office"]
    requests = [registered(body, office, received_on=D("2025-03-03")) for _n in range(3)]
    for foi in requests:
        for viewer in (office, people["handler"]):
            IdentityView.objects.create(request=foi, viewer=viewer, channel="page")
    client = client_for(office)
    client.get(reverse("foi:identity_views"))
    # session, user, profile, roles, body, scope (two levels), count, rows, staff to filter by
    with django_assert_num_queries(10):
        response = client.get(reverse("foi:identity_views"))
    assert len(response.context["page"]) == 6
