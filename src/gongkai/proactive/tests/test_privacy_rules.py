"""The office's privacy rules (Alaveteli's censor rules are the model), the spans a reviewer
adds where the detector missed something, the body's own published data, and the
injected-spam check at every save and submission.

Why: 条例 art. 15 and 《个人信息保护法》 keep personal data out of what is published; what a
detector cannot know (a nickname, a case number that names a person, an unusual form) the
office must be able to add, once for every item or once for one item; what the body
publishes itself (its leaders, its own phone and address) is not personal data to mask.
"""

import pytest

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.proactive import selectors, services
from gongkai.proactive.models import PrivacyFinding, PrivacyRule
from gongkai.proactive.services.privacy import attachment_public_text, redact
from gongkai.proactive.tests.factories import draft

pytestmark = pytest.mark.django_db


def _rule(office, body, **fields):
    values = {"kind": "text", "action": "mask", "type": "other", "reason": "涉及个人隐私"}
    return services.privacy_rule_create(actor=office, organisation=body, **(values | fields))


def _found(item):
    return sorted(
        (f.origin, f.type, f.text, f.state, f.attachment_id is not None)
        for f in item.findings.all()
    )


def test_a_text_rule_masks_every_item_and_attachment(handler, office, body):
    rule = _rule(office, body, text="阿强", type="name", reason="当事人小名")
    item = draft(handler, body="<p>邻居都叫他阿强，阿强住在村东头。</p>")
    services.item_attach(
        item=item, actor=handler, name="笔录.txt", content="阿强称不知情。".encode()
    )
    services.item_submit(item=item, actor=handler)
    assert _found(item) == [
        ("rule", "name", "阿强", "masked", False),
        ("rule", "name", "阿强", "masked", False),
        ("rule", "name", "阿强", "masked", True),
    ]
    finding = item.findings.filter(attachment=None).first()
    assert (finding.rule, finding.reason) == (rule, "当事人小名")
    assert attachment_public_text(item.attachments.get()) == "阿*称不知情。"


def test_a_pattern_rule_with_its_own_replacement(handler, office, body):
    _rule(office, body, kind="pattern", text=r"案件编号[A-Z]\d{6}", replacement="案件编号（略）")
    item = services.item_submit(
        item=draft(handler, body="<p>案件编号Z123456已结案。</p>"), actor=handler
    )
    assert redact(item.body, item.findings.all()) == "<p>案件编号（略）已结案。</p>"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"text": ""}, "text_required"),
        ({"text": "阿强", "reason": " "}, "reason_required"),
        ({"kind": "pattern", "text": "([a-z"}, "invalid_pattern"),
        ({"kind": "pattern", "text": "a*"}, "empty_pattern"),
        ({"text": "阿强", "type": "id"}, "invalid_type"),
        ({"action": "public", "kind": "pattern", "text": r"\d+"}, "invalid_public_rule"),
        (
            {"action": "public", "type": "id_card", "text": "44080319800101123X"},
            "invalid_public_rule",
        ),
    ],
)
def test_invalid_rules_are_refused(office, body, fields, code):
    with pytest.raises(ServiceError) as error:
        _rule(office, body, **({"text": "阿强"} | fields))
    assert error.value.code == code
    assert PrivacyRule.objects.count() == 0


def test_only_the_office_keeps_the_rule_list(handler, reviewer, office, body):
    for actor in (handler, reviewer):
        with pytest.raises(ServiceError):
            _rule(actor, body, text="阿强")
    rule = _rule(office, body, text="阿强")
    with pytest.raises(ServiceError):
        services.privacy_rule_deactivate(actor=handler, rule=rule)
    rule.refresh_from_db()
    assert rule.is_active
    services.privacy_rule_deactivate(actor=office, rule=rule)
    rule.refresh_from_db()
    assert not rule.is_active
    actions = list(
        LedgerEntry.objects.filter(object_type="proactive.privacyrule").values_list(
            "action", flat=True
        )
    )
    assert actions == ["proactive.privacy_rule.create", "proactive.privacy_rule.deactivate"]


