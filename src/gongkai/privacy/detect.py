"""Find personal information in Chinese text.

Speed comes from doing as little per character as possible: each pass is one
compiled regex whose first item is a character class or a literal, so ``re``
skips ahead in C, and Python only looks at the few places that can hold
something.

* numbers: one regex finds "numeric zones" (11+ chars of digits, separators and
  brackets); only inside those does a precise regex run, and the candidates are
  then classified by length and checksums (GB 11643 for ID numbers, Luhn for
  cards);
* e-mail: ``str.find("@")`` and a look either side;
* plates: one regex starting with the province characters;
* names and addresses: only right after a cue word (申请人：, 住址：…), found by
  one regex of literals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter, mul

TYPES = ("id_card", "mobile", "landline", "bank_card", "email", "plate", "name", "address")

# Lower rank wins an overlap (the order); on a tie the longer finding wins.
PRIORITY = {
    "id_card": 0,
    "bank_card": 1,
    "mobile": 2,
    "landline": 3,
    "email": 4,
    "plate": 5,
    "address": 6,
    "name": 7,
}


# Not frozen: a frozen dataclass costs ~4x to build and detect() builds many.
@dataclass(slots=True)
class Finding:
    type: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------
# Checksums
# --------------------------------------------------------------------------

# GB 11643-1999 公民身份号码: weights 2^(17-i) mod 11 and the check characters.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# First two digits of the administrative division code (GB/T 2260), plus
# 81/82/83 used by the residence permits of Hong Kong, Macao and Taiwan people.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)

# Nobody alive was born before this; later than today is a typo or not an ID.
_MIN_BIRTH_YEAR = 1900
_TODAY = dt.datetime.now(tz=dt.UTC).date()


# Sums run over the ASCII bytes, which is several times faster than int() per
# character; the "0" offsets (48 each) are taken off afterwards.
_ID_ASCII_OFFSET = 48 * sum(_ID_WEIGHTS)


def id_check_char(body17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits."""
    if len(body17) != 17 or not body17.isdigit():
        raise ValueError("need exactly 17 digits")
    return _ID_CHECK[(sum(map(mul, body17.encode(), _ID_WEIGHTS)) - _ID_ASCII_OFFSET) % 11]


# Luhn doubles every second digit from the right and adds the digits of the
# product: this table maps b"0".."9" to 0,2,4,6,8,1,3,5,7,9.
_LUHN_DOUBLE = bytes.maketrans(b"0123456789", bytes([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]))


