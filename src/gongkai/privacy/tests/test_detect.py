"""Detection of personal information.

Why: 《政府信息公开条例》 art. 15 withholds personal privacy from disclosure, and
国办发〔2016〕80号 requires 去标识化 (de-identification) of personal data before
publishing; a missed ID number is a leak, a false alarm buries the reviewer.
"""

import pytest

from gongkai.privacy import TYPES, Finding, detect
from gongkai.privacy.detect import id_check_char, is_bank_card, is_id15, is_id18, luhn_ok

from .samples import DOCUMENTS


def as_tuples(findings):
    return [(f.type, f.start, f.end, f.text) for f in findings]


# GB 11643-1999 §8.2 check character: sum(a_i * W_i) mod 11 -> "10X98765432".
# 11010519491231002X is the worked example of the standard.
@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("11010519491231002", "X"),
        ("44080219850312123", "X"),
        ("44080319920715456", "4"),
        ("44082319780101002", "5"),
        ("53010220000229001", "2"),
    ],
)
def test_id_check_char(body, check):
    assert id_check_char(body) == check


def test_id_check_char_rejects_bad_input():
    with pytest.raises(ValueError):
        id_check_char("4408021985031212")


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("11010519491231002X", True),
        ("11010519491231002x", True),
        ("110105194912310021", False),  # wrong check digit
        ("11010519491331002X", False),  # month 13
        ("990105194912310021", False),  # no province 99
        ("110105189912310025", False),  # born 1899: not a living person
        ("110105209912310023", False),  # born in the future
        ("11440800007013617X", False),  # an index number, not an ID
    ],
)
def test_is_id18(number, valid):
    assert is_id18(number) is valid


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("440802850312123", True),
        ("440802851312123", False),  # month 13
        ("990802850312123", False),  # no province 99
        ("440802000123456", False),  # 1900-01-23: a 注册号 shape, not a living person
    ],
)
def test_is_id15(number, valid):
    assert is_id15(number) is valid


