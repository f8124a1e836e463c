"""De-identification (去标识化, 国办发〔2016〕80号; 条例 art. 15): findings are decided one by
one, publishing waits for every decision, the public sees only the redacted text."""

import io

import pytest
from docx import Document

from gongkai.core.errors import ServiceError
from gongkai.proactive import services
from gongkai.proactive.models import PrivacyFinding, Status
from gongkai.proactive.services.privacy import attachment_public_text
from gongkai.proactive.tests.factories import PLANTED_ID, draft

pytestmark = pytest.mark.django_db

BODY = f"<p>当事人身份证号{PLANTED_ID}，联系电话13800138000。</p>"


def _submitted(handler, body=BODY):
    return services.item_submit(item=draft(handler, body=body), actor=handler)


def test_submission_scans_the_body(handler):
    item = _submitted(handler)
    found = {(f.type, f.text, f.state) for f in item.findings.all()}
    assert found == {("id_card", PLANTED_ID, "open"), ("mobile", "13800138000", "open")}


def test_open_findings_block_approval_and_publication(handler, reviewer, leader, office):
    item = _submitted(handler)
    with pytest.raises(ServiceError) as error:
        services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    assert error.value.code == "open_findings"
    ids = item.findings.get(type="id_card")
    phone = item.findings.get(type="mobile")
    services.finding_mask(finding=ids, actor=reviewer, reason="个人隐私")
    with pytest.raises(ServiceError) as error:
        services.finding_keep(finding=phone, actor=reviewer, reason="")
    assert error.value.code == "reason_required"
    services.finding_keep(finding=phone, actor=reviewer, reason="办事咨询电话，应当公开")
    services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    services.item_review(item=item, actor=leader, approve=True)
    item = services.item_publish(item=item, actor=office)
    assert PLANTED_ID not in item.public_body
    assert "440803********123X" in item.public_body
    assert "13800138000" in item.public_body
    assert PLANTED_ID in item.body  # the original stays on file
    masked = PrivacyFinding.objects.get(pk=ids.pk)
    assert (masked.state, masked.reason, masked.decided_by) == ("masked", "个人隐私", reviewer)


def test_the_drafter_cannot_decide_findings(body, unit):
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import make_staff

    drafter = make_staff(body, roles=[Role.HANDLER, Role.REVIEWER], units=[unit])
    item = _submitted(drafter)
    finding = item.findings.first()
    with pytest.raises(ServiceError):
        services.finding_mask(finding=finding, actor=drafter)
    finding.refresh_from_db()
    assert finding.state == "open"


def test_a_handler_cannot_decide_findings(handler, body):
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import make_staff

    item = _submitted(handler)
    other = make_staff(body, roles=[Role.HANDLER])
    with pytest.raises(ServiceError):
        services.finding_mask(finding=item.findings.first(), actor=other)
    assert item.findings.filter(state="open").count() == 2


def test_decisions_carry_over_when_the_text_changes(handler, reviewer):
    item = _submitted(handler)
    services.finding_mask(finding=item.findings.get(type="id_card"), actor=reviewer)
    item = services.item_review(item=item, actor=reviewer, approve=False, comment="补充说明")
    services.item_update(
        item=item, actor=handler,
        fields=services.ItemFields(title=item.title, section=item.section, body="<p>补充。</p>" + BODY),
    )  # fmt: skip
    item = services.item_submit(item=item, actor=handler)
    states = {f.type: (f.state, f.start) for f in item.findings.all()}
    assert states["id_card"][0] == "masked"
    assert states["mobile"][0] == "open"
    assert states["id_card"][1] == BODY.index(PLANTED_ID) + len("<p>补充。</p>")


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("名单.txt", f"申请人身份证号{PLANTED_ID}".encode()),
        ("名单.docx", _docx(f"申请人身份证号{PLANTED_ID}")),
    ],
)
def test_attachments_are_scanned_and_served_redacted(
    name, content, handler, reviewer, leader, office
):
    item = draft(handler, body="<p>见附件。</p>")
    attachment = services.item_attach(item=item, actor=handler, name=name, content=content)
    again = services.item_attach(item=item, actor=handler, name=name, content=content)
    assert again.pk == attachment.pk  # the same file once
    item = services.item_submit(item=item, actor=handler)
    finding = item.findings.get(attachment=attachment)
    assert finding.text == PLANTED_ID
    services.finding_mask(finding=finding, actor=reviewer)
    services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    services.item_review(item=item, actor=leader, approve=True)
    services.item_publish(item=item, actor=office)
    assert attachment_public_text(attachment) == "申请人身份证号440803********123X"


@pytest.mark.parametrize(("name", "content", "code"), [
    ("照片.jpg", b"\xff\xd8\xff", "unsupported_file"),
    ("坏.docx", b"not a zip", "unreadable_file"),
    ("空.txt", b"", "file_size"),
])  # fmt: skip
def test_unscannable_files_are_refused(name, content, code, handler):
    item = draft(handler)
    with pytest.raises(ServiceError) as error:
        services.item_attach(item=item, actor=handler, name=name, content=content)
    assert error.value.code == code
    assert item.attachments.count() == 0


def test_attachments_only_on_drafts(handler):
    item = _submitted(handler)
    assert item.status == Status.IN_REVIEW
    with pytest.raises(ServiceError) as error:
        services.item_attach(item=item, actor=handler, name="a.txt", content=b"abc")
    assert error.value.code == "not_a_draft"
