"""A second generator, with its own rules: personal data in the written forms people use.

Deliberately shares no code with ``gongkai.privacy`` (nor with its ``synth`` module):
check characters are computed here from the standards' formulas (GB 11643-1999: weights
2^(17-i) mod 11; ISO/IEC 7812-1 Luhn), region codes, card issuers, mobile prefixes and
area codes come from lists of its own, and each value is written in one of the forms
seen on real forms and pages: full-width, grouped with spaces or hyphens, with country
codes, lower-case x, full-width brackets, split by a line break. Decoys that must not be
found sit around them: document numbers, dates, amounts, hotlines, the body's own phone,
index numbers, credit codes, numbers with a broken checksum.
"""

from __future__ import annotations

import datetime as dt
import random

from . import Case, Public, parse_marked

REGIONS = ("110101", "110108", "310104", "320106", "330102", "370202", "420106", "440106")
REGIONS += ("440802", "440803", "440823", "510107", "530102", "610113", "140402", "650102")
MOBILE_PREFIXES = ("133", "135", "136", "137", "138", "139", "147", "150", "152", "157")
MOBILE_PREFIXES += ("158", "166", "173", "177", "180", "186", "188", "191", "198", "199")
CARD_ISSUERS = ("622202", "621700", "622848", "436742", "625965", "601382", "622588")
CARD_ISSUERS += ("621226", "622700", "623058", "458123", "524094")
AREA_CODES = ("010", "020", "021", "022", "023", "0759", "0755", "0871", "0355", "0351")
AREA_CODES += ("0571", "0512", "0898", "0931")
MAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com")
MAIL_DOMAINS += ("hotmail.com", "outlook.com", "yeah.net", "aliyun.com")
PINYIN = ("zhang", "wang", "li", "liu", "chen", "huang", "zhou", "wu", "lin", "he", "guo")
PLATE_PROVINCES = "粤京沪苏浙鲁晋云川湘鄂豫冀辽"  # Yunnan plates read 云, not 滇
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"

# Surnames and given-name characters of this generator (a different list from the detector's).
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余"
FAMILY_2 = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英志华建国红梅玉兰德才俊丹晨"
LEADERS = ("周建国", "林海涛")
BODY_PHONE = "0759-3181234"
BODY_ADDRESS = "湛江市赤坎区南桥北路1号"

FULL = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()-+@.",
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ（）－＋＠．",
)


def public() -> Public:
    return Public(names=list(LEADERS), phones=[BODY_PHONE], addresses=[BODY_ADDRESS])


# --------------------------------------------------------------------------
# Values, from the standards' formulas
# --------------------------------------------------------------------------


def gb11643_check(body: str) -> str:
    total = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body))
    return "10X98765432"[total % 11]


def luhn_complete(partial: str) -> str:
    for last in "0123456789":
        digits = [int(c) for c in partial + last][::-1]
        total = sum(
            d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return partial + last
    raise AssertionError("unreachable")


def birth(rng: random.Random, first: int, last: int) -> dt.date:
    return dt.date(first, 1, 1) + dt.timedelta(days=rng.randrange((last - first) * 365))


def id18(rng: random.Random) -> str:
    body = (
        rng.choice(REGIONS)
        + birth(rng, 1935, 2012).strftime("%Y%m%d")
        + f"{rng.randrange(1000):03d}"
    )
    return body + gb11643_check(body)


def id15(rng: random.Random) -> str:
    return (
        rng.choice(REGIONS)
        + birth(rng, 1935, 1999).strftime("%y%m%d")
        + f"{rng.randrange(1000):03d}"
    )


def card(rng: random.Random) -> str:
    length = rng.choice((16, 16, 19))
    partial = rng.choice(CARD_ISSUERS)
    partial += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(partial)))
    return luhn_complete(partial)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random) -> tuple[str, str]:
    area = rng.choice(AREA_CODES)
    size = 8 if len(area) == 3 else rng.choice((7, 8))
    local = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(size - 1))
    return area, local


