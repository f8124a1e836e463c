"""Demo content of the portal: columns mirroring 西市区's 主动公开基本目录 (seed
001_69902300cdde23ce.txt: 共性信息 机构设置、政府文件、政策解读、舆情回应、法律法规; 个性信息 部门业务信息、
重大建设项目、公共资源配置、社会公益事业), the 公开指南, and ``gongkai demo --items N``: N generated
published items for realistic volume (bench/portal.sh)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation
from gongkai.portal.generate import items_generate
from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.services import ColumnFields, column_create, guide_save, site_identity_save

LIST, PAGE, LINK = ColumnKind.LIST, ColumnKind.PAGE, ColumnKind.LINK
SYSTEM_TEXT = (
    "一、保密审查制度。坚持“先审查、后公开”和“一事一审”原则，拟公开的政府信息由承办科室起草时确定公开属性，"
    "经保密审查、领导审批后发布。\n\n"
    "二、政策解读制度。按照“谁起草、谁解读”的原则，政策文件与解读材料同步组织、同步审签、同步部署，"
    "解读材料最迟在文件公开后3个工作日内发布。\n\n"
    "三、舆情回应制度。对涉及本机关的重要政务舆情，重大突发事件5小时内发布权威信息，24小时内举行新闻发布会，"
    "其他舆情48小时内予以回应。\n\n"
    "四、依申请公开制度。申请人可当面、信函、网络等方式提出申请，本机关自收到申请之日起20个工作日内答复；"
    "需要延长的，经政府信息公开工作机构负责人同意，延长期限最长不超过20个工作日。"
)
SERVICE_TEXT = (
    "办事服务栏目集中公开政务服务事项和办事指南，包括受理部门、办理条件、办理流程、所需材料、办理时限、"
    "收费依据及标准。办事指南发生变化的，在审批通过后1个工作日内更新。\n\n"
    "户籍、出入境、交通管理等业务可到市民服务中心公安窗口办理，或通过网上办事大厅在线申请。"
)
# (slug, title, kind, parent slug, source param / text / link, on the home page)
COLUMNS = [
    ("xxgk", "政府信息公开", LINK, "", "portal:openness", False),
    ("gkzn", "政府信息公开指南", LINK, "xxgk", "portal:guide", False),
    ("gkzd", "政府信息公开制度", PAGE, "xxgk", SYSTEM_TEXT, False),
    ("fdzdgk", "法定主动公开内容", LIST, "xxgk", "", False),
    ("jgzn", "机构职能", LINK, "fdzdgk", "listings:organisation", False),
    ("qzqd", "权责清单", LINK, "fdzdgk", "listings:powers", False),
    ("zcwj", "政策文件", LIST, "fdzdgk", "policy", True),
    ("zcjd", "政策解读", LIST, "fdzdgk", "interpretation", True),
    ("yqhy", "舆情回应", LIST, "fdzdgk", "opinion_response", True),
    ("flfg", "法律法规", LIST, "fdzdgk", "laws", False),
    ("ywxx", "部门业务信息", LIST, "fdzdgk", "business", True),
    ("zdxm", "重大建设项目", LIST, "fdzdgk", "major_projects", False),
    ("ggzy", "公共资源配置", LIST, "fdzdgk", "public_resources", False),
    ("shgy", "社会公益事业", LIST, "fdzdgk", "public_welfare", False),
    ("bszn", "政务服务事项", LINK, "fdzdgk", "guides:guides", False),
    ("bmdt", "便民网上地图", LINK, "fdzdgk", "guides:map", False),
    ("zfgb", "政府公报", LINK, "fdzdgk", "guides:issues", False),
    ("zfgs", "行政执法公示", LINK, "fdzdgk", "enforcement:index", False),
    ("gkml", "主动公开目录", LINK, "xxgk", "proactive:catalog", False),
    ("ysqgk", "依申请公开", LINK, "xxgk", "foi:apply", False),
    ("ndbg", "政府信息公开年度报告", LINK, "xxgk", "reports:public_list", False),
    ("hdjl", "互动交流", LINK, "", "participation:home", False),
    ("yjzj", "意见征集", LINK, "hdjl", "participation:consultations", True),
    ("bsfw", "办事服务", PAGE, "", SERVICE_TEXT, True),
    ("sjkf", "数据开放", LINK, "", "opendata:catalog", False),
    ("dyts", "订阅推送", LINK, "", "subscriptions:subscribe", False),
]
GUIDE = {
    "classification": (
        "本机关主动公开的政府信息按照主动公开基本目录分类编排：共性信息包括机构职能、政策文件、政策解读、"
        "舆情回应、法律法规；个性信息包括部门业务信息、重大建设项目、公共资源配置、社会公益事业。"
        "每条信息标注索引号、名称、内容概述和生成日期。"
    ),
    "how_to_obtain": (
        "主动公开的政府信息可在本网站查阅、检索和下载，也可到市民服务中心公开查阅点查阅。"
        "需要获取其他政府信息的，可当面、信函或在线提交政府信息公开申请；本机关自收到申请之日起"
        "20个工作日内予以答复（《政府信息公开条例》第三十三条）。"
    ),
    "office_name": "湛江市公安局政务公开办公室",
    "address": BUREAU[3],
    "office_hours": BUREAU[5],
    "phone": BUREAU[4],
    "fax": "0759-3183111",
    "internet_contact": "本网站“依申请公开”栏目",
    "postcode": "524000",
}


# Placeholders in the official formats (all zeros): a real site states the numbers issued to it.
SITE_IDENTITY = {
    "host_name": "湛江市公安局",
    "site_code": "4408000000",
    "icp_number": "粤ICP备00000000号",
    "police_number": "粤公网安备 44080000000000号",
}


def _office_user():
    return get_user_model().objects.get(username="gongkaiban")


def _fields(slug, title, kind, parent, value, on_home, order) -> ColumnFields:
    fields = ColumnFields(title=title, slug=slug, kind=kind, order=order, show_on_home=on_home)
    fields.parent = Column.objects.get(slug=parent, site_id__isnull=True) if parent else None
    if kind == LIST:
        fields.source, fields.source_param = "proactive_section", value
    elif kind == PAGE:
        fields.body = value
    else:
        fields.link = value
    return fields


@register(70, gettext_lazy("portal columns and openness guide"))
def load_columns(context: DemoContext) -> None:
    if Column.objects.filter(slug="xxgk", site_id__isnull=True).exists():
        context.log(_("Already loaded."))
        return
    actor = _office_user()
    for order, row in enumerate(COLUMNS):
        column_create(actor=actor, fields=_fields(*row, order=order * 10))
    bureau = Organisation.objects.get(code=BUREAU[0])
    guide_save(organisation=bureau, actor=actor, values=GUIDE)
    site_identity_save(organisation=bureau, actor=actor, values=SITE_IDENTITY)
    context.log(_("%(count)d columns and the openness guide.") % {"count": len(COLUMNS)})


@register(75, gettext_lazy("generated information items (--items)"))
def load_generated_items(context: DemoContext) -> None:
    if not context.items:
        context.log(_("Skipped: no --items given."))
        return
    created = items_generate(count=context.items, actor=_office_user(), log=context.log)
    context.log(_("%(count)d generated items created.") % {"count": created})
