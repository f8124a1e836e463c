"""Channels and pushes, supervisors and observations, open days: the services and the
yearly report's figures."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Role, TaskFailure
from gongkai.core.tests.factories import make_staff
from gongkai.outreach import selectors, services
from gongkai.outreach.models import ChannelKind, Push, PushState

pytestmark = pytest.mark.django_db


class FailingSender:
    calls = 0

    def push(self, **kwargs):
        FailingSender.calls += 1
        from gongkai.outreach.senders import ChannelError

        raise ChannelError("接口超时")


class CollectingSender:
    posts: list = []

    def push(self, **kwargs):
        CollectingSender.posts.append(kwargs)
        return f"wx-{len(CollectingSender.posts)}"


@pytest.fixture
def channels(body, office):
    return [
        services.channel_create(actor=office, organisation=body, kind=ChannelKind.WECHAT,
                                name="平安湛江", account="gh_zjga")
        ,
        services.channel_create(actor=office, organisation=body, kind=ChannelKind.WEIBO,
                                name="湛江公安"),
    ]  # fmt: skip


def test_a_published_item_is_pushed_once_to_each_active_channel(body, office, channels, publish,
                                                                settings):  # fmt: skip
    settings.GONGKAI_CHANNEL_SENDER = "gongkai.outreach.tests.test_services.CollectingSender"
    CollectingSender.posts = []
    services.channel_set_active(actor=office, channel=channels[1], active=False)
    item = publish(title="关于户籍业务办理的通知")
    [push] = Push.objects.all()
    assert push.channel == channels[0] and push.state == PushState.SENT
    assert push.remote_id == "wx-1" and push.attempts == 1
    [post] = CollectingSender.posts
    assert post["kind"] == "wechat" and post["account"] == "gh_zjga"
    assert post["title"] == "关于户籍业务办理的通知"
    assert post["url"] == f"https://gongkai.example.cn/xxgk/{item.pk}/"
    # Pushing the same item again adds nothing.
    assert services.pushes_create(item=item) == []
    assert LedgerEntry.objects.filter(action="outreach.push_sent").count() == 1


def test_a_failing_channel_is_retried_a_bounded_number_of_times(body, channels, publish,
                                                               settings, office):  # fmt: skip
    settings.GONGKAI_CHANNEL_SENDER = "gongkai.outreach.tests.test_services.FailingSender"
    FailingSender.calls = 0
    publish()
    pushes = Push.objects.order_by("pk")
    assert [p.state for p in pushes] == [PushState.FAILED, PushState.FAILED]
    assert [p.attempts for p in pushes] == [services.PUSH_MAX_ATTEMPTS] * 2
    assert FailingSender.calls == 2 * services.PUSH_MAX_ATTEMPTS
    assert pushes[0].last_error == "接口超时"
    assert TaskFailure.objects.count() == 2  # the office sees them
    # The office sends one again once the platform is back.
    settings.GONGKAI_CHANNEL_SENDER = "gongkai.outreach.senders.RecordingSender"
    retried = services.push_retry(actor=office, push=pushes[0])
    assert retried.state == PushState.SENT and retried.remote_id == "recorded:wechat:gh_zjga"
    with pytest.raises(ServiceError):
        services.push_retry(actor=office, push=retried)


def test_channels_are_the_office_s(body, handler):
    with pytest.raises(PermissionDeniedError):
        services.channel_create(actor=handler, organisation=body, kind="wechat", name="x")


def test_report_counts_new_media_from_pushes_not_words(body, channels, publish):
    publish(title="甲", carriers="政府网站")  # no new-media word, still pushed
    counts = selectors.new_media_counts(body, timezone.localdate().year)
    assert counts["items_new_media"] == 1
    assert counts["new_media_posts"] == 2
    assert counts["new_media_accounts"] == 2
    assert selectors.new_media_counts(body, 2020)["items_new_media"] == 0


def test_report_provider_registry_takes_new_media_from_outreach(body, channels, publish):
    from gongkai.reports import providers

    publish(title="甲", carriers="政府网站")
    publish(title="乙", carriers="政府网站、两微一端")
    found, absent = providers.figures(body, timezone.localdate().year)
    assert "outreach" not in absent
    assert found["items_new_media"] == 2  # the words alone would say 1
    assert found["new_media_posts"] == 4


@pytest.fixture
def supervisor(body, office):
    return services.supervisor_appoint(
        actor=office, organisation=body, username="jdy-li", full_name="李明",
        password="jiandu-2026-secret", appointed_on=dt.date(2026, 1, 5),
        affiliation="县人大代表",
    )  # fmt: skip


def test_supervisor_files_and_the_office_answers(body, office, supervisor):
    user = supervisor.user
    assert not user.is_staff and not hasattr(user, "staff_profile")
    observation = services.observation_file(
        user=user, subject="政策解读栏目更新不及时", body="3月发布的两份文件未见解读。"
    )
    answered = services.observation_answer(
        actor=office, observation=observation, answer="已督促承办科室3个工作日内补发解读。"
    )
    assert answered.state == "answered" and answered.answered_by == office
    with pytest.raises(ServiceError):
        services.observation_answer(actor=office, observation=observation, answer="再次答复")
    counts = selectors.new_media_counts(body, timezone.localdate().year)
    assert counts["supervisor_observations"] == 1
    assert counts["supervisor_observations_answered"] == 1
    assert counts["supervisors"] == 1
    actions = list(LedgerEntry.objects.filter(action__startswith="outreach.").values_list(
        "action", flat=True).order_by("seq"))  # fmt: skip
    assert actions == [
        "outreach.supervisor_appoint",
        "outreach.observation_file",
        "outreach.observation_answer",
    ]


def test_only_serving_supervisors_file(body, office, supervisor):
    other = make_staff(body, roles=[Role.HANDLER], username="someone")
    with pytest.raises(PermissionDeniedError):
        services.observation_file(user=other, subject="x", body="y")
    services.supervisor_dismiss(actor=office, supervisor=supervisor)
    assert not get_user_model().objects.get(pk=supervisor.user_id).is_active
    with pytest.raises(PermissionDeniedError):
        services.observation_file(user=supervisor.user, subject="x", body="y")


@pytest.fixture
def open_day(body, office):
    start = timezone.now() + dt.timedelta(days=10)
    return services.open_day_create(
        actor=office, organisation=body, title="走进公安局·政府开放日", description="参观户籍大厅。",
        place="湛江市公安局办证中心", starts_at=start,
        registration_closes_at=start - dt.timedelta(days=1), capacity=2,
    )  # fmt: skip


def test_registration_stops_at_capacity_with_a_clear_message(open_day):
    first = services.open_day_register(open_day=open_day, name="王芳", phone="13800138000")
    assert first.code.startswith("KFR")
    with pytest.raises(ServiceError) as again:
        services.open_day_register(open_day=open_day, name="王芳", phone="138-0013-8000")
    assert again.value.message == "该手机号码已报名本次开放日。"
    services.open_day_register(open_day=open_day, name="陈刚", phone="13900139000")
    with pytest.raises(ServiceError) as full:
        services.open_day_register(open_day=open_day, name="赵敏", phone="13700137000")
    assert full.value.code == "full"
    assert full.value.message == "很抱歉，2 个名额已全部报满，请关注下一次开放日。"
    open_day.refresh_from_db()
    assert open_day.registered == 2 and open_day.registrations.count() == 2


def test_registration_closes_on_time(open_day):
    with pytest.raises(ServiceError) as error:
        services.open_day_register(open_day=open_day, name="王芳", phone="13800138000",
                                   moment=open_day.registration_closes_at)  # fmt: skip
    assert error.value.code == "registration_closed"


def test_attendance_and_summary_are_counted(body, office, open_day):
    registration = services.open_day_register(open_day=open_day, name="王芳", phone="13800138000")
    services.attendance_mark(actor=office, registration=registration, attended=True)
    with pytest.raises(ServiceError):  # not held yet
        services.open_day_summary_publish(actor=office, open_day=open_day, summary="x")
    open_day.starts_at = timezone.now() - dt.timedelta(hours=1)
    open_day.save(update_fields=["starts_at"])
    published = services.open_day_summary_publish(
        actor=office, open_day=open_day, summary="共接待群众1人。"
    )
    assert published.summary_published_at is not None
    year = open_day.starts_at.astimezone(CHINA).year
    counts = selectors.new_media_counts(body, year)
    assert counts["open_days"] == 1 and counts["open_day_visitors"] == 1