def person(rng: random.Random) -> str:
    family = rng.choice(FAMILY_2) if rng.random() < 0.06 else rng.choice(FAMILY)
    return family + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


# --------------------------------------------------------------------------
# Written forms
# --------------------------------------------------------------------------


def split_line(s: str, rng: random.Random) -> str:
    cut = rng.randrange(3, len(s) - 2)
    return s[:cut] + rng.choice(("\\n", "\\n", " \\n")) + s[cut:]


def groups(s: str, sizes: tuple[int, ...], sep: str) -> str:
    out, at = [], 0
    for size in sizes:
        out.append(s[at : at + size])
        at += size
    if at < len(s):
        out.append(s[at:])
    return sep.join(out)


def write_id(rng: random.Random) -> str:
    if rng.random() < 0.15:
        value = id15(rng)
        return rng.choice((value, groups(value, (6, 6, 3), " "), value.translate(FULL)))
    value = id18(rng)
    form = rng.randrange(8)
    if value[-1] == "X" and form == 0:
        return value[:-1] + "x"
    return (
        value,
        value,
        groups(value, (6, 8, 4), " "),
        groups(value, (6, 8, 4), "-"),
        value.translate(FULL),
        split_line(value, rng),
        groups(value, (4, 4, 4, 4), " "),
        value.lower(),
    )[form]


def write_mobile(rng: random.Random) -> str:
    value = mobile(rng)
    return rng.choice(
        (
            value,
            groups(value, (3, 4), " "),
            groups(value, (3, 4), "-"),
            "+86 " + value,
            "+86" + value,
            "(+86)" + value,
            "（+86）" + groups(value, (3, 4), " "),
            "0086 " + value,
            value.translate(FULL),
            groups(value, (3, 4), "-").translate(FULL),
            split_line(value, rng),
            groups(value, (3, 4), "."),  # 138.1234.5678, as on business cards
        )
    )


def write_landline(rng: random.Random) -> str:
    area, local = landline(rng)
    return rng.choice(
        (
            f"{area}-{local}",
            f"({area}){local}",
            f"（{area}）{local}",
            f"{area} {local}",
            f"（{area}）{local}".translate(FULL),
            f"{area}-{local}".translate(FULL),
            f"（{area}）－{local}",
            f"+86-{area[1:]}-{local}",
        )
    )


def write_card(rng: random.Random) -> str:
    value = card(rng)
    return rng.choice(
        (
            value,
            groups(value, (4, 4, 4, 4), " "),
            groups(value, (4, 4, 4, 4), "-"),
            value.translate(FULL),
            split_line(value, rng),
        )
    )


def write_email(rng: random.Random) -> str:
    local = rng.choice(PINYIN) + rng.choice(("", ".", "_")) + rng.choice(PINYIN)
    local += str(rng.randrange(1960, 2010)) if rng.random() < 0.5 else ""
    value = f"{local}@{rng.choice(MAIL_DOMAINS)}"
    return rng.choice(
        (value, value, value.upper(), value.replace("@", "＠"), value.translate(FULL))
    )


def write_plate(rng: random.Random) -> str:
    head = rng.choice(PLATE_PROVINCES) + rng.choice(PLATE_LETTERS)
    tail = "".join(rng.choice("0123456789" * 3 + PLATE_LETTERS[:6]) for _ in range(5))
    if sum(c.isdigit() for c in tail) < 3:
        tail = f"{rng.randrange(100000):05d}"
    energy = head + "D" + rng.choice("ABCDEF0123456789") + f"{rng.randrange(10000):04d}"
    return rng.choice((head + tail, head + "·" + tail, head + tail.translate(FULL), energy))


def write_address(rng: random.Random) -> str:
    city = rng.choice(
        ("湛江市赤坎区", "湛江市霞山区", "长治市上党区", "昆明市五华区", "广东省湛江市坡头区")
    )
    road = rng.choice(("人民大道", "解放西路", "青年路", "建设路", "新华街"))
    rest = rng.choice(
        (
            f"{rng.randrange(1, 300)}号",
            f"{rng.randrange(1, 99)}号{rng.randrange(1, 20)}栋{rng.randrange(101, 2500)}室",
        )
    )
    village = rng.choice(("城月镇东村", "韩店镇王村", "塘尾街道三组"))
    return rng.choice((city + road + rest, city + village))