# ISO/IEC 7812-1 Annex B (Luhn). 79927398713 is the textbook example.
@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("79927398713", True),
        ("79927398710", False),
        ("4111111111111111", True),
        ("6217000012345670", True),
        ("6222021234567890128", True),
        ("6222021234567890127", False),
    ],
)
def test_luhn(digits, valid):
    assert luhn_ok(digits) is valid


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("6222021234567890128", True),
        ("4367420012345673", True),
        ("6228480000111122222", True),
        ("1234567812345670", False),  # Luhn-valid but no card issuer starts with 1
        ("6222021234567890127", False),  # Luhn fails
        ("440802198503121237", False),  # ID-shaped with a bad check digit: a mistyped ID
    ],
)
def test_is_bank_card(digits, valid):
    assert is_bank_card(digits) is valid


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [(n, t, e) for n, t, e, _ in DOCUMENTS],
    ids=[d[0] for d in DOCUMENTS],
)
def test_documents(name, text, expected):
    assert as_tuples(detect(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # id_card
        ("身份证号：11010519491231002X。", [("id_card", 5, 23, "11010519491231002X")]),
        ("老身份证440802850312123，", [("id_card", 4, 19, "440802850312123")]),
        # mobile: plain, separated, with country code
        ("手机13812345678", [("mobile", 2, 13, "13812345678")]),
        ("电话：138-1234-5678。", [("mobile", 3, 16, "138-1234-5678")]),
        ("电话：138 1234 5678。", [("mobile", 3, 16, "138 1234 5678")]),
        ("电话+86 13812345678", [("mobile", 2, 17, "+86 13812345678")]),
        ("电话8613812345678", [("mobile", 2, 15, "8613812345678")]),
        ("电话+86-19912345678；", [("mobile", 2, 17, "+86-19912345678")]),
        # mobile with dots, beside another number in the same run of digits and spaces
        (
            "手机138.1234.5678 13912345678",
            [("mobile", 2, 15, "138.1234.5678"), ("mobile", 16, 27, "13912345678")],
        ),
        ("电话１３８．１２３４．５６７８。", [("mobile", 2, 15, "１３８．１２３４．５６７８")]),
        # landline: dash, brackets (ASCII and full width), space
        ("电话：0759-3183120", [("landline", 3, 15, "0759-3183120")]),
        ("电话：(0759)3183120", [("landline", 3, 16, "(0759)3183120")]),
        ("电话：（020）83456789", [("landline", 3, 16, "（020）83456789")]),
        # Local numbers never start with 0 or 1 (those are trunk and special-service prefixes).
        ("电话：（020）12345678", []),
        ("电话：0759 3183120", [("landline", 3, 15, "0759 3183120")]),
        ("电话：010-62345678转8001", [("landline", 3, 20, "010-62345678转8001")]),
        # bank_card: plain and grouped
        ("卡号6222021234567890128。", [("bank_card", 2, 21, "6222021234567890128")]),
        ("卡号6217-0000-1234-5670", [("bank_card", 2, 21, "6217-0000-1234-5670")]),
        ("卡号4367 4200 1234 5673", [("bank_card", 2, 21, "4367 4200 1234 5673")]),
        # email
        ("邮箱zhang.san@example.com。", [("email", 2, 23, "zhang.san@example.com")]),
        ("发送至645879355@qq.com", [("email", 3, 19, "645879355@qq.com")]),
        # plate: ordinary, new energy (small and large), separators, suffixes, embassy
        ("车牌粤G12345。", [("plate", 2, 9, "粤G12345")]),
        ("车牌粤G·D12345", [("plate", 2, 11, "粤G·D12345")]),
        ("车牌粤GD12345", [("plate", 2, 10, "粤GD12345")]),
        ("车牌粤G 12345D", [("plate", 2, 11, "粤G 12345D")]),
        ("车牌京A1234警", [("plate", 2, 9, "京A1234警")]),
        ("车牌使014578", [("plate", 2, 9, "使014578")]),
        # name: with and without a colon
        ("申请人：张三，", [("name", 4, 6, "张三")]),
        ("姓名：李四\n", [("name", 3, 5, "李四")]),
        ("当事人王五因涉嫌盗窃", [("name", 3, 5, "王五")]),
        ("被处罚人：诸葛亮", [("name", 5, 8, "诸葛亮")]),
        ("法定代表人：司马相如。", [("name", 6, 10, "司马相如")]),
        ("联系人: 刘洋（科员）", [("name", 5, 7, "刘洋")]),
        ("姓名：张三男，汉族", [("name", 3, 5, "张三")]),
        # address: colon cues run to the next punctuation; 现住 needs no colon
        (
            "住址：广东省湛江市赤坎区人民大道南88号，",
            [("address", 3, 20, "广东省湛江市赤坎区人民大道南88号")],
        ),
        ("家庭住址：湛江市霞山区解放西路1号", [("address", 5, 17, "湛江市霞山区解放西路1号")]),
        ("地址：吴川市塘尾街道新华路3号。", [("address", 3, 15, "吴川市塘尾街道新华路3号")]),
        ("现住遂溪县城月镇东村。", [("address", 2, 10, "遂溪县城月镇东村")]),
    ],
)
def test_planted(text, expected):
    assert as_tuples(detect(text)) == expected


