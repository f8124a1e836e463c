"""Demo content: 湛江市公安局's notices to its own staff, in the categories seed 004 names
(人事任免, 财务情况, 考核评议, 后勤管理: "政务公开栏 … 对内人事任免信息、财务情况、考核评议、后勤管理").
The names and figures are illustrative."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.internal.law import Category
from gongkai.internal.models import InternalNotice
from gongkai.internal.services import notice_publish

NOTICES = [
    (Category.APPOINTMENTS, "关于林志强等同志任职前公示的通知",
     "根据干部选拔任用工作有关规定，经局党委研究，拟对下列同志予以任用，现予公示。公示期间，"
     "干部职工可通过来信、来电、来访等方式向局政治处反映情况。联系电话：0759-3183125。",
     "姓名\t现任职务\t拟任职务\n林志强\t户政科副科长\t户政科科长\n陈海燕\t指挥中心一级警长\t指挥中心副主任", 5),
    (Category.FINANCE, "2025年度局机关财务收支情况公开",
     "现将2025年度局机关财务收支情况向全体干部职工公开。如有疑问，请向装财科咨询。",
     "项目\t金额（万元）\n财政拨款收入\t106303.77\n其他收入\t5594.94\n基本支出\t77873.38\n项目支出\t34025.33", None),
    (Category.ASSESSMENTS, "2025年度公务员考核优秀等次人员名单",
     "经各单位民主推荐、考核委员会审核、局党委审定，下列同志2025年度考核确定为优秀等次，现予公开。",
     "单位\t姓名\n法制支队\t陈国强\n户政科\t黄丽娟\n网警支队\t李伟明", 5),
    (Category.LOGISTICS, "关于机关食堂调整就餐时间的通知",
     "自2026年12月15日起，机关食堂午餐时间调整为11:45至13:00，请各单位相互转告。", "", None),
]  # fmt: skip


@register(57, gettext_lazy("internal disclosure"))
def load_internal(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if InternalNotice.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    for category, title, body, table, days in NOTICES:
        ends_on = timezone.localdate() + dt.timedelta(days=days) if days else None
        notice_publish(
            actor=office, organisation=bureau, category=category, title=title, body=body,
            table_text=table, ends_on=ends_on,
        )  # fmt: skip
    context.log(_("%(count)d internal notices.") % {"count": len(NOTICES)})
