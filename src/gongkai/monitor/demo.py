"""Demo settings of the site monitor: the news-like column held to two weeks, the
national portal allowed as an external link, a few words an office would watch for
(spam of the kind 004_7efa1cfc17daa203.txt shows)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import DemoContext, register
from gongkai.monitor.models import AllowedHost, ColumnWatch, SensitiveWord
from gongkai.monitor.services import setting_save

ALLOWED_HOSTS = [("www.gov.cn", "中国政府网")]
WORDS = ["博彩", "六合彩", "代开发票", "蜘蛛池"]
DYNAMIC_COLUMNS = ["yqhy"]  # 舆情回应: answered within days, a news-like column


@register(90, gettext_lazy("site monitor settings"))
def load_monitor(context: DemoContext) -> None:
    from gongkai.portal.models import Column

    if SensitiveWord.objects.exists():
        context.log(_("Already loaded."))
        return
    actor = get_user_model().objects.get(username="gongkaiban")
    for host, note in ALLOWED_HOSTS:
        setting_save(actor=actor, obj=AllowedHost(host=host, note=note))
    for word in WORDS:
        setting_save(actor=actor, obj=SensitiveWord(word=word))
    for column in Column.objects.filter(slug__in=DYNAMIC_COLUMNS):
        setting_save(
            actor=actor, obj=ColumnWatch(column=column, cadence=ColumnWatch.Cadence.DYNAMIC)
        )
