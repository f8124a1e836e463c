"""Demo: the demo bureau's yearly report for 2025, generated from the demo applications
(loaded by foi's demo before this one), checked and published on the portal."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation
from gongkai.reports.models import YearlyReport

DEMO_YEAR = 2025
PROBLEMS = (
    "一是政策解读形式较为单一，图解、视频等多元化解读比例不高；二是依申请公开办理中个别申请"
    "答复用时偏长。下一步，本局将丰富解读形式，加强承办科室培训，严格落实答复期限。"
)


@register(60, gettext_lazy("yearly report"))
def load_yearly_report(context: DemoContext) -> None:
    from django.contrib.auth import get_user_model

    from gongkai.reports.services import (
        report_generate,
        report_publish,
        report_request_sign_off,
        report_sign_off,
        report_update_prose,
    )

    bureau = Organisation.objects.filter(code=BUREAU[0]).first()
    if bureau is None:
        context.log(_("The demo bureau is not loaded."))
        return
    existing = YearlyReport.objects.filter(organisation=bureau, year=DEMO_YEAR).first()
    if existing is not None and existing.is_published:
        context.log(_("Already loaded."))
        return
    report = report_generate(organisation=bureau, year=DEMO_YEAR, actor=None)
    report = report_update_prose(
        report=report,
        actor=None,
        overview=report.overview,
        problems=PROBLEMS,
        other_matters=report.other_matters,
    )
    # 领导审签 before publication, as the office and the director would.
    users = get_user_model().objects
    report = report_request_sign_off(report=report, actor=users.get(username="gongkaiban"))
    report = report_sign_off(report=report, actor=users.get(username="lingdao"), approve=True)
    report = report_publish(report=report, actor=users.get(username="gongkaiban"))
    context.log(
        _("The %(year)d yearly report of %(body)s: %(received)d applications received.")
        % {
            "year": DEMO_YEAR,
            "body": bureau.name,
            "received": report.tables["section3"]["received"]["total"],
        }
    )
