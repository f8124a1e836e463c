"""Submission, receipt (条例 arts. 29, 31), registration and assignment."""

import re

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import Clock, LedgerEntry
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.models import Channel, IdType, Request, RequestEvent, Status
from gongkai.foi.services import (
    request_assign,
    request_confirm_receipt,
    request_register,
    request_secret_matches,
    request_submit,
)
from gongkai.foi.tests.conftest import D
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db


def test_submission_is_idempotent_by_key(body):
    first = request_submit(organisation=body, applicant=make_applicant(), idempotency_key="k1")
    again = request_submit(organisation=body, applicant=make_applicant(), idempotency_key="k1")
    assert (first.created, again.created) == (True, False)
    assert again.request.pk == first.request.pk
    assert again.secret is None
    assert Request.objects.count() == 1
    assert LedgerEntry.objects.filter(action="foi.submitted").count() == 1
    assert RequestEvent.objects.filter(type="submitted").count() == 1
    request = first.request
    assert re.fullmatch(r"GK-\d{4}-000001", request.code)
    assert request.status == Status.SUBMITTED
    assert request.received_on is None
    assert request_secret_matches(request, first.secret)
    assert not request_secret_matches(request, "guess")
    assert first.secret not in request.secret_hash


def test_codes_are_sequential_per_year(body):
    codes = [
        request_submit(
            organisation=body, applicant=make_applicant(), idempotency_key=f"k{n}"
        ).request.code
        for n in range(3)
    ]
    assert [c[-6:] for c in codes] == ["000001", "000002", "000003"]


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"id_number": "110105194912310021"}, "invalid_resident_id"),
        ({"id_number": ""}, "invalid_identity"),
        (
            {
                "id_type": IdType.CREDIT_CODE,
                "id_number": "91350100M000100Y42",
                "applicant_type": "commercial",
            },
            "invalid_credit_code",
        ),
        ({"applicant_type": "alien"}, "invalid_applicant_type"),
        ({"name": " "}, "name_required"),
        ({"phone": "", "email": "", "address": ""}, "contact_required"),
        ({"email": "not-an-address"}, "invalid_email"),
        ({"description": ""}, "description_required"),
        ({"form": "scroll"}, "form_required"),
    ],
)
def test_invalid_submission_is_refused_and_nothing_written(body, overrides, code):
    with pytest.raises(ServiceError) as caught:
        request_submit(
            organisation=body, applicant=make_applicant(**overrides), idempotency_key="k"
        )
    assert caught.value.code == code
    assert Request.objects.count() == 0
    assert RequestEvent.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_organisation_applicant_with_a_valid_credit_code(body):
    applicant = make_applicant(
        applicant_type="commercial", id_type=IdType.CREDIT_CODE, id_number="91350100M000100Y43"
    )
    submission = request_submit(organisation=body, applicant=applicant, idempotency_key="k")
    assert submission.request.applicant_type == "commercial"


def test_confirming_receipt_starts_the_reply_clock_across_spring_festival(body, office):
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key="k"
    ).request
    Request.objects.filter(pk=request.pk).update(submitted_at="2026-02-05T10:00+08:00")
    request.refresh_from_db()
    request_confirm_receipt(request=request, actor=office, confirmed_on=D("2026-02-06"))
    request.refresh_from_db()
    assert (request.status, request.received_on) == (Status.RECEIVED, D("2026-02-06"))
    # 条例 art. 33: 20 working days from 2-06: 2-09..2-13 (5), Sat 2-14 worked (6), holidays
    # 2-15..2-23, 2-24..2-28 with Sat 2-28 worked (11), then 2 March..12 March (20).
    assert request.reply_clock.due_on == D("2026-03-12")
    assert request.reply_clock.rule == "foi_reply"
    assert request.reply_clock.subject == request


def test_confirmation_is_staff_only_and_refusal_changes_nothing(body, unit):
    request = request_submit(
        organisation=body, applicant=make_applicant(), idempotency_key="k"
    ).request
    public = make_staff(body, roles=[])
    with pytest.raises(ServiceError) as caught:
        request_confirm_receipt(request=request, actor=public, confirmed_on=D("2026-11-20"))
    assert caught.value.code == "staff_only"
    request.refresh_from_db()
    assert (request.status, request.reply_clock_id) == (Status.SUBMITTED, None)
    assert Clock.objects.count() == 0


def test_staff_register_a_letter_with_its_receipt_date(body, office):
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.LETTER,
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )
    assert request.status == Status.RECEIVED
    # From 9-24: 9-25..9-27 Mid-autumn holiday and weekend, 9-28..9-30 (3), National Day
    # 10-1..10-7, 10-8, 10-9, Sat 10-10 worked (6), ... 10-29 is the 20th.
    assert request.reply_clock.due_on == D("2026-10-29")
    assert request.idempotency_key is None
    assert LedgerEntry.objects.filter(action="foi.registered").count() == 1


def test_online_channel_is_not_registered_by_staff(body, office):
    with pytest.raises(ServiceError) as caught:
        request_register(
            actor=office,
            organisation=body,
            channel=Channel.ONLINE,
            applicant=make_applicant(),
            received_on=D("2026-09-24"),
        )
    assert caught.value.code == "invalid_channel"
    assert Request.objects.count() == 0


def test_assignment_moves_the_clock_to_the_unit(body, unit, office, handler):
    request = request_register(
        actor=office,
        organisation=body,
        channel=Channel.IN_PERSON,
        applicant=make_applicant(),
        received_on=D("2026-09-24"),
    )
    request_assign(request=request, actor=office, unit=unit, handler=handler)
    request.reply_clock.refresh_from_db()
    assert (request.reply_clock.unit, request.reply_clock.handler) == (unit, handler)
    foreign_unit = UnitFactory()
    with pytest.raises(ServiceError) as caught:
        request_assign(request=request, actor=office, unit=foreign_unit)
    assert caught.value.code == "unit_outside_body"
    other_unit = UnitFactory(parent=body)
    with pytest.raises(ServiceError) as caught:
        request_assign(request=request, actor=office, unit=other_unit, handler=handler)
    assert caught.value.code == "handler_outside_unit"
    request.refresh_from_db()
    assert (request.unit, request.handler) == (unit, handler)
    assert LedgerEntry.objects.filter(action="foi.assigned").count() == 1


def test_email_delivery_needs_an_email_address():
    """条例 art. 29(3): the way of receiving must be usable; e-mail needs an address."""
    from gongkai.core.errors import ServiceError
    from gongkai.foi.services.intake import validate_applicant

    with pytest.raises(ServiceError) as error:
        validate_applicant(make_applicant(email=" "))
    assert error.value.code == "email_required"
    validate_applicant(make_applicant(email="", delivery="collect"))  # no e-mail needed
