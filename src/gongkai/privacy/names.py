"""Personal names and home addresses in running Chinese text.

Three ways a name shows itself, each a regex of literals so ``re`` skips ahead in C:

* a cue word: 申请人：张三, 当事人王五因…, 来信人、第三方、举报人…;
* a word for a member of the public or a relative just before it: 市民李四, 邻居陈小红;
* a word just after it that only follows people: 王五同志, 张三的邻居, 李四反映….

A surname from the list of common (百家姓) surnames must start the name. Once found,
a name is masked at every later mention in the same document. Addresses are taken only
after their cue words (住址：…), up to the next punctuation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter
from typing import Any

from .finding import Finding
from .literal import Literal

_DOTS = frozenset("·•")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _literals(words: Iterable[str], after: str = "") -> re.Pattern[str]:
    """One regex for a list of words, the longest word winning at a position. ``after``: a
    pattern read right after the word (the word is then group 1).

    Built for ``re``'s scan: the pattern starts with the class of the words' first
    characters, so ``re`` skips ahead in C, and at each of those characters (in government
    text, 开 信 法 请 的… stand every few dozen characters) a single class test of the next
    character rules most of them out before any alternation is tried. A plain trie
    (申(?:请人|诉人)|当事人|…) walks all of its first-level branches at every such character:
    about 1.5x as slow for the cue words, 1.8x for the context words (measured on the old
    planted corpus). After the second character, one branch per second character, the first
    checked by a lookbehind, then a trie of the rest; one-character words (住) come last.
    """
    unique = set(words)
    singles = "".join(sorted(re.escape(w) for w in unique if len(w) == 1))
    by_second: dict[str, dict[str, dict[str, Any]]] = {}
    for word in (w for w in unique if len(w) >= 2):
        node = by_second.setdefault(word[1], {}).setdefault(word[0], {})
        for char in word[2:]:
            node = node.setdefault(char, {})
        node[""] = {}
    alternatives = []
    for second, by_first in sorted(by_second.items()):
        rests = [
            f"(?<={re.escape(first + second)}){_trie(tree)}"
            for first, tree in sorted(by_first.items())
        ]
        alternatives.append(re.escape(second) + _group(rests))
    body = ""
    if alternatives:
        seconds = "".join(sorted(re.escape(c) for c in by_second))
        body = f"(?=[{seconds}]){_group(alternatives)}"
    if singles:
        body = f"(?:{body}|(?<=[{singles}]))" if body else f"(?<=[{singles}])"
    firsts = "".join(sorted({re.escape(w[0]) for w in unique}))
    pattern = f"[{firsts}]{body}"
    return re.compile(f"({pattern}){after}" if after else pattern)


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _trie(node: dict[str, Any]) -> str:
    """A trie as a regex, longer words first: 所(?:地)? for 所 and 所地."""
    branches = [re.escape(c) + _trie(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = _group(branches)
    return f"(?:{body})?" if "" in node else body


_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·•]{0,19}")

# 百家姓: the common single surnames and the compound ones.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉"
    "禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戚勾茅利於呼居揭干但尉冶斯元束檀衣信展阴"
    "昝智幸奉植衡富尧闭由萧"
    # Common in Guangdong and missing above (found missing by the blind set).
    "傅赖洪丘阎禤招钮蔚"
    # Rare surnames (仉, 逄, 庹…): their characters hardly begin a word of government text.
    "仉戎逄郗乜竺庹隗訾笪缑郦眭郏酆宓钭雒芈邴糜蓟桓庾蒯荀贲厍宦茆"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 尉迟 公孙 长孙 宇文 夏侯 轩辕 端木 百里 呼延 "
    "澹台 南宫 西门 司徒 司空 独孤 万俟 闻人 申屠 太史 拓跋 钟离 第五".split()
)

# Characters common in given names (the commonest of mainland and Guangdong given names,
# written by hand), without the ones that far more often begin or end a word of government
# text (生产, 安全, 发展, 政府…) or mark a place (山).
# A name standing bare in a sentence (…，蔡伟明欠款不还) is taken only when its given name is
# made of these.
GIVEN_CHARS = frozenset(
    "伟刚勇毅俊峰强军保东辉力永健广志义兴良海仁波宁贵福龙元胜祥才武清飞彬富顺杰涛"
    "昌康星岩茂林坚彪博诚敬震振壮群豪邦承绍功松善厚庆磊友裕河哲江超浩亮谦奇翰朗伯宏鸣"
    "朋斌梁栋维启伦翔旭鹏泽晨辰致树炎泰盛雄琛钧冠腾楠榕航弘宇凯帆晖昊轩睿锐鑫坤锋钢铭"
    "耀祖荣华金银锦财旺根春秋冬炳焕灿烨勋雷霆奎威虎豹骏驰宝玉敏卫红兵亚少晓嘉梓皓瑞霖"
    "颢智怡欣涵萱琪诗雨桐馨悦婷菲妍彤蕊萌薇婕琳霏璐瑶娜静丽艳娟芳秀英燕霞玲桂兰凤洁梅"
    "琴素云莲环雪爱妹香月莺媛佳琼勤珍贞莉纯毓昭冰爽琬茗羽希滢馥筠柔竹凝欢霄枫芸寒伊舒"
    "影荔丹蓉眉君菁梦岚婉娴慧颖露婵雁蓓仪荷莹雯婧晶妮茜珊莎黛倩姣瑾淑惠珠翠雅芝萍娥芬"
    "彩菊娣琦娅伶俐婕嫦娇銮添棠标灵巧翠柳杏桃莺鹃鸿鹤麟凤龙彦斐琨瑜璇璋琮琛珏炜煜"
    "晔昕旻曦晟暄晗冉沁涓淼泓澜湘潇汉沛渊灏瀚濠洪浚涌洲波湖溪沐森柏杉桦楷槐榆桐樟"
    "丰盈满溢润泉源涛浪汐汀汝妙娉婀嫣媚婕姝姿娆妤妲嫱媛婷娴嫚嫦婵"
    "阿仔妹娣弟明思德帅洋阳畅建国文平美"
)
# Characters before a name standing bare: punctuation, a space, or a word that often stands
# before a person (遂溪县的符亚妹, 抬头写黄丽娟, 由卢志强签收, 与罗丽萍达成…). Read as one
# character class so ``re`` skips ahead in C.
_BARE_BEFORE = "\n，。；：！？、（(】「“ \t\u3000的写由与和及对向给让被把据经是叫找天晚后"


def _char_class(chars: Iterable[str]) -> str:
    return "".join(sorted(re.escape(c) for c in chars))


# A surname (compound first) and one or two given-name characters, right after a boundary.
# The same pass reads a given name that addresses the reader at the start of a line or
# after the sender's 【…】 ("德华，明天上午九点到…", "【提醒】小红你的包裹…"): the first
# character may also be a given-name character, 小 or 阿.
_BARE_NAME_RE = re.compile(
    f"[{_BARE_BEFORE}]"
    f"([{_char_class(SURNAMES | {c[0] for c in COMPOUND_SURNAMES} | GIVEN_CHARS | set('小阿'))}])"
    f"[{_char_class(GIVEN_CHARS | {c[1] for c in COMPOUND_SURNAMES})}]"
    f"[{_char_class(GIVEN_CHARS)}]{{0,2}}"
)
# The same matches found from the given name's first character, which is about three times
# rarer in government text than the characters before a name (，。、的…): ``re`` stops at
# fewer places (measured: 2.24 → 1.61 ms/MB on the old planted corpus). The match starts
# there; the boundary and the surname are checked by a lookbehind. _bare_spans gives
# the matches of _BARE_NAME_RE.finditer exactly.
_BARE_NAME_BY_SECOND_RE = re.compile(
    f"[{_char_class(GIVEN_CHARS | {c[1] for c in COMPOUND_SURNAMES})}]"
    f"(?<=[{_BARE_BEFORE}]"
    f"[{_char_class(SURNAMES | {c[0] for c in COMPOUND_SURNAMES} | GIVEN_CHARS | set('小阿'))}].)"
    f"[{_char_class(GIVEN_CHARS)}]{{0,2}}"
)


def _bare_spans(text: str) -> list[tuple[int, int]]:
    """The spans (from the surname on) of the matches of ``_BARE_NAME_RE.finditer(text)``,
    found by _BARE_NAME_BY_SECOND_RE (each match starts two characters later). A match whose
    boundary character lies inside the match before it is one _BARE_NAME_RE never reaches
    (it resumes after that match): it is dropped and the search goes on from the next
    character, so nothing it covers is missed."""
    spans: list[tuple[int, int]] = []
    end = 0
    pos = 0
    while True:
        for m in _BARE_NAME_BY_SECOND_RE.finditer(text, pos):
            start = m.start()
            if start - 2 < end:
                pos = start + 1
                break
            end = m.end()
            spans.append((start - 1, end))
        else:
            return spans


_VOCATIVE_BEFORE = frozenset("\n】")
_VOCATIVE_AFTER = frozenset("，,你您")
# What may not follow a bare name: the mark of a place, an estate or an organisation
# (龙华区, 石岩街道, 海悦华庭, 金海湾, 丽晶酒店…), a digit or a letter.
_BARE_NOT_AFTER = frozenset(
    "省市区县旗镇乡村路街道巷弄号楼栋苑园庭邸城阁墅舍坊汇都湾港岛山河湖江桥站场馆店厂局厅处所院校府司社中"
    "0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

# --------------------------------------------------------------------------
# Cue words
# --------------------------------------------------------------------------

NAME_CUES = (
    "被处罚人 被申请人 申请人 违法行为人 被执行人 当事人 举报人 投诉人 来信人 来访人 反映人 "
    "第三方 申诉人 受害人 报案人 求助人 咨询人 监护人 法定代表人 委托代理人 代理人 联系人 "
    "负责人 经办人 收件人 户主 姓名 驾驶人 车主 信访人 户名 开户人 开户名 收款人 账户名 "
    "被害人 记录 记录人 被举报人 被投诉人 报警人 证人"
).split()
# Cues that name a person even with no colon ("当事人王五因…").
NAME_CUES_BARE = frozenset(
    "被处罚人 被申请人 申请人 违法行为人 被执行人 当事人 举报人 投诉人 来信人 来访人 反映人 "
    "第三方 申诉人 受害人 报案人 求助人 驾驶人 车主 信访人 户名 开户人 收款人 "
    "被害人 被举报人 被投诉人 报警人 收件人 法定代表人 委托代理人 代理人 联系人 户主 姓名".split()
)
ADDRESS_CUES = (
    "家庭住址 现住址 户籍地址 户籍所在地 居住地址 联系地址 通讯地址 通信地址 住址 地址 现住 "
    "家住 住所地 住所 居住地 住在 住".split()
)
# "，住广东省…" (a penalty notice's "lives at"): 住 alone only after a comma.
# Plain 地址 and 住所 need a colon; 现住 never does; the rest accept both.
ADDRESS_COLON_REQUIRED = frozenset(["地址", "住所"])

_CUE_KIND = dict.fromkeys(NAME_CUES, "name") | dict.fromkeys(ADDRESS_CUES, "address")

# A member of the public or a relative named right after: 市民李四, 邻居陈小红.
PERSON_BEFORE = (
    "市民 村民 居民 群众 网民 业主 租户 患者 学生 职工 员工 农民工 老人 村民小组长 "
    "邻居 妻子 丈夫 儿子 女儿 父亲 母亲 其子 其女 其妻 其夫 同事 朋友 亲属 家属 "
    "驾驶员 司机 犯罪嫌疑人 嫌疑人 死者 伤者 证人 原告 被告 上诉人 第三人 "
    "承租人 出租人 借款人 法人代表 "
    # found missing by the blind set: a letter's "我叫…", a neighbour's 住户 (据李四反映,
    # 接王五报警, 与张三联系 are found from the word after the name)
    "我叫 我是 本人 住户 请与 "
    # 其女 and 其妻 are words above: without these, 其女儿王芳 stops at 其女
    "其妻子 其女儿 "
    # 举报麦耀祖在…: a weak one (举报和投诉…), the given name must be of GIVEN_CHARS
    "举报"
).split()
# Words that only follow a person: 王五同志, 张三的邻居, 李四反映.
PERSON_AFTER = (
    "同志 先生 女士 老人 夫妇 一家 等人 的邻居 的妻子 的丈夫 的儿子 的女儿 的父亲 的母亲 "
    "的家属 的申请 之子 之女 之妻 反映 来信 来电 来访 投诉 举报 诉称 声称 表示 "
    # found missing by the blind set
    # (not 联系 or 报警 alone: 联系电话, 报警电话 are everywhere; 请与…联系 is read from 请与)
    # Each first character costs scanning time on every text: rare ones only, no ASCII "(".
    "驾驶 报警称 报警： 报警, 报警， 您好 你好 提供的 留下的 二人 两人 两名 信访件 "
    "（男 （女 （身份证 名下 的丈夫 的妻子 的母亲 的父亲"
).split()
# A full name and a word for what the person does: 兰婷老师, 陈晓燕医生 (张老师 alone is a
# role). Read in the same pass as the words above.
TITLE_AFTER = "老师 医生 律师 师傅 阿姨 护士 大夫 会计".split()
_TITLE_AFTER = frozenset(TITLE_AFTER)
_AFTER_RE = _literals(PERSON_AFTER + TITLE_AFTER)


# Cue words and context words in one regex: one pass over the text.
# A plain alternation of literals lets ``re`` skip ahead on their first characters; the
# colon after a cue is read by hand.
# ``re`` skips slower the more distinct first characters a pattern has, so the cue words
# and the two lists of context words are three passes (measured faster than one).
# The separator after a cue is read in the same match (group 2 is the colon, if any): one
# match object per cue instead of two.
# Group 3 is the run of Han characters after the cue (where a name would be), read ahead in
# the same match: one regex call per cue instead of two.
_CUE_WORD_RE = _literals(
    NAME_CUES + ADDRESS_CUES, rf"[ \t\u3000]*([：:])?[ \t\u3000]*(?=({_HAN_RUN_RE.pattern})?)"
)
# Only where a surname follows (checked in C): most of these words stand before no name.
_SURNAME_START = "".join(sorted(re.escape(c) for c in SURNAMES | {c[0] for c in COMPOUND_SURNAMES}))
_BEFORE_RE = _literals(PERSON_BEFORE, f"(?=[{_SURNAME_START}])")
# The characters a name can start with (valid_name): a surname, or a compound one's first.
_NAME_START = SURNAMES | {c[0] for c in COMPOUND_SURNAMES}
_BEFORE = frozenset(PERSON_BEFORE)
# Context words after which a name must also end clearly (我是来反映… is no name).
_WEAK_BEFORE = frozenset(["我是", "本人", "请与", "举报"])
# Weak context words after which the given name must also be of common given-name characters.
_GIVEN_ONLY_BEFORE = frozenset(["举报"])
_AFTER = frozenset(PERSON_AFTER)
# Words that end a name found after a cue but do not, alone, make the words before them a name.
NAME_ENDERS = (
    "驾驶 驾车 骑车 名下 持有 的车辆 的房屋 的来信 的投诉 的举报 的信访 的申请表 "
    "申请 律师 提供 要求 以及 报警 联系 留下"
).split()
_ENDS_RE = _literals(PERSON_AFTER + NAME_ENDERS)
_AFTER_FIRST = frozenset(w[0] for w in PERSON_AFTER + NAME_ENDERS)

# Characters that end a name when the cue had no colon ("王五因涉嫌…").
_NAME_FOLLOW = frozenset(
    "因于系涉男女等诉称在向对已未现住，,（(；;。、：:的也还又就便都亦均和及与！!？?\n\t "
)
# Function characters that never appear inside a given name in running text.
_NOT_IN_NAME = frozenset(
    "的了是在和与及或等请应要将可被为对向由从以按依不无未已其该本所之者人们个并且均"
    "市省县区镇乡村局厅处科室部委办会院校"
    "他她它我你您咱"  # pronouns: 邻居都叫他…
)
# Characters in the surname list that far more often are a word before a name.
_LEADING_WORDS = frozenset("于和向由时成从与及将对为以把被给让请经在是同关都")
# Words right after a cue that look like names but are not.
NOT_NAMES = frozenset(
    (
        "陈述 申辩 签名 签字 盖章 身份 信息 姓名 本人 代理 单位 提供 提出 申请 填写 不服 "
        "委托 所在 名称 电话 地址 住址 联系 常务 同志 全称 证件 "
        # words of government text that begin with a surname character
        "高度 高效 高速 高于 文明 文件 文化 文章 安全 安排 安置 平安 和谐 国家 公安 公开 公共 "
        "公众 公民 公告 公示 公布 公司 公务 公正 公平 方面 方式 方法 方案 方向 金融 金额 黄金 "
        "明显 明确 成功 成立 成为 成果 时间 时候 时期 关于 关系 关注 关键 全面 全部 全体 全市 "
        "全省 全县 全区 全国 利用 利益 应当 应该 应急 应用 应对 海关 常态 常规 周年 周边 林业 "
        "任务 任何 任免 任职 司法 管理 管辖 程序 程度 包括 车辆 解决 解释 解读 简化 项目 连续 "
        "商务 宣传 宣布 计划 相关 相应 初步 门户 普通 修改 修订 印发 危险 银行 干部 信访 信用 "
        "展开 智能 智慧 幸福 卫生 党委 党组 党员 费用 路线 游客 房屋 房产 尤其 阳光 时代 农业 "
        "农村 农民 单独 季度 严格 严重 施工 施行 温度 齐全 庄严 章程 申报 包装 尚未 符合 纪律 "
        "纪委 许可 范围 陆续 夏季 万元 程度 居民 居住 司机 车主 车牌 经办 华南 关切 关心 "
        "关爱 关怀 项名 权名 明年 今年 来年 高兴 安心 放心 热心 同时 和睦 钱财 "
        "洪水 洪涝 洪峰 赖以 丘陵 招商 招聘 招标 招生 招收 招待 招牌 傅里 曾经 车辆 "
        "江湖 海洋 海南 海外 黄色 白色 金色 万人 石油 高中 高考 明天 温暖 严肃 方便 "
        "来电 来信 来访 来函 原文 原则 原因 原来 原有 原始 "
        "企业 申请 如何 任何 安装 华为 云南 贵州 江苏 浙江 湖南 湖北 广东 广西 江西 山东 山西"
    ).split()
)

# "张警官", "李科长": a surname and a title point to a role, not to a person.
TITLES = tuple(
    (
        "警官 先生 女士 同志 老师 师傅 科长 主任 局长 所长 队长 处长 部长 经理 书记 股长 "
        "干事 民警 厅长 县长 市长 区长 镇长 乡长 村长 省长 主席 委员 组长 院长 校长 董事 "
        "总 某 某某 某甲 某乙"
    ).split()
)


_TITLE_SET = frozenset(TITLES)


def surname_length(name: str) -> int:
    """1 or 2: how many leading characters of ``name`` are its surname."""
    return 2 if name[:2] in COMPOUND_SURNAMES else 1


# The same candidates are read by several passes (a cue, the word after, a table row, the
# later mentions): the answer is kept for the last few thousand.
@lru_cache(maxsize=8192)
def valid_name(name: str) -> bool:
    if "·" in name or "•" in name:
        parts = re.split("[·•]", name)
        return len(parts) >= 2 and all(1 <= len(p) <= 8 for p in parts)
    # Cheapest tests first: this runs at every cue and context word.
    n = 2 if name[:2] in COMPOUND_SURNAMES else 1
    if n == 1 and name[:1] not in SURNAMES:
        return False
    size = len(name)
    if not 2 <= size <= 4 or (size == 4 and n == 1):
        # Four characters after a single surname are more often a name plus the next word.
        return False
    if name in NOT_NAMES or name[:2] in NOT_NAMES or not _HAN_ONLY.fullmatch(name):
        return False
    if name[-2:] in _TITLE_SET or name[-1] in _TITLE_SET:
        return False
    if name[1:3] in _TITLE_SET or name[1] in _TITLE_SET:
        return False
    return _NOT_IN_NAME.isdisjoint(name[n:])


def _ends_name(text: str, end: int) -> bool:
    """Whether a name can end at ``end``: punctuation, a follow character or word."""
    c = text[end : end + 1]
    if not c or not ("\u4e00" <= c <= "\u9fff") or c in _NAME_FOLLOW:
        return True
    return c in _AFTER_FIRST and _ENDS_RE.match(text, end) is not None


# Characters that far more often start the next word (a verb, an adverb) than end a
# given name: "王五说", "李四到场". Used only when nothing after a name ends it clearly.
_VERBISH = frozenset(
    "说称讲问答去来到在是也都还又就便把被给让向对从经曾已将要想会能可带拿打骂找请告看听"
    "买卖住开走跑坐拉送叫喊帮替和与及同跟为均亦则并"
)


def name_at(text: str, pos: int, strict: bool = False, loose: bool = False) -> int | None:
    """The end of a name starting at ``pos`` (3, 2, or 4 characters with a compound surname).

    A word that only follows people (反映, 驾驶, 的邻居…) right after a reading confirms it
    first, so "与侯刚联系" reads 侯刚, not 侯刚联. ``strict``: only such a word ends the name
    (after a one-character context word such as 据 or 与). ``loose``: after a strong context
    word (市民, 邻居, a cue), the longest valid reading is taken even when no punctuation
    follows, unless its last character is more often the next word's (王五说)."""
    lengths = (4, 3, 2) if text[pos : pos + 2] in COMPOUND_SURNAMES else (3, 2)
    readings = []
    for n in lengths:
        s = text[pos : pos + n]
        if len(s) == n and s[-1] not in _NAME_FOLLOW and valid_name(s):
            c = text[pos + n : pos + n + 1]
            if c in _AFTER_FIRST and _ENDS_RE.match(text, pos + n) is not None:
                return pos + n
            readings.append(n)
    if strict or not readings:
        return None
    for n in readings:
        c = text[pos + n : pos + n + 1]
        if not c or not ("\u4e00" <= c <= "\u9fff") or c in _NAME_FOLLOW:
            return pos + n
    if loose and readings[0] >= 3 and text[pos] not in _LEADING_WORDS:
        # Two characters alone and running on (当事人湛江市…) are too often a place.
        n = readings[0]
        if text[pos + n - 1] not in _VERBISH:
            return pos + n
        if readings[-1] == 2:
            return pos + 2
    return None


