"""Law-derived rules, table-driven, each citing its source."""

import datetime as dt

import pytest

from gongkai.core.errors import ServiceError
from gongkai.participation import law
from gongkai.participation.drafts import split_draft
from gongkai.participation.services import consultation_create, minimum_close
from gongkai.participation.services.common import add_months
from gongkai.participation.services.proposals import proposal_due_on

D = dt.date.fromisoformat


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "opens_on", "earliest", "source"),
    [
        # 国办发〔2018〕37号: 行政规范性文件 at least 7 working days; 国庆 2026 (10-01..07
        # off, Sat 10-10 worked, 《国务院办公厅关于2026年部分节假日安排的通知》).
        ("normative", "2026-09-30", "2026-10-15", "国办发〔2018〕37号"),
        ("normative", "2026-03-02", "2026-03-11", "国办发〔2018〕37号"),
        # 《优化营商环境条例》 art. 62: 30 days when closely tied to business activity
        # ("一般不少于30日", calendar days).
        ("normative_business", "2026-09-30", "2026-10-30", "《优化营商环境条例》第六十二条"),
        # 《规章制定程序条例》 art. 15: generally at least 30 days.
        ("rule", "2026-01-31", "2026-03-02", "《规章制定程序条例》第十五条"),
        # 《重大行政决策程序暂行条例》 art. 15: generally at least 30 days.
        ("major_decision", "2026-06-01", "2026-07-01", "《重大行政决策程序暂行条例》第十五条"),
    ],
)
def test_minimum_period_by_kind(kind, opens_on, earliest, source):
    assert minimum_close(kind, D(opens_on)) == (D(earliest), False)
    assert source in law.CONSULTATION_MINIMUMS[kind].source


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "opens_on", "closes_on", "reason", "ok"),
    [
        ("normative", "2026-09-30", "2026-10-14", "", False),  # one working day short
        ("normative", "2026-09-30", "2026-10-15", "", True),
        ("rule", "2026-06-01", "2026-06-30", "", False),  # 29 days
        ("rule", "2026-06-01", "2026-06-30", "涉及紧急治安管理事项，依法缩短征求意见期限", True),
        ("major_decision", "2026-06-01", "2026-07-01", "", True),
        ("major_decision", "2026-06-01", "2026-05-31", "理由", False),  # reversed
    ],
)
def test_period_is_enforced_unless_a_reason_is_stated(
    body, office, kind, opens_on, closes_on, reason, ok
):
    def create():
        return consultation_create(
            actor=office,
            organisation=body,
            title="《测试草案》",
            kind=kind,
            draft_text="第一条 测试。",
            explanation="",
            opens_on=D(opens_on),
            closes_on=D(closes_on),
            shortened_reason=reason,
        )

    if ok:
        assert create().shortened_reason == reason
    else:
        with pytest.raises(ServiceError) as error:
            create()
        assert error.value.code in ("period_too_short", "period_reversed")


def test_mailbox_defaults_are_local_practice():
    assert [(code, days) for code, _name, days in law.LETTER_CATEGORY_DEFAULTS] == [
        ("consult", 5),
        ("suggestion", 15),
        ("complaint", 15),
        ("leader", 15),
    ]
    assert law.LETTER_CATEGORY_SOURCE.startswith("地方实践")


@pytest.mark.parametrize(
    ("severity", "rules"),
    [
        # 国办发〔2016〕61号: major emergencies 5 h information, 24 h press conference.
        ("especially_major", ("incident_information", "incident_press_conference")),
        ("major", ("incident_information", "incident_press_conference")),
        # 国办发〔2016〕61号: other incidents answered within 48 h.
        ("general", ("incident_response",)),
    ],
)
def test_incident_clocks_by_severity(severity, rules):
    assert law.INCIDENT_CLOCKS[severity] == rules


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 《代表法》 art. 43: within 3 months of assignment.
        ("2026-02-10", "2026-05-10"),
        ("2026-11-30", "2027-02-28"),  # the month's last day when shorter
        ("2026-01-31", "2026-04-30"),
    ],
)
def test_proposal_reply_within_three_months(received, due):
    assert proposal_due_on(D(received)) == D(due)


def test_add_months_backwards_for_the_site_check():
    # 国办秘函〔2019〕19号: 3 months back from 2026-05-31 is 2026-02-28.
    assert add_months(D("2026-05-31"), -3) == D("2026-02-28")


def test_split_draft_into_headings_and_articles():
    parts = split_draft(
        "标题\n第一章 总则\n第一条 目的。\n第二条 范围。\n第二款内容。\n第十二条 附则。"
    )
    assert [(p.kind, p.label) for p in parts] == [
        ("heading", ""),
        ("heading", "第一章"),
        ("article", "第一条"),
        ("article", "第二条"),
        ("article", "第十二条"),
    ]
    assert parts[3].text == "第二条 范围。\n第二款内容。"


def test_split_draft_without_articles_gives_paragraphs():
    parts = split_draft("一段。\n\n二段。")
    assert [(p.kind, p.label, p.text) for p in parts] == [
        ("paragraph", "¶1", "一段。"),
        ("paragraph", "¶2", "二段。"),
    ]
