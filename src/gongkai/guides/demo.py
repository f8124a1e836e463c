"""Demo content for 湛江市公安局: service guides (户籍, 出入境, 交通管理, 治安) with their real
legal bases, linked to the powers list where one exists; service points in 湛江 (GCJ-02
coordinates read off a Chinese web map, rounded: plausible, not surveyed); a gazette
collecting the bureau's normative documents. Everything through the services.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from gongkai.core.clockmath import CHINA
from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.guides import gazette, places, services
from gongkai.guides.law import FileKind, MaterialForm, OnlineDepth, PointKind
from gongkai.guides.models import GazetteIssue, Guide, ServicePoint
from gongkai.guides.pdf import FONT, register_font
from gongkai.listings.models import Power

O, C, B, E = (  # noqa: E741 - short names keep the GUIDES table readable
    MaterialForm.ORIGINAL,
    MaterialForm.COPY,
    MaterialForm.ORIGINAL_AND_COPY,
    MaterialForm.ELECTRONIC,
)  # noqa: E741
HALL = "湛江市民服务中心公安综合窗口（湛江市开发区人民大道中）"
HOURS = "周一至周五 8:30–12:00，14:30–17:30（法定节假日除外）"
ENQUIRY, COMPLAINT = "0759-3183110", "0759-12345"
PUBLISHED_ON = dt.date(2026, 3, 2)
FIRST = "按照广东省政务服务事项实施清单编制要求首次公布"

# (code, name, power code, bases, conditions, materials, steps, legal, promised, visits,
#  depth, fee (standard, basis) or None)
GUIDES = [
    ("440800-GA-BS-001", "出生登记", "440800-GA-QR-001",
     [("中华人民共和国户口登记条例", "第七条")],
     "在本市出生、父母一方为本市常住户口的婴儿，出生后一个月以内由户主、亲属、抚养人或者邻居申报出生登记。",
     [("出生医学证明", 1, O, ""), ("父亲或母亲的居民户口簿", 1, O, ""),
      ("父母双方居民身份证", 1, B, ""), ("父母结婚证", 1, B, "非婚生育的免交，另附情况说明")],
     [("申请", "到派出所户籍窗口或通过“粤省事”提交材料"), ("受理", "材料齐全当场受理"),
      ("审核", "核验出生医学证明"), ("办结", "登记并签发户口簿户主页、本人页")],
     20, 1, 1, OnlineDepth.THREE, None),
    ("440800-GA-BS-002", "户口迁移审批（省内迁入）", "440800-GA-XK-001",
     [("中华人民共和国户口登记条例", "第十条"), ("中华人民共和国行政许可法", "第四十二条")],
     "符合湛江市户籍准入条件（合法稳定就业、合法稳定住所、投靠直系亲属等）的人员及其共同生活的配偶、未成年子女。",
     [("户口迁移申请表", 1, O, "附空表和样表"), ("申请人居民户口簿和居民身份证", 1, B, ""),
      ("合法稳定住所证明（不动产权证书或租赁登记凭证）", 1, B, ""), ("迁入地户主同意迁入的书面意见", 1, O, "投靠亲属的提交")],
     [("申请", "派出所户籍窗口"), ("受理", "一次性告知需补正的材料"), ("审核", "派出所初审，分局户政部门审核"),
      ("决定", "准予迁入的签发准予迁入证明"), ("办结", "落户并发放户口簿")],
     20, 10, 1, OnlineDepth.THREE, None),
    ("440800-GA-BS-003", "内地居民普通护照签发", "440800-GA-XK-003",
     [("中华人民共和国护照法", "第五条"), ("中华人民共和国护照法", "第六条"), ("中华人民共和国出境入境管理法", "第九条")],
     "中国公民因前往外国定居、探亲、学习、就业、旅行、从事商务活动等非公务原因出国的。",
     [("中国公民出入境证件申请表", 1, O, "现场采集照片的免交照片"), ("居民身份证", 1, O, ""),
      ("登记备案的国家工作人员须提交所在单位出具的意见", 1, O, "")],
     [("申请", "出入境办证大厅取号、采集指纹和相片"), ("受理", "核验身份和材料"), ("审批", "出入境管理部门审批"),
      ("制证", "省级制证中心制证"), ("送达", "窗口领取或邮寄送达")],
     15, 7, 1, OnlineDepth.THREE,
     ("普通护照每本120元", "《国家发展改革委 财政部关于降低部分因私出入境证照收费标准的通知》（2019年）")),
    ("440800-GA-BS-004", "外国人停留期限延长", "440800-GA-XK-004",
     [("中华人民共和国出境入境管理法", "第二十九条"), ("中华人民共和国外国人入境出境管理条例", "第十五条")],
     "持签证入境的外国人需要延长签证停留期限的，应当在签证注明的停留期限届满七日前申请，并说明理由。",
     [("外国人签证证件申请表", 1, O, ""), ("护照及签证", 1, B, ""), ("延期事由证明材料", 1, O, ""),
      ("住宿登记证明", 1, C, "")],
     [("申请", "出入境办证大厅"), ("受理", "核验护照和住宿登记"), ("审批", "审查延期事由"), ("办结", "签发延期签证")],
     7, 5, 2, OnlineDepth.TWO,
     ("每人次160元（各国对等收费的按对等标准）", "《国家发展改革委 财政部关于外国人签证和居留许可收费标准的通知》")),
    ("440800-GA-BS-005", "机动车注册登记", "440800-GA-XK-007",
     [("中华人民共和国道路交通安全法", "第八条"), ("中华人民共和国道路交通安全法", "第九条"),
      ("机动车登记规定", "第十条")],
     "在本市有住所的机动车所有人，新车取得机动车整车出厂合格证或进口凭证、完税证明和交通事故责任强制保险的。",
     [("机动车所有人身份证明", 1, O, ""), ("购车发票", 1, O, ""), ("机动车整车出厂合格证明或进口凭证", 1, O, ""),
      ("车辆购置税完税证明或免税凭证", 1, E, "部门间核查的免交"), ("机动车交通事故责任强制保险凭证", 1, E, "")],
     [("查验", "机动车查验区查验车辆"), ("申请", "提交材料并选号"), ("受理", "车辆管理所窗口受理"),
      ("审核", "审查材料"), ("办结", "核发号牌、行驶证和登记证书")],
     5, 1, 1, OnlineDepth.THREE,
     ("机动车号牌工本费：汽车反光号牌每副100元；行驶证工本费每本10元；登记证书工本费每本10元",
      "计价格〔1994〕783号；发改价格〔2004〕2831号")),
    ("440800-GA-BS-006", "机动车驾驶证补领", "440800-GA-XK-006",
     [("中华人民共和国道路交通安全法", "第十九条"), ("机动车驾驶证申领和使用规定", "第六十二条")],
     "机动车驾驶证遗失、损毁无法辨认的，由机动车驾驶人向驾驶证核发地或者核发地以外的车辆管理所申请补领。",
     [("机动车驾驶人身份证明", 1, O, "")],
     [("申请", "“交管12123”或车管所窗口"), ("审核", "核查驾驶证状态"), ("办结", "补发驾驶证，邮寄送达")],
     1, 1, 0, OnlineDepth.FOUR, ("机动车驾驶证工本费每本10元", "计价格〔1994〕783号；发改价格〔2004〕2831号")),
    ("440800-GA-BS-007", "旅馆业特种行业许可证核发", "440800-GA-XK-008",
     [("旅馆业治安管理办法", "第四条"), ("国务院对确需保留的行政审批项目设定行政许可的决定", "第39项")],
     "申请开办旅馆，房屋建筑、消防设备、出入口和通道等符合消防安全有关规定，具备必要的防盗安全设施。",
     [("旅馆业特种行业许可证申请表", 1, O, ""), ("营业执照", 1, C, "部门间核查的免交"),
      ("法定代表人或负责人居民身份证", 1, C, ""), ("经营场所合法使用证明", 1, C, ""),
      ("治安保卫组织、保卫人员和安全管理制度", 1, O, "")],
     [("申请", "网上提交或窗口递交"), ("受理", "当场或5个工作日内决定是否受理"), ("实地核查", "治安部门到场检查"),
      ("决定", "作出准予或不予许可决定"), ("送达", "邮寄许可证")],
     20, 10, 1, OnlineDepth.THREE, None),
    ("440800-GA-BS-008", "大型群众性活动安全许可", "440800-GA-XK-009",
     [("大型群众性活动安全管理条例", "第十一条"), ("大型群众性活动安全管理条例", "第十三条")],
     "预计参加人数1000人以上的大型群众性活动，承办者应当在活动举办日的20日前提出安全许可申请。",
     [("大型群众性活动安全许可申请书", 1, O, ""), ("承办者合法成立的证明及安全责任人身份证明", 1, C, ""),
      ("大型群众性活动方案及其说明", 1, O, ""), ("大型群众性活动安全工作方案", 1, O, ""),
      ("活动场所管理者同意提供活动场所的证明", 1, O, "")],
     [("申请", "活动举办日20日前提交"), ("受理", "审查材料"), ("实地核查", "受理之日起7日内到场核查"),
      ("决定", "作出许可或不予许可决定")],
     7, 7, 2, OnlineDepth.TWO, None),
]  # fmt: skip

# (name, kind, address, latitude, longitude, phone, codes of the guides handled)
POINTS = [
    ("湛江市民服务中心公安综合窗口", PointKind.SERVICE_CENTRE, "湛江市开发区人民大道中湛江市民服务中心一楼",
     "21.222600", "110.404700", "0759-3183110", ["BS-001", "BS-002", "BS-003", "BS-005", "BS-007"]),
    ("湛江市公安局出入境管理支队办证大厅", PointKind.EXIT_ENTRY, "湛江市赤坎区南方路湛江市公安局出入境管理支队",
     "21.272000", "110.359200", "0759-3181566", ["BS-003", "BS-004"]),
    ("湛江市公安局交通警察支队车辆管理所", PointKind.VEHICLES, "湛江市麻章区瑞云北路车辆管理所业务大厅",
     "21.241700", "110.312800", "0759-3353122", ["BS-005", "BS-006"]),
    ("寸金派出所户籍窗口", PointKind.POLICE_STATION, "湛江市赤坎区寸金路寸金派出所一楼",
     "21.265800", "110.354900", "0759-3333110", ["BS-001", "BS-002"]),
    ("东新派出所户籍窗口", PointKind.POLICE_STATION, "湛江市霞山区东新路东新派出所一楼",
     "21.196500", "110.405800", "0759-2222110", ["BS-001", "BS-002"]),
    ("南调派出所户籍窗口", PointKind.POLICE_STATION, "湛江市坡头区南调路南调派出所一楼",
     "21.236500", "110.455600", "0759-3888110", ["BS-001", "BS-002"]),
    ("廉江市政务服务中心公安窗口", PointKind.WINDOW, "廉江市罗州大道廉江市政务服务中心二楼",
     "21.611200", "110.284700", "0759-6612110", ["BS-001", "BS-002", "BS-003"]),
]  # fmt: skip


def _office():
    return StaffProfile.objects.get(user__username="gongkaiban").user


def _form_pdf(title: str, filled: bool) -> bytes:
    """A one-page form (blank, or a filled-in sample) so that 表格下载 has real files."""
    register_font()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(FONT, 18)
    page.drawCentredString(297, 780, title + ("（样表）" if filled else ""))
    page.setFont(FONT, 12)
    rows = [("申请人姓名", "张三"), ("公民身份号码", "4408**********1234"), ("现住址", "湛江市赤坎区某路1号"),
            ("迁出地", "廉江市罗州街道"), ("迁入地", "湛江市赤坎区寸金街道"), ("迁移原因", "投靠配偶")]  # fmt: skip
    for i, (label, value) in enumerate(rows):
        y = 720 - 40 * i
        page.rect(60, y - 10, 475, 32)
        page.drawString(70, y, label)
        if filled:
            page.drawString(220, y, value)
    page.drawString(70, 420, "申请人签名：" + ("张三" if filled else "") + "          日期：")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _fields(row) -> services.GuideFields:
    (
        code,
        name,
        power_code,
        bases,
        conditions,
        materials,
        steps,
        legal,
        promised,
        visits,
        depth,
        fee,
    ) = row
    power = Power.objects.filter(code=power_code).first()
    return services.GuideFields(
        code=code, name=name, conditions=conditions, legal_days=legal, promised_days=promised,
        place=HALL, hours=HOURS, enquiry_phone=ENQUIRY, complaint_phone=COMPLAINT, visits=visits,
        online_depth=depth, bases=bases, materials=materials, steps=steps,
        charges_fee=fee is not None, fee_standard=fee[0] if fee else "",
        fee_basis=fee[1] if fee else "", power_id=power.pk if power else None,
        online_url="https://www.gdzwfw.gov.cn/" if depth >= OnlineDepth.THREE else "",
    )  # fmt: skip


@register(52, gettext_lazy("service guides"))
def load_guides(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if Guide.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = _office()
    created = {}
    for row in GUIDES:
        created[row[0]] = services.guide_create(
            actor=office, organisation=bureau, fields=_fields(row), approved_on=PUBLISHED_ON,
            reason=FIRST, published_at=dt.datetime.combine(PUBLISHED_ON, dt.time(10), tzinfo=CHINA),
        )  # fmt: skip
    migration = created["440800-GA-BS-002"]
    changed = _fields(GUIDES[1])
    changed.materials = changed.materials[:3]
    changed.promised_days = 7
    services.guide_update(
        actor=office, guide=migration, fields=changed, approved_on=timezone.localdate(),
        reason="落实“减证便民”，迁入地户主书面意见改为现场签字确认，承诺时限由10个工作日压缩至7个工作日",
    )  # fmt: skip
    material = migration.materials.get(position=1)
    for kind, filled in ((FileKind.BLANK, False), (FileKind.SAMPLE, True)):
        services.guide_file_add(
            actor=office, guide=migration, material=material, kind=kind,
            title="户口迁移申请表" + ("（样表）" if filled else ""),
            file_name="hukou-qianyi-" + ("yangbiao" if filled else "kongbiao") + ".pdf",
            content=_form_pdf("户口迁移申请表", filled),
        )  # fmt: skip
    context.log(_("%(count)d service guides.") % {"count": len(GUIDES)})


@register(53, gettext_lazy("service map"))
def load_points(context: DemoContext) -> None:
    bureau = Organisation.objects.get(code=BUREAU[0])
    if ServicePoint.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = _office()
    guides = {g.code.rsplit("-", 2)[-2] + "-" + g.code.rsplit("-", 1)[-1]: g.pk
              for g in Guide.objects.filter(organisation=bureau)}  # fmt: skip
    for name, kind, address, lat, lon, phone, codes in POINTS:
        places.point_save(
            actor=office, organisation=bureau,
            fields=places.PointFields(
                name=name, kind=kind, address=address, latitude=Decimal(lat), longitude=Decimal(lon),
                hours=HOURS, phone=phone, guide_ids=[guides[c] for c in codes if c in guides],
            ),
        )  # fmt: skip
    context.log(_("%(count)d service points.") % {"count": len(POINTS)})


# Normative documents of 2026 (the proactive demo registers 2019's and 2023's).
DOCUMENTS_2026 = [
    (
        "湛江市公安局关于优化户籍业务“跨省通办”办理流程的规定",
        "湛公规〔2026〕1号",
        dt.date(2026, 2, 10),
    ),
    ("湛江市公安局大型群众性活动安全许可实施细则", "湛公规〔2026〕2号", dt.date(2026, 5, 20)),
    ("湛江市公安局旅馆业治安管理实施办法", "湛公规〔2026〕3号", dt.date(2026, 8, 3)),
]


@register(54, gettext_lazy("government gazette"))
def load_gazette(context: DemoContext) -> None:
    from gongkai.proactive import services as proactive_services
    from gongkai.proactive.law import NormativeKind
    from gongkai.proactive.models import NormativeDocument

    bureau = Organisation.objects.get(code=BUREAU[0])
    if GazetteIssue.objects.filter(organisation=bureau).exists():
        context.log(_("Already loaded."))
        return
    office = _office()
    for title, number, issued in DOCUMENTS_2026:
        if not NormativeDocument.objects.filter(
            organisation=bureau, document_number=number
        ).exists():
            proactive_services.normative_document_register(
                actor=office, organisation=bureau,
                fields=proactive_services.NormativeFields(
                    NormativeKind.NORMATIVE, title, number, issued, issued, None
                ),
            )  # fmt: skip
    issues = [(2023, 1, dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
              (2026, 1, dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
              (2026, 2, dt.date(2026, 7, 1), dt.date(2026, 12, 31))]  # fmt: skip
    for year, issue_number, start, end in issues:
        if not gazette.documents_for_period(bureau, start, end).exists():
            continue
        issue = gazette.gazette_issue_compile(
            actor=office, organisation=bureau, year=year, number=issue_number,
            period_start=start, period_end=end,
        )  # fmt: skip
        gazette.gazette_issue_publish(actor=office, issue=issue)
    context.log(_("Gazette issues compiled and published."))