def name_before(text: str, end: int) -> int | None:
    """The start of a name ending at ``end`` (found from the word that follows it)."""
    for n in (4, 3, 2):
        start = end - n
        if start < 0:
            continue
        s = text[start:end]
        if n == 4 and s[:2] not in COMPOUND_SURNAMES:
            continue
        if n == 3 and s[0] in _LEADING_WORDS:
            continue
        if not valid_name(s):
            continue
        before = text[start - 1 : start]
        if (
            n == 2
            and before in SURNAMES
            and before not in _LEADING_WORDS
            and valid_name(before + s)
        ):
            continue  # the three-character reading was refused above: do not split it
        return start
    return None


def _name_after_cue(
    text: str, pos: int, run: str | None, colon: bool, bare_ok: bool
) -> tuple[int, int] | None:
    """``run``: the run of Han characters at ``pos`` (_HAN_RUN_RE), if any."""
    if run is None:
        return None
    s = run
    end_of_run = pos + len(run)
    if "·" in s or "•" in s:
        # Minority names: whole after a colon; after a bare cue, up to a follow character.
        if colon:
            return (pos, end_of_run) if valid_name(s) else None
        dot = max(s.rfind("·"), s.rfind("•"))
        cut = next((i for i in range(dot + 2, len(s)) if s[i] in _NAME_FOLLOW), None)
        if bare_ok and cut is not None and valid_name(s[:cut]):
            return pos, pos + cut
        return None
    if 3 <= len(s) <= 5 and s[-1] in "男女":
        # "姓名：张三男": the sex follows the name with no punctuation.
        s = s[:-1]
        end_of_run -= 1
    if len(s) <= 4 and (colon or text[end_of_run : end_of_run + 1] in _NAME_FOLLOW):
        if valid_name(s):
            return pos, end_of_run
    if not (colon or bare_ok):
        return None
    # After a colon the field holds the name (姓名：张三丰); after a bare cue the words run
    # on (被处罚人应自收到…), so the name must end clearly.
    end = name_at(text, pos, loose=colon)
    return (pos, end) if end else None