def test_a_switched_off_rule_no_longer_applies(handler, office, body):
    rule = _rule(office, body, text="阿强")
    services.privacy_rule_deactivate(actor=office, rule=rule)
    item = services.item_submit(item=draft(handler, body="<p>阿强</p>"), actor=handler)
    assert _found(item) == []


def test_the_bodys_published_leaders_and_contacts_are_never_flagged(handler, office, body):
    body.phone = "0759-3181234"
    body.address = "湛江市赤坎区南桥北路1号"
    body.save()
    _rule(office, body, action="public", type="name", text="周建国", reason="本局局长，已公开")
    text = (
        "<p>局长周建国同志主持会议。咨询电话：（0759）3181234，地址：湛江市赤坎区南桥北路1号。"
        "来信人黄丽娟反映，电话13800138000。</p>"
    )
    item = services.item_submit(item=draft(handler, body=text), actor=handler)
    assert _found(item) == [
        ("detector", "mobile", "13800138000", "open", False),
        ("detector", "name", "黄丽娟", "open", False),
    ]


def test_the_openness_guides_contacts_are_never_flagged(handler, body):
    from gongkai.portal.models import OpennessGuide

    OpennessGuide.objects.create(
        organisation=body, classification="按主题分类", how_to_obtain="网上申请",
        office_name="政务公开办公室", address="湛江市赤坎区南桥北路1号", office_hours="工作日",
        phone="0759-3180110", fax="0759-3180111", internet_contact="xxgk@zjgaj.gov.cn",
    )  # fmt: skip
    text = "<p>电话0759-3180110，传真（0759）3180111，邮箱xxgk@zjgaj.gov.cn。</p>"
    item = services.item_submit(item=draft(handler, body=text), actor=handler)
    assert _found(item) == []


def test_a_reviewer_masks_what_the_detector_missed(handler, reviewer):
    item = draft(handler, body="<p>当事人外号“黑皮”，黑皮常在桥头出没。</p>")
    services.item_submit(item=item, actor=handler)
    rows = services.finding_add(item=item, actor=reviewer, text="黑皮", type="name", reason="")
    assert len(rows) == 2
    assert _found(item) == [("manual", "name", "黑皮", "masked", False)] * 2
    assert redact(item.body, item.findings.all()) == "<p>当事人外号“黑*”，黑*常在桥头出没。</p>"
    entry = LedgerEntry.objects.filter(action="proactive.finding.add").get()
    assert entry.summary["occurrences"] == 2 and entry.summary["type"] == "name"


def test_a_reviewers_span_survives_a_changed_text(handler, reviewer):
    item = draft(handler, body="<p>黑皮常在桥头出没。</p>")
    services.item_submit(item=item, actor=handler)
    services.finding_add(item=item, actor=reviewer, text="黑皮", type="other", reason="绰号")
    services.item_review(item=item, actor=reviewer, approve=False, comment="请补充")
    item.refresh_from_db()
    services.item_update(
        item=item, actor=handler, fields=_fields(item, "<p>据查，黑皮已搬离。</p>")
    )
    services.item_submit(item=item, actor=handler)
    item.refresh_from_db()
    assert _found(item) == [("manual", "other", "黑皮", "masked", False)]
    assert redact(item.body, item.findings.all()) == "<p>据查，**已搬离。</p>"


def _fields(item, body):
    from gongkai.proactive.tests.factories import fields

    return fields(title=item.title, body=body)


def test_a_wider_span_replaces_the_open_finding_it_covers(handler, reviewer):
    item = draft(handler, body="<p>手机13800138000转分机</p>")
    services.item_submit(item=item, actor=handler)
    services.finding_add(
        item=item, actor=reviewer, text="13800138000转分机", type="mobile", reason=""
    )
    assert _found(item) == [("manual", "mobile", "13800138000转分机", "masked", False)]


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "span_required"), ("不存在的词", "span_not_found")],
)
def test_a_span_must_be_in_the_text(handler, reviewer, text, code):
    item = services.item_submit(item=draft(handler, body="<p>正文</p>"), actor=handler)
    with pytest.raises(ServiceError) as error:
        services.finding_add(item=item, actor=reviewer, text=text, type="name", reason="")
    assert error.value.code == code
    assert item.findings.count() == 0


