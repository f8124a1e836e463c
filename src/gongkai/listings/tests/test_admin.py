"""The admin shows the registers read-only: changes go through the services."""

import pytest
from django.urls import reverse

from gongkai.listings.tests.factories import make_power

pytestmark = pytest.mark.django_db


def test_admin_lists_powers_read_only(client, admin_user, office, body):
    power = make_power(office, body)
    client.force_login(admin_user)
    assert "户口迁移审批" in client.get(reverse("admin:listings_power_changelist")).content.decode()
    page = client.get(reverse("admin:listings_power_change", args=[power.pk])).content.decode()
    assert "中华人民共和国户口登记条例" in page and "首次公布" in page
    assert '<input type="text" name="name"' not in page
    assert client.get(reverse("admin:listings_power_add")).status_code == 403
    for name in ("leader", "organisationprofile", "powerimport"):
        assert client.get(reverse(f"admin:listings_{name}_changelist")).status_code == 200
