"""The letters on the request page, the office's templates and prefix, and art. 44.

Users in every permission table: anonymous, a public user (no staff profile), a handler of
another unit, the request's unit's handler, the openness office.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.letter_templates import default_template
from gongkai.foi.models import Letter, LetterKind, LetterNumbering, LetterTemplate
from gongkai.foi.services import (
    letter_generate,
    request_assign,
    request_register,
    request_reply,
)
from gongkai.foi.tests.conftest import snapshot
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db
USERS = ("anonymous", "public_user", "other_handler", "handler", "office")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def foi(body, unit, office, handler):
    request = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(),
        received_on=timezone.localdate() - dt.timedelta(days=3),
    )
    return request_assign(request=request, actor=office, unit=unit, handler=handler)


@pytest.fixture
def other_handler(body):
    return make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)])


@pytest.fixture
def public_user():
    return get_user_model().objects.create_user("citizen", password="pw-for-tests-1")


def as_user(client, request, name):
    client.logout()
    if name != "anonymous":
        client.force_login(request.getfixturevalue(name))
    return client


def state(foi):
    return (*snapshot(foi), list(Letter.objects.values_list("pk", "delivered_on")))


@pytest.mark.parametrize(
    ("user", "status"),
    [("anonymous", 302), ("public_user", 404), ("other_handler", 404)],
)
def test_refused_letter_generation_changes_nothing(client, request, foi, user, status):
    before = state(foi)
    url = reverse("foi:letter_generate", args=[foi.pk])
    response = as_user(client, request, user).post(url, {"kind": LetterKind.RECEIPT})
    assert response.status_code == status
    assert state(foi) == before


@pytest.mark.parametrize("user", ["handler", "office"])
def test_staff_of_the_request_generate_a_letter_once(client, request, foi, user):
    url = reverse("foi:letter_generate", args=[foi.pk])
    as_user(client, request, user)
    first = client.post(url, {"kind": LetterKind.RECEIPT})
    second = client.post(url, {"kind": LetterKind.RECEIPT})  # a repeated POST
    assert (first.status_code, second.status_code) == (302, 302)
    letter = Letter.objects.get()
    assert (letter.request, letter.kind, letter.sequence) == (foi, LetterKind.RECEIPT, 1)
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert letter.number in page
    assert reverse("foi:letter_file", args=[foi.pk, letter.pk, "docx"]) in page
    assert "制作受理回执" not in page  # made once: no second button for the same act
    assert "/media/" not in page


def test_only_applicable_letters_are_offered_and_others_refused(client, foi, handler):
    client.force_login(handler)
    page = client.get(reverse("foi:detail", args=[foi.pk]))
    assert page.context["letter_kinds"] == [(LetterKind.RECEIPT, "受理回执")]
    before = state(foi)
    response = client.post(
        reverse("foi:letter_generate", args=[foi.pk]), {"kind": LetterKind.REPLY}
    )
    assert response.status_code == 400
    assert "该申请尚未作出答复" in response.context["letter_error"]
    assert state(foi) == before


def test_letter_download_only_through_the_request_scope(client, request, foi, office, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # no converter, whatever this machine has
    letter = letter_generate(request=foi, kind=LetterKind.RECEIPT, actor=office)
    url = reverse("foi:letter_file", args=[foi.pk, letter.pk, "docx"])
    codes = [as_user(client, request, user).get(url).status_code for user in USERS]
    assert codes == [302, 404, 404, 200, 200]
    response = client.get(url)  # the office, still logged in
    with letter.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert "attachment" in response["Content-Disposition"]
    assert client.get(reverse("foi:letter_file", args=[foi.pk, letter.pk, "pdf"])).status_code == (
        404  # no PDF was made without a converter
    )


def test_a_letter_of_another_request_is_not_served_under_this_one(client, body, foi, office):
    other = request_register(
        actor=office,
        organisation=body,
        channel="letter",
        applicant=make_applicant(description="另一项信息"),
        received_on=timezone.localdate(),
    )
    letter = letter_generate(request=other, kind=LetterKind.RECEIPT, actor=office)
    client.force_login(office)
    url = reverse("foi:letter_file", args=[foi.pk, letter.pk, "docx"])
    assert client.get(url).status_code == 404


def test_the_page_says_when_there_is_no_pdf_converter(client, foi, handler, monkeypatch):
    client.force_login(handler)
    monkeypatch.setattr("gongkai.foi.views.letters_panel.converter_available", lambda: False)
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert 'id="no-pdf"' in page and "LibreOffice" in page
    monkeypatch.setattr("gongkai.foi.views.letters_panel.converter_available", lambda: True)
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert 'id="no-pdf"' not in page


def delivery_url(foi, letter):
    return reverse("foi:letter_delivery", args=[foi.pk, letter.pk])


@pytest.mark.parametrize(
    ("user", "status"),
    [("anonymous", 302), ("public_user", 404), ("other_handler", 404)],
)
def test_refused_delivery_changes_nothing(client, request, foi, office, user, status):
    letter = letter_generate(request=foi, kind=LetterKind.RECEIPT, actor=office)
    before = state(foi)
    data = {"delivery-delivered_on": timezone.localdate().isoformat(), "delivery-method": "post"}
    response = as_user(client, request, user).post(delivery_url(foi, letter), data)
    assert response.status_code == status
    assert state(foi) == before


def test_delivery_is_recorded_from_the_page(client, foi, office, handler):
    letter = letter_generate(request=foi, kind=LetterKind.RECEIPT, actor=office)
    client.force_login(handler)
    today = timezone.localdate()
    data = {"delivery-delivered_on": today.isoformat(), "delivery-method": "post"}
    assert client.post(delivery_url(foi, letter), data).status_code == 302
    assert client.post(delivery_url(foi, letter), data).status_code == 302  # same again: no-op
    letter.refresh_from_db()
    assert (letter.delivered_on, letter.delivery_method) == (today, "post")
    assert list(foi.events.filter(type="letter_delivered").values_list("type", flat=True)) == [
        "letter_delivered"
    ]
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert f"送达日期：{today:%Y-%m-%d}（邮寄）" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"delivery-delivered_on": "2099-01-01", "delivery-method": "post"}, "不能登记未来的日期"),
        ({"delivery-delivered_on": "2000-01-01", "delivery-method": "post"}, "早于文书日期"),
        ({"delivery-delivered_on": "", "delivery-method": "post"}, "这个字段是必填项"),
        (
            {"delivery-delivered_on": "2026-01-01", "delivery-method": "pigeon"},
            "选择一个有效的选项",
        ),
    ],
)
def test_bad_delivery_shows_the_message_and_changes_nothing(
    client, foi, office, handler, data, message
):
    letter = letter_generate(request=foi, kind=LetterKind.RECEIPT, actor=office)
    before = state(foi)
    client.force_login(handler)
    response = client.post(delivery_url(foi, letter), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert state(foi) == before


def test_the_request_page_pins_its_queries(
    client, foi, office, handler, django_assert_max_num_queries
):
    letter_generate(request=foi, kind=LetterKind.RECEIPT, actor=office)
    client.force_login(handler)
    # 35: the body's remedy settings, the objection check of the reply form and the art. 35
    # letter's inquiry (one each, whatever the request holds), and the record of this view
    # of the applicant's identity data.
    with django_assert_max_num_queries(35):
        response = client.get(reverse("foi:detail", args=[foi.pk]))
    assert [letter.kind for letter in response.context["letters"]] == [LetterKind.RECEIPT]


# --- The office's templates and prefix ---------------------------------------------------


def test_who_may_open_the_settings_page(client, request, foi):
    url = reverse("foi:letter_settings")
    codes = [as_user(client, request, user).get(url).status_code for user in USERS]
    assert codes == [302, 404, 404, 404, 200]
    default = reverse("foi:template_download", args=[LetterKind.REPLY, "default"])
    codes = [as_user(client, request, user).get(default).status_code for user in USERS]
    assert codes == [302, 404, 404, 404, 200]


def test_the_default_template_downloads(client, office):
    client.force_login(office)
    response = client.get(reverse("foi:template_download", args=[LetterKind.REPLY, "default"]))
    assert response.status_code == 200
    assert response.content == default_template(LetterKind.REPLY)
    assert response.content[:2] == b"PK"  # a .docx is a zip file


def upload(client, data, kind=LetterKind.REPLY, name="reply.docx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("foi:template_upload"),
        {"template-kind": kind, "template-file": SimpleUploadedFile(name, data)},
    )


def test_the_office_uploads_a_template_and_sets_the_prefix(client, body, office):
    client.force_login(office)
    assert upload(client, default_template(LetterKind.REPLY)).status_code == 302
    template = LetterTemplate.objects.get()
    assert (template.organisation, template.kind) == (body, LetterKind.REPLY)
    current = reverse("foi:template_download", args=[LetterKind.REPLY, "current"])
    assert b"".join(client.get(current).streaming_content) == default_template(LetterKind.REPLY)
    response = client.post(reverse("foi:numbering_set"), {"numbering-prefix": "湛公信"})
    assert response.status_code == 302
    assert LetterNumbering.objects.get(organisation=body).prefix == "湛公信"
    page = client.get(reverse("foi:letter_settings")).content.decode()
    assert "当前文号前缀：湛公信" in page


@pytest.mark.parametrize("user", ["anonymous", "public_user", "other_handler", "handler"])
def test_only_the_office_changes_templates_and_prefix(client, request, foi, user):
    before = (LedgerEntry.objects.count(), LetterTemplate.objects.count())
    as_user(client, request, user)
    responses = [
        upload(client, default_template(LetterKind.REPLY)),
        client.post(reverse("foi:numbering_set"), {"numbering-prefix": "湛公信"}),
    ]
    expected = 302 if user == "anonymous" else 404
    assert [r.status_code for r in responses] == [expected, expected]
    assert (LedgerEntry.objects.count(), LetterTemplate.objects.count()) == before
    assert LetterNumbering.objects.count() == 0


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda c: upload(c, b"not a word file"), "不是Word（.docx）文件"),
        (lambda c: c.post(reverse("foi:numbering_set"), {"numbering-prefix": "湛 公"}), "空格"),
        (lambda c: c.post(reverse("foi:numbering_set"), {"numbering-prefix": ""}), "必填项"),
    ],
)
def test_bad_templates_and_prefixes_are_refused(client, office, action, message):
    client.force_login(office)
    before = LedgerEntry.objects.count()
    response = action(client)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert LedgerEntry.objects.count() == before
    assert (LetterTemplate.objects.count(), LetterNumbering.objects.count()) == (0, 0)


# --- 条例 art. 44: released information into proactive disclosure ----------------------


@pytest.fixture
def replied(foi, handler):
    return request_reply(request=foi, actor=handler, outcome="granted")


def test_the_office_makes_a_replied_request_proactive(client, replied, office):
    from gongkai.proactive.models import Item

    client.force_login(office)
    page = client.get(reverse("foi:detail", args=[replied.pk])).content.decode()
    assert reverse("foi:make_proactive", args=[replied.pk]) in page
    url = reverse("foi:make_proactive", args=[replied.pk])
    first, second = client.post(url), client.post(url)
    item = Item.objects.get()
    target = reverse("proactive:item_detail", args=[item.pk])
    assert (first["Location"], second["Location"]) == (target, target)
    assert (item.source_request, item.status) == (replied, "draft")
    page = client.get(reverse("foi:detail", args=[replied.pk])).content.decode()
    assert target in page and url not in page


@pytest.mark.parametrize("user", ["anonymous", "public_user", "other_handler", "handler"])
def test_only_the_office_makes_a_request_proactive(client, request, replied, user):
    from gongkai.proactive.models import Item

    before = (LedgerEntry.objects.count(), Item.objects.count())
    as_user(client, request, user)
    if user == "handler":
        page = client.get(reverse("foi:detail", args=[replied.pk])).content.decode()
        assert reverse("foi:make_proactive", args=[replied.pk]) not in page
    response = client.post(reverse("foi:make_proactive", args=[replied.pk]))
    assert response.status_code == (302 if user == "anonymous" else 404)
    assert (LedgerEntry.objects.count(), Item.objects.count()) == before


@pytest.mark.parametrize(
    ("outcome", "basis"),
    [
        # 条例 art. 44 concerns information that was disclosed (art. 36(2), art. 37).
        ("withheld.state_secret", "《中华人民共和国保守国家秘密法》"),
        (None, ""),  # not replied yet
    ],
)
def test_undisclosed_information_is_not_made_proactive(
    client, foi, handler, office, outcome, basis
):
    from gongkai.proactive.models import Item

    if outcome:
        request_reply(request=foi, actor=handler, outcome=outcome, legal_basis=basis)
    before = (LedgerEntry.objects.count(), Item.objects.count())
    client.force_login(office)
    response = client.post(reverse("foi:make_proactive", args=[foi.pk]))
    assert response.status_code == 400
    assert "只有已予公开的信息才能转为主动公开" in response.content.decode()
    assert (LedgerEntry.objects.count(), Item.objects.count()) == before


# --- The PDF copy is background work --------------------------------------------------------

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _fake_soffice(tmp_path, monkeypatch, *, works: bool) -> None:
    """A stand-in soffice on PATH: writes <outdir>/letter.pdf as LibreOffice does, or
    nothing (a conversion that fails)."""
    import os
    import stat

    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir(exist_ok=True)
    body = 'printf "%%PDF-1.4 fake" > "$2/letter.pdf"\n' if works else "exit 1\n"
    fake.write_text('#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\n' + body)
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")


def test_making_a_letter_only_queues_its_pdf(client, foi, handler, tmp_path, monkeypatch, settings):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from gongkai.foi.tasks import letter_pdf_make

    _fake_soffice(tmp_path, monkeypatch, works=True)
    settings.TASKS = DATABASE_BACKEND
    client.force_login(handler)
    client.post(reverse("foi:letter_generate", args=[foi.pk]), {"kind": "receipt"})
    letter = Letter.objects.get()
    assert letter.file and not letter.pdf  # the .docx in the request, the PDF queued
    queued = DBTaskResult.objects.get()
    assert (queued.status, queued.task_path) == ("READY", letter_pdf_make.module_path)
    assert queued.args_kwargs["kwargs"] == {"letter_id": letter.pk}
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert "PDF版本正在后台生成" in page

    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("worker", batch=True, startup_delay=False, recover_every=0, verbosity=0)
    letter.refresh_from_db()
    with letter.pdf.open("rb") as handle:
        assert handle.read() == b"%PDF-1.4 fake"
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert "PDF版本正在后台生成" not in page
    pdf_url = reverse("foi:letter_file", args=[foi.pk, letter.pk, "pdf"])
    assert pdf_url in page and client.get(pdf_url).status_code == 200
    # A second run changes nothing.
    from gongkai.foi.services.letters import letter_pdf_make as make

    name = letter.pdf.name
    assert make(letter_id=letter.pk) == "made before"
    letter.refresh_from_db()
    assert letter.pdf.name == name


def test_a_failing_pdf_conversion_is_retried_then_shown(
    client, foi, handler, tmp_path, monkeypatch
):
    from gongkai.core.models import TaskFailure

    _fake_soffice(tmp_path, monkeypatch, works=False)
    calls = []
    from gongkai.foi.letters import pdf

    real = pdf.to_pdf
    monkeypatch.setattr(pdf, "to_pdf", lambda data: calls.append(1) or real(data))
    client.force_login(handler)
    client.post(reverse("foi:letter_generate", args=[foi.pk]), {"kind": "receipt"})
    letter = Letter.objects.get()
    assert letter.file and not letter.pdf  # the letter itself is made and numbered
    assert len(calls) == 3  # the task's bounded attempts
    failure = TaskFailure.objects.get()
    assert failure.arguments["kwargs"] == {"letter_id": letter.pk}
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert "PDF版本未能生成" in page and "PDF版本正在后台生成" not in page
