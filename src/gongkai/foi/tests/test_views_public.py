"""The portal's pages: the online application (条例 art. 29), the receipt, tracking."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.foi.forms import issue_form_token
from gongkai.foi.models import Request, RequestEvent, Status
from gongkai.foi.services import request_confirm_receipt, request_reply, request_supplement
from gongkai.foi.services.web import request_attachments
from gongkai.foi.tests.factories import resident_id

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _fast_forms(settings, tmp_path):
    # The time-on-form check would refuse a test's instant POST; its own tests set it back.
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    yield
    cache.clear()


def form_data(**overrides) -> dict:
    data = {
        "applicant_type": "natural_person",
        "name": "李四",
        "id_type": "resident_id",
        "id_number": resident_id("44080219800101123"),
        "phone": "13800000000",
        "email": "li.si@example.cn",
        "address": "",
        "description": "2025年湛江市公安局户籍业务办理统计数据",
        "document_number": "",
        "form": "electronic",
        "delivery": "email",
        "secret": "",
        "website": "",
        "token": issue_form_token(),
    }
    data.update(overrides)
    return data


def submit(client, **overrides):
    return client.post(reverse("foi:apply"), form_data(**overrides))


def tracking_secret(response) -> str:
    match = re.search(r'id="tracking-secret">([^<]+)<', response.content.decode())
    assert match is not None
    return match.group(1)


def test_the_form_asks_what_article_29_asks_and_no_purpose(client, body):
    response = client.get(reverse("foi:apply"))
    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        "申请人类型",
        "证件号码",
        "所需信息的描述",
        "获取信息的载体形式",
        "获取信息的方式",
    ):
        assert label in html
    # The 2019 revision removed the purpose: the only mention says none is needed.
    assert "无需说明申请用途" in html and html.count("用途") == 1
    names = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([a-z_]+)"', html)) - {
        "csrfmiddlewaretoken"
    }
    assert names == {
        "applicant_type",
        "name",
        "id_type",
        "id_number",
        "phone",
        "email",
        "address",
        "description",
        "document_number",
        "form",
        "delivery",
        "attachment",
        "secret",
        "website",
        "token",
    }
    assert "法人或其他组织" in html and "社会公益组织" in html
    assert 'class="foi-hp"' in html
    assert "style=" not in html and "<script>" not in html


def test_no_public_body_means_no_form(client):
    assert client.get(reverse("foi:apply")).status_code == 404


def test_submission_gives_a_receipt_with_code_and_secret_once(client, body):
    response = submit(client)
    foi = Request.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("foi:receipt", args=[foi.code])
    receipt = client.get(response["Location"])
    assert foi.code in receipt.content.decode()
    secret = tracking_secret(receipt)
    again = client.get(response["Location"]).content.decode()
    assert secret not in again
    assert "已在提交时显示过一次" in again
    assert (foi.status, foi.channel, foi.received_on) == (Status.SUBMITTED, "online", None)
    assert list(foi.events.values_list("type", flat=True)) == [RequestEvent.Type.SUBMITTED]
    assert LedgerEntry.objects.filter(action="foi.submitted").count() == 1


def test_a_repeated_post_makes_one_request(client, body):
    data = form_data()
    first = client.post(reverse("foi:apply"), data)
    second = client.post(reverse("foi:apply"), data)
    assert Request.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_replayed_form_from_elsewhere_learns_nothing(client, body):
    data = form_data()
    client.post(reverse("foi:apply"), data)
    other = Client()
    response = other.post(reverse("foi:apply"), data)
    assert response.status_code == 409
    assert Request.objects.get().code not in response.content.decode()
    assert other.get(reverse("foi:receipt", args=[Request.objects.get().code])).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "这个字段是必填项。"),
        ({"description": ""}, "这个字段是必填项。"),
        ({"delivery": ""}, "这个字段是必填项。"),
        # GB 11643-1999: the 18th character is a check character.
        ({"id_number": "440802198001011230"}, "公民身份号码无效（应为18位，符合GB 11643）。"),
        (
            {"phone": "", "email": "", "address": "", "delivery": "collect"},
            "请至少提供一种联系方式。",
        ),
        # Issue 16 point 10: e-mail delivery with no address is refused, in Chinese.
        ({"email": ""}, "您选择通过电子邮件获取信息，请填写电子邮箱地址。"),
        ({"secret": "short1"}, "自设查询密码须为10至64位"),
        ({"secret": "onlyletterslong"}, "自设查询密码须为10至64位"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_written(client, body, overrides, message):
    response = submit(client, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    kept = "2025年湛江市公安局户籍业务办理统计数据" if "description" not in overrides else "李四"
    assert kept in response.content.decode()  # what was typed comes back
    assert (Request.objects.count(), LedgerEntry.objects.count()) == (0, 0)


def test_script_in_a_text_field_comes_back_escaped(client, body):
    response = submit(client, name="<script>alert(1)</script>", id_number="1")
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert Request.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("scan.pdf", PDF + b"0" * (10 * 1024 * 1024), "附件超过10 MB。"),
        ("scan.exe", b"MZ" + b"0" * 64, "请上传PDF、JPG或PNG文件。"),
        ("scan.png", PDF, "文件内容与其类型不符。"),
    ],
)
def test_bad_attachments_are_refused(client, body, name, content, message):
    data = form_data(attachment=SimpleUploadedFile(name, content))
    response = client.post(reverse("foi:apply"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Request.objects.count() == 0
    assert not default_storage.exists("foi")


def test_an_attachment_is_stored_with_the_request(client, body):
    client.post(reverse("foi:apply"), form_data(attachment=SimpleUploadedFile("id.png", PNG)))
    foi = Request.objects.get()
    [attachment] = request_attachments(foi)
    assert (attachment.original_name, attachment.size, attachment.content_type) == (
        "id.png",
        len(PNG),
        "image/png",
    )
    assert attachment.sha256 == hashlib.sha256(PNG).hexdigest()
    with default_storage.open(attachment.file.name) as stored:
        assert stored.read() == PNG
    entry = LedgerEntry.objects.get(action="foi.attachment_stored")
    assert (entry.summary["attachment"], entry.summary["sha256"]) == (
        attachment.pk,
        attachment.sha256,
    )


def test_the_honeypot_refuses_robots(client, body):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 400
    assert "无法受理" in response.content.decode()
    assert Request.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_with_a_fresh_token(client, body, settings):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 60
    data = form_data()
    response = client.post(reverse("foi:apply"), data)
    assert response.status_code == 400
    assert "提交过快或已过期" in response.content.decode()
    assert data["token"] not in response.content.decode()
    assert Request.objects.count() == 0


def test_a_forged_token_is_refused(client, body):
    response = submit(client, token="forged")
    assert response.status_code == 400
    assert Request.objects.count() == 0


def track(client, code, secret):
    return client.post(reverse("foi:track"), {"code": code, "secret": secret})


def test_the_applicant_follows_the_request_by_code_and_chosen_secret(client, body, office):
    submit(client, secret="mein-Geheimnis-42")
    foi = Request.objects.get()
    response = track(client, foi.code.lower(), "mein-Geheimnis-42")
    html = response.content.decode()
    assert response.status_code == 200
    assert "待确认" in html and "尚未确认" in html
    request_confirm_receipt(request=foi, actor=office)
    foi.refresh_from_db()
    html = track(client, foi.code, "mein-Geheimnis-42").content.decode()
    assert foi.received_on.isoformat() in html
    assert foi.reply_clock.due_on.isoformat() in html
    assert "李四" not in html and foi.id_number not in html


def test_tracking_shows_the_supplement_notice_and_the_reply(client, body, office):
    submit(client, secret="mein-Geheimnis-42")
    foi = Request.objects.get()
    request_confirm_receipt(request=foi, actor=office)
    supplement = request_supplement(
        request=foi,
        actor=office,
        items="请写明<b>文件名称</b>",
        deadline=foi.received_on.replace(year=2027),
    )
    html = track(client, foi.code, "mein-Geheimnis-42").content.decode()
    assert "请写明&lt;b&gt;文件名称&lt;/b&gt;" in html
    assert supplement.deadline.isoformat() in html


def test_tracking_shows_the_reply_and_the_remedies(client, body, office):
    submit(client, secret="mein-Geheimnis-42")
    foi = Request.objects.get()
    request_confirm_receipt(request=foi, actor=office)
    request_reply(
        request=foi, actor=office, outcome="unable.not_held", legal_basis="经检索，本机关未制作"
    )
    html = track(client, foi.code, "mein-Geheimnis-42").content.decode()
    assert "本机关不掌握相关政府信息" in html and "经检索，本机关未制作" in html
    # 行政复议法: 60 days; 行政诉讼法 art. 46: 6 months.
    assert "60日内" in html and "6个月内" in html


def test_a_wrong_secret_shows_nothing(client, body):
    submit(client)
    foi = Request.objects.get()
    response = track(client, foi.code, "wrong-secret-123")
    assert response.status_code == 404
    assert "查询码与查询密码不匹配" in response.content.decode()
    assert foi.description not in response.content.decode()


def test_guessing_is_rate_limited(client, body, settings):
    settings.GONGKAI_FOI_TRACK_ATTEMPTS = 3
    submit(client, secret="mein-Geheimnis-42")
    foi = Request.objects.get()
    for _attempt in range(3):
        assert track(client, foi.code, "guess-000000").status_code == 404
    response = track(client, foi.code, "mein-Geheimnis-42")
    assert response.status_code == 429
    assert "尝试次数过多" in response.content.decode()


def test_portal_menu_lists_apply_and_track(client, body):
    html = client.get(reverse("foi:track")).content.decode()
    assert f'href="{reverse("foi:apply")}"' in html and "申请公开" in html
    assert f'href="{reverse("foi:track")}"' in html and "查询申请" in html


def test_reply_letters_are_downloaded_only_after_tracking(client, body, office):
    from gongkai.foi.services.letters import letter_generate

    submit(client, secret="mein-Geheimnis-42")
    foi = Request.objects.get()
    request_confirm_receipt(request=foi, actor=office)
    request_reply(request=foi, actor=office, outcome="granted")
    letter = letter_generate(request=foi, kind="reply", actor=office)
    url = reverse("foi:letter", args=[letter.pk])
    assert Client().get(url).status_code == 404
    assert client.get(url).status_code == 404  # the submitting session has not tracked yet
    html = track(client, foi.code, "mein-Geheimnis-42").content.decode()
    assert url in html and letter.number in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content)[:2] in (b"PK", b"%P")