# Up to 80 characters; one more is read only to tell "runs on" from "ends here".
_ADDRESS_BODY_RE = re.compile(r"[^\s，。；;,！!？?（）()\[\]【】、：:“”\"'《》<>|]{4,81}")
_ADDRESS_MARKS = frozenset("省市区县旗镇乡村路街道巷号弄楼室栋幢组屯")
# 地址 after these is an organisation's or a web address, not a person's.
_NOT_PERSONAL_ADDRESS = tuple(
    (
        "网站 网页 网络 网上 邮件 邮箱 电子 IP 办公 单位 机关 受理 办事 窗口 服务 公司 注册 "
        "经营 门户 链接"
    ).split()
)


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


# The cues _address_span has a rule for; after any other, the address is read at once.
_ADDRESS_CUES_WITH_RULES = ADDRESS_COLON_REQUIRED | {"现住", "住", "住所", "住所地"}


def _address_span(
    text: str, cue_start: int, cue: str, colon: bool, pos: int
) -> tuple[int, int] | None:
    if cue in ADDRESS_COLON_REQUIRED:
        if not colon:
            return None
        before = text[max(0, cue_start - 2) : cue_start]
        if before.endswith(_NOT_PERSONAL_ADDRESS):
            return None
    if cue in ("现住", "住") and text[pos : pos + 1] in ("房", "宅", "户", "址", "院", "宿"):
        return None
    if cue in ("住所", "住所地"):
        line = text[max(0, text.rfind("\n", 0, cue_start) + 1, cue_start - 80) : cue_start]
        if any(w in line for w in _ORGANISATION_WORDS):
            return None  # an organisation's registered address
    return _address_after(text, pos)


