"""Suggestions and proposals; incidents on the hour clocks; press conferences; counts."""

import datetime as dt
import io

import pytest
from django.utils import timezone, translation
from docx import Document

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Clock
from gongkai.participation.models import Incident, Proposal
from gongkai.participation.replyletter import reply_letter_docx
from gongkai.participation.selectors import (
    clocks_of,
    incidents_overdue,
    participation_counts,
    proposal_public_title,
)
from gongkai.participation.services import (
    incident_record,
    incident_respond,
    press_conference_record,
    proposal_assign,
    proposal_publish,
    proposal_register,
    proposal_reply,
    proposal_withhold,
)
from gongkai.participation.tests.conftest import at

pytestmark = pytest.mark.django_db


def register(office, body, number="第0123号"):
    return proposal_register(
        actor=office,
        organisation=body,
        kind=Proposal.Kind.NPC_SUGGESTION,
        session="湛江市第十五届人大五次会议",
        number=number,
        title="关于加强校园周边交通安全管理的建议",
        proposers="王代表",
        body="建议在中小学校周边增设交通标志和护学岗。",
        received_on=dt.date(2026, 3, 10),
    )


def test_proposal_register_assign_reply_publish(body, office, handler, unit):
    proposal = register(office, body)
    assert proposal.due_on == dt.date(2026, 6, 10)  # 《代表法》 art. 43: 3 months
    with pytest.raises(ServiceError) as error:
        register(office, body)
    assert error.value.code == "duplicate_proposal"
    proposal_assign(actor=office, proposal=proposal, unit=unit)
    proposal_reply(
        actor=handler,
        proposal=proposal,
        reply_text="一、已在32所学校周边设置护学岗。\n二、增设标志标线。",
        reply_summary="校园周边护学岗和交通标志建设",
        signatory="周建国",
        replied_on=dt.date(2026, 5, 20),
    )
    with translation.override("en"):
        assert proposal_public_title(proposal) == (
            "Reply to NPC deputy's suggestion No. 0123 of 湛江市第十五届人大五次会议 "
            "(summary: 校园周边护学岗和交通标志建设)"
        )
    # The number is typed as 第0123号; the Chinese wording says 第…号 once.
    assert proposal_public_title(proposal).startswith(
        "对湛江市第十五届人大五次会议第0123号人大代表建议的答复"
    ), proposal_public_title(proposal)
    with pytest.raises(PermissionDeniedError):
        proposal_publish(actor=handler, proposal=proposal)
    proposal_publish(actor=office, proposal=proposal)
    assert Proposal.objects.get().status == Proposal.Status.PUBLISHED


def test_withholding_needs_a_reason(body, office, unit):
    proposal = register(office, body)
    proposal_assign(actor=office, proposal=proposal, unit=unit)
    proposal_reply(
        actor=office, proposal=proposal, reply_text="答复", reply_summary="概要", signatory="周建国"
    )
    with pytest.raises(ServiceError) as error:
        proposal_withhold(actor=office, proposal=proposal, reason=" ")
    assert error.value.code == "reason_required"
    proposal_withhold(actor=office, proposal=proposal, reason="涉及个人隐私")
    assert Proposal.objects.get().withheld_reason == "涉及个人隐私"


def test_reply_letter_docx(body, office, unit):
    proposal = register(office, body)
    proposal_assign(actor=office, proposal=proposal, unit=unit)
    proposal_reply(
        actor=office,
        proposal=proposal,
        reply_text="第一段。\n第二段。",
        reply_summary="概要",
        signatory="周建国",
        replied_on=dt.date(2026, 5, 20),
    )
    document = Document(io.BytesIO(reply_letter_docx(proposal)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "湛江市公安局"
    assert "第一段。" in texts and "第二段。" in texts


@pytest.mark.parametrize(
    ("severity", "first_seen", "dues"),
    [
        # 国办发〔2016〕61号: 5 h authoritative information, 24 h press conference.
        ("major", "2026-11-20 08:00", ["2026-11-20 13:00", "2026-11-21 08:00"]),
        ("especially_major", "2026-11-20 22:30", ["2026-11-21 03:30", "2026-11-21 22:30"]),
        # 国办发〔2016〕61号: other incidents within 48 h (hours run on weekends too).
        ("general", "2026-11-20 18:00", ["2026-11-22 18:00"]),
    ],
)
def test_incident_clocks(body, office, severity, first_seen, dues):
    incident = incident_record(
        actor=office,
        organisation=body,
        title=f"网传“交警乱罚款”视频（{severity}）",
        source="video",
        first_seen_at=at(first_seen),
        severity=severity,
    )
    assert [c.due_at for c in clocks_of(incident)] == [at(d) for d in dues]


def test_responses_stop_clocks_and_late_ones_are_listed(body, office):
    incident = incident_record(
        actor=office,
        organisation=body,
        title="网传“交警乱罚款”视频",
        source="video",
        first_seen_at=at("2026-11-20 08:00"),
        severity="major",
    )
    incident_respond(
        actor=office, incident=incident, kind="statement", at=at("2026-11-20 12:00"), summary="通报"
    )
    states = {c.rule: c.state for c in clocks_of(incident)}
    assert states == {"incident_information": "stopped", "incident_press_conference": "running"}
    with pytest.raises(ServiceError) as error:
        incident_respond(
            actor=office, incident=incident, kind="online", at=at("2026-11-20 07:00"), summary="x"
        )
    assert error.value.code == "before_incident"
    late = incidents_overdue(office, now=at("2026-11-21 09:00"))
    assert [(i.pk, [c.rule for c in clocks]) for i, clocks in late] == [
        (incident.pk, ["incident_press_conference"])
    ]
    press_conference_record(
        actor=office,
        organisation=body,
        topic="关于网传视频的情况通报",
        held_at=at("2026-11-21 10:00"),
        speakers="公关科科长",
        incident=incident,
    )
    # Stopped after its due moment: still on the overdue list as answered late.
    clock = Clock.objects.get(rule="incident_press_conference")
    assert (clock.state, clock.is_overdue_when_stopped) == ("stopped", True)
    assert len(incidents_overdue(office, now=at("2026-11-22 09:00"))) == 1


def test_participation_counts(body, office):
    incident = incident_record(
        actor=office,
        organisation=body,
        title="一般舆情",
        source="weibo",
        first_seen_at=at("2026-11-20 08:00"),
        severity="general",
    )
    incident_respond(
        actor=office, incident=incident, kind="online", at=at("2026-11-20 10:00"), summary="回应"
    )
    press_conference_record(
        actor=office,
        organisation=body,
        topic="2026年第三季度治安形势",
        held_at=at("2026-10-15 10:00"),
        speakers="新闻发言人",
    )
    counts = participation_counts(body, 2026)
    assert counts == {
        "consultations_held": 0,
        "comments_received": 0,
        "comments_adopted": 0,
        "letters_received": 0,
        "letters_answered": 0,
        "letters_on_time": 0,
        "press_conferences": 1,
        "incidents": 1,
        "incidents_responded_on_time": 1,
    }
    assert participation_counts(body, 2025)["press_conferences"] == 0
    assert Incident.objects.get().status == Incident.Status.RESPONDED
    assert timezone.is_aware(incident.first_seen_at)
