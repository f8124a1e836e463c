"""Writes the blind evaluation set for the personal-data detector.

Written blind: this generator and its rules were written without reading the
detector, its evaluation set or its benchmark, and it imports nothing from
gongkai.privacy. Its rules come from the issue text and from how citizens and
clerks in a Chinese public body actually type (see README.md in this folder).

Lines are written in a small markup, ⟦type:written form⟧, which marks an expected
span; the markup is stripped and its offsets become the expected spans. The same
markup is used by the hand-written lines in handwritten.txt.

    python src/gongkai/privacy/tests/blindset/generate.py

rewrites dev.jsonl and heldout.jsonl (deterministic: fixed seed). Lines are split
~75 % / ~25 % by a hash of their text; heldout.jsonl is not to be read while
tuning the detector.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261206

FULL = str.maketrans(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-@.() +",
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ－＠．（）\u3000＋",
)


def full(text: str) -> str:
    return text.translate(FULL)


def mark(kind: str, text: str) -> str:
    return f"⟦{kind}:{text}⟧"


# --------------------------------------------------------------------- numbers
REGIONS = [
    "440802",
    "440803",
    "440804",
    "440811",
    "440823",
    "440825",
    "440881",
    "440882",
    "440883",
    "440106",
    "440304",
    "110101",
    "110105",
    "310104",
    "320102",
    "330106",
    "350203",
    "360102",
    "420106",
    "430102",
    "450102",
    "460105",
    "510107",
    "520102",
    "610113",
]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def birth(rng: random.Random, lo: int, hi: int) -> dt.date:
    start = dt.date(lo, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(hi, 12, 31).toordinal()))


def id18(rng: random.Random, want_x: bool | None = None) -> str:
    while True:
        first = rng.choice(REGIONS) + birth(rng, 1940, 2010).strftime("%Y%m%d")
        first += f"{rng.randint(0, 999):03d}"
        number = first + id_check(first)
        if want_x is None or (number.endswith("X") == want_x):
            return number


def id18_bad_check(rng: random.Random) -> str:
    good = id18(rng, want_x=False)
    wrong = str((int(good[-1]) + rng.randint(1, 8)) % 10)
    return good[:-1] + wrong


def id15(rng: random.Random) -> str:
    day = birth(rng, 1930, 1984)
    return rng.choice(REGIONS) + day.strftime("%y%m%d") + f"{rng.randint(0, 999):03d}"


def split_break(number: str, rng: random.Random) -> str:
    cut = rng.randint(4, len(number) - 3)
    return number[:cut] + "\n" + number[cut:]


def id_written(rng: random.Random, form: str | None = None) -> str:
    forms = [
        "plain",
        "plain",
        "x_lower",
        "x_upper",
        "groups_space",
        "groups_hyphen",
        "full",
        "full_x",
        "break",
        "fours",
        "id15",
        "groups_space_full",
    ]
    form = form or rng.choice(forms)
    if form == "id15":
        return id15(rng)
    if form in ("x_lower", "x_upper", "full_x"):
        number = id18(rng, want_x=True)
    else:
        number = id18(rng)
    if form == "x_lower":
        return number.lower()
    if form == "groups_space":
        return f"{number[:6]} {number[6:14]} {number[14:]}"
    if form == "groups_hyphen":
        return f"{number[:6]}-{number[6:14]}-{number[14:]}"
    if form == "groups_space_full":
        return full(f"{number[:6]} {number[6:14]} {number[14:]}")
    if form == "full":
        return full(number)
    if form == "full_x":
        return full(number[:-1]) + rng.choice("Ｘｘ")
    if form == "break":
        return split_break(number, rng)
    if form == "fours":
        return " ".join(number[i : i + 4] for i in range(0, 18, 4))
    return number


MOBILE_PREFIX = [
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "145",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "170",
    "173",
    "175",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "195",
    "198",
    "199",
]


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIX) + f"{rng.randint(0, 99999999):08d}"


def mobile_written(rng: random.Random, form: str | None = None) -> str:
    forms = [
        "plain",
        "plain",
        "plain",
        "344_space",
        "344_hyphen",
        "plus86",
        "plus86_space",
        "paren86",
        "paren86_full",
        "0086",
        "dots",
        "full",
        "344_full",
        "break",
        "plus86_344",
        "86_hyphen",
    ]
    form = form or rng.choice(forms)
    n = mobile(rng)
    g = f"{n[:3]} {n[3:7]} {n[7:]}"
    return {
        "plain": n,
        "344_space": g,
        "344_hyphen": f"{n[:3]}-{n[3:7]}-{n[7:]}",
        "plus86": "+86" + n,
        "plus86_space": "+86 " + n,
        "paren86": "(+86)" + n,
        "paren86_full": "（+86）" + n,
        "0086": "0086-" + n if rng.random() < 0.5 else "0086" + n,
        "dots": f"{n[:3]}.{n[3:7]}.{n[7:]}",
        "full": full(n),
        "344_full": full(g),
        "break": split_break(n, rng),
        "plus86_344": "+86 " + g,
        "86_hyphen": "86-" + n,
    }[form]


BINS = {
    "622202": 19,
    "621226": 19,
    "621700": 19,
    "622848": 19,
    "621661": 19,
    "622588": 16,
    "621485": 16,
    "622260": 19,
    "623668": 19,
    "625965": 16,
    "622908": 16,
    "621799": 19,
    "622609": 17,
    "628288": 16,
}


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def card(rng: random.Random, length: int | None = None) -> str:
    bin_, default = rng.choice(list(BINS.items()))
    length = length or default
    body = bin_ + "".join(str(rng.randint(0, 9)) for _ in range(length - 7))
    return body + luhn_digit(body)


def card_bad(rng: random.Random) -> str:
    good = card(rng)
    return good[:-1] + str((int(good[-1]) + rng.randint(1, 9)) % 10)


def card_written(rng: random.Random, form: str | None = None) -> str:
    forms = ["plain", "plain", "fours", "fours", "fours_hyphen", "full", "break", "fours_full"]
    form = form or rng.choice(forms)
    n = card(rng, rng.choice([None, None, 16, 17, 18, 19]))
    fours = " ".join(n[i : i + 4] for i in range(0, len(n), 4))
    return {
        "plain": n,
        "fours": fours,
        "fours_hyphen": fours.replace(" ", "-"),
        "full": full(n),
        "break": split_break(n, rng),
        "fours_full": full(fours),
    }[form]


PINYIN = [
    "zhang",
    "wang",
    "li",
    "chen",
    "huang",
    "lin",
    "wu",
    "liang",
    "zhou",
    "he",
    "xiaohong",
    "jianguo",
    "weiming",
    "lihua",
    "haiyan",
    "guoqiang",
    "yanfang",
    "mingming",
    "junjie",
    "xiaoli",
    "dawei",
    "qing",
]
DOMAINS = [
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "foxmail.com",
    "gmail.com",
    "outlook.com",
    "139.com",
    "yeah.net",
    "hotmail.com",
    "sohu.com",
    "aliyun.com",
    "zjnu.edu.cn",
    "gdou.edu.cn",
]


def email_written(rng: random.Random, form: str | None = None) -> str:
    forms = ["plain", "plain", "plain", "qq", "dotted", "fullat", "fullat", "upper", "full_all"]
    form = form or rng.choice(forms)
    if form == "qq":
        return f"{rng.randint(10000, 3999999999)}@qq.com"
    local = rng.choice(PINYIN) + rng.choice(
        ["", str(rng.randint(1, 2009)), "_" + rng.choice(PINYIN)]
    )
    domain = rng.choice(DOMAINS)
    if form == "dotted":
        local = rng.choice(PINYIN) + "." + rng.choice(PINYIN) + str(rng.randint(1, 99))
    text = f"{local}@{domain}"
    if form == "fullat":
        text = text.replace("@", "＠")
    if form == "upper":
        text = text.upper() if rng.random() < 0.5 else local.capitalize() + "@" + domain.upper()
    if form == "full_all":
        text = full(text)
    return text


AREAS = ["0759", "0759", "0759", "020", "0755", "010", "0668", "0662", "021", "0757"]


def landline_written(rng: random.Random, form: str | None = None) -> str:
    forms = [
        "hyphen",
        "hyphen",
        "paren",
        "paren_full",
        "hyphen_full",
        "space",
        "ext_zhuan",
        "ext_hyphen",
        "paren_full_ext",
        "full_all",
        "plus86",
    ]
    form = form or rng.choice(forms)
    area = rng.choice(AREAS)
    digits = 8 if area in ("020", "010", "021", "0755", "0757") else 7
    local = str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))
    ext = str(rng.randint(100, 8999))
    return {
        "hyphen": f"{area}-{local}",
        "paren": f"({area}){local}",
        "paren_full": f"（{area}）{local}",
        "hyphen_full": f"{area}－{local}",
        "space": f"{area} {local}",
        "ext_zhuan": f"{area}-{local}转{ext}",
        "ext_hyphen": f"{area}-{local}-{ext}",
        "paren_full_ext": f"（{area}）{local}转{ext}",
        "full_all": full(f"{area}-{local}"),
        "plus86": f"+86-{area[1:]}-{local}",
    }[form]


PROVINCES = "粤粤粤粤粤桂琼湘闽赣京沪川鄂浙苏"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY"


def plate_written(rng: random.Random, form: str | None = None) -> str:
    forms = ["plain", "dot", "dot", "space", "ne_small", "ne_large", "mixed", "lower", "full"]
    form = form or rng.choice(forms)
    prov = rng.choice(PROVINCES)
    city = "G" if prov == "粤" and rng.random() < 0.6 else rng.choice(LETTERS)
    digits = f"{rng.randint(0, 99999):05d}"
    if form == "ne_small":
        return f"{prov}{city}{rng.choice('DF')}{rng.choice(LETTERS + '0123456789')}{rng.randint(0, 9999):04d}"
    if form == "ne_large":
        return f"{prov}{city}{digits}{rng.choice('DF')}"
    if form == "mixed":
        tail = list(digits)
        tail[rng.randint(0, 2)] = rng.choice(LETTERS)
        return f"{prov}{city}·{''.join(tail)}"
    if form == "dot":
        return f"{prov}{city}·{digits}"
    if form == "space":
        return f"{prov}{city} {digits}"
    if form == "lower":
        return f"{prov}{city.lower()}{digits}"
    if form == "full":
        return prov + full(city + digits)
    return f"{prov}{city}{digits}"


# ----------------------------------------------------------------------- names
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡"
    "蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段"
    "雷龙黎史陶贺顾毛郝龚邵万覃武钱严莫孔向常汤康易乔赖文庞樊兰殷施洪翟安颜倪"
)
RARE = "冼植邝麦岑敖揭禤符湛劳佘招麻练巫甘欧"
COMPOUND = ["欧阳", "司马", "司徒", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "尉迟"]
GIVEN1 = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华辉鹏飞琳婷雪梅斌宇浩凯健波"
GIVEN2 = [
    "建国",
    "建华",
    "小红",
    "晓燕",
    "志明",
    "国强",
    "丽娟",
    "海燕",
    "振华",
    "秀英",
    "桂芳",
    "伟明",
    "家豪",
    "子轩",
    "梓涵",
    "雨桐",
    "思琪",
    "俊杰",
    "文彬",
    "淑贞",
    "亚妹",
    "阿强",
    "金凤",
    "德华",
    "少芬",
    "锦华",
    "永康",
    "惠玲",
    "耀祖",
    "春梅",
    "晓东",
    "嘉欣",
]


def person(rng: random.Random, kind: str | None = None, two: bool = False) -> tuple[str, str]:
    """(full name, given name); two=True for a two-character given name, the only
    kind people use alone as a later mention (小红, 建国)."""
    kind = kind or rng.choices(["common", "rare", "compound"], [0.78, 0.12, 0.10])[0]
    if kind == "compound":
        surname = rng.choice(COMPOUND)
    elif kind == "rare":
        surname = rng.choice(RARE)
    else:
        surname = rng.choice(SURNAMES)
    given = rng.choice(GIVEN2) if two or rng.random() < 0.7 else rng.choice(GIVEN1)
    return surname + given, given


# ------------------------------------------------------------------- addresses
DISTRICTS = [
    ("湛江市", "赤坎区"),
    ("湛江市", "霞山区"),
    ("湛江市", "麻章区"),
    ("湛江市", "坡头区"),
    ("", "遂溪县"),
    ("", "徐闻县"),
    ("", "廉江市"),
    ("", "雷州市"),
    ("", "吴川市"),
]
STREETS = [
    "人民大道南",
    "海滨大道北",
    "中山二路",
    "南桥南路",
    "椹川大道中",
    "解放西路",
    "东堤路",
    "民有路",
    "金沙湾路",
    "乐山路",
    "海宁路",
    "工农路",
    "绿塘路",
    "康宁路",
    "荷花路",
]
ESTATES = ["金沙湾小区", "海景花园", "绿华苑", "南国豪苑", "椹川新村", "东方名苑", "华港花园"]
TOWNS = [
    ("遂溪县", "城月镇", "坡仔村"),
    ("雷州市", "附城镇", "东山村"),
    ("廉江市", "石城镇", "山底村"),
    ("吴川市", "黄坡镇", "大岸村"),
    ("徐闻县", "下洋镇", "迈埚村"),
    ("麻章区", "湖光镇", "世乔村"),
]


def address_written(rng: random.Random) -> str:
    style = rng.randint(0, 4)
    if style == 4:
        county, town, village = rng.choice(TOWNS)
        lead = rng.choice(["广东省", "", ""]) + county
        return f"{lead}{town}{village}{rng.randint(1, 200)}号"
    city, district = rng.choice(DISTRICTS)
    lead = (rng.choice(["广东省", ""]) + city if city else rng.choice(["广东省", ""])) + district
    if rng.random() < 0.3:
        lead = district
    street = rng.choice(STREETS)
    if style == 0:
        return f"{lead}{street}{rng.randint(1, 300)}号"
    if style == 1:
        return f"{lead}{street}{rng.randint(1, 300)}号{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 32)}0{rng.randint(1, 6)}房"
    if style == 2:
        return f"{lead}{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 3)}单元{rng.randint(1, 32)}0{rng.randint(1, 6)}"
    return f"{lead}{street}{rng.randint(1, 90)}巷{rng.randint(1, 40)}号之{rng.randint(1, 9)}"


# ---------------------------------------------------------------------- decoys
def date_cn(rng: random.Random) -> str:
    d = birth(rng, 2018, 2026)
    return rng.choice(
        [
            f"{d.year}年{d.month}月{d.day}日",
            d.isoformat(),
            d.strftime("%Y%m%d"),
            f"{d.year}.{d.month}.{d.day}",
        ]
    )


def docnum(rng: random.Random) -> str:
    year = rng.randint(2017, 2026)
    return rng.choice(
        [
            f"湛公〔{year}〕{rng.randint(1, 300)}号",
            f"湛公通〔{year}〕{rng.randint(1, 90)}号",
            f"粤公通字[{year}]{rng.randint(1, 90)}号",
            f"湛公（赤）行罚决字〔{year}〕{rng.randint(100, 9999)}号",
            f"湛公信公开〔{year}〕第{rng.randint(1, 200)}号",
            f"湛公（霞）不罚决字[{year}]{rng.randint(10, 999)}号",
        ]
    )


def credit_code(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return (
        "91"
        + "4408"
        + rng.choice(["00", "02", "03", "11", "81"])
        + "".join(rng.choice(alphabet) for _ in range(10))
    )


def amount(rng: random.Random) -> str:
    return rng.choice(
        [
            f"人民币{rng.randint(2, 50) * 100}元",
            f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}.00元",
            f"￥{rng.randint(100, 99999)}",
            f"{rng.randint(1, 900)}万元",
            f"罚款{rng.randint(2, 20)}00元",
        ]
    )


def bad_order_number(rng: random.Random) -> str:
    # 18 digits that start like a date-time; the "birth date" part is not a date.
    return f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(13, 23)}{rng.randint(30, 59)}{rng.randint(0, 999999):06d}"


HOTLINES = [
    "12345",
    "110",
    "96128",
    "12389",
    "12315",
    "120",
    "119",
    "122",
    "95588",
    "12110",
    "400-830-1234",
    "95533",
]
BODY_PHONE = "0759-3183110"
BODY_ADDRESS = "湛江市赤坎区军民大道"
BODY_LEADERS = ["周建国"]
# Added after the first measurement: the hand-written lines quote it as the body's own.
BODY_EMAILS = ["zjgagk@zhanjiang.gov.cn"]


# ------------------------------------------------------------------- templates
def templates(rng: random.Random):  # noqa: C901 - a flat table of writing habits
    r = rng

    def P(kind: str | None = None, two: bool = False) -> tuple[str, str]:
        return person(r, kind, two)

    def N(name: str) -> str:
        return mark("name", name)

    def ID(form=None):
        return mark("id", id_written(r, form))

    def MOB(form=None):
        return mark("mobile", mobile_written(r, form))

    def CARD(form=None):
        return mark("bank_card", card_written(r, form))

    def MAIL(form=None):
        return mark("email", email_written(r, form))

    def TEL(form=None):
        return mark("landline", landline_written(r, form))

    def PLATE(form=None):
        return mark("plate", plate_written(r, form))

    def ADDR():
        return mark("address", address_written(r))

    def letter():
        name, given = P()
        return (
            f"尊敬的领导：您好！我是{r.choice(['赤坎区', '霞山区', '麻章区'])}居民{N(name)}，"
            f"身份证号{ID()}，联系电话{MOB()}。{r.choice(['我家楼下', '小区门口', '我们村口'])}"
            f"长期有车辆乱停放，车牌{PLATE()}，多次反映无果，恳请处理。"
        )

    def letter_neighbour():
        a, _ = P()
        b, gb = P(two=True)
        return (
            f"我叫{N(a)}，住在{ADDR()}。{N(a)}的邻居{N(b)}经常深夜喧哗，"
            f"{N(gb)}还把杂物堆在楼道。我的手机{MOB()}，请派出所上门看看。"
        )

    def foi_application():
        name, _ = P()
        return (
            f"政府信息公开申请表\n申请人姓名：{N(name)}\n证件类型：居民身份证\n"
            f"证件号码：{ID()}\n联系电话：{MOB()}\n电子邮箱：{MAIL()}\n"
            f"通信地址：{ADDR()}\n邮政编码：524{r.randint(0, 99):03d}\n"
            f"所需信息内容描述：{docnum(r)}文件全文及其附件。"
        )

    def foi_online():
        name, _ = P()
        return (
            f"申请人{N(name)}于{date_cn(r)}通过网上申请平台提交申请（受理编号GK{r.randint(20240101, 20261231)}{r.randint(1, 999):03d}），"
            f"留下的联系方式为{MOB()}、{MAIL()}。"
        )

    def penalty():
        name, _ = P()
        sex = r.choice(["男", "女"])
        return (
            f"{docnum(r)}\n违法行为人：{N(name)}，性别：{sex}，出生日期：{birth(r, 1960, 2005).strftime('%Y年%m月%d日')}，"
            f"公民身份号码：{ID()}，现住址：{ADDR()}。\n"
            f"现查明：{date_cn(r)}，{N(name)}驾驶{PLATE()}小型轿车在人民大道与海滨大道交叉路口"
            f"违反规定停车。依据《中华人民共和国道路交通安全法》第九十条，决定对其处以{amount(r)}。"
        )

    def penalty_deid():
        surname = r.choice(SURNAMES)
        return (
            f"{docnum(r)}\n违法行为人：{surname}某{r.choice(['', '某'])}，性别：男，"
            f"公民身份号码：{r.choice(REGIONS)}{'*' * 8}{r.randint(1000, 9999)}。"
            f"依据《治安管理处罚法》第{r.choice(['二十三', '二十六', '四十九', '五十'])}条，决定处以{amount(r)}。"
        )

    def notice():
        a, _ = P()
        b, _ = P()
        return (
            f"关于{date_cn(r)}道路交通事故情况的通报\n{date_cn(r)}，{N(a)}驾驶{PLATE()}与{N(b)}驾驶的"
            f"{PLATE()}在{r.choice(STREETS)}路段发生碰撞，无人员伤亡。如有目击者请拨打{BODY_PHONE}或{r.choice(HOTLINES)}。"
        )

    def minutes():
        a, _ = P()
        b, _ = P()
        return (
            f"会议纪要（{date_cn(r)}）\n出席：局长{BODY_LEADERS[0]}，政务公开办公室、法制支队负责同志。\n"
            f"会议听取了群众{N(a)}反映的问题（联系电话{MOB()}），{N(b)}同志作为第三方列席。"
            f"会议要求按{docnum(r)}规定，在{r.randint(5, 20)}个工作日内答复。"
        )

    def table_row():
        name, _ = P()
        sep = r.choice(["\t", " | ", "  ", "，"])
        cells = [
            str(r.randint(1, 120)),
            N(name),
            r.choice(["男", "女"]),
            str(r.randint(18, 85)),
            ID(),
            MOB(),
            ADDR(),
        ]
        return sep.join(cells)

    def table_row_short():
        name, _ = P()
        sep = r.choice(["\t", " | ", "  "])
        return sep.join([str(r.randint(1, 300)), N(name), PLATE(), MOB(), date_cn(r), amount(r)])

    def sms():
        name, given = P(two=True)
        return r.choice(
            [
                f"【湛江公安】{N(name)}您好，您的户籍业务已办结，请凭身份证到窗口领取。咨询{BODY_PHONE}。",
                f"您好我是{N(name)}，我的车{PLATE()}被拖走了，电话{MOB()}，麻烦回个电话",
                f"转账到我卡上就行{CARD()}，户名{N(name)}，建设银行",
                f"{N(given)}，明天上午九点到霞山派出所做笔录，带上身份证。有事打{MOB()}。",
                f"老板您好，发票抬头写{N(name)}，邮箱{MAIL()}，谢谢",
            ]
        )

    def refund():
        name, _ = P()
        return (
            f"退款申请：申请人{N(name)}，开户行：中国{r.choice(['工商', '建设', '农业', '中国'])}银行湛江分行，"
            f"账号：{CARD()}，退还{amount(r)}。"
        )

    def reply_letter():
        name, given = P()
        return (
            f"{N(name)}：\n您于{date_cn(r)}提交的政府信息公开申请收悉。经查，您申请的信息属于公开范围，"
            f"现将有关材料以电子邮件发送至{MAIL()}。如对本答复不服，可依法申请行政复议。\n"
            f"联系人：政务公开办公室，电话：{BODY_PHONE}，地址：{BODY_ADDRESS}。"
        )

    def given_later():
        name, given = P(two=True)
        other, _ = P()
        return (
            f"{date_cn(r)}晚，{r.choice(['村民', '市民', '居民', '群众'])}{N(name)}报警称其电动车被盗。"
            f"民警到场后，{N(given)}称车辆停在{ADDR()}楼下，{N(given)}的丈夫{N(other)}也证实了这一情况。"
        )

    def no_cue():
        a, _ = P()
        b, gb = P(two=True)
        return r.choice(
            [
                f"{N(a)}同志工作认真负责，被评为先进个人。",
                f"{N(a)}的儿子{N(b)}今年刚满十八岁，{N(gb)}想办理身份证。",
                f"据{N(a)}反映，{N(b)}欠款不还，{N(gb)}已搬离原住处。",
                f"{N(a)}先生于{date_cn(r)}来电，称其母亲{N(b)}走失。",
                f"经核实，{N(a)}、{N(b)}二人系夫妻关系。",
                f"{N(a)}女士表示对处理结果满意。",
                f"{N(a)}（{r.choice(['男', '女'])}，{r.randint(20, 80)}岁）因涉嫌盗窃被依法刑事拘留。",
                f"患者{N(a)}，家属{N(b)}，联系方式{MOB()}。",
            ]
        )

    def cue_variants():
        a, _ = P()
        cue = r.choice(
            [
                "申请人：",
                "申请人",
                "当事人：",
                "联系人：",
                "来信人：",
                "举报人",
                "第三方",
                "投诉人：",
                "被投诉人",
                "反映人：",
                "委托代理人：",
                "法定代理人",
                "收件人：",
                "姓名：",
                "户主：",
                "报警人",
                "证人",
                "受害人",
                "嫌疑人",
            ]
        )
        return f"{cue}{N(a)}，{r.choice(['电话', '手机', '联系方式', 'Tel:'])}{MOB()}"

    def compound():
        a, ga = P("compound", two=True)
        return (
            f"举报人{N(a)}称，{date_cn(r)}在{r.choice(STREETS)}被人殴打。{N(ga)}要求公安机关依法处理，"
            f"其电子邮箱为{MAIL()}。"
        )

    def landline_line():
        name, _ = P()
        return r.choice(
            [
                f"联系人：{N(name)}，办公电话：{TEL()}，手机：{MOB()}",
                f"来信人{N(name)}留下的固定电话是{TEL()}。",
                f"传真：{TEL()}；本局值班电话{BODY_PHONE}（公开）。",
                f"如有疑问请与{N(name)}联系，电话{TEL()}。",
            ]
        )

    def id_focus():
        name, _ = P()
        return r.choice(
            [
                f"身份证：{ID()}",
                f"{N(name)} {ID()}",
                f"公民身份号码{ID()}，户籍地{ADDR()}。",
                f"经查询，{N(name)}（身份证号码：{ID()}）名下登记有机动车{PLATE()}。",
                f"证件号：{ID()}  手机：{MOB()}",
            ]
        )

    def mobile_focus():
        return r.choice(
            [
                f"电话：{MOB()}",
                f"手机号{MOB()}（微信同号）",
                f"有事请联系我：{MOB()}，或者{MOB()}",
                f"Tel：{MOB()}",
                f"联系方式：{MOB()}/{MAIL()}",
            ]
        )

    def card_focus():
        name, _ = P()
        return r.choice(
            [
                f"银行卡号：{CARD()}",
                f"收款人：{N(name)}，卡号{CARD()}，开户行农行霞山支行。",
                f"被骗款项转入对方账户{CARD()}，共计{amount(r)}。",
                f"受害人{N(name)}名下银行卡{CARD()}被冻结。",
            ]
        )

    def decoys():
        return r.choice(
            [
                f"根据{docnum(r)}，现将有关事项通知如下：",
                f"本机关于{date_cn(r)}收到申请，于{date_cn(r)}作出答复，期限为20个工作日。",
                f"统一社会信用代码：{credit_code(r)}，罚款{amount(r)}。",
                f"如有问题请拨打政务服务便民热线{r.choice(HOTLINES)}，或者拨打{r.choice(HOTLINES)}报警。",
                f"政府信息公开工作机构：{BODY_ADDRESS}（湛江市公安局），邮政编码524{r.randint(0, 99):03d}，电话{BODY_PHONE}。",
                f"依据《中华人民共和国政府信息公开条例》第{r.choice(['十五', '十六', '三十三', '三十六'])}条第{r.choice(['一', '二', '三'])}款第（{r.choice(['一', '二', '三'])}）项之规定。",
                "身份证号码填写示例：11010119900307XXXX（共18位）。",
                f"身份证号码格式示例：{r.choice(REGIONS)}{r.randint(1950, 2000)}{'*' * 6}{r.randint(10, 99)}，请勿填写他人号码。",
                f"手机号已脱敏为{r.choice(MOBILE_PREFIX)}****{r.randint(1000, 9999)}。",
                f"订单号：{bad_order_number(r)}，金额{amount(r)}。",
                f"快递单号SF{r.randint(10**12, 10**13 - 1)}，已于{date_cn(r)}签收。",
                f"本年度共受理申请{r.randint(10, 999)}件，办结率{r.randint(90, 100)}%，答复时限平均{r.randint(5, 15)}个工作日。",
                f"执法证号：{r.choice(['44', '45'])}0{r.randint(1000000, 9999999)}，执法人员出示证件。",
                f"附件：{r.randint(1, 9)}.{r.choice(['申请表', '答复书', '送达回证'])}（共{r.randint(1, 30)}页）",
                f"会议时间：{date_cn(r)} {r.randint(8, 17)}:{r.randint(0, 59):02d}，地点：三楼会议室。",
                f"经局长{BODY_LEADERS[0]}批准，同意延长答复期限。",
                f"非税收入缴款账号：{card_bad(r)}，请于15日内缴纳。",
                f"全市共有{r.choice(['王村', '张家', '李屋', '黄坡镇', '林场', '高新区', '金沙湾', '石门'])}等{r.randint(2, 50)}个点位完成整治。",
                f"张某、李某某等{r.randint(2, 9)}人因{r.choice(['赌博', '盗窃', '寻衅滋事'])}被依法处理。",
                f"本单位文书编号规则为年份加流水号，如{r.randint(2017, 2026)}{r.randint(1, 99999):05d}。",
                f"{r.choice(['王府井', '黄埔区', '高州市', '方正县', '宋庆龄基金会', '万达广场', '华润万家', '金沙湾广场'])}的相关情况已转交属地处理。",
                f"坐标：北纬21.{r.randint(100000, 999999)}，东经110.{r.randint(100000, 999999)}。",
                f"本次专项行动查获涉案金额{r.randint(1000000, 99999999)}元，涉案人数{r.randint(3, 200)}人。",
                f"平台统计：访问量{r.randint(10**10, 10**11 - 1)}次，下载{r.randint(1000, 99999)}次。",
            ]
        )

    def bad_check_with_cue():
        name, _ = P()
        return f"{N(name)}提供的身份证号码为{mark('id', id18_bad_check(r))}，经核查与户籍信息不符。"

    return [
        (letter, 3),
        (letter_neighbour, 2),
        (foi_application, 3),
        (foi_online, 2),
        (penalty, 3),
        (penalty_deid, 1),
        (notice, 2),
        (minutes, 2),
        (table_row, 4),
        (table_row_short, 2),
        (sms, 3),
        (refund, 2),
        (reply_letter, 2),
        (given_later, 3),
        (no_cue, 4),
        (cue_variants, 3),
        (compound, 2),
        (landline_line, 6),
        (id_focus, 4),
        (mobile_focus, 4),
        (card_focus, 3),
        (decoys, 6),
        (bad_check_with_cue, 1),
    ]


MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧", re.S)
TYPES = {"id", "mobile", "bank_card", "email", "landline", "plate", "name", "address"}


def parse(markup: str) -> dict:
    """Strips ⟦type:text⟧ marks; returns the text and its expected spans."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for match in MARK.finditer(markup):
        before = markup[pos : match.start()]
        out.append(before)
        length += len(before)
        kind, written = match.group(1), match.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} in {markup!r}")
        spans.append({"start": length, "end": length + len(written), "type": kind, "text": written})
        out.append(written)
        length += len(written)
        pos = match.end()
    out.append(markup[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise ValueError(f"unbalanced mark in {markup!r}")
    return {"text": text, "spans": spans}


def handwritten() -> list[tuple[str, str]]:
    lines = []
    for raw in (HERE / "handwritten.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        genre, _, body = raw.partition("\t")
        lines.append((genre, body.replace("\\n", "\n")))
    return lines


def heldout(text: str) -> bool:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 4 == 0


def build(count: int = 560) -> tuple[list[dict], list[dict]]:
    rng = random.Random(SEED)
    table = templates(rng)
    makers = [maker for maker, weight in table for _ in range(weight)]
    rows: list[tuple[str, str]] = [("hand:" + genre, body) for genre, body in handwritten()]
    for _ in range(count):
        maker = rng.choice(makers)
        rows.append((maker.__name__, maker()))
    dev, held = [], []
    seen: set[str] = set()
    for genre, markup in rows:
        item = parse(markup)
        if item["text"] in seen:
            continue
        seen.add(item["text"])
        item = {"genre": genre, **item}
        (held if heldout(item["text"]) else dev).append(item)
    for i, item in enumerate(dev):
        item["line"] = f"dev-{i:04d}"
    for i, item in enumerate(held):
        item["line"] = f"held-{i:04d}"
    return dev, held


def write(path: Path, items: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            row = {
                "line": item["line"],
                "genre": item["genre"],
                "text": item["text"],
                "spans": item["spans"],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    dev, held = build()
    write(HERE / "dev.jsonl", dev)
    write(HERE / "heldout.jsonl", held)
    body = {
        "phones": [BODY_PHONE],
        "addresses": [BODY_ADDRESS],
        "officials": BODY_LEADERS,
        "emails": BODY_EMAILS,
    }
    (HERE / "body.json").write_text(
        json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"dev {len(dev)} lines, heldout {len(held)} lines")


if __name__ == "__main__":
    main()
