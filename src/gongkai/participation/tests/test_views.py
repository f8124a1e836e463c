"""Pages: permissions (anonymous / public user / staff without the right / with it),
bad input on public forms, and pinned query counts on list pages."""

import pytest
from django.urls import reverse

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.participation.models import Comment, Letter
from gongkai.participation.services import letter_categories_ensure, letter_submit
from gongkai.participation.tests.conftest import counts
from gongkai.participation.tests.factories import CommentFactory, ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(body):
    consultation = ConsultationFactory(organisation=body)
    from gongkai.participation.drafts import split_draft
    from gongkai.participation.models import Provision

    for n, part in enumerate(split_draft(consultation.draft_text), start=1):
        Provision.objects.create(
            consultation=consultation, position=n, kind=part.kind, label=part.label, text=part.text
        )
    return consultation


@pytest.fixture
def letter(body):
    category = letter_categories_ensure(organisation=body)[0]
    return letter_submit(
        category=category,
        subject="户籍",
        body="问题",
        writer_name="李四",
        writer_phone="13800000000",
    ).letter


STAFF_PAGES = [
    ("participation:wb_consultations", False),
    ("participation:wb_letters", False),
    ("participation:wb_dashboard", False),
    ("participation:wb_proposals", False),
    ("participation:wb_incidents", False),
    ("participation:wb_press", False),
    ("participation:wb_categories", True),
    ("participation:wb_words", True),
]


@pytest.mark.parametrize(("name", "office_only"), STAFF_PAGES)
def test_workbench_page_permissions(
    client, body, public_user, reviewer, handler, office, name, office_only
):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(public_user)
    assert client.get(url).status_code == 404
    client.force_login(reviewer)
    assert client.get(url).status_code == 404
    client.force_login(handler)
    assert client.get(url).status_code == (404 if office_only else 200)
    client.force_login(office)
    assert client.get(url).status_code == 200


def test_letter_page_and_action_scoping(
    client, letter, public_user, reviewer, handler, office, unit
):
    url = reverse("participation:wb_letter", args=[letter.pk])
    answer = reverse("participation:wb_letter_action", args=[letter.pk, "answer"])
    before = counts()
    assert client.post(answer, {"reply": "答复"}).status_code == 302
    for user in (public_user, reviewer, handler):  # the handler's unit is not assigned yet
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(answer, {"reply": "答复"}).status_code == 404
    assert counts() == before
    assert Letter.objects.get().status == Letter.Status.RECEIVED
    client.force_login(office)
    client.post(
        reverse("participation:wb_letter_action", args=[letter.pk, "assign"]),
        {"assign-unit": unit.pk},
    )
    client.force_login(handler)
    assert client.get(url).status_code == 200
    client.post(answer, {"reply": "请携带户口簿办理。"})
    assert Letter.objects.get().status == Letter.Status.ANSWERED


def test_letter_page_shows_the_actions_the_transition_module_grants(
    client, body, letter, handler, office, unit
):
    """The office sees every form of a received letter; after assignment the unit's handler
    sees only answer and forward; a leader reads the page and acts on nothing."""
    leader = make_staff(body, roles=[Role.LEADER])
    url = reverse("participation:wb_letter", args=[letter.pk])
    forms = {
        name: f'action="{reverse("participation:wb_letter_action", args=[letter.pk, name])}"'
        for name in ("assign", "forward", "answer", "invalid", "publish")
    }

    def shown(user) -> set[str]:
        client.force_login(user)
        html = client.get(url).content.decode()
        return {name for name, marker in forms.items() if marker in html}

    assert shown(office) == {"assign", "answer", "invalid"}
    assert shown(leader) == set()
    client.force_login(office)
    client.post(forms["assign"].split('"')[1], {"assign-unit": unit.pk})
    assert shown(handler) == {"forward", "answer"}
    assert shown(office) == {"assign", "forward", "answer", "invalid"}


def test_comment_decision_needs_scope(client, consultation, reviewer, office):
    comment = CommentFactory(consultation=consultation)
    url = reverse("participation:wb_comment_action", args=[comment.pk, "decide"])
    client.force_login(reviewer)
    assert client.post(url, {"decision": "adopted"}).status_code == 404
    assert Comment.objects.get().decision == "pending"
    client.force_login(office)
    client.post(url, {"decision": "adopted"})
    assert Comment.objects.get().decision == "adopted"