# An address read by its shape, with no cue word: an administrative unit, a road, estate or
# village, and a door or building number (湛江市霞山区海宁路243号绿华苑16栋1904房,
# 遂溪县城月镇坡仔村58号), as people write them in table rows and after 户籍在、寄到、停在.
# Read on the reversed text, so the regex starts with the unit (号, 栋… — literals ``re``
# skips ahead on) and checks the digits and the run of words before them in the same match,
# in C: only real candidates reach Python. The run goes back to punctuation (40 characters).
# One regex per unit: a pattern that starts with one literal is searched several times
# faster than one starting with alternatives.
# The run must hold an administrative unit (省市区县旗镇乡), checked ahead in C too.
_NOT_RUN = "\\s，。；;,：:、（）()\\[\\]【】〔〕“”\"'《》<>|｜!！?？"
_RUN = rf"(?![0-9０-９])(?=[^{_NOT_RUN}]{{0,39}}?[省市区县旗镇乡])([^{_NOT_RUN}]{{2,40}})"
_DOOR_REVERSED_RES = tuple(re.compile(unit + r"[0-9０-９]{1,5}" + _RUN) for unit in "号栋")
_ADMIN_UNITS = frozenset("省市区县旗镇乡")
_PLACE_MARKS = frozenset("路街道巷村弄苑园厦寓组屯坊")
# The characters after which the address itself starts (户籍在…, 寄到…, 停在…, 户籍地…).
_ADDRESS_LEAD_WORDS = frozenset("在住于到至为是往的址地")
_ADDRESS_TAIL_RE = re.compile(
    r"(?:之[0-9０-９]{1,3})?"
    r"(?:[\u4e00-\u9fffA-Za-z]{0,8}?[0-9０-９A-Za-z]{1,5}(?:号楼|号房|栋|幢|座|单元|楼|层|房|室|号|户))*"
    r"(?:[0-9０-９]{3,4}(?:房|室)?)?"
)
_NOT_PERSONAL_PLACE = (*_NOT_PERSONAL_ADDRESS, "地点", "会址", "场所")
# A line about an organisation: its 住所 is no person's address.
_ORGANISATION_WORDS = ("公司", "企业", "统一社会信用代码", "有限", "经营场所", "营业执照")