# --------------------------------------------------------------------------
# Sentences around the values, and decoys
# --------------------------------------------------------------------------

ID_CUES = ("身份证号码：", "身份证号：", "证件号码", "公民身份号码 ", "身份证：")
PHONE_CUES = ("联系电话：", "电话", "手机：", "联系方式 ", "手机号码")
CARD_CUES = ("银行卡号：", "退款账户：", "收款账号 ", "卡号")
MAIL_CUES = ("电子邮箱：", "邮箱", "E-mail：")
NAME_TEMPLATES = (
    "申请人：{n}，",
    "当事人{n}因涉嫌违法被查处",
    "来信人{n}反映",
    "举报人：{n}\\n",
    "市民{n}反映，",
    "{n}同志：您好！",
    "{n}的邻居",
    "村民{n}来电",
    "经核查，{n}先生",
    "其妻{n}已签字",
)
DECOYS = (
    "根据湛公通〔2017〕12号文件",
    "国办发〔2016〕80号",
    "于2017年5月1日起施行",
    "发布日期：2019-05-15",
    "罚款1,234.56元",
    "金额12345678901.00元",
    "政务服务便民热线12345",
    "服务热线400-820-8820",
    "举报电话12389",
    "本局咨询电话：" + BODY_PHONE,
    "咨询电话：（0759）3181234",
    "局长周建国同志主持会议",
    "副局长林海涛同志出席",
    "办公地址：" + BODY_ADDRESS,
    "索引号：11440800007013617X/2017-00012",
    "统一社会信用代码：91440800MA4UJK2X3B",
    "邮政编码：524000",
    "共受理申请11件，其中网上申请3件",
    "2017 2018 2019 2020年度报告",
    "第1 2 3 4 5项",
    "请联系张警官",
    "当事人陈述、申辩的权利",
    # Dotted numbers that are not phone numbers.
    "有效期2023.10.08-2025.10.07",
    "服务器地址192.168.100.200",
    "系统版本V10.2.1023.4567",
    "面积12345.678901平方米",
)
FILLER = (
    "经审查，现答复如下。",
    "请于收到本告知书之日起15个工作日内补正。",
    "特此告知。",
    "根据《中华人民共和国政府信息公开条例》第三十六条的规定，",
    "以上信息仅用于办理本次申请。",
)


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 0:
        return f"{rng.choice(ID_CUES)}[[id_card:{write_id(rng)}]]。"
    if kind == 1:
        return f"{rng.choice(PHONE_CUES)}[[mobile:{write_mobile(rng)}]]。"
    if kind == 2:
        return f"{rng.choice(PHONE_CUES)}[[landline:{write_landline(rng)}]]。"
    if kind == 3:
        return f"{rng.choice(CARD_CUES)}[[bank_card:{write_card(rng)}]]。"
    if kind == 4:
        return f"{rng.choice(MAIL_CUES)}[[email:{write_email(rng)}]]。"
    if kind == 5:
        return f"车牌号码[[plate:{write_plate(rng)}]]的车辆。"
    if kind == 6:
        name = person(rng)
        return rng.choice(NAME_TEMPLATES).format(n=f"[[name:{name}]]") + "。"
    cue = rng.choice(("住址：", "家庭住址：", "现住", "通讯地址："))
    return f"{cue}[[address:{write_address(rng)}]]。"


def case(rng: random.Random) -> Case:
    parts = []
    for _ in range(rng.randint(2, 5)):
        parts.append(rng.choice(FILLER))
        parts.append(_sentence(rng))
        if rng.random() < 0.6:
            parts.append(rng.choice(DECOYS) + "。")
    return parse_marked("".join(parts), "forms.py")


def cases(seed: int, count: int) -> list[Case]:
    rng = random.Random(seed)
    return [case(rng) for _ in range(count)]
