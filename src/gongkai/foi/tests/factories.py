import datetime as dt

import factory
from django.utils import timezone

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.foi.models import Channel, Delivery, Form, IdType, Request, Status
from gongkai.foi.services import Applicant
from gongkai.foi.services.intake import hash_secret
from gongkai.foi.validators import resident_id_check_character


def resident_id(first17: str = "11010519491231002") -> str:
    """A resident identity number with a correct GB 11643 check character."""
    return first17 + resident_id_check_character(first17)


def make_applicant(**overrides) -> Applicant:
    values = {
        "applicant_type": "natural_person",
        "name": "张三",
        "id_type": IdType.RESIDENT_ID,
        "id_number": resident_id(),
        "description": "2025年本局行政许可事项目录",
        "form": Form.ELECTRONIC,
        "delivery": Delivery.EMAIL,
        "phone": "13800000000",
        "email": "zhang@example.cn",
    }
    values.update(overrides)
    return Applicant(**values)


class RequestFactory(factory.django.DjangoModelFactory):
    """A received request written directly (no clock): for selectors and fee counts."""

    class Meta:
        model = Request

    code = factory.Sequence(lambda n: f"GK-2000-{n:06d}")
    secret_hash = factory.LazyFunction(lambda: hash_secret("secret"))
    organisation = factory.SubFactory(OrganisationFactory)
    channel = Channel.LETTER
    applicant_type = "natural_person"
    applicant_name = "张三"
    id_type = IdType.RESIDENT_ID
    id_number = factory.LazyFunction(resident_id)
    description = "某项政府信息"
    form = Form.PAPER
    delivery = Delivery.POST
    submitted_at = factory.LazyFunction(timezone.now)
    received_on = dt.date(2026, 10, 8)
    status = Status.RECEIVED
