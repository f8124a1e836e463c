"""The catalog's services: who may change what, the ledger, conditional requests, keys,
quotas and download counts."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.datasets import registered_datasets
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.opendata import quota, services
from gongkai.opendata.models import DataRequest, Dataset, DownloadCount
from gongkai.opendata.tests.conftest import make_dataset, values

pytestmark = pytest.mark.django_db


def _submit(dataset, **overrides):
    data = {
        "dataset": dataset,
        "applicant": "郑海峰",
        "organisation_name": "岭南师范学院",
        "purpose": "开展社会治安态势课题研究，仅用于学术分析。",
        "phone": "13802561234",
    }
    data.update(overrides)
    return services.request_submit(**data)


def test_every_public_list_joins_the_catalog_once(body):
    keys = {d.key for d in registered_datasets()}
    assert keys >= {"information-items", "powers", "enforcement-decisions", "service-guides",
                    "foi-statistics", "yearly-report-tables"}  # fmt: skip
    assert services.builtin_datasets_sync() == len(keys)
    assert services.builtin_datasets_sync() == 0
    assert set(Dataset.objects.values_list("source", flat=True)) == keys
    powers = Dataset.objects.get(source="powers")
    assert (powers.title, powers.publisher, powers.condition) == ("权责清单", body, "open")
    assert LedgerEntry.objects.filter(action="opendata.builtin_sync").count() == len(keys)


def test_office_describes_a_dataset_with_its_fields(office, body):
    dataset = make_dataset(office, body)
    assert [(f.name, f.type) for f in dataset.field_rows.all()] == [
        ("月份", "string"), ("接警数", "integer"),
    ]  # fmt: skip
    assert services.dataset_formats(dataset) == ["csv"]
    changed = services.dataset_update(
        actor=office, dataset=dataset,
        values=values(body, condition="open", fields=services.parse_fields("月份 | 文本 | 统计月份")),
    )  # fmt: skip
    assert changed.condition == "open" and changed.version == 2
    assert [f.name for f in changed.field_rows.all()] == ["月份"]
    actions = list(
        LedgerEntry.objects.filter(object_id=str(dataset.pk), action__startswith="opendata.")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["opendata.create", "opendata.file_upload", "opendata.update"]


def test_fields_are_typed_one_a_line():
    assert services.parse_fields("名称 | 文本 | 站点的名称\n\n数量|integer|") == [
        ("名称", "string", "站点的名称"), ("数量", "integer", ""),
    ]  # fmt: skip
    with pytest.raises(ServiceError) as error:
        services.parse_fields("名称 | 颜色 | x")
    assert error.value.code == "invalid_field_type"


def test_only_the_office_of_the_publisher_edits(office, handler, body):
    with pytest.raises(PermissionDeniedError):
        services.dataset_create(actor=handler, values=values(body))
    other = OrganisationFactory(name="廉江市公安局")
    other_office = make_staff(other, roles=[Role.OFFICE], username="other")
    dataset = make_dataset(office, body)
    with pytest.raises(PermissionDeniedError):
        services.dataset_update(actor=other_office, dataset=dataset, values=values(body))


def test_built_in_files_are_generated_not_uploaded(office, body):
    services.builtin_datasets_sync()
    powers = Dataset.objects.get(source="powers")
    with pytest.raises(ServiceError) as error:
        services.resource_upload(actor=office, dataset=powers, file_format="csv",
                                 name="p.csv", content=b"x")  # fmt: skip
    assert error.value.code == "builtin_files"


def test_request_approved_key_collected_once_and_opens_the_dataset(office, body):
    dataset = make_dataset(office, body)
    with pytest.raises(PermissionDeniedError) as error:
        services.download_authorize(dataset=dataset, file_format="csv", client="203.0.113.5")
    assert error.value.code == "key_required"
    request, token = _submit(dataset)
    # The ledger never holds the applicant's contact in clear.
    entry = LedgerEntry.objects.get(action="opendata.request_submit")
    assert "13802561234" not in str(entry.summary) and entry.summary["applicant_contact"]
    approved = services.request_approve(actor=office, request=request, reason="用途明确")
    assert approved.status == "approved" and approved.api_key.datasets.get() == dataset
    key = services.request_collect(token=token)
    assert key.startswith(approved.api_key.prefix)
    with pytest.raises(ServiceError):
        services.request_collect(token=token)
    assert (
        services.download_authorize(
            dataset=dataset, file_format="csv", key_text=key, client="203.0.113.5"
        )
        == approved.api_key
    )
    assert DownloadCount.objects.get(dataset=dataset, format="csv").count == 1
    services.api_key_revoke(actor=office, key=approved.api_key)
    with pytest.raises(PermissionDeniedError) as error:
        services.download_authorize(dataset=dataset, file_format="csv", key_text=key, client="x")
    assert error.value.code == "invalid_key"


def test_a_key_for_another_dataset_does_not_open_this_one(office, body):
    dataset = make_dataset(office, body)
    other = make_dataset(office, body, slug="other", title="另一个数据集")
    _key, text = services.api_key_issue(actor=office, holder="岭南师范学院", datasets=[other])
    with pytest.raises(PermissionDeniedError):
        services.download_authorize(dataset=dataset, file_format="csv", key_text=text, client="x")


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"phone": "", "email": ""}, "missing_contact"),
        ({"phone": "call me"}, "invalid_phone"),
        ({"phone": "", "email": "not-an-address"}, "invalid_email"),
        ({"purpose": "研究"}, "missing_purpose"),
        ({"applicant": " "}, "missing_applicant"),
    ],
)
def test_a_request_needs_name_purpose_and_a_contact(office, body, overrides, code):
    dataset = make_dataset(office, body)
    with pytest.raises(ServiceError) as error:
        _submit(dataset, **overrides)
    assert error.value.code == code
    assert not DataRequest.objects.exists()


def test_an_open_dataset_is_not_requested(office, body):
    dataset = make_dataset(office, body, condition="open")
    with pytest.raises(ServiceError) as error:
        _submit(dataset)
    assert error.value.code == "not_conditional"


def test_refusal_needs_a_reason_and_is_final(office, body):
    dataset = make_dataset(office, body)
    request, _token = _submit(dataset)
    with pytest.raises(ServiceError):
        services.request_refuse(actor=office, request=request, reason=" ")
    refused = services.request_refuse(actor=office, request=request, reason="用途超出开放范围")
    assert refused.status == "refused" and refused.api_key is None
    with pytest.raises(ServiceError) as error:
        services.request_approve(actor=office, request=refused)
    assert error.value.code == "already_decided"


def test_personal_data_removed_180_days_after_the_decision(office, body):
    dataset = make_dataset(office, body)
    request, _token = _submit(dataset)
    services.request_refuse(actor=office, request=request, reason="不符合开放条件")
    decided = DataRequest.objects.get()
    assert services.requests_anonymise(now=decided.decided_at + dt.timedelta(days=179)) == 0
    assert services.requests_anonymise(now=decided.decided_at + dt.timedelta(days=181)) == 1
    decided.refresh_from_db()
    assert (decided.applicant, decided.phone, decided.purpose) == ("", "", "")
    assert decided.status == "refused" and decided.anonymised_at is not None


def test_a_key_counts_against_its_own_limits(office, body):
    services.builtin_datasets_sync()
    powers = Dataset.objects.get(source="powers")
    _key, text = services.api_key_issue(actor=office, holder="数据公司", per_minute=2, per_day=3)
    now = timezone.now().timestamp()
    for _ in range(2):
        services.download_authorize(dataset=powers, file_format="json", key_text=text, client="x")
    with pytest.raises(quota.QuotaExceededError) as error:
        services.download_authorize(dataset=powers, file_format="json", key_text=text, client="x")
    assert (error.value.status, error.value.code) == (429, "rate_limited")
    # A minute later the rate is free again, but the day has one download left.
    subject = f"key:{_key.pk}"
    quota.take(subject, per_minute=2, per_day=3, now=now + 61)
    with pytest.raises(quota.QuotaExceededError) as error:
        quota.take(subject, per_minute=2, per_day=3, now=now + 62)
    assert error.value.code == "daily_quota_exceeded"
    assert DownloadCount.objects.get(dataset=powers, format="json").count == 2


def test_anonymous_callers_are_limited_by_address(settings, body):
    settings.GONGKAI_OPENDATA_ANONYMOUS_PER_MINUTE = 1
    services.builtin_datasets_sync()
    powers = Dataset.objects.get(source="powers")
    services.download_authorize(dataset=powers, file_format="csv", client="203.0.113.5")
    with pytest.raises(quota.QuotaExceededError):
        services.download_authorize(dataset=powers, file_format="csv", client="203.0.113.5")
    services.download_authorize(dataset=powers, file_format="xlsx", client="198.51.100.7")
    counts = dict(DownloadCount.objects.values_list("format", "count"))
    assert counts == {"csv": 1, "xlsx": 1}


def test_limits_are_checked(office):
    with pytest.raises(ServiceError) as error:
        services.api_key_issue(actor=office, holder="x", per_minute=100, per_day=10)
    assert error.value.code == "invalid_limits"