def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812-1 Luhn check (mod 10, doubling every second digit from the right)."""
    raw = digits.encode()
    plain = raw[-1::-2]
    doubled = raw[-2::-2].translate(_LUHN_DOUBLE)
    return (sum(plain) - 48 * len(plain) + sum(doubled)) % 10 == 0


def _all_birth_dates() -> frozenset[str]:
    """Every YYYYMMDD from 1900-01-01 to today: a set lookup beats building dates."""
    day = dt.date(_MIN_BIRTH_YEAR, 1, 1)
    one = dt.timedelta(days=1)
    dates = []
    while day <= _TODAY:
        dates.append(day.strftime("%Y%m%d"))
        day += one
    return frozenset(dates)


_BIRTH_DATES = _all_birth_dates()


def _id_shaped(s: str) -> bool:
    """18 chars with a real province code and birth date, whatever the check digit."""
    return s[:2] in _PROVINCES and s[6:14] in _BIRTH_DATES and s[:17].isdigit()


def is_id18(s: str) -> bool:
    return len(s) == 18 and _id_shaped(s) and id_check_char(s[:17]) == s[17].upper()


def is_id15(s: str) -> bool:
    """Pre-1999 15-digit number: region(6) + YYMMDD + sequence(3), no check digit.

    With no check digit to go on, years 1900-1919 are refused: nobody that old
    still shows up in records, and old 15-digit business registration numbers
    (region + "000123…") would otherwise read as births in 1900.
    """
    return (
        len(s) == 15
        and s[:2] in _PROVINCES
        and s[6:8] >= "20"
        and "19" + s[6:12] in _BIRTH_DATES
        and s.isdigit()
    )


# Issuer identification numbers seen on cards in China: UnionPay 62/60, Visa 4,
# Mastercard 51-55 and 22-27, JCB/Amex/Diners 3x, and the old 9558/9559 cards.
_CARD_PREFIXES = ("62", "60", "4", "51", "52", "53", "54", "55", "22", "23", "24", "25")
_CARD_PREFIXES += ("26", "27", "3", "9558", "9559")


def is_bank_card(digits: str) -> bool:
    if not 16 <= len(digits) <= 19 or not digits.startswith(_CARD_PREFIXES):
        return False
    # An ID-shaped 18-digit number with a bad check digit is a mistyped ID, not a card.
    if len(digits) == 18 and _id_shaped(digits):
        return False
    return luhn_ok(digits)


# --------------------------------------------------------------------------
# Numbers: ID, mobile, landline, bank card
# --------------------------------------------------------------------------

# A run of 11+ characters that could hold a number we care about. Starting with a
# character class lets ``re`` skip the Chinese text in C.
_ZONE_RE = re.compile(r"[0-9+(（][0-9 ()（）+\-－Xx]{10,}")

_AREA = r"0(?:10|2[0-9]|[3-9][0-9]{2})"
_NUMBER_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:"
    r"(?P<mobile>(?:\+?86[ \-]?)?1[3-9][0-9](?:[0-9]{8}|-[0-9]{4}-[0-9]{4}| [0-9]{4} [0-9]{4}))"
    rf"|(?P<landline>(?:\({_AREA}\)|（{_AREA}）|{_AREA}[ \-－])[2-8][0-9]{{6,7}})"
    r"|(?P<grouped>[0-9]{4}(?:[ \-][0-9]{4}){3}(?:[ \-][0-9]{1,3})?)"
    r"|(?P<run>[0-9]{15,19}[Xx]?)"
    r")(?![0-9A-Za-z])"
)


def _classify_run(s: str) -> str | None:
    n = len(s)
    if n == 18:
        if is_id18(s):
            return "id_card"
        return "bank_card" if s.isdigit() and is_bank_card(s) else None
    if n == 15:
        return "id_card" if is_id15(s) else None
    if s.isdigit() and is_bank_card(s):
        return "bank_card"
    return None


def _numbers(text: str, out: list[Finding]) -> None:
    size = len(text)
    number_iter = _NUMBER_RE.finditer
    for zone in _ZONE_RE.finditer(text):
        s = zone.group()
        start, end = zone.span()
        if s.isdigit() or (s[:-1].isdigit() and s[-1] in "Xx"):
            # The common case, a bare digit run: classify it without a second regex.
            if (start and text[start - 1] in _ASCII_ALNUM) or text[end : end + 1] in _ASCII_ALNUM:
                continue
            kind = _classify_bare(s)
            if kind and not _registration_number(kind, s, text, start):
                out.append(Finding(kind, start, end, s))
            continue
        # One character past the zone so the trailing boundary check sees a letter.
        for m in number_iter(text, start, min(size, end + 1)):
            kind = m.lastgroup
            s = m.group()
            if kind == "run":
                kind = _classify_run(s)
            elif kind == "grouped":
                kind = "bank_card" if is_bank_card(_GROUP_SEP_RE.sub("", s)) else None
            if kind and not _registration_number(kind, s, text, m.start()):
                out.append(Finding(kind, m.start(), m.end(), s))


def _registration_number(kind: str, s: str, text: str, start: int) -> bool:
    """A 15-digit old ID look-alike right after 注册号 is a business registration number."""
    return kind == "id_card" and len(s) == 15 and "注册" in text[max(0, start - 8) : start]


_GROUP_SEP_RE = re.compile(r"[ \-]")


def _classify_bare(s: str) -> str | None:
    n = len(s)
    if n == 11:
        return "mobile" if s[0] == "1" and s[1] in "3456789" else None
    if n == 13:
        return "mobile" if s[:3] == "861" and s[3] in "3456789" else None
    if n >= 15:
        return _classify_run(s)
    return None


_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


# --------------------------------------------------------------------------
# E-mail
# --------------------------------------------------------------------------

_EMAIL_LOCAL_RE = re.compile(r"[A-Za-z0-9._%+\-]{1,64}\Z")
_EMAIL_DOMAIN_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
)


def _emails(text: str, out: list[Finding]) -> None:
    at = text.find("@")
    while at != -1:
        local = _EMAIL_LOCAL_RE.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
        if local and domain:
            start = local.start()
            # Local parts neither start nor end with a dot.
            while start < at and text[start] == ".":
                start += 1
            end = domain.end()
            if start < at and text[at - 1] != "." and text[end : end + 1] not in _ASCII_ALNUM:
                out.append(Finding("email", start, end, text[start:end]))
                at = text.find("@", end)
                continue
        at = text.find("@", at + 1)


# --------------------------------------------------------------------------
# Vehicle plates (GA 36-2018)
# --------------------------------------------------------------------------

_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_LETTER = "A-HJ-NP-Z"  # I and O are never used
_PLATE_RE = re.compile(
    rf"[{_PLATE_PROVINCES}][{_PLATE_LETTER}][·•・ ]?"
    rf"(?:[DF][{_PLATE_LETTER}0-9][0-9]{{4}}"  # small new-energy: D/F first, 6 chars
    r"|[0-9]{5}[DF]"  # large new-energy: D/F last
    rf"|[{_PLATE_LETTER}0-9]{{4}}[挂学警港澳领试超]"  # trailer, coach, police, HK/Macao, consulate
    rf"|[{_PLATE_LETTER}0-9]{{5}})"
    r"(?![A-Za-z0-9])"
)
# Embassy plates: 使 + embassy code + serial. A separate regex, because a second
# alternative would stop ``re`` from skipping ahead on the province characters.
_EMBASSY_PLATE_RE = re.compile(r"使[0-9]{3}[·• ]?[0-9]{3}(?![0-9])")


def _plates(text: str, out: list[Finding]) -> None:
    for m in _EMBASSY_PLATE_RE.finditer(text):
        if not (m.start() and text[m.start() - 1] in _ASCII_ALNUM):
            out.append(Finding("plate", m.start(), m.end(), m.group()))
    for m in _PLATE_RE.finditer(text):
        s = m.group()
        start = m.start()
        if start and text[start - 1] in _ASCII_ALNUM:
            continue
        # Ordinary plates carry at most two letters after the issuing-office letter.
        if sum(c.isdigit() for c in s[2:]) < 3:
            continue
        out.append(Finding("plate", start, m.end(), s))


# --------------------------------------------------------------------------
# Names and addresses after cue words
# --------------------------------------------------------------------------

_NAME_CUES = (
    "被处罚人 被申请人 申请人 违法行为人 被执行人 当事人 举报人 投诉人 "
    "法定代表人 委托代理人 联系人 负责人 经办人 收件人 户主 姓名"
).split()
# Cues that name a person even with no colon ("当事人王五因…").
_NAME_CUES_BARE = frozenset(
    "被处罚人 被申请人 申请人 违法行为人 被执行人 当事人 举报人 投诉人".split()
)
_ADDRESS_CUES = (
    "家庭住址 现住址 户籍地址 户籍所在地 居住地址 联系地址 通讯地址 通信地址 住址 地址 现住".split()
)
# Plain 地址 needs a colon; 现住 never does; the rest accept both.
_ADDRESS_COLON_REQUIRED = frozenset(["地址"])

# The cue and the separator after it in one match: one regex call per cue.
_CUE_RE = re.compile(
    "(" + "|".join(sorted(_NAME_CUES + _ADDRESS_CUES, key=len, reverse=True)) + ")"
    r"[ \t\u3000]*([：:])?[ \t\u3000]*"
)
_CUE_KIND = dict.fromkeys(_NAME_CUES, "name") | dict.fromkeys(_ADDRESS_CUES, "address")

_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·•]{0,19}")

# 百家姓: the common single surnames and the compound ones.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉"
    "禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戚勾茅利於呼居揭干但尉冶斯元束檀衣信展阴"
    "昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 尉迟 公孙 长孙 宇文 夏侯 轩辕 端木 百里 呼延 "
    "澹台 南宫 西门 司徒 司空 独孤 万俟 闻人 申屠 太史 拓跋 钟离 第五".split()
)
# Characters that end a name when the cue had no colon ("王五因涉嫌…").
_NAME_FOLLOW = frozenset("因于系涉男女等诉称在向对已未现住，,（(；;。")
# Function characters that never appear inside a given name in running text.
_NOT_IN_NAME = frozenset(
    "的了是在和与及或等请应要将可被为对向由从以按依不无未已其该本所之者人们个并且均"
)
# Words right after a cue that look like names but are not.
_NOT_NAMES = frozenset(
    "陈述 申辩 签名 签字 盖章 身份 信息 姓名 本人 代理 单位 提供 提出 申请 填写 不服 "
    "委托 所在 名称 电话 地址 住址 联系 常务 同志 全称 证件".split()
)


# "张警官", "李科长": a surname and a title point to a role, not to a person.
_TITLES = tuple(
    "警官 先生 女士 同志 老师 师傅 科长 主任 局长 所长 队长 处长 部长 经理 书记 股长 干事 民警".split()
)


def surname_length(name: str) -> int:
    """1 or 2: how many leading characters of ``name`` are its surname."""
    return 2 if name[:2] in _COMPOUND_SURNAMES else 1


def _valid_name(name: str) -> bool:
    if "·" in name or "•" in name:
        parts = re.split("[·•]", name)
        return len(parts) >= 2 and all(1 <= len(p) <= 8 for p in parts)
    if not 2 <= len(name) <= 4 or name in _NOT_NAMES or name[:2] in _NOT_NAMES:
        return False
    if name.endswith(_TITLES):
        return False
    n = surname_length(name)
    if n == 1 and name[0] not in _SURNAMES:
        return False
    if len(name) == 4 and n == 1:
        # Four characters after a single surname are more often a name plus the next word.
        return False
    return _NOT_IN_NAME.isdisjoint(name[n:])


def _name_after(text: str, pos: int, colon: bool, bare_ok: bool) -> tuple[int, int] | None:
    run = _HAN_RUN_RE.match(text, pos)
    if not run:
        return None
    s = run.group()
    end_of_run = run.end()
    if "·" in s or "•" in s:
        # Minority names are taken only when they stand alone.
        return (pos, end_of_run) if colon and _valid_name(s) else None
    if 3 <= len(s) <= 5 and s[-1] in "男女":
        # "姓名：张三男": the sex follows the name with no punctuation.
        s = s[:-1]
        end_of_run -= 1
    if len(s) <= 4 and (colon or text[end_of_run : end_of_run + 1] in _NAME_FOLLOW):
        if _valid_name(s):
            return pos, end_of_run
    if not (colon or bare_ok):
        return None
    # The run goes on into the sentence: cut it where a follow character starts.
    for n in (2, 3, 4):
        if n < len(s) and s[n] in _NAME_FOLLOW and _valid_name(s[:n]):
            return pos, pos + n
    return None


# Up to 80 characters; one more is read only to tell "runs on" from "ends here".
_ADDRESS_BODY_RE = re.compile(r"[^\s，。；;,！!？?（）()\[\]【】、：:“”\"'《》<>|]{4,81}")
_ADDRESS_MARKS = frozenset("省市区县旗镇乡村路街道巷号弄楼室栋幢组屯")
# 地址 after these is an organisation's or a web address, not a person's.
_NOT_PERSONAL_ADDRESS = (
    "网站 网页 网络 网上 邮件 邮箱 电子 IP 办公 单位 机关 受理 办事 窗口 服务 公司 注册 "
    "经营 门户 链接"
).split()


def _address_after(text: str, pos: int) -> tuple[int, int] | None:
    m = _ADDRESS_BODY_RE.match(text, pos)
    if not m:
        return None
    s = m.group()
    end = m.end()
    if len(s) > 80:
        return None  # no punctuation for 80 characters: prose, not an address
    if not ("\u4e00" <= s[0] <= "\u9fff") or "www" in s or "http" in s:
        return None
    if _ADDRESS_MARKS.isdisjoint(s):
        return None
    return pos, end


def _cues(text: str, out: list[Finding], want_name: bool, want_address: bool) -> None:
    for m in _CUE_RE.finditer(text):
        cue, colon_char = m.groups()
        kind = _CUE_KIND[cue]
        if (kind == "name" and not want_name) or (kind == "address" and not want_address):
            continue
        colon = colon_char is not None
        pos = m.end()
        if kind == "name":
            if not colon and cue not in _NAME_CUES_BARE and pos == m.end(1):
                continue
            span = _name_after(text, pos, colon, cue in _NAME_CUES_BARE)
        else:
            span = _address_span(text, m.start(), cue, colon, pos)
        if span:
            out.append(Finding(kind, span[0], span[1], text[span[0] : span[1]]))


def _address_span(text: str, cue_start: int, cue: str, colon: bool, pos: int):
    if cue in _ADDRESS_COLON_REQUIRED:
        if not colon:
            return None
        before = text[max(0, cue_start - 2) : cue_start]
        if any(before.endswith(w) for w in _NOT_PERSONAL_ADDRESS):
            return None
    if cue == "现住" and text[pos : pos + 1] in ("房", "宅", "户", "址"):
        return None
    return _address_after(text, pos)


# --------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------


def _resolve(found: list[Finding]) -> list[Finding]:
    """Keep the best of overlapping findings: by type priority, then by length.

    Findings rarely overlap, so sort by start and only rank within clusters.
    """
    found.sort(key=attrgetter("start"))
    kept: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for f in found:
        if f.start >= cluster_end:
            if len(cluster) == 1:
                kept.append(cluster[0])
            elif cluster:
                _flush(cluster, kept)
            cluster = [f]
            cluster_end = f.end
        else:
            cluster.append(f)
            if f.end > cluster_end:
                cluster_end = f.end
    _flush(cluster, kept)
    return kept


def _flush(cluster: list[Finding], kept: list[Finding]) -> None:
    if len(cluster) == 1:
        kept.append(cluster[0])
        return
    chosen: list[Finding] = []
    for f in sorted(cluster, key=lambda f: (PRIORITY[f.type], f.start - f.end, f.start)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    kept.extend(sorted(chosen, key=lambda f: f.start))


def detect(text: str, types: Iterable[str] | None = None) -> list[Finding]:
    """All personal information in ``text``, sorted by start and non-overlapping."""
    wanted = set(TYPES) if types is None else set(types)
    unknown = wanted - set(TYPES)
    if unknown:
        raise ValueError(f"unknown finding types: {sorted(unknown)}")
    found: list[Finding] = []
    if wanted & {"id_card", "mobile", "landline", "bank_card"}:
        _numbers(text, found)
    if "email" in wanted and "@" in text:
        _emails(text, found)
    if "plate" in wanted:
        _plates(text, found)
    if wanted & {"name", "address"}:
        _cues(text, found, "name" in wanted, "address" in wanted)
    if types is not None:
        found = [f for f in found if f.type in wanted]
    return _resolve(found)