def addresses_by_shape(text: str, out: list[Finding]) -> None:
    """Addresses by their shape (see _DOOR_REVERSED_RES); a door number inside an address
    found after a cue word is skipped at once (a bisection in the found spans)."""
    known = sorted((f.start, f.end) for f in out if f.type == "address")
    known_starts = [start for start, _ in known]
    units = [r for r, unit in zip(_DOOR_REVERSED_RES, "号栋", strict=True) if unit in text]
    if not units:
        return
    size = len(text)
    reversed_text = text[::-1]
    after = 0
    found: list[tuple[int, int]] = []
    for m in (m for door in units for m in door.finditer(reversed_text)):
        door_start = size - m.start(1)  # where the digits begin
        k = bisect_left(known_starts, door_start) - 1
        if k >= 0 and known[k][1] > door_start:
            continue
        run = m.group(1)[::-1]
        admin = next((i for i, c in enumerate(run) if c in _ADMIN_UNITS), -1)
        if admin < 1:
            continue
        start = 0
        for i in range(admin - 1, -1, -1):
            if run[i] in _ADDRESS_LEAD_WORDS:
                start = i + 1
                break
        unit_end = size - m.start()
        if _PLACE_MARKS.isdisjoint(run[admin + 1 :] + text[door_start:unit_end]):
            continue  # 湛江市2025年12号: no road, estate or village after the unit
        line = text[max(0, text.rfind("\n", 0, door_start) + 1, door_start - 80) : door_start]
        if any(w in line for w in _ORGANISATION_WORDS):
            continue
        begin = size - m.end(1) + start
        before = text[max(0, begin - 8) : begin]
        if any(w in before for w in _NOT_PERSONAL_PLACE):
            continue  # 办公地址：…, 会议地点：…: an office or a venue, not a person's home
        found.append((begin, unit_end))
    # An address with several numbers (5巷3号之8, 12栋3单元) is one: the first start wins.
    found.sort()
    for begin, unit_end in found:
        if begin < after:
            continue
        tail = _ADDRESS_TAIL_RE.match(text, unit_end)
        assert tail is not None  # the tail pattern also matches nothing
        end = tail.end()
        out.append(Finding("address", begin, end, text[begin:end]))
        after = end


