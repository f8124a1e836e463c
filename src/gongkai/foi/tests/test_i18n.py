"""Chinese labels and messages come from foi/locale (English msgids in the code)."""

import pytest
from django.utils import translation

from gongkai.core.errors import ServiceError
from gongkai.foi.models import Channel, Status
from gongkai.foi.services import request_submit
from gongkai.foi.tests.factories import make_applicant


def test_labels_in_chinese():
    with translation.override("zh-hans"):
        assert [str(c.label) for c in Channel] == [
            "在线",
            "挂号信函",
            "平信",
            "当面",
            "传真",
            "电子邮件",
        ]
        assert str(Status.AWAITING_SUPPLEMENT.label) == "待补正"


@pytest.mark.django_db
def test_service_errors_in_chinese(body):
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        request_submit(
            organisation=body, applicant=make_applicant(id_number="1"), idempotency_key="k"
        )
    assert caught.value.message == "公民身份号码无效（应为18位，符合GB 11643）。"