def test_the_drafter_cannot_add_spans(handler):
    item = services.item_submit(item=draft(handler, body="<p>黑皮</p>"), actor=handler)
    with pytest.raises(ServiceError):
        services.finding_add(item=item, actor=handler, text="黑皮", type="name", reason="")
    assert PrivacyFinding.objects.count() == 0


SPAM = "无码人妻久久精品一区二区免费看"


def test_spam_is_flagged_at_save_and_submission(handler):
    item = draft(handler, body=f"<p>关于开展政务公开工作的通知</p><p>{SPAM}</p>")
    assert [(s.attachment, s.line) for s in selectors.item_spam(item)] == [(None, SPAM)]
    services.item_submit(item=item, actor=handler)
    summaries = [
        (e.action, e.summary.get("spam_lines"))
        for e in LedgerEntry.objects.filter(action__in=["proactive.create", "proactive.submit"])
    ]
    assert summaries == [("proactive.create", 1), ("proactive.submit", 1)]


def test_spam_in_an_attachment_is_flagged(handler):
    item = draft(handler, body="<p>通知</p>")
    services.item_attach(
        item=item, actor=handler, name="附件.txt", content=f"正文\n{SPAM}".encode()
    )
    assert [(s.attachment.name, s.line) for s in selectors.item_spam(item)] == [("附件.txt", SPAM)]


def test_clean_text_has_no_spam_entry(handler):
    item = draft(handler, body="<p>国产化替代工作方案</p>")
    assert selectors.item_spam(item) == []
    assert "spam_lines" not in LedgerEntry.objects.get(action="proactive.create").summary


RULE_FORM = {
    "action": "mask",
    "kind": "text",
    "type": "name",
    "text": "阿强",
    "replacement": "",
    "reason": "当事人小名",
}


def _state():
    return (
        list(PrivacyRule.objects.values_list("text", "is_active")),
        list(PrivacyFinding.objects.values_list("origin", "text")),
        LedgerEntry.objects.count(),
    )


def test_rule_pages_refuse_anonymous_public_and_staff_without_the_right(client, handler, reviewer):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    citizen = get_user_model().objects.create_user(username="citizen", password="pw-for-tests-1")
    url = reverse("proactive:settings_privacy_rules")
    before = _state()
    response = client.post(url, RULE_FORM)
    assert response.status_code == 302 and "/login/" in response["Location"]
    for user in (citizen, handler, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, RULE_FORM).status_code == 404
    assert _state() == before


def test_the_office_adds_and_switches_off_a_rule_on_its_page(client, office, body):
    from django.urls import reverse

    client.force_login(office)
    url = reverse("proactive:settings_privacy_rules")
    response = client.post(url, RULE_FORM, follow=True)
    assert "规则已添加，自下次检测起适用。" in response.content.decode()
    rule = PrivacyRule.objects.get()
    assert (rule.organisation, rule.text, rule.type, rule.created_by) == (
        body,
        "阿强",
        "name",
        office,
    )
    bad = client.post(url, RULE_FORM | {"kind": "pattern", "text": "([a"})
    assert "该模式不是有效的正则表达式" in bad.content.decode()
    client.post(reverse("proactive:settings_privacy_rule_off", args=[rule.pk]))
    rule.refresh_from_db()
    assert not rule.is_active


def test_a_reviewer_adds_a_span_on_the_review_page(client, handler, reviewer):
    from django.urls import reverse

    item = services.item_submit(
        item=draft(handler, body="<p>黑皮常在桥头出没。</p>"), actor=handler
    )
    url = reverse("proactive:finding_add", args=[item.pk])
    client.force_login(handler)  # the drafter: refused, nothing changes
    client.post(url, {"text": "黑皮", "type": "name", "where": "", "reason": ""})
    assert item.findings.count() == 0
    client.force_login(reviewer)
    response = client.post(
        url, {"text": "黑皮", "type": "name", "where": "", "reason": ""}, follow=True
    )
    assert "已遮盖 1 处。" in response.content.decode()
    assert _found(item) == [("manual", "name", "黑皮", "masked", False)]
