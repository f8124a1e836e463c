"""Names written the way clerks and citizens write them, with no cue word (issue 12).

A private person's name is personal information (《个人信息保护法》 art. 4) and stays out of
disclosure (《政府信息公开条例》 art. 15): it is masked wherever it stands. The names of
officials acting in office are not: the body lists them as published (PublicData).
These rows were written by hand for the rules in names.py (bare_names, the title words, the
given name addressing the reader, the rare surnames), apart from the blind set. Each row: a
sentence, and exactly the findings expected in it."""

import pytest

from gongkai.privacy.detect import PublicData, detect


def found(text: str, public: PublicData | None = None) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in detect(text, public=public)]


# A name standing bare in a sentence: after punctuation, 的, 由, 与… and before the words
# that go on about the person.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经查，林志强于2024年3月在赤坎区某小区内饲养犬只扰民。", [("name", "林志强")]),
        ("据了解，冯志伟系该公司员工。", [("name", "冯志伟")]),
        ("经调解，曾德明与罗丽萍达成协议。", [("name", "曾德明"), ("name", "罗丽萍")]),
        ("送达回证由卢志强签收。", [("name", "卢志强")]),
        ("该房屋由韦春兰居住至今。", [("name", "韦春兰")]),
        ("当晚，冼志明驾车途经海滨大道时被查。", [("name", "冼志明")]),
        ("会上，区伟强介绍了村里的情况。", [("name", "区伟强")]),
        ("回访时，钟美华对处理结果表示满意。", [("name", "钟美华")]),
        ("附件：谭俊杰的身份证复印件。", [("name", "谭俊杰")]),
        ("我们村的麻阿强又在村口堵路。", [("name", "麻阿强")]),
        ("本案由周建明、刘海涛负责办理。", [("name", "周建明"), ("name", "刘海涛")]),
        ("欧阳文静、司徒建华两人均未到场。", [("name", "欧阳文静"), ("name", "司徒建华")]),
        ("（邓丽，女，1985年生）", [("name", "邓丽")]),
        ("昨天林秀英去了派出所。", [("name", "林秀英")]),
        ("当晚梁志刚饮酒后驾车。", [("name", "梁志刚")]),
        (
            "6217 0036 6712 7684 261 建行 侯振华",
            [("bank_card", "6217 0036 6712 7684 261"), ("name", "侯振华")],
        ),
    ],
)
def test_bare_names(text, expected):
    assert found(text) == expected


# The name found once is masked at every later mention, and its given name alone after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "据马志明反映，蔡伟明欠款不还，伟明已搬离原住处。",
            [("name", "马志明"), ("name", "蔡伟明"), ("name", "伟明")],
        ),
        (
            "现场民警询问了黄美玲，黄美玲表示不清楚。",
            [("name", "黄美玲"), ("name", "黄美玲")],
        ),
        ("吴秀兰称其丈夫陈国栋长期在外务工。", [("name", "吴秀兰"), ("name", "陈国栋")]),
    ],
)
def test_names_propagate(text, expected):
    assert found(text) == expected


# A full name before a word for what the person does; a surname alone with it is a role.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("兰婷老师带着学生参加了比赛。", [("name", "兰婷")]),
        ("龚丽娟医生为伤者进行了包扎。", [("name", "龚丽娟")]),
        ("走访中，莫桂英老人说起了当年的事。", [("name", "莫桂英")]),
        ("请找王老师咨询。", []),
        ("和李老师一起参加。", []),
    ],
)
def test_names_before_titles(text, expected):
    assert found(text) == expected


# A given name alone addressing the reader, on a line with personal data or a 你/您/请.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "德华，明天上午九点到霞山派出所做笔录。有事打13826088765。",
            [("name", "德华"), ("mobile", "13826088765")],
        ),
        ("【提醒】小红你的包裹已放到驿站。", [("name", "小红")]),
        ("阿明你好，你的快递到了。", [("name", "阿明")]),
        ("杨帆，你上次说的事情已经办好了。", [("name", "杨帆")]),
        ("春节，全市共接待游客120万人次。", []),
        ("同时，要加强对基层单位的指导。", []),
    ],
)
def test_given_name_addressing_the_reader(text, expected):
    assert found(text) == expected


# Rare surnames (仉, 庹, 逄…) and the context words that were missing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("仉建华同志的申请已受理。", [("name", "仉建华")]),
        ("庹明亮先生来电咨询落户政策。", [("name", "庹明亮")]),
        ("逄春燕女士反映小区停车难。", [("name", "逄春燕")]),
        ("举报麦耀祖在廉江市开设赌场。", [("name", "麦耀祖")]),
        ("市民郑晓东来电反映噪音问题。", [("name", "郑晓东")]),  # 来电 is no name
    ],
)
def test_rare_surnames_and_context_words(text, expected):
    assert found(text) == expected


# Government prose, places and organisations that begin with a surname character, masked
# forms and officials in office: none is a private person's name.
@pytest.mark.parametrize(
    "text",
    [
        "文明城市创建工作扎实推进，成效明显。",
        "金华市、丽水市、台州市等地积极响应。",
        "黄金周期间，全市接待游客120万人次。",
        "林业局、海洋局、水务局派员参加会议。",
        "王府井、黄埔区、高州市均有网点。",
        "张某某、李某于当日到场。",
        "张警官、李科长参加了会议。",
        "由海洋局牵头，林业局配合。",
        "与会人员就有关问题进行了讨论。",
        "向阳花园、金海岸小区、丽晶花园等小区已完成改造。",
        "明年，我局将继续推进该项工作。",
        "经审查，该信息属于国家秘密。",
        "（来源：湛江市公安局）",
        "梁平区、丰都县、巫山县的代表参加了座谈。",
        "华南理工大学、暨南大学的专家参加了评审。",
        "金秋十月，硕果累累。",
        "当晚，民警到场处置。",
        "之后高峰时段限行。",
        "天河区、海珠区的群众",
        "填写要遮盖的原文文字（不超过200字）",
        "据悉，金海湾小区、丽景花园、海悦华庭将进行改造。",
        "邀请，白云山、越秀山景区管理处参与。",
        "随后，高明、三水、顺德等区跟进。",
        "湛江、茂名、阳江、云浮、肇庆、江门、佛山、韶关、河源、梅州等市参加。",
    ],
)
def test_decoys(text):
    assert found(text) == []


def test_an_official_in_office_is_published():
    public = PublicData.of(names=["周建国"])
    assert found("会上，周建国介绍了全年工作。", public) == []
    assert found("会上，周建国介绍了全年工作。") == [("name", "周建国")]


def test_names_asked_for_alone_are_the_same_names():
    """The numbers around a name count even when only names are asked for."""
    for text in (
        "德华，明天到派出所。有事打13826088765。",
        "94  洪海燕  男  67  13826081179",
        "3 | 巫国强 | 粤G·D8812 | 2025-01-12",
    ):
        names = [f for f in detect(text) if f.type == "name"]
        assert names and detect(text, types=["name"]) == names
