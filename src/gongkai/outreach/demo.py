"""Demo content from seed 004 (宁夏's grassroots pilot: 加强政务“两微一端”等新媒体建设; 探索建立政务
公开监督员制度 … 及时收集、处理舉報和意見建議; 探索建立“政府開放日”制度 … 讓人民群眾全方位感受政府工作的
運轉流程): 湛江市公安局's new-media accounts (loaded before the items, so each published demo
item is pushed to them), two supervisors with their observations, and three open days.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.clockmath import CHINA
from gongkai.core.demo import BUREAU, DEMO_PASSWORD, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.outreach import services
from gongkai.outreach.models import Channel, ChannelKind, OpenDay, Supervisor

CHANNELS = [
    (ChannelKind.WECHAT, "湛江公安", "gh_zhanjianggongan"),
    (ChannelKind.WEIBO, "湛江公安", "zhanjianggongan"),
    (ChannelKind.APP, "粤省事·湛江公安专区", ""),
    (ChannelKind.PROVINCIAL, "广东省人民政府门户网站·政务公开", "440800-GA"),
]
SUPERVISORS = [
    ("jdy-lin", "林国华", "湛江市人大代表", dt.date(2026, 1, 10)),
    ("jdy-huang", "黄晓梅", "赤坎区社区居民代表", dt.date(2026, 1, 10)),
]
OBSERVATIONS = [
    (
        "jdy-lin",
        "政策解读栏目部分文件未同步发布解读",
        "3月公布的《关于进一步优化户籍迁移办理的通知》在“政策解读”栏目未见对应解读材料，"
        "建议按照“谁起草谁解读”的要求补发图解或问答。",
        "感谢监督。经核查，该通知的解读材料已由户政科起草，于3个工作日内在“政策解读”栏目补发，"
        "并在政务微信、微博同步推送。",
    ),
    (
        "jdy-huang",
        "办证中心公开查阅点资料更新不及时",
        "赤坎办证中心政务公开查阅点摆放的办事指南仍为2025年版本，与网站公布的材料清单不一致。",
        "",
    ),
]


def _office():
    return StaffProfile.objects.get(user__username="gongkaiban").user


@register(35, gettext_lazy("new-media channels"))
def load_channels(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Channel.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = _office()
    for kind, name, account in CHANNELS:
        services.channel_create(
            actor=office, organisation=bureau, kind=kind, name=name, account=account
        )
    context.log(_("%(count)d new-media channels.") % {"count": len(CHANNELS)})


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=CHINA)


@register(80, gettext_lazy("openness supervisors and open days"))
def load_supervisors_and_open_days(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Supervisor.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = _office()
    supervisors = {}
    for username, name, affiliation, appointed in SUPERVISORS:
        supervisors[username] = services.supervisor_appoint(
            actor=office, organisation=bureau, username=username, full_name=name,
            password=DEMO_PASSWORD, appointed_on=appointed, affiliation=affiliation,
            term_ends_on=dt.date(2028, 1, 9),
        )  # fmt: skip
    for username, subject, body, answer in OBSERVATIONS:
        observation = services.observation_file(
            user=supervisors[username].user, subject=subject, body=body
        )
        if answer:
            services.observation_answer(actor=office, observation=observation, answer=answer)

    today = timezone.localdate()
    past_day = today - dt.timedelta(days=40)
    past = services.open_day_create(
        actor=office, organisation=bureau, title="走进湛江公安·户政服务开放日",
        description="参观办证中心和户籍业务窗口，了解户口迁移、居民身份证办理流程，"
        "现场体验“跨省通办”和自助办证设备，与户政科民警面对面交流。",
        place="湛江市公安局赤坎办证中心（军民大道）", starts_at=_at(past_day, 9),
        registration_closes_at=_at(past_day - dt.timedelta(days=2), 17), capacity=30,
    )  # fmt: skip
    visitors = [("陈志明", "13800138001"), ("吴丽华", "13800138002"), ("梁伟", "13800138003")]
    for name, phone in visitors:
        registration = services.open_day_register(
            open_day=past, name=name, phone=phone, moment=_at(past_day - dt.timedelta(days=5), 10)
        )
        services.attendance_mark(actor=office, registration=registration, attended=name != "梁伟")
    services.open_day_summary_publish(
        actor=office, open_day=past,
        summary="本次开放日共有3名群众报名，2人到场。民警介绍了户口迁移“跨省通办”和居民身份证"
        "异地受理的办理流程，群众现场体验了自助拍照、自助取证设备。群众提出的“希望延长周末窗口"
        "服务时间”的建议，已交户政科研究办理，结果将在“互动交流”栏目公开。",
    )  # fmt: skip
    next_day = today + dt.timedelta(days=14)
    upcoming = services.open_day_create(
        actor=office, organisation=bureau, title="“公民走进政府”·110指挥中心开放日",
        description="参观110接处警指挥大厅，了解警情受理、调度和反馈流程，听取政务公开工作介绍，"
        "对本局政务公开和政务服务工作进行现场评议。",
        place="湛江市公安局指挥中心", starts_at=_at(next_day, 14),
        registration_closes_at=_at(next_day - dt.timedelta(days=2), 17), capacity=40,
    )  # fmt: skip
    services.open_day_register(open_day=upcoming, name="李雪", phone="13900139001")
    small = services.open_day_create(
        actor=office, organisation=bureau, title="交通管理开放日·车管所业务体验",
        description="体验机动车登记和驾驶证业务办理流程（名额有限）。",
        place="湛江市公安局交通警察支队车辆管理所", starts_at=_at(next_day + dt.timedelta(days=3), 9),
        registration_closes_at=_at(next_day, 17), capacity=2,
    )  # fmt: skip
    for name, phone in (("周敏", "13700137001"), ("何军", "13700137002")):
        services.open_day_register(open_day=small, name=name, phone=phone)
    context.log(
        _("%(supervisors)d supervisors, %(open_days)d open days.")
        % {"supervisors": len(SUPERVISORS), "open_days": OpenDay.objects.count()}
    )