def test_public_comment_form(client, consultation):
    url = reverse("participation:consultation", args=[consultation.pk])
    article = consultation.provisions.get(label="第二条")
    page = client.get(url, {"provision": article.pk})
    assert page.status_code == 200
    assert f'<option value="{article.pk}" selected>' in page.content.decode()
    response = client.post(url, {"provision": article.pk, "body": "建议明确适用范围。"})
    assert response.status_code == 302
    assert Comment.objects.get().provision == article
    again = client.post(url, {"provision": article.pk, "body": "建议明确适用范围。"})
    assert again.status_code == 200
    assert Comment.objects.count() == 1
    assert "duplicate" not in again.content.decode()  # a message, not a code
    empty = client.post(url, {"body": ""})
    assert empty.status_code == 200
    assert Comment.objects.count() == 1


def test_comment_page_query_count(client, consultation, django_assert_max_num_queries):
    for _n in range(120):
        CommentFactory(consultation=consultation)
    url = reverse("participation:comments", args=[consultation.pk])
    with django_assert_max_num_queries(6):
        response = client.get(url, {"page": 2})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 120
    assert len(response.context["page"].object_list) == 50


def test_staff_lists_query_counts(
    client, office, letter, consultation, django_assert_max_num_queries
):
    client.force_login(office)
    for name in (
        "participation:wb_letters",
        "participation:wb_consultations",
        "participation:wb_incidents",
        "participation:wb_proposals",
    ):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name)).status_code == 200


def test_write_and_follow_a_letter(client, body):
    write = reverse("participation:letter_write")
    page = client.get(write)
    category = page.context["form"].fields["category"].choices[0][0]
    data = {
        "category": category,
        "subject": "出入境证件办理",
        "body": "请问港澳通行证续签流程？",
        "writer_name": "王五",
        "writer_phone": "13900000000",
    }
    sent = client.post(write, data)
    assert sent.status_code == 200
    code, secret = sent.context["letter"].code, sent.context["secret"]
    repeat = client.post(write, data)
    assert repeat.context["form"].non_field_errors()
    assert Letter.objects.count() == 1
    follow = client.post(reverse("participation:letter_follow"), {"code": code, "secret": secret})
    assert follow.context["letter"].code == code
    wrong = client.post(reverse("participation:letter_follow"), {"code": code, "secret": "x"})
    assert wrong.context["letter"] is None


def test_public_pages_render(client, consultation):
    for name in (
        "participation:home",
        "participation:consultations",
        "participation:letters_public",
        "participation:proposals",
    ):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("participation:report", args=[consultation.pk])).status_code == 404


def test_office_opens_the_comment_moderation_page(client, office, consultation):
    """The "意见 (N)" link used to answer 405: the action route took "comments" as an action."""
    comment = CommentFactory(consultation=consultation, body="建议延长征求意见期限")
    client.force_login(office)
    response = client.get(reverse("participation:wb_comments", args=[consultation.pk]))
    assert response.status_code == 200
    assert comment.body in response.content.decode()


def test_comment_form_names_each_article_once(consultation):
    from gongkai.participation.forms import CommentForm

    form = CommentForm(provisions=list(consultation.provisions.all()))
    labels = [str(label) for _value, label in form.fields["provision"].choices[1:]]
    assert labels, "the draft has articles"
    for label in labels:
        first = label.split(" ", 1)[0]
        assert label.count(first) == 1, label


@pytest.mark.parametrize(
    ("opens", "closes", "accepting", "message"),
    [
        (0, 0, True, None),  # a one-day period that is today
        (-3, 0, True, None),  # the last day still counts
        (1, 5, False, "起接收意见"),  # opened early by staff: not yet
        (-5, -1, False, "不在征求意见期内"),
    ],
)
def test_consultation_page_accepts_comments_exactly_in_its_period(
    client, consultation, opens, closes, accepting, message
):
    import datetime as dt

    from django.utils import timezone

    from gongkai.participation.models import Consultation

    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        status=Consultation.Status.OPEN,
        opens_on=today + dt.timedelta(days=opens),
        closes_on=today + dt.timedelta(days=closes),
    )
    page = client.get(reverse("participation:consultation", args=[consultation.pk])).content
    page = page.decode()
    assert ('id="comment-form"' in page) is accepting
    if message:
        assert message in page


def test_a_refusal_shows_once_on_the_new_consultation_page(client, body, unit, office):
    """The page draws the refusal in its alert; the form below must not draw it again."""
    client.force_login(office)
    data = {"title": "征求意见稿", "kind": "normative", "unit": unit.pk, "opens_on": "2026-03-10",
            "closes_on": "2026-03-01", "draft_text": "第一条 内容。"}  # fmt: skip
    page = client.post(reverse("participation:wb_consultation_new"), data).content.decode()
    refusal = page.split('role="alert"><ul class="errorlist nonfield"><li>')[1].split("<")[0]
    assert refusal and page.count(refusal) == 1
