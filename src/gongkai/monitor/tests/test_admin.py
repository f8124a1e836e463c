"""The office's settings, edited in the admin, go through the services and the ledger."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.monitor.models import SensitiveWord

pytestmark = pytest.mark.django_db


def test_sensitive_words_added_and_deleted_in_the_admin_are_in_the_ledger(client):
    admin = get_user_model().objects.create_superuser("root", password="pw-for-tests-1")
    client.force_login(admin)
    response = client.post(
        reverse("admin:monitor_sensitiveword_add"), {"word": "代开发票", "is_active": "on"}
    )
    assert response.status_code == 302
    word = SensitiveWord.objects.get()
    assert word.word == "代开发票"
    response = client.post(
        reverse("admin:monitor_sensitiveword_delete", args=[word.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not SensitiveWord.objects.exists()
    entries = LedgerEntry.objects.filter(object_type="monitor.sensitiveword")
    assert list(entries.values_list("action", "summary", "actor_id")) == [
        ("monitor.setting_saved", {"value": "代开发票"}, admin.pk),
        ("monitor.setting_deleted", {"value": "代开发票"}, admin.pk),
    ]


def test_a_run_is_read_only_in_the_admin_with_its_pages(client):
    from gongkai.monitor.models import Page, Run

    admin = get_user_model().objects.create_superuser("root", password="pw-for-tests-1")
    client.force_login(admin)
    run = Run.objects.create(trigger=Run.Trigger.MANUAL, status=Run.Status.DONE)
    Page.objects.create(run=run, url="http://127.0.0.1/zwgk/", status_code=200, elapsed_ms=87)
    page = client.get(reverse("admin:monitor_run_change", args=[run.pk]))
    assert page.status_code == 200
    assert "http://127.0.0.1/zwgk/" in page.content.decode()
    assert client.get(reverse("admin:monitor_run_add")).status_code == 403
    client.post(reverse("admin:monitor_run_delete", args=[run.pk]), {"post": "yes"})
    assert Run.objects.filter(pk=run.pk).exists()