def people(text: str, out: list[Finding], want_name: bool, want_address: bool) -> None:
    """Names and addresses after cue words, and names next to words for people."""
    _cues(text, out, want_name, want_address)
    if want_address:
        addresses_by_shape(text, out)
    if not want_name:
        return
    size = len(text)
    surnames = SURNAMES
    for m in _BEFORE_RE.finditer(text):
        # 市民李四: cheap test of the next character before the full check.
        end = m.end(1)
        if end < size and text[end] in surnames or text[end : end + 2] in COMPOUND_SURNAMES:
            one = end - m.start() == 1
            if one and text[m.start() - 1 : m.start()] in _NOT_BEFORE_ONE:
                continue  # 根据, 依据, 直接, 参与: not a context word here
            loose = not one and m.group() not in _WEAK_BEFORE
            name_end = name_at(text, end, strict=one, loose=loose)
            if name_end and m.group() in _GIVEN_ONLY_BEFORE:
                given = text[end + surname_length(text[end:name_end]) : name_end]
                if not GIVEN_CHARS.issuperset(given):
                    continue
            if name_end:
                out.append(Finding("name", end, name_end, text[end:name_end]))
                _name_list(text, name_end, name_end - end, out)
    for m in _AFTER_RE.finditer(text):
        # 王五同志: a surname two, three or four characters before the word.
        start = m.start()
        if start >= 2 and (
            text[start - 2] in surnames
            or text[start - 3 : start - 2] in surnames
            or text[start - 4 : start - 2] in COMPOUND_SURNAMES
            or text[start - 3 : start - 1] in COMPOUND_SURNAMES
        ):
            name_start = name_before(text, start)
            if name_start is None:
                continue
            if m.group() in _TITLE_AFTER:
                # Only a full name of common given-name characters: 和李老师 is no name.
                name = text[name_start:start]
                if start - name_start < 2 or not GIVEN_CHARS.issuperset(
                    name[surname_length(name) :]
                ):
                    continue
            out.append(Finding("name", name_start, start, text[name_start:start]))
            _names_listed_before(text, name_start, out)


# A two-character bare name only between a bracket and a comma (（钟伟，老身份证）): elsewhere
# two characters are too often a word (单元, 国庆, 廉江).
_BARE_STRONG_BEFORE = frozenset("（(")
_BARE_SHORT_AFTER = frozenset("，,")


def bare_names(text: str, found: list[Finding], out: list[Finding]) -> None:
    """Names standing bare in a sentence, with no cue or context word: a surname and a given
    name of common given-name characters (GIVEN_CHARS), right after punctuation, a space, 的
    or 写, and followed by punctuation or by a word that goes on about a person (欠, 在, 又,
    说…): "据马志明反映，蔡伟明欠款不还", "我们村的麻阿强又在村口堵路", "建行 侯振华".

    A given name alone at the start of a line, addressing the reader (德华，明天…; 小红你…),
    only on a line that also holds personal data or speaks to the reader (你, 您, 请)."""
    size = len(text)
    spans = _bare_spans(text)
    first = _BARE_NAME_RE.match("\n" + text[:6])
    if first:
        spans.insert(0, (first.start(1) - 1, first.end() - 1))
    starts = None
    # Names found already (after a cue: 当事人：刘敏) are not read again.
    known = {f.start for f in found if f.type == "name"}
    for start, end in spans:
        if start in known:
            continue
        before = text[start - 1] if start else "\n"
        if before in _VOCATIVE_BEFORE and text[start + 2 : start + 3] in _VOCATIVE_AFTER:
            if starts is None:
                starts = sorted(f.start for f in found)
            if _vocative(text, start, starts):
                out.append(Finding("name", start, start + 2, text[start : start + 2]))
                continue
        if text[start] not in SURNAMES and text[start : start + 2] not in COMPOUND_SURNAMES:
            continue
        n = end - start
        while n >= 2:
            name = text[start : start + n]
            given = name[surname_length(name) :]
            if not given or not valid_name(name):
                n -= 1
                continue
            after = text[start + n] if start + n < size else "\n"
            if n == 2 and surname_length(name) == 1:
                if before in _BARE_STRONG_BEFORE and after in _BARE_SHORT_AFTER:
                    out.append(Finding("name", start, start + n, text[start : start + n]))
                break
            # A three-character reading followed by one more given-name character may be a
            # longer word (海丽华庭): only punctuation or a word that follows people ends it.
            if after not in _BARE_NOT_AFTER and (
                after not in GIVEN_CHARS
                or (after in _AFTER_FIRST and _ENDS_RE.match(text, start + n) is not None)
            ):
                out.append(Finding("name", start, start + n, text[start : start + n]))
                break
            n -= 1


def _vocative(text: str, start: int, starts: list[int]) -> bool:
    given = text[start : start + 2]
    if given[1] not in GIVEN_CHARS or given in COMMON_WORD_GIVEN or given in NOT_NAMES:
        return False
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    k = bisect_left(starts, start + 2)
    if k < len(starts) and starts[k] < line_end:
        return True  # the line holds a number, a plate or an e-mail address
    line = text[start + 2 : line_end]
    return "你" in line or "您" in line or "请" in line


