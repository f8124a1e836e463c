"""Demo applications for 湛江市公安局 (core/demo.py's BUREAU, UNITS and STAFF).

The scale follows the 2017 yearly report of a provincial public security department
(seed 003_3a922da57dc00d10.txt: 11 received, 10 valid, 3 online, 7 by letter)
and a bit more, so that every outcome of the yearly report appears: 40 applications
received in 2025 (two carried into 2026), a few received and decided in 2026, and open
ones received in the weeks before today, so the queue shows every colour. Topics come from
the seeds (交通违法处罚依据, 户籍迁移政策, 出入境办证流程, 治安处罚决定书, 警务公开目录 …).

Everything goes through the services (clocks, timeline and ledger are real) and every
decided application gets its letters. Idempotent: each application has its own key and is
skipped when it exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core import holidays
from gongkai.core.demo import BUREAU, DemoContext, credit_code, register
from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation, StaffProfile
from gongkai.core.types import Actor
from gongkai.foi import services as foi
from gongkai.foi.models import (
    Channel,
    Consultation,
    Delivery,
    FeeNotice,
    Form,
    IdType,
    LetterDelivery,
    LetterKind,
    Remedy,
    Request,
)
from gongkai.foi.validators import resident_id_check_character

KEY_PREFIX = "demo-foi-"
LETTER_PREFIX = "湛公信"
L, ON, P, E, F = Channel.LETTER, Channel.ONLINE, Channel.IN_PERSON, Channel.EMAIL, Channel.FAX
R = Channel.REGISTERED_POST
# The reply letter goes out the way the applicant chose to receive the information.
DELIVERY_OF_REPLY: dict[str, str] = {
    Delivery.POST: LetterDelivery.POST,
    Delivery.EMAIL: LetterDelivery.EMAIL,
    Delivery.COLLECT: LetterDelivery.IN_PERSON,
    Delivery.ONLINE: LetterDelivery.ONLINE,
}
# Demo content, like the topics: what the staff would write (core/demo.py does the same).
SUPPLEMENT_ITEMS = "请写明所需政府信息的名称、文号或者其他特征描述，以及所涉时间范围。"
OBJECTION = "该材料含有本公司的经营数据和技术方案，属于商业秘密，不同意公开。"
EXTENSION_REASON = "需调取多个派出所的执法记录并逐一核对"
NOTICE_OF_STEP = {
    "supplement": LetterKind.SUPPLEMENT,
    "consult": LetterKind.THIRD_PARTY,
    "extend": LetterKind.EXTENSION,
    "fee": LetterKind.FEE,
}

# (applicant type, name, phone, e-mail, address, form, way of receiving); fictitious people.
APPLICANTS = [
    ("natural_person", "陈志强", "13800138001", "", "湛江市赤坎区中山二路", Form.PAPER, Delivery.POST),
    ("natural_person", "林秀梅", "13800138002", "lin.xm@example.cn", "", Form.ELECTRONIC, Delivery.EMAIL),
    ("natural_person", "黄海波", "13800138003", "", "湛江市霞山区人民大道南", Form.PAPER, Delivery.COLLECT),
    ("natural_person", "吴丽华", "13800138004", "wu.lh@example.cn", "", Form.ELECTRONIC, Delivery.ONLINE),
    ("natural_person", "李建国", "13800138005", "", "湛江市麻章区瑞云路", Form.PAPER, Delivery.POST),
    ("natural_person", "周晓东", "13800138006", "zhou.xd@example.cn", "", Form.ELECTRONIC, Delivery.EMAIL),
    ("commercial", "湛江港城物流有限公司", "0759-2200001", "wl@example.cn", "湛江市霞山区友谊路", Form.ELECTRONIC, Delivery.EMAIL),
    ("commercial", "湛江南海汽车销售服务有限公司", "0759-2200002", "", "湛江市赤坎区海田路", Form.PAPER, Delivery.POST),
    ("research", "粤西社会治理研究中心", "0759-2200003", "yj@example.cn", "", Form.ELECTRONIC, Delivery.EMAIL),
    ("public_interest", "湛江市护苗公益服务中心", "0759-2200004", "", "湛江市坡头区南调路", Form.PAPER, Delivery.POST),
    ("legal_services", "广东港湾律师事务所", "0759-2200005", "ls@example.cn", "湛江市赤坎区康宁路", Form.ELECTRONIC, Delivery.EMAIL),
    ("other_org", "寸金街道某社区居民委员会", "0759-2200006", "", "湛江市赤坎区寸金路", Form.PAPER, Delivery.COLLECT),
]  # fmt: skip


@dataclass(frozen=True)
class Case:
    """One application: a received date (or days before today), who, what, and its course."""

    number: int
    received: str | int
    channel: str
    applicant: int
    topic: str
    unit: str | None
    handler: str | None = None
    outcome: str | None = None  # None: still open
    steps: tuple[str, ...] = ()
    basis: str = ""


C = Case
CASES = [
    C(1, "2025-01-08", L, 0, "湛江市区主要路段交通违法行为处罚依据及裁量基准", "fzzd", "fazhi", "granted"),
    C(2, "2025-01-15", ON, 1, "2025年户籍迁移（投靠、人才引进）政策文件", "hzk", "huzheng", "granted"),
    C(3, "2025-02-10", L, 6, "湛江市公安局警务公开目录及政府信息公开指南", "gkb", None, "granted"),
    C(4, "2025-02-19", P, 2, "出入境证件（护照、往来港澳通行证）办理流程及所需材料", "ymywb", None, "granted"),
    C(5, "2025-03-03", L, 4, "本人2024年治安管理处罚决定书及所依据的法律条款", "fzzd", "fazhi", "partial",
      basis="决定书中其他当事人的姓名、身份证号码属于个人隐私，依据条例第十五条、第三十七条作区分处理。"),
    C(6, "2025-03-12", E, 8, "湛江市2024年电信网络诈骗案件发案数及破案数统计", "zhzx", None, "granted", ("extend",)),
    C(7, "2025-03-20", L, 7, "赤坎区海滨大道电子警察设置位置及设置审批文件", "zhzx", None, "granted"),
    C(8, "2025-04-02", ON, 3, "居住证办理条件、办理流程及办理时限", "hzk", "huzheng", "granted"),
    C(9, "2025-04-14", L, 10, "湛江市公安局2025年重大行政决策事项目录", "fzzd", "fazhi", "granted"),
    C(10, "2025-04-23", L, 9, "中小学校园周边治安巡逻防控警力部署方案", "ggk", "gongguan", "withheld.three_safeties",
      ("review",), "方案包含警力部署、巡逻路线和时间，公开后可能危及公共安全。"),
    C(11, "2025-05-08", L, 6, "某运输企业报送的道路运输安全评估材料", "zhzx", None, "withheld.third_party",
      ("consult", "objection"), "经书面征求意见，第三方以涉及商业秘密为由不同意公开，理由合理。"),
    C(12, "2025-05-15", L, 0, "市公安局2025年度干部任免及年度考核文件", "zzc", None, "withheld.internal_affairs",
      basis="所申请信息属于人事管理类内部事务信息。"),
    C(13, "2025-05-27", P, 2, "关于某交通事故处理问题的内部请示及会议讨论记录", "fzzd", "fazhi", "withheld.process_info",
      basis="所申请信息为内部请示报告及讨论记录，属于过程性信息。"),
    C(14, "2025-06-05", L, 4, "本人无证驾驶被行政处罚的全部案卷材料", "fzzd", "fazhi", "withheld.enforcement_file",
      ("lawsuit",), "所申请信息属于行政执法案卷信息，申请人可依法申请查阅案卷。"),
    C(15, "2025-06-16", L, 5, "本市反恐怖防范重点目标清单", "zhzx", None, "withheld.state_secret",
      basis="所申请信息已依法确定为国家秘密。"),
    C(16, "2025-06-25", E, 10, "他人户籍登记信息及公民身份号码", "hzk", "huzheng", "withheld.query_matter",
      basis="户籍信息的查询应依照户口登记管理的有关规定向户籍窗口办理。"),
    C(17, "2025-07-03", R, 1, "公安机关刑事技术侦查措施的使用规定", "fzzd", "fazhi", "withheld.prohibited_by_law",
      basis="依照《中华人民共和国刑事诉讼法》等有关规定，该信息禁止公开。"),
    C(18, "2025-07-14", ON, 3, "2019年某小区门口治安岗亭的建设审批文件", "zck", None, "unable.not_held",
      basis="经检索，本机关未制作该文件；小区治安岗亭由所在街道办事处设置，可向其咨询。"),
    C(19, "2025-07-22", L, 7, "市区各派出所近五年按月、按类型分类的接处警统计分析报告", "zhzx", None,
      "unable.needs_creation", basis="本机关未制作相应统计分析报告，需另行加工、分析。"),
    C(20, "2025-08-04", L, 0, "关于那件事情的有关文件", "hzk", "huzheng", "unable.unclear",
      ("supplement", "supplemented"), "经补正后，申请人仍未说明所需信息的名称、文号或者其他特征描述。"),
    C(21, "2025-08-12", L, 4, "举报某派出所民警办案态度恶劣，要求调查处理", "ggk", "gongguan", "not_processed.petition",
      basis="该申请实为投诉举报，已告知申请人通过信访、投诉举报渠道反映。"),
    C(22, "2025-08-20", L, 0, "湛江市区主要路段交通违法行为处罚依据及裁量基准", "fzzd", "fazhi", "not_processed.repeated",
      basis="本机关已于2025年1月就同一信息作出答复。"),
    C(23, "2025-09-01", L, 9, "刊登于《湛江日报》的禁毒工作通告原件", "ggk", "gongguan", "not_processed.publication",
      basis="该通告已在公开出版的报刊刊登。"),
    C(24, "2025-09-09", E, 11, "2000年以来全市全部治安案件的处罚决定书", "fzzd", "fazhi", "not_processed.massive",
      basis="申请人一个月内提交同类申请四十余件，经要求说明理由，所述理由不合理。"),
    C(25, "2025-09-17", P, 5, "出具本人无违法犯罪记录的证明", "hzk", "huzheng", "not_processed.confirmation",
      basis="申请人要求本机关出具证明，属于要求行政机关确认或重新出具信息。"),
    C(26, "2025-09-24", L, 4, "某路口交通信号灯配时方案", "zhzx", None, "other.no_supplement",
      ("supplement", "supplement_lapsed")),
    C(27, "2025-10-13", L, 7, "2020年以来本市机动车驾驶人交通违法记录汇总（纸质复印件）", "fzzd", "fazhi",
      "other.no_fee", ("fee", "fee_lapsed")),
    C(28, "2025-10-20", ON, 1, "户籍业务办事指南（最新版）", "hzk", "huzheng", "other.other",
      basis="申请人于答复前书面撤回申请。"),
    C(29, "2025-10-28", L, 8, "湛江市公安局2024年政府信息公开工作年度报告", "gkb", None, "granted"),
    C(30, "2025-11-05", L, 6, "道路交通安全违法行为处理窗口的设置地点及办公时间", "ymywb", None, "granted"),
    C(31, "2025-11-12", ON, 3, "出入境自助签注设备的分布地点", "ymywb", None, "granted"),
    C(32, "2025-11-19", L, 10, "湛江市公安局行政执法公示事项及权责清单", "fzzd", "fazhi", "granted",
      ("fee", "fee_paid")),
    C(33, "2025-11-26", F, 11, "辖区上网服务营业场所信息网络安全审核标准", "wj", None, "granted",
      ("consult_agency", "answered")),
    C(34, "2025-12-03", L, 2, "电动自行车登记上牌政策及办理地点", "ggk", "gongguan", "granted"),
    C(35, "2025-12-08", L, 7, "湛江市公安局2025年部门预算及“三公”经费预算", "zck", None, "granted"),
    C(36, "2025-12-15", L, 5, "市公安局2024年行政复议案件办理情况", "fzzd", "fazhi", "partial",
      basis="复议决定书中当事人的个人信息已作区分处理。"),
    C(37, "2025-12-18", P, 0, "户口迁移审批表的填写说明", "hzk", "huzheng", "granted"),
    C(38, "2025-12-22", L, 6, "驾驶人考试场地收费标准及测算依据", "ymywb", None, "partial",
      basis="测算材料中第三方企业的成本数据涉及商业秘密，不予公开。"),
    C(39, "2025-12-26", L, 9, "预防未成年人违法犯罪宣传活动安排", "ggk", "gongguan", "granted"),
    C(40, "2025-12-29", ON, 8, "2025年全市110接处警总量", "zhzx", None, "granted", ("extend",)),
    C(41, "2026-01-12", L, 4, "2026年春运期间交通管制措施", "ggk", "gongguan", "granted"),
    C(42, "2026-03-02", ON, 1, "新生儿入户办理指南", "hzk", "huzheng", "granted"),
    C(43, "2026-05-11", E, 10, "2025年本局行政处罚案件数量及类型统计", "fzzd", "fazhi", "granted", ("extend",)),
    C(44, "2026-08-17", L, 6, "港口区域治安管理规定及执行情况", "fzzd", "fazhi", "partial",
      basis="执行情况中涉及个案当事人的信息已作区分处理。"),
    C(45, "2026-09-07", L, 0, "国庆期间市区交通管制路段", "ggk", "gongguan", "granted"),
    # Open applications, received some days before today.
    C(46, 40, L, 6, "交通违法行为处罚依据及执法程序规定", "fzzd", "fazhi", steps=("extend",)),
    C(47, 34, L, 11, "辖区治安防控宣传资料", "ggk", "gongguan"),
    C(48, 30, L, 2, "户籍迁移（随迁）审批办理时限", "hzk", "huzheng"),
    C(49, 27, L, 7, "市区违法停车抓拍设备分布", "zhzx", None),
    C(50, 20, ON, 3, "出入境证件办理流程及收费标准", "ymywb", None),
    C(51, 14, L, 8, "户籍人口统计年报（纸质复印件）", "hzk", "huzheng", steps=("fee",)),
    C(52, 12, L, 10, "2026年治安处罚决定书公开情况", "fzzd", "fazhi", steps=("consult",)),
    C(53, 10, L, 0, "警务公开目录更新情况", "gkb", None, steps=("supplement",)),
    C(54, 6, P, 4, "居民身份证异地办理流程", None, None),
    C(55, 2, ON, 5, "治安处罚决定书的公开范围", None, None, steps=("unconfirmed",)),
]  # fmt: skip


@dataclass
class Cast:
    bureau: Organisation
    units: dict
    staff: dict
    today: dt.date

    @property
    def office(self):
        return self.staff["gongkaiban"]


def _workday(day: dt.date, n: int) -> dt.date:
    return holidays.get_calendar().add(day, n).value


def _received_on(case: Case, today: dt.date) -> dt.date:
    if isinstance(case.received, int):
        start = today - dt.timedelta(days=case.received)
        return min(holidays.get_calendar().next_workday_on_or_after(start), today)
    return dt.date.fromisoformat(case.received)


def _applicant(index: int, description: str) -> foi.Applicant:
    kind, name, phone, email, address, form, delivery = APPLICANTS[index]
    if kind == "natural_person":
        first17 = f"440802{1970 + index * 3:04d}{index % 12 + 1:02d}{index + 10:02d}{index:03d}"
        id_type, id_number = IdType.RESIDENT_ID, first17 + resident_id_check_character(first17)
    else:
        id_type, id_number = IdType.CREDIT_CODE, credit_code(f"9144080031{index:07d}")
    return foi.Applicant(
        applicant_type=kind,
        name=name,
        id_type=id_type,
        id_number=id_number,
        description=description,
        form=form,
        delivery=delivery,
        phone=phone,
        email=email,
        address=address,
    )


def _submit_online(cast: Cast, case: Case, key: str, received: dt.date) -> Request:
    submission = foi.request_submit(
        organisation=cast.bureau,
        applicant=_applicant(case.applicant, case.topic),
        idempotency_key=key,
    )
    # Demo only: request_submit stamps the submission now (it has no date parameter); a
    # history needs the day it happened, so the demo moves it back before confirming.
    stamp = dt.datetime.combine(received, dt.time(9), tzinfo=timezone.get_current_timezone())
    Request.objects.filter(pk=submission.request.pk).update(submitted_at=stamp)
    request = Request.objects.get(pk=submission.request.pk)
    if "unconfirmed" in case.steps:
        return request
    return foi.request_confirm_receipt(request=request, actor=cast.office, confirmed_on=received)


def _receive(cast: Cast, case: Case, key: str, received: dt.date) -> Request:
    if case.channel == Channel.ONLINE:
        request = _submit_online(cast, case, key, received)
    else:
        request = foi.request_register(
            actor=cast.office,
            organisation=cast.bureau,
            channel=case.channel,
            applicant=_applicant(case.applicant, case.topic),
            received_on=received,
            idempotency_key=key,
        )
    if case.unit and request.received_on:
        handler = cast.staff.get(case.handler) if case.handler else None
        foi.request_assign(
            request=request, actor=cast.office, unit=cast.units[case.unit], handler=handler
        )
    return request


class Course:
    """Walks one application through its steps, each on a working day after the last."""

    def __init__(self, cast: Cast, request: Request, actor: Actor) -> None:
        self.cast, self.request, self.actor = cast, request, actor
        if request.received_on is None:
            raise ValueError(f"Request {request.code} walks its course once received.")
        self.day = request.received_on

    def advance(self, working_days: int) -> bool:
        day = _workday(self.day, working_days)
        if day > self.cast.today:
            return False
        self.day = day
        return True

    def supplement(self):
        if self.advance(3):
            foi.request_supplement(
                request=self.request,
                actor=self.actor,
                items=SUPPLEMENT_ITEMS,
                deadline=_workday(self.day, 10),
                notified_on=self.day,
            )

    def supplemented(self):
        if self.advance(5):
            foi.request_supplement_received(
                request=self.request, actor=self.actor, received_on=self.day
            )

    def supplement_lapsed(self):
        deadline = self.request.supplements.get().deadline
        self.day = _workday(deadline, 1)
        foi.request_supplement_lapsed(request=self.request, actor=None, on=self.day)

    def consult(self, kind=Consultation.Kind.THIRD_PARTY, party="湛江某某运输有限公司"):
        if self.advance(4):
            foi.request_consult(
                request=self.request, actor=self.actor, kind=kind, party=party, sent_on=self.day
            )
            if kind == Consultation.Kind.THIRD_PARTY:
                self._deliver(LetterKind.THIRD_PARTY)

    def _deliver(self, kind: str) -> None:
        """The notice letter, received two working days later (its period counts from then)."""
        letter = foi.letter_generate(request=self.request, kind=kind, actor=self.actor)
        delivered = _workday(letter.issued_on, 2)
        if delivered <= self.cast.today:
            foi.letter_record_delivery(
                letter=letter, delivered_on=delivered, method=LetterDelivery.POST, actor=self.actor
            )

    def consult_agency(self):
        self.consult(Consultation.Kind.OTHER_AGENCY, "湛江市文化广电旅游体育局")

    def answered(self, objection: str = ""):
        if self.advance(8):
            foi.request_consult_answered(
                request=self.request,
                actor=self.actor,
                answered_on=self.day,
                has_objection=bool(objection),
                objection_reasons=objection,
            )

    def objection(self):
        self.answered(OBJECTION)

    def extend(self):
        if self.advance(12):
            foi.request_extend(
                request=self.request,
                actor=self.actor,
                days=20,
                approved_by=self.cast.office,
                reason=EXTENSION_REASON,
                on=self.day,
            )

    def fee(self):
        if self.advance(4):
            foi.request_fee_notice(
                request=self.request,
                actor=self.actor,
                basis=FeeNotice.Basis.PER_PAGE,
                pages=120,
                sent_on=self.day,
            )
            self._deliver(LetterKind.FEE)

    def fee_paid(self):
        if self.advance(6):
            foi.request_fee_paid(request=self.request, actor=self.actor, paid_on=self.day)

    def fee_lapsed(self):
        due = self.request.fee_notices.get().payment_due
        self.day = _workday(due, 1)
        foi.request_fee_lapsed(request=self.request, actor=None, on=self.day)

    def unconfirmed(self):
        """Left as submitted: the office has not confirmed receipt yet."""

    def review(self):
        self._remedy(Remedy.Kind.REVIEW, 30, Remedy.Result.UPHELD)

    def lawsuit(self):
        self._remedy(Remedy.Kind.LITIGATION_DIRECT, 90, None)

    def _remedy(self, kind: str, after_days: int, result: str | None) -> None:
        replied_on = self.request.replied_on
        if replied_on is None:
            return  # a review or lawsuit is against a reply
        filed = replied_on + dt.timedelta(days=after_days)
        if filed > self.cast.today:
            return
        remedy = foi.remedy_record(
            request=self.request, actor=self.actor, kind=kind, filed_on=filed
        )
        decided = filed + dt.timedelta(days=55)
        if result and decided <= self.cast.today:
            foi.remedy_decide(remedy=remedy, actor=self.actor, result=result, decided_on=decided)

    def reply(self, outcome: str, basis: str) -> bool:
        if not self.advance(8):
            return False
        foi.request_reply(
            request=self.request,
            actor=self.actor,
            outcome=outcome,
            legal_basis=basis,
            replied_on=self.day,
        )
        return True


def _letters(cast: Cast, request: Request, steps: tuple[str, ...], actor: Actor) -> int:
    request.refresh_from_db()
    kinds = [LetterKind.RECEIPT] if request.received_on else []
    kinds += [NOTICE_OF_STEP[s] for s in steps if s in NOTICE_OF_STEP]
    if request.outcome:
        kinds.append(LetterKind.REPLY)
    made = 0
    for kind in kinds:
        try:
            letter = foi.letter_generate(request=request, kind=kind, actor=actor)
        except ServiceError:
            continue  # the step did not happen yet (its day is still ahead)
        made += 1
        delivered = _workday(letter.issued_on, 1)
        if kind == LetterKind.REPLY and delivered <= cast.today:
            method = DELIVERY_OF_REPLY[request.delivery]
            foi.letter_record_delivery(
                letter=letter, delivered_on=delivered, method=method, actor=actor
            )
    return made


def _run(cast: Cast, case: Case) -> int:
    key = f"{KEY_PREFIX}{case.number:03d}"
    request = _receive(cast, case, key, _received_on(case, cast.today))
    if request.received_on is None:
        return 0
    actor = cast.staff.get(case.handler) if case.handler else cast.office
    course = Course(cast, request, actor)
    remedies = [s for s in case.steps if s in ("review", "lawsuit")]
    for step in case.steps:
        if step not in remedies:
            getattr(course, step)()
    if case.outcome and not case.outcome.startswith("other.no_"):
        course.reply(case.outcome, case.basis)
    for step in remedies:
        getattr(course, step)()
    return _letters(cast, request, case.steps, actor)


def _cast() -> Cast:
    bureau = Organisation.objects.get(code=BUREAU[0])
    units = {o.code: o for o in Organisation.objects.filter(parent=bureau)}
    staff = {p.user.username: p.user for p in StaffProfile.objects.select_related("user")}
    return Cast(bureau, units, staff, timezone.localdate())


@register(30, gettext_lazy("disclosure applications and letters"))
def load_requests(context: DemoContext) -> None:
    existing = set(
        Request.objects.filter(idempotency_key__startswith=KEY_PREFIX).values_list(
            "idempotency_key", flat=True
        )
    )
    todo = [c for c in CASES if f"{KEY_PREFIX}{c.number:03d}" not in existing]
    if not todo:
        context.log(_("Already loaded."))
        return
    cast = _cast()
    if not hasattr(cast.bureau, "foi_settings"):
        # Demo values: a city department's review authority is the city government
        # (行政复议法 art. 24); the court is the basic court where the body sits.
        foi.body_settings_set(
            organisation=cast.bureau,
            actor=cast.office,
            review_authority="湛江市人民政府",
            court="湛江市赤坎区人民法院",
        )
    if not hasattr(cast.bureau, "foi_letter_numbering"):
        foi.letter_numbering_set(organisation=cast.bureau, prefix=LETTER_PREFIX, actor=cast.office)
    letters = sum(_run(cast, case) for case in todo)
    context.log(
        _("%(requests)d disclosure applications, %(letters)d letters.")
        % {"requests": len(todo), "letters": letters}
    )
