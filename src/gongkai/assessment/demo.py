"""Demo content: seed 000's 重点任务分解表 (湛江市公安局 2017, 23 tasks) imported through the
preview (警校 mapped once to 政治处), progress reported by units, this year's assessment
under seed 003's 50-point scheme (last year's made final in January), a few enquiries by channel and a training record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

from gongkai.assessment import services
from gongkai.assessment.law import Channel, TrainingKind
from gongkai.assessment.models import Plan, Task
from gongkai.core.clockmath import CHINA
from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation

SEED_000 = (
    Path(__file__).resolve().parents[1]
    / "proactive"
    / "data"
    / "seeds"
    / "000_d237d29389c3506f.txt"
)
PLAN_TITLE = "湛江市公安局全面推进政务公开工作实施方案（2017年）重点任务分解"
# Tasks the units completed (number, unit code, progress, evidence link).
COMPLETED = [
    (
        2,
        "fzzd",
        "已印发《政策解读工作规定》，明确“谁起草、谁解读”，解读与文件同步审签、同步发布。",
        "/xxgk/",
    ),
    (4, "zzc", "权责清单已在门户网站公布，建立动态调整公开机制。", "/xxgk/powers/"),
    (10, "ggk", "重点领域信息公开专栏已建成并按月更新。", "/xxgk/"),
    (20, "ggk", "制定政务公开负面清单，实行先审查、后公开、一事一审。", ""),
]
ENQUIRIES = [
    (Channel.HOTLINE_96128, "户口迁移办理条件"),
    (Channel.HOTLINE_96128, "户口迁移办理条件"),
    (Channel.HOTLINE_12345, "居民身份证异地换领"),
    (Channel.COUNTER, "出入境证件办理材料"),
    (Channel.COUNTER, "户口迁移办理条件"),
    (Channel.HOTLINE_8890, "车辆落户"),
]


@register(70, gettext_lazy("work plans and assessment"))
def load(context: DemoContext) -> None:
    if Plan.objects.exists() or not SEED_000.exists():
        return
    bureau = Organisation.objects.get(code=BUREAU[0])
    users = get_user_model().objects.filter(
        username__in=["gongkaiban", "fazhi", "gongguan", "baomi"]
    )
    staff = {u.username: u for u in users}
    office = staff["gongkaiban"]
    units = {o.code: o for o in Organisation.objects.filter(parent=bureau)}
    upload = services.plan_import_upload(
        actor=office, organisation=bureau, title=PLAN_TITLE, year=2017,
        file_name=SEED_000.name, content=SEED_000.read_bytes(),
    )  # fmt: skip
    services.unit_alias_set(actor=office, organisation=bureau, name="警校", target=units["zzc"])
    plan = services.plan_import_apply(actor=office, upload=upload)
    reporters = {"fzzd": staff["fazhi"], "ggk": staff["gongguan"], "zzc": staff["baomi"]}
    for number, code, text, link in COMPLETED:
        task = Task.objects.get(plan=plan, number=number)
        services.progress_report(
            actor=reporters[code], task=task, organisation=units[code], text=text,
            evidence_url=link, completes=True,
        )  # fmt: skip
    year = timezone.localdate().year
    rubric = services.rubric_create(
        actor=office, organisation=bureau, year=year, template="yunnan2017"
    )
    manual = rubric.indicators.get(kind="notices")
    services.deduction_add(
        actor=office, indicator=manual, organisation=units["hzk"], points=Decimal("1"),
        reason="户籍业务办事指南变更后未在1个工作日内更新（督查通报）", evidence_url="/xxgk/",
    )  # fmt: skip
    # Last year's assessment, made final by the office in January (定稿).
    last = services.rubric_create(
        actor=office, organisation=bureau, year=year - 1, template="yunnan2017"
    )
    services.assessment_freeze(
        actor=office,
        rubric=last,
        now=min(timezone.now(), dt.datetime(year, 1, 20, 10, tzinfo=CHINA)),
    )
    today = timezone.localdate()
    for offset, (channel, topic) in enumerate(ENQUIRIES):
        services.enquiry_record(
            actor=office, organisation=bureau, channel=channel, topic=topic,
            received_on=today - dt.timedelta(days=offset),
        )  # fmt: skip
    services.training_record(
        actor=office, organisation=bureau, kind=TrainingKind.TRAINING,
        title="政务公开业务培训（政府信息公开条例解读）", held_on=dt.date(year, 6, 18),
        attendees=46, note="政治处、警校组织",
    )  # fmt: skip
    context.log(f"  {plan.tasks.count()} plan tasks, rubric {rubric.year}")