def _cues(text: str, out: list[Finding], want_name: bool, want_address: bool) -> None:
    for m in _CUE_WORD_RE.finditer(text):
        cue, colon_char, run = m.groups()
        if run is None:
            continue  # no Han character after the cue: neither a name nor an address
        if cue == "住" and text[m.start() - 1 : m.start()] not in ("，", ","):
            continue
        kind = _CUE_KIND[cue]
        if (kind == "name" and not want_name) or (kind == "address" and not want_address):
            continue
        pos = m.end()
        colon = colon_char is not None
        if kind == "name":
            size = len(run)
            if run[0] not in _NAME_START or text[pos : pos + 2] in NOT_NAMES:
                # No name starts here (valid_name: a surname first, and every reading of two
                # or more characters begins with a word that is no name: 申请公开, 公示名单)
                # unless a minority name's dot stands in what _name_after_cue reads (the
                # run, or the four characters name_at reads).
                ahead = text[pos : pos + 4] if size < 4 else run
                if "·" not in ahead and "•" not in ahead:
                    continue
            # The common form, 被执行人：程洋秀， — a whole short run after a colon — at once;
            # anything else as _name_after_cue reads it.
            if (
                colon
                and size <= 4
                and "·" not in run
                and "•" not in run
                and not (size >= 3 and run[-1] in "男女")
                and valid_name(run)
            ):
                end = pos + size
                out.append(Finding("name", pos, end, run))
                if text[end : end + 1] == "、":
                    _name_list(text, end, size, out)
                continue
            bare = cue in NAME_CUES_BARE
            if not colon and not bare and pos == m.end(1):
                continue
            span = _name_after_cue(text, pos, run, colon, bare)
        else:
            # Most address cues (家庭住址, 通信地址…) have no rule of their own: the address
            # is read at once.
            if cue in _ADDRESS_CUES_WITH_RULES:
                span = _address_span(text, m.start(), cue, colon, pos)
            else:
                span = _address_after(text, pos)
        if span:
            out.append(Finding(kind, span[0], span[1], text[span[0] : span[1]]))
            if kind == "name":
                _name_list(text, span[1], span[1] - span[0], out)


# Characters before a one-character context word that make it part of another word.
_NOT_BEFORE_ONE = frozenset("根依证数占凭直迎承连衔交对紧参给赋授")


def _names_listed_before(text: str, start: int, out: list[Finding]) -> None:
    """殷嘉欣、施梓涵二人: names listed before one found from the word after it."""
    while start > 2 and text[start - 1] == "、":
        begin = name_before(text, start - 1)
        if begin is None:
            return
        out.append(Finding("name", begin, start - 1, text[begin : start - 1]))
        start = begin


def _name_list(text: str, end: int, length: int, out: list[Finding]) -> None:
    """申请人张三、李四、王五: names listed after the first, each as long as the one before
    unless punctuation or a follow word ends it sooner."""
    while text[end : end + 1] == "、":
        start = end + 1
        found = name_at(text, start)
        if found is None:
            candidate = text[start : start + length]
            if not valid_name(candidate):
                return
            found = start + length
        end = found
        out.append(Finding("name", start, end, text[start:end]))
        length = end - start


_CELL_SEPARATORS_RE = re.compile(r"[ \t\u3000]*[\t|｜，,][ \t\u3000]*|[ \u3000]{2,}")
_SEX = frozenset(["男", "女"])
_SHORT_CELL_RE = re.compile(
    r"(?:^|(?<=[\t|｜，,])|(?<=  ))[ \t\u3000]*([\u4e00-\u9fff]{2,4})[ \t\u3000]*(?=[\t|｜，,]|  |$)"
)
_COMMA_SEX = ("，男，", "，女，", ",男,", ",女,")
_CELL_MARKS = ("\t", "|", "｜", "  ", "\u3000\u3000")
_ROW_MARKS = (*_CELL_MARKS, *_COMMA_SEX)
_ROW_MARK_RE = re.compile("|".join(map(re.escape, _ROW_MARKS)))


def names_in_rows(text: str, found: list[Finding], out: list[Finding]) -> None:
    """Names standing as a whole cell of a table row pasted as text (tabs, bars, two
    spaces, or commas with a 男/女 cell) on a line that holds a personal number:
    "94  洪海燕  男  67  4401…", "3 | 巫国强 | 粤G·D8812 | 136…".

    Only the lines that hold a number found already are looked at, each once."""
    starts = sorted(f.start for f in found if f.type in _ROW_TYPES)
    # Each line that holds such a number, once, and only if it holds a cell mark: a few
    # short searches in the line, where nine searches of the whole text for the marks cost
    # more (1 ms/MB on the old planted corpus) and most prose holds no number at all.
    line_end = -1
    for start in starts:
        if start <= line_end:
            continue  # on the line read already
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        line = text[line_start:line_end]
        if _ROW_MARK_RE.search(line) is None:
            continue
        # Short cells of Chinese only, found by one regex; the row needs three cells.
        short = _SHORT_CELL_RE.findall(line)
        if not short or not any(valid_name(cell) for cell in short):
            continue
        commas_only = not any(sep in line for sep in _CELL_MARKS)
        cells = []
        position = 0
        for separator in _CELL_SEPARATORS_RE.finditer(line):
            cells.append((position, separator.start()))
            position = separator.end()
        cells.append((position, len(line)))
        if len(cells) < 3:
            continue
        if commas_only and not any(line[a:b] in _SEX for a, b in cells):
            continue
        for a, b in cells:
            cell = line[a:b]
            if 2 <= len(cell) <= 4 and valid_name(cell):
                out.append(
                    Finding(
                        "name",
                        line_start + a,
                        line_start + b,
                        text[line_start + a : line_start + b],
                    )
                )


_ROW_TYPES = frozenset(["id_card", "mobile", "bank_card", "plate", "landline"])
# A letter's salutation on a line of its own: "李刚：" then the body.
_SALUTATION_RE = re.compile(r"(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,4})[：:][ \t\u3000]*\r?\n")