# Must never be flagged: document numbers, dates, amounts, hotlines, index numbers,
# credit codes, numbers with a wrong check digit, and cue words used as plain words.
@pytest.mark.parametrize(
    "text",
    [
        "根据湛公通〔2017〕12号文件",
        "国办函〔2020〕109号",
        "于2017年5月1日起施行",
        "发布日期：2019-05-15",
        "截止日期20190515前报送",
        "发布时间：2018-08-23 10:56:28",
        "罚款1,234.56元",
        "投资100万元",
        "金额12345678901.00元",
        "政务服务便民热线12345",
        "报警电话110",
        "举报电话12389",
        "客服电话95588",
        "服务热线400-820-8820",
        "索引号：11440800007013617X/2017-00012",
        "统一社会信用代码：91440800MA4UJK2X3B",
        # ID-shaped with a bad check digit and no ID cue (after 身份证号 it is a mistyped ID:
        # test_blind_forms.py)
        "流水号440802198503121231",  # check digit should be X
        "流水号440802198503121237",  # not a bank card either, though it starts with 4
        "卡号6222021234567890127",  # fails Luhn
        "编号138123456789",  # 12 digits: not a mobile inside a longer run
        "版本1.138.1234.5678",  # dotted, but inside a longer dotted number
        "版本138.1234.5678.9",
        "有效期2023.10.08-2025.10.07",
        "流水号2019051513812345678",
        "订单号20230515123456789012",
        "邮政编码：524000",
        "营业执照注册号：440802500123456",  # 15 digits with a date-like middle
        "注册号 440802500123456 （已注销）",
        "申请人申请公开的政府信息属于本机关负责公开的",
        "当事人陈述、申辩的权利",
        "联系人及联系方式",
        "主要负责人要带头接受媒体采访",
        "请联系张警官",
        "联系人：张警官",
        "网站地址：www.zhanjiang.gov.cn",
        "办公地址：湛江市赤坎区南桥北路1号",
        "地址不详",
        "住址：" + "湛江市赤坎区人民大道南" * 9,  # 99 characters with no punctuation: prose
        "现住房制度改革",
        "云南省公安厅2017年政府信息公开工作年度报告",
        "新A型号",
        "第二批试点工作，共23项任务",
    ],
)
def test_not_flagged(text):
    assert detect(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An 18-digit valid ID is an ID even though it could also pass Luhn as a card.
        ("号码440803199207154564", [("id_card", 2, 20, "440803199207154564")]),
        # A mobile inside an address: the mobile (higher priority) wins, the address is cut off.
        ("地址：13812345678", [("mobile", 3, 14, "13812345678")]),
        # The email domain is not read as a plate, the address stops at the comma.
        (
            "住址：湛江市赤坎区1号，邮箱a@b.cn",
            [("address", 3, 11, "湛江市赤坎区1号"), ("email", 14, 20, "a@b.cn")],
        ),
    ],
)
def test_overlaps_and_priority(text, expected):
    assert as_tuples(detect(text)) == expected


def test_resolve_prefers_priority_then_length():
    from gongkai.privacy.detect import _resolve

    found = [
        Finding("name", 0, 3, "abc"),
        Finding("address", 0, 10, "abcdefghij"),
        Finding("mobile", 5, 16, "x" * 11),
        Finding("email", 20, 25, "a@b.c"),
        Finding("plate", 22, 24, "xy"),
    ]
    assert as_tuples(_resolve(found)) == [
        ("name", 0, 3, "abc"),
        ("mobile", 5, 16, "x" * 11),
        ("email", 20, 25, "a@b.c"),
    ]


def test_types_subset():
    text = "申请人：张三，手机13812345678，邮箱z@example.com"
    assert as_tuples(detect(text, types=["mobile", "email"])) == [
        ("mobile", 9, 20, "13812345678"),
        ("email", 23, 36, "z@example.com"),
    ]
    assert as_tuples(detect(text, types={"name"})) == [("name", 4, 6, "张三")]


def test_unknown_type_is_an_error():
    with pytest.raises(ValueError):
        detect("x", types=["passport"])


def test_types_constant():
    assert TYPES == (
        "id_card",
        "mobile",
        "landline",
        "bank_card",
        "email",
        "plate",
        "name",
        "address",
    )


def test_findings_sorted_and_disjoint():
    text = "\n".join(d[1] for d in DOCUMENTS) * 3
    found = detect(text)
    assert len(found) == 3 * sum(len(d[2]) for d in DOCUMENTS)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[f.start : f.end] == f.text for f in found)


def test_empty_text():
    assert detect("") == []
