"""Demo content: a realistic bureau modelled on 湛江市公安局's 2017 plan
(proactive/data/seeds/000_d237d29389c3506f.txt), created through the services so the
ledger holds its entries.

Loading is idempotent: each loader checks what exists first. Other apps add
their own content by defining ``demo.py`` with ``register``-ed loaders; the
``demo`` command runs them all in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Clock, Organisation, Role, StaffProfile
from gongkai.core.services import (
    clock_extend,
    clock_pause,
    clock_start,
    organisation_create,
    staff_create,
)
from gongkai.core.validators import credit_code_check_character

DEMO_PASSWORD = "gongkai-demo"  # noqa: S105 - printed by `make serve`; demo installs only


@dataclass
class DemoContext:
    log: Callable[[str], None]
    items: int = 0


Loader = Callable[["DemoContext"], None]
_LOADERS: list[tuple[int, StrOrPromise, Loader]] = []


def register(order: int, name: StrOrPromise) -> Callable[[Loader], Loader]:
    def decorator(loader: Loader) -> Loader:
        _LOADERS.append((order, name, loader))
        return loader

    return decorator


def loaders() -> list[tuple[int, StrOrPromise, Loader]]:
    return sorted(_LOADERS, key=lambda entry: entry[0])


def credit_code(first17: str) -> str:
    return first17 + credit_code_check_character(first17)


BUREAU = (
    "zjga",
    "湛江市公安局",
    "11440800007013",
    "湛江市赤坎区军民大道（湛江市公安局）",
    "0759-3183110",
    "工作日 8:00–12:00，14:30–17:30",
)
UNITS = [
    ("gkb", "政务公开办公室"),
    ("fzzd", "法制支队"),
    ("ggk", "公关科"),
    ("zck", "装财科"),
    ("zzc", "政治处"),
    ("ymywb", "一门一网办"),
    ("hzk", "户政科"),
    ("xtk", "信通科"),
    ("zhzx", "指挥中心"),
    ("wj", "网警支队"),
]
COUNTY_BUREAUS = [
    ("ljga", "廉江市公安局", "11440881007013"),
    ("lzga", "雷州市公安局", "11440882007013"),
    ("wcga", "吴川市公安局", "11440883007013"),
    ("sxga", "遂溪县公安局", "11440823007013"),
    ("xwga", "徐闻县公安局", "11440825007013"),
    ("ckfj", "湛江市公安局赤坎分局", "11440802007013"),
    ("xsfj", "湛江市公安局霞山分局", "11440803007013"),
]
# (username, full name, roles, units)
STAFF = [
    ("admin", "系统管理员", [Role.ADMIN], []),
    ("gongkaiban", "林晓燕", [Role.OFFICE], ["gkb"]),
    ("fazhi", "陈国强", [Role.HANDLER], ["fzzd"]),
    ("huzheng", "黄丽娟", [Role.HANDLER], ["hzk"]),
    ("gongguan", "吴志明", [Role.HANDLER], ["ggk"]),
    ("baomi", "梁振华", [Role.REVIEWER], ["zzc"]),
    ("lingdao", "周建国", [Role.LEADER], []),
]


@register(10, gettext_lazy("organisations and staff"))
def load_organisations(context: DemoContext) -> None:
    if Organisation.objects.filter(code=BUREAU[0]).exists():
        context.log(_("Already loaded."))
        return
    code, name, prefix, address, phone, hours = BUREAU
    bureau = organisation_create(
        actor=None,
        name=name,
        code=code,
        credit_code=credit_code(prefix + "000"),
        address=address,
        phone=phone,
        office_hours=hours,
    )
    units = {
        unit_code: organisation_create(
            actor=None,
            name=unit_name,
            code=unit_code,
            kind=Organisation.Kind.UNIT,
            parent=bureau,
        )
        for unit_code, unit_name in UNITS
    }
    for body_code, body_name, body_prefix in COUNTY_BUREAUS:
        organisation_create(
            actor=None,
            name=body_name,
            code=body_code,
            parent=bureau,
            credit_code=credit_code(body_prefix + "000"),
        )
    for username, full_name, roles, unit_codes in STAFF:
        staff_create(
            actor=None,
            username=username,
            full_name=full_name,
            organisation=bureau,
            roles=roles,
            units=[units[c] for c in unit_codes],
            password=DEMO_PASSWORD,
        )
    context.log(
        _("%(organisations)d organisations, %(staff)d staff accounts.")
        % {"organisations": Organisation.objects.count(), "staff": len(STAFF)}
    )


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=CHINA)


@register(20, gettext_lazy("time limits"))
def load_clocks(context: DemoContext) -> None:
    """A handful of clocks around today, so the workbench shows every colour."""
    if Clock.objects.filter(label__startswith="【示例】").exists():
        context.log(_("Already loaded."))
        return
    bureau = Organisation.objects.get(code=BUREAU[0])
    units = {o.code: o for o in Organisation.objects.filter(parent=bureau)}
    handlers = {p.user.username: p.user for p in StaffProfile.objects.select_related("user")}
    today = timezone.localdate()
    plan = [
        (
            "interpretation",
            "【示例】《湛江市公安局全面推进政务公开工作实施方案》政策解读",
            "ggk",
            "gongguan",
            today - dt.timedelta(days=9),
        ),
        (
            "proactive_publish",
            "【示例】2017年重大行政决策事项目录 主动公开",
            "fzzd",
            "fazhi",
            today - dt.timedelta(days=26),
        ),
        (
            "proactive_publish",
            "【示例】户籍业务办事指南更新 主动公开",
            "hzk",
            "huzheng",
            today - dt.timedelta(days=20),
        ),
        (
            "foi_reply",
            "【示例】关于某路段交通违法处罚依据的信息公开申请 答复期限",
            "fzzd",
            "fazhi",
            today - dt.timedelta(days=12),
        ),
        (
            "foi_reply",
            "【示例】关于户籍迁移政策文件的信息公开申请 答复期限",
            "hzk",
            "huzheng",
            today - dt.timedelta(days=3),
        ),
        (
            "incident_response",
            "【示例】网传“交警乱罚款”视频舆情回应",
            "ggk",
            "gongguan",
            today - dt.timedelta(days=1),
        ),
    ]
    for rule, label, unit, handler, start in plan:
        clock_start(
            actor=None,
            rule=rule,
            label=label,
            organisation=bureau,
            unit=units[unit],
            handler=handlers[handler],
            started_at=_at(start),
        )
    extended = Clock.objects.get(label=plan[3][1])
    clock_extend(
        clock=extended,
        actor=handlers["fazhi"],
        days=20,
        approved_by=handlers["gongkaiban"],
        at=_at(today - dt.timedelta(days=2), 15),
        note="需调取多个大队执法记录，经公开办负责人批准延期",
    )
    paused = Clock.objects.get(label=plan[4][1])
    clock_pause(
        clock=paused,
        actor=handlers["huzheng"],
        at=_at(today - dt.timedelta(days=1), 11),
        note="征求第三方意见（条例第三十二条）",
    )
    context.log(_("%(count)d time limits.") % {"count": len(plan)})
