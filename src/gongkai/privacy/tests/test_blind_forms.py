"""Forms found missing by the blind evaluation set (tests/blindset, README there) and the
rules that now handle them, one table per rule. Each row: text, expected findings as
(type, written text); the findings must be exactly these."""

import pytest

from gongkai.privacy.detect import PublicData, detect


def found(text: str, public: PublicData | None = None) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in detect(text, public=public)]


# 身份证 cue + an ID-shaped number with a bad check digit: a mistyped ID is still nearly all
# of someone's ID number (blindset README, "ID numbers").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号码440802199103154415经核查", [("id_card", "440802199103154415")]),
        ("提供的身份证号码为110105195501197997，", [("id_card", "110105195501197997")]),
        (
            "身份证号：６１０１１３ １９９２０２２９ ３２１８（补）",
            [("id_card", "６１０１１３ １９９２０２２９ ３２１８")],
        ),
        ("流水号440802199103154415", []),  # no cue: an order or serial number
        ("原登记证件号320102199812115088校验位错误", []),  # 证件号 is any document's number
    ],
)
def test_mistyped_id_after_an_id_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("联系电话：008613914527848", [("mobile", "008613914527848")]),
        ("94  洪海燕  男  0086-15987194800", [("name", "洪海燕"), ("mobile", "0086-15987194800")]),
        ("车牌粤G·8K321粤GD03318这两台车", [("plate", "粤G·8K321"), ("plate", "粤GD03318")]),
    ],
)
def test_number_forms(text, expected):
    assert found(text) == expected


# Names without a cue word: the words around them, table rows, lists, salutations.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("94  洪海燕  男  67  13826081179", [("name", "洪海燕"), ("mobile", "13826081179")]),
        ("3 | 巫国强 | 粤G·D8812 | 2025-01-12", [("name", "巫国强"), ("plate", "粤G·D8812")]),
        ("18\t杜勇\t女\t62\t13826081179", [("name", "杜勇"), ("mobile", "13826081179")]),
        ("72，姚少芬，男，57，13826081179", [("name", "姚少芬"), ("mobile", "13826081179")]),
        ("【湛江公安】姜晓燕您好，您的业务已办结。", [("name", "姜晓燕")]),
        (
            "崔凯驾驶粤G·80348与郭文彬驾驶的车",
            [("name", "崔凯"), ("plate", "粤G·80348"), ("name", "郭文彬")],
        ),
        ("皇甫霞提供的材料", [("name", "皇甫霞")]),
        ("接庞文彬报警：店铺被盗", [("name", "庞文彬")]),
        ("经核实，殷嘉欣、施梓涵二人系夫妻关系。", [("name", "殷嘉欣"), ("name", "施梓涵")]),
        ("李刚：\n您于2022年9月12日提交的申请收悉。", [("name", "李刚")]),
        ("第三方钱惠玲的意见", [("name", "钱惠玲")]),
        (
            "如有疑问请与侯刚联系，电话（0759）3365218。",
            [("name", "侯刚"), ("landline", "（0759）3365218")],
        ),
        ("称其母亲蔡雨桐走失", [("name", "蔡雨桐")]),
        ("我是禤耀祖，我的车被拖走了", [("name", "禤耀祖")]),
        ("姓名范伟明，请退回罚款", [("name", "范伟明")]),
    ],
)
def test_names_without_a_cue_word(text, expected):
    assert found(text) == expected


# The given name alone after a full mention, and another person with the same given name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("村民陈丽娟报警称车被盗。丽娟称车停在楼下。", [("name", "陈丽娟"), ("name", "丽娟")]),
        ("举报人东方亚妹称被打。亚妹要求处理。", [("name", "东方亚妹"), ("name", "亚妹")]),
        ("市民陈小红反映，苏小红也在场。", [("name", "陈小红"), ("name", "苏小红")]),
        ("小红说她不知道。市民陈小红反映", [("name", "陈小红")]),  # not before the full name
        ("市民李建国反映，建国以来首次。", [("name", "李建国")]),  # a common word is not searched
    ],
)
def test_given_name_mentions(text, expected):
    assert found(text) == expected


# Addresses by their shape, with no cue word; offices, venues and companies are not homes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("户口还在雷州市附城镇东山村121号。", [("address", "雷州市附城镇东山村121号")]),
        ("或寄到湛江市麻章区瑞云南路8号，收件人", [("address", "湛江市麻章区瑞云南路8号")]),
        ("车辆停在遂溪县东堤路5巷3号之8楼下", [("address", "遂溪县东堤路5巷3号之8")]),
        (
            "户籍地湛江市麻章区椹川新村12栋2单元2704。",
            [("address", "湛江市麻章区椹川新村12栋2单元2704")],
        ),
        ("办公地址：湛江市赤坎区南桥北路1号", []),
        ("会议地点：霞山区人民大道南18号三楼", []),
        ("某某贸易有限公司，住所地湛江市开发区乐山路27号。", []),
        ("根据湛公〔2025〕12号文件", []),
        ("湛江市公安局2025年第12号通告", []),
    ],
)
def test_addresses_by_shape(text, expected):
    assert found(text) == expected


# Decoys that the wider rules must leave alone.
@pytest.mark.parametrize(
    "text",
    [
        "被处罚人应自收到本决定书之日起十五日内缴纳罚款。",
        "涉及群众切身利益和企业现实利益的事项",
        "私人对政府的了解程度以及参与行政的程度",
        "当事人湛江市某某贸易有限公司",
        "根据湛公通〔2020〕36号，现将有关事项通知如下",
        "举报电话12389，报警电话110，联系电话请见公开指南。",
        "邻居都叫他小名",  # 都 and a pronoun after a context word: no name
    ],
)
def test_decoys(text):
    assert found(text) == []


def test_the_body_s_own_e_mail_is_never_flagged():
    public = PublicData.of(emails=["zjgagk@zhanjiang.gov.cn"])
    assert found("本局电子邮箱：zjgagk@zhanjiang.gov.cn（工作日处理）", public) == []