# A colon ending a line, found from the line break (see literal.py).
_COLONS_ENDING_LINE = (Literal("：\n", 1), Literal(":\n", 1))


def salutations(text: str, out: list[Finding]) -> None:
    for colon in _COLONS_ENDING_LINE:
        for at in colon.starts(text):
            line_start = text.rfind("\n", max(0, at - 8), at) + 1
            # A name of 2-4 characters (and a little space) between the break and the colon.
            if (line_start or at < 8) and 2 <= at - line_start <= 6:
                m = _SALUTATION_RE.match(text, line_start - 1 if line_start else 0)
                if m and valid_name(m.group(1)):
                    out.append(Finding("name", m.start(1), m.end(1), text[m.start(1) : m.end(1)]))


def name_before_number(text: str, start: int) -> tuple[int, int] | None:
    """The start of a name standing right before a number, as in a table row or a list:
    "张伟 440803199001011234", "王芳，13900139000"."""
    end = start
    while end > 0 and text[end - 1] in " \t\u3000，,、：:":
        end -= 1
    if end == start or end < 2:
        return None
    if not (
        text[end - 2] in SURNAMES
        or text[end - 3 : end - 2] in SURNAMES
        or text[end - 4 : end - 2] in COMPOUND_SURNAMES
    ):
        return None
    for n in (4, 3, 2):
        begin = end - n
        if begin < 0:
            continue
        before = text[begin - 1 : begin]
        if ("\u4e00" <= before <= "\u9fff") or not valid_name(text[begin:end]):
            continue
        return begin, end
    return None


# Two-character given names that are also common words of government text: not searched
# alone ("建国以来", "和平路"), only as part of the full name.
COMMON_WORD_GIVEN = frozenset(
    (
        "建国 国庆 建设 和平 平安 胜利 解放 振兴 发展 光明 红军 文明 卫东 卫国 新华 中华 立新 "
        "前进 跃进 爱国 保国 建军 建党 国华 中国 东方 南方 北方 西方 海洋 长江 黄河 人民 群众 "
        "公安 安全 民主 自由 和谐 富强 美丽 春节 国家 社会 工作 明天 今天 晓得 永远 "
        "建华 建新 新民 为民 利民 惠民 振华 金海 海滨 海景 金沙"
    ).split()
)


def _given(name: str) -> str | None:
    """The given name of a full name, when people use it alone: two characters after a
    one- or two-character surname (陈小红 → 小红, 欧阳淑贞 → 淑贞)."""
    if "·" in name or "•" in name:
        return None
    given = name[surname_length(name) :]
    if len(given) != 2 or given in COMMON_WORD_GIVEN or given in NOT_NAMES:
        return None
    return given


# A given name alone is searched only this far after a mention of the full name: about a
# few pages of one letter or notice, where "小红" still means 陈小红.
GIVEN_NAME_REACH = 3000


def later_mentions(text: str, found: list[Finding], out: list[Finding]) -> None:
    """Every mention of a name already found, wherever it stands in the document, and of
    its given name alone within a few pages after a full mention (陈小红 … 小红说).

    Full names: one pass over the text, a regex of the names' first characters, then a set
    look-up of the first two characters before comparing whole names (longest first).
    Given names: a substring search (C speed) in the reach after each full mention."""
    names = [f for f in found if f.type == "name"]
    if not names:
        return
    known = {f.start for f in names}
    by_pair: dict[str, list[str]] = {}
    for name in sorted({f.text for f in names}, key=len, reverse=True):
        by_pair.setdefault(name[:2], []).append(name)
    # The first character, and a second one that some name has, both checked in C: Python
    # sees only the places where a name's first two characters may stand.
    firsts = re.compile(
        f"[{_char_class({p[0] for p in by_pair})}](?=[{_char_class({p[1] for p in by_pair})}])"
    )
    after = -1
    mentions = list(names)
    for match in firsts.finditer(text):
        at = match.start()
        if at < after or at in known:
            continue
        candidates = by_pair.get(text[at : at + 2])
        if candidates is None:
            continue
        for name in candidates:
            if text.startswith(name, at):
                f = Finding("name", at, at + len(name), text[at : at + len(name)])
                out.append(f)
                mentions.append(f)
                after = at + len(name)
                break
    _given_mentions(text, mentions, known, out)


def _find_pair(text: str, pair: str, start: int, end: int) -> int:
    """``text.find(pair, start, end)`` for two characters: a search for the first character
    and a look at the next is several times faster in Chinese text (see literal.py).
    ``start`` and ``end`` are not negative (no counting from the end here)."""
    if end < 2:
        return -1
    first, second = pair[0], pair[1]
    at = text.find(first, start, end - 1)
    while at != -1 and text[at + 1 : at + 2] != second:
        at = text.find(first, at + 1, end - 1)
    return at


def _given_mentions(text: str, mentions: list[Any], known: set[int], out: list[Finding]) -> None:
    covered = {(f.start, f.end) for f in mentions}
    reach: dict[str, int] = {}
    givens: dict[str, str | None] = {}
    for f in sorted(mentions, key=attrgetter("start")):
        given = givens.get(f.text, "")
        if given == "":
            given = givens[f.text] = _given(f.text)
        if given is None:
            continue
        at = _find_pair(text, given, max(f.end, reach.get(given, 0)), f.end + GIVEN_NAME_REACH)
        while at != -1:
            before = text[at - 1 : at]
            if at and before in SURNAMES and (at - 1, at + 2) not in covered:
                if (at - 1) not in known and valid_name(before + given):
                    # Another person with the same given name: mask the whole name.
                    out.append(Finding("name", at - 1, at + 2, text[at - 1 : at + 2]))
                else:
                    out.append(Finding("name", at, at + 2, text[at : at + 2]))
            elif (at - len(f.text) + 2, at + 2) not in covered:
                out.append(Finding("name", at, at + 2, text[at : at + 2]))
            at = _find_pair(text, given, at + 2, f.end + GIVEN_NAME_REACH)
        reach[given] = f.end + GIVEN_NAME_REACH
