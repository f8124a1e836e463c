"""Powers in force are found by the site search; a removed one disappears at once."""

import datetime as dt

import pytest

from gongkai.listings.services import (
    power_import_apply,
    power_import_upload,
    power_set_active,
)
from gongkai.listings.tests.factories import make_power, powers_file
from gongkai.search.selectors import search

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    return sorted(hit.title for hit in search(query, limit=50).hits)


def test_created_and_removed_powers(office, body, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        power = make_power(office, body)
        make_power(office, body, "GA-0002", name="居民身份证核发")
    assert titles("户口迁移") == ["户口迁移审批"]
    assert titles("户口登记条例") == ["居民身份证核发", "户口迁移审批"]  # found by its basis
    with django_capture_on_commit_callbacks(execute=True):
        power_set_active(actor=office, power=power, active=False, changed_on=dt.date(2026, 10, 1),
                         reason="取消")  # fmt: skip
    assert titles("户口迁移") == []


def test_an_import_is_indexed_in_one_batch(office, body, django_capture_on_commit_callbacks):
    upload = power_import_upload(
        actor=office, organisation=body, file_name="a.xlsx", content=powers_file(30)
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        power_import_apply(actor=office, upload=upload, changed_on=dt.date(2026, 12, 1),
                           reason="首次公布")  # fmt: skip
    assert len(callbacks) == 1
    assert titles("户籍事项") == sorted(f"户籍事项{n}" for n in range(3, 31, 3))
