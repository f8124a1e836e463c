"""A planted corpus: realistic government text with personal data at known offsets.

Used by the accuracy test and by bench/privacy.py. Every record mixes ordinary
prose, planted values (the ground truth) and decoys that must not be flagged:
ID numbers with a wrong check digit, card numbers failing Luhn, document numbers,
dates, amounts, hotlines, index numbers and credit codes.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from gongkai.privacy.detect import Finding, id_check_char

# Sentences of the kind that fill 政务公开 documents (from the seed documents).
FILLER = (
    "为进一步做好政务公开工作，结合我局实际，制定本实施方案。",
    "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "推动简政放权、放管结合、优化服务改革，保障人民群众知情权、参与权、表达权、监督权。",
    "对于涉及个人隐私的政府信息，公开时要去标识化处理。",
    "政府信息公开前要依法依规严格审查，除保密审查外，特别要做好对公开内容表述、公开时机、公开方式的研判。",
    "政府全体会议和常务会议讨论决定的事项，除依法需要保密的外，20个工作日内要通过政府网站公开。",
    "起草部门在决策前要通过政府门户网站向社会公布决策草案，公开征求意见的时间不少于7个工作日。",
    "各部门主要负责同志年内至少听取一次政务公开工作汇报，研究部署推进工作。",
    "加强政务公开工作队伍建设，配齐配强专（兼）职工作人员，认真开展政务公开工作培训。",
    "申请人申请公开的政府信息属于本机关负责公开的，本机关依法予以公开。",
    "当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。",
    "办事指南要素发生变化的，应当在1个工作日内予以更新。",
    "落实公文公开属性认定制度，印发的文件要明确标注“此件公开发布”“此件依申请公开”。",
    "做好重大突发事件舆情回应，一般应在5小时内发布权威信息，在24小时内举行新闻发布会。",
    "2017年全年共受理政府信息公开申请11件，其中网上申请3件、信函申请7件。",
    "全年因政府信息公开申请提起行政复议0件、行政诉讼0件。",
    "本级“三公”经费预决算同步公开，分项公开因公出国（境）费、公务接待费和公务用车购置及运行费。",
    "群众可通过政务服务便民热线12345、报警电话110和12389举报电话反映问题。",
    "依托政府网站集中发布政策文件，实现公开的信息可检索、可核查、可利用。",
    "联系人及联系方式应当在申请表中如实填写，住址信息仅用于邮寄答复材料。",
    "现将有关事项通知如下，请结合实际认真贯彻执行。",
    "各县（市、区）公安局、各分局，市局机关各单位：",
    "推进重点工作、重大项目、民生实事、承诺事项督查落实情况公开，依法公开全面深化改革部署及其他重大政策措施、"
    "发展规划、法律法规的落实情况。",
    "完善门户网站重点领域信息公开专栏建设，着力推进财政预决算和“三公”经费、面向转移落户人员的服务等领域信息公开，"
    "细化各领域信息发布主体、内容、形式、时间及程序要求。",
    "依法及时向社会公布我局公共服务目录，公布项目名称、设立依据、收费标准、服务时限等。",
    "建立健全网站信息日常监测机制，及时发现和解决本单位政府网站存在的突出问题。",
    "我局主要负责人要带头接受媒体采访，表明立场态度，发出权威声音，当好“第一新闻发言人”。",
    "要把政务公开列入民警培训课程体系，通过现场培训、网络培训等多种形式加强对民警特别是领导干部的培训。",
    "2018年年底前实现行政审批事项网上全流程办理率达50%以上，网上办结率达40%以上。",
    "积极运用大数据、云计算、移动互联网等信息技术，加快推进“互联网+政务”，构建基于互联网的一体化政务服务体系。",
)

ORGS = (
    "湛江市公安局",
    "湛江市公安局赤坎分局",
    "长治市公安局上党分局",
    "西市区人民政府",
    "云南省公安厅",
)
DOC_PREFIXES = ("湛公通", "国办函", "粤办发", "湛办发", "长公发", "辽政办", "云公法")
TOPICS = ("政务公开工作要点", "财政预决算", "行政处罚案件", "权责清单", "重大建设项目", "社会救助")
VIOLATIONS = ("违反规定停放", "超速行驶", "未按规定检验", "扰乱公共秩序", "无证经营")

REGIONS = ("440802", "440803", "440804", "440811", "440823", "440881", "110105", "110108")
REGIONS += ("310104", "320102", "330106", "370102", "420106", "510107", "530102", "140404")
REGIONS += ("210302", "450103", "610113", "650102")
PLACES = (
    ("广东省", "湛江市", "赤坎区"),
    ("广东省", "湛江市", "霞山区"),
    ("广东省", "湛江市", "遂溪县"),
    ("", "北京市", "海淀区"),
    ("山西省", "长治市", "上党区"),
    ("云南省", "昆明市", "五华区"),
    ("辽宁省", "营口市", "西市区"),
    ("", "上海市", "徐汇区"),
)
ROADS = ("人民大道南", "解放西路", "海滨大道", "建设路", "中山二路", "南桥北路", "文明东路")
VILLAGES = ("城月镇东村", "黄略镇南亭村", "韩村镇", "乐民镇")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
COMPOUND = ("欧阳", "司马", "诸葛", "上官")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志红玉兰海波德辉晓燕婷鹏宇浩"
DOMAINS = ("qq.com", "163.com", "126.com", "example.com", "zhanjiang.gov.cn", "sina.com")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
AREA_CODES = ("0759", "020", "010", "0755", "0355", "0871", "0417", "021")
CARD_PREFIXES = ("622202", "621700", "622848", "623668", "436742", "518710", "625965", "955880")
PROVINCE_CHARS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass
class Builder:
    """Appends text and remembers where each planted value landed."""

    parts: list[str] = field(default_factory=list)
    truth: list[Finding] = field(default_factory=list)
    size: int = 0

    def add(self, *texts: str) -> None:
        for t in texts:
            self.parts.append(t)
            self.size += len(t)

    def plant(self, kind: str, value: str) -> None:
        self.truth.append(Finding(kind, self.size, self.size + len(value), value))
        self.add(value)

    def text(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


def _birth(rng: random.Random) -> str:
    return f"{rng.randint(1940, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def id_number(rng: random.Random) -> str:
    body = rng.choice(REGIONS) + _birth(rng) + f"{rng.randint(0, 999):03d}"
    return body + id_check_char(body)


def bad_id_number(rng: random.Random) -> str:
    """ID-shaped, but the check character is wrong (GB 11643-1999)."""
    body = rng.choice(REGIONS) + _birth(rng) + f"{rng.randint(0, 999):03d}"
    good = id_check_char(body)
    return body + rng.choice([c for c in "0123456789X" if c != good])


def old_id_number(rng: random.Random) -> str:
    # 15-digit numbers were replaced in 1999, so their holders were born before then.
    born = f"{rng.randint(40, 95)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return rng.choice(REGIONS) + born + f"{rng.randint(0, 999):03d}"


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, c in enumerate(reversed(partial)):
        d = int(c)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card_number(rng: random.Random, good: bool = True) -> str:
    length = rng.choice((16, 19, 19))
    partial = rng.choice(CARD_PREFIXES)
    partial += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(partial)))
    check = _luhn_digit(partial)
    if not good:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    return partial + check


def grouped(number: str, sep: str = " ") -> str:
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def mobile(rng: random.Random) -> str:
    digits = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    style = rng.random()
    if style < 0.7:
        return digits
    if style < 0.8:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style < 0.9:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return "+86 " + digits


def landline(rng: random.Random) -> str:
    area = rng.choice(AREA_CODES)
    local = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(6))
    if area in ("020", "010", "021"):
        local += rng.choice("0123456789")
    return rng.choice(
        (f"{area}-{local}", f"({area}){local}", f"（{area}）{local}", f"{area} {local}")
    )


def email(rng: random.Random) -> str:
    local = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 10)))
    if rng.random() < 0.4:
        local += str(rng.randint(1, 9999))
    if rng.random() < 0.2:
        local = f"{local}.{rng.choice(LETTERS)}"
    return f"{local}@{rng.choice(DOMAINS)}"


def plate(rng: random.Random) -> str:
    head = rng.choice(PROVINCE_CHARS) + rng.choice(PLATE_LETTERS)
    sep = rng.choice(("", "", "·", " "))
    style = rng.random()
    if style < 0.2:
        return head + sep + rng.choice("DF") + f"{rng.randint(0, 99999):05d}"
    letter = rng.choice(PLATE_LETTERS) if rng.random() < 0.3 else str(rng.randint(0, 9))
    return head + sep + letter + f"{rng.randint(0, 9999):04d}"


def person_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.05 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def address(rng: random.Random) -> str:
    province, city, district = rng.choice(PLACES)
    if rng.random() < 0.3:
        return f"{province}{city}{district}{rng.choice(VILLAGES)}{rng.randint(1, 300)}号"
    detail = f"{rng.choice(ROADS)}{rng.randint(1, 300)}号"
    if rng.random() < 0.4:
        detail += f"{rng.randint(1, 30)}栋{rng.randint(101, 2806)}房"
    return f"{province}{city}{district}{detail}"


def doc_number(rng: random.Random) -> str:
    return f"{rng.choice(DOC_PREFIXES)}〔{rng.randint(2010, 2024)}〕{rng.randint(1, 300)}号"


def date_text(rng: random.Random) -> str:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice((f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}{m:02d}{d:02d}"))


def amount(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}元",
            f"{rng.randint(1, 900)}万元",
        )
    )


def index_number(rng: random.Random) -> str:
    return f"11440800007013617X/{rng.randint(2010, 2024)}-{rng.randint(1, 99999):05d}"


def credit_code(rng: random.Random) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return (
        "9144" + f"{rng.randint(0, 9999):04d}" + "MA" + "".join(rng.choice(chars) for _ in range(8))
    )


def serial_number(rng: random.Random) -> str:
    """A payment or case serial: 18-20 digits starting with the year, not a card."""
    return f"{rng.randint(2015, 2024)}" + "".join(
        rng.choice("0123456789") for _ in range(rng.randint(14, 16))
    )


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


def _penalty(b: Builder, rng: random.Random) -> None:
    org = rng.choice(ORGS)
    b.add(f"{org}行政处罚决定书\n", doc_number(rng), "\n当事人：")
    b.plant("name", person_name(rng))
    b.add("，性别：男，出生日期：", date_text(rng), "，身份证号码：")
    b.plant("id_card", id_number(rng))
    b.add("，住址：")
    b.plant("address", address(rng))
    b.add("，联系电话：")
    b.plant("mobile", mobile(rng))
    b.add("。\n违法事实：当事人")
    b.plant("name", person_name(rng))
    b.add("于", date_text(rng), "驾驶号牌为")
    b.plant("plate", plate(rng))
    b.add(f"的小型轿车{rng.choice(VIOLATIONS)}，有现场照片、询问笔录等证据证实。\n")
    b.add(
        "处罚内容：依据有关规定，决定给予罚款",
        amount(rng),
        "的处罚。被处罚人应自收到本决定书之日起十五日内缴纳罚款。",
    )
    b.add("缴款凭证流水号", serial_number(rng), "。咨询电话：")
    b.plant("landline", landline(rng))
    b.add(f"，监督电话12345。\n{org}\n", date_text(rng), "\n")


def _application(b: Builder, rng: random.Random) -> None:
    b.add("政府信息公开申请表\n申请人姓名：")
    b.plant("name", person_name(rng))
    b.add("\t证件类型：居民身份证\t证件号码：")
    if rng.random() < 0.1:
        b.plant("id_card", old_id_number(rng))
    else:
        b.plant("id_card", id_number(rng))
    b.add("\n通信地址：")
    b.plant("address", address(rng))
    b.add(f"\t邮政编码：{rng.randint(100000, 800000)}\n联系电话：")
    b.plant("landline", landline(rng))
    b.add("\t手机：")
    b.plant("mobile", mobile(rng))
    b.add("\n电子邮箱：")
    b.plant("email", email(rng))
    b.add(
        f"\n所需信息内容描述：申请公开{rng.randint(2015, 2024)}年度{rng.choice(TOPICS)}的相关文件，文号",
        doc_number(rng),
    )
    b.add("，索引号", index_number(rng), "。\n退费账户：")
    card = card_number(rng)
    b.plant("bank_card", grouped(card, rng.choice(" -")) if rng.random() < 0.3 else card)
    b.add("，开户人姓名：")
    b.plant("name", person_name(rng))
    b.add("\n申请时间：", date_text(rng), "\n")


def _publicity_list(b: Builder, rng: random.Random) -> None:
    b.add(f"{rng.choice(ORGS)}失信被执行人公示名单（第{rng.randint(1, 40)}批）\n")
    for i in range(1, rng.randint(3, 6)):
        b.add(f"{i}. 被执行人：")
        b.plant("name", person_name(rng))
        b.add("，身份证号码：")
        number = id_number(rng)
        # Typed lists often carry a lower-case x.
        b.plant("id_card", number.lower() if rng.random() < 0.3 else number)
        b.add(
            f"，案号：（{rng.randint(2015, 2024)}）粤0802执{rng.randint(1, 9999)}号，执行标的：",
            amount(rng),
        )
        b.add("，家庭住址：")
        b.plant("address", address(rng))
        b.add("。\n")
    b.add("对上述公示内容有异议的，请联系")
    b.plant("landline", landline(rng))
    b.add("或发送邮件至")
    b.plant("email", email(rng))
    b.add("。\n")


def _report_reply(b: Builder, rng: random.Random) -> None:
    b.add("关于群众举报事项的处理情况\n举报人：")
    b.plant("name", person_name(rng))
    b.add("（手机")
    b.plant("mobile", mobile(rng))
    b.add("，邮箱")
    b.plant("email", email(rng))
    b.add(f"）于{rng.randint(2015, 2024)}年反映的问题已转办。根据", doc_number(rng))
    b.add("要求，办理结果已于", date_text(rng), "答复。涉及资金", amount(rng), "，已退至其账户")
    b.plant("bank_card", card_number(rng))
    b.add("。\n")


def _decoys(b: Builder, rng: random.Random) -> None:
    """Numbers that look like personal data and are not."""
    b.add("根据", doc_number(rng), "和", doc_number(rng), "文件要求，请于", date_text(rng))
    b.add("前完成。索引号：", index_number(rng), "，统一社会信用代码：", credit_code(rng), "。")
    b.add("报警电话110，政务服务热线12345，举报电话12389，客服电话95588，服务热线400-820-8820。")
    b.add(
        "原登记证件号",
        bad_id_number(rng),
        "校验位错误，不予登记；卡号",
        card_number(rng, good=False),
    )
    b.add(
        "校验失败。本年度预算",
        amount(rng),
        "，批复日期",
        date_text(rng),
        "，编号",
        serial_number(rng),
        "。\n",
    )


RECORDS = (_penalty, _application, _publicity_list, _report_reply)


def record(b: Builder, rng: random.Random) -> None:
    """One document: a planted record, prose and decoys, in varying order."""
    for _ in range(rng.randint(2, 10)):
        b.add(rng.choice(FILLER))
    b.add("\n")
    rng.choice(RECORDS)(b, rng)
    if rng.random() < 0.5:
        _decoys(b, rng)
    for _ in range(rng.randint(1, 8)):
        b.add(rng.choice(FILLER))
    b.add("\n\n")


def corpus(rng: random.Random, records: int) -> tuple[str, list[Finding]]:
    b = Builder()
    for _ in range(records):
        record(b, rng)
    return b.text(), b.truth


def chunks(
    rng: random.Random, total_bytes: int, chunk_chars: int = 350_000
) -> Iterator[tuple[str, list[Finding]]]:
    """Chunks of about ``chunk_chars`` characters (≈1 MB of UTF-8) until ``total_bytes``."""
    produced = 0
    while produced < total_bytes:
        b = Builder()
        while b.size < chunk_chars:
            record(b, rng)
        text = b.text()
        produced += len(text.encode())
        yield text, b.truth


@dataclass
class Score:
    true_positive: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)

    def add(self, found: list[Finding], truth: list[Finding]) -> None:
        want = {(f.type, f.start, f.end) for f in truth}
        self.expected.update(f.type for f in truth)
        self.predicted.update(f.type for f in found)
        self.true_positive.update(f.type for f in found if (f.type, f.start, f.end) in want)

    def precision(self, kind: str) -> float:
        return self.true_positive[kind] / self.predicted[kind] if self.predicted[kind] else 1.0

    def recall(self, kind: str) -> float:
        return self.true_positive[kind] / self.expected[kind] if self.expected[kind] else 1.0
