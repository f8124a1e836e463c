"""Import: pinyin glosses stripped, injected spam (蜘蛛池, seed 004) quarantined or refused."""

from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.core.errors import ServiceError
from gongkai.proactive import services
from gongkai.proactive.models import Item
from gongkai.proactive.services.importing import clean_text, read_document

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
SEED_004 = next(DATA.glob("004_*.txt"))
SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def test_seed_004_is_cleaned_with_a_report():
    cleaned = clean_text(SEED_004.read_text(encoding="utf-8"))
    assert cleaned.text.startswith("開展政務公開的意義")
    assert "(wù)" not in cleaned.text and "政務公開" in cleaned.text
    # grep -oP '\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)' counts 3815 bracketed syllables, all glosses.
    assert cleaned.glosses_removed == 3815
    assert len(cleaned.quarantined) == 2
    assert cleaned.quarantined[0].startswith("久久99精品")
    assert cleaned.quarantined[1].startswith("主站蜘蛛池模板")
    assert "蜘蛛池" not in cleaned.text


def test_spam_inside_the_text_refuses_the_file():
    text = "第一段\n第二段\n第三段\n主站蜘蛛池模板: 无码\n第五段\n第六段\n第七段\n第八段"
    with pytest.raises(ServiceError) as error:
        clean_text(text)
    assert error.value.code == "spam_inside"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政務(wù)公開", "政務公開"),
        ("開（kāi）放", "開放"),
        ("(a)条款与(b)条款", "(a)条款与(b)条款"),  # no tone mark: not a gloss
        ("版本(v2)", "版本(v2)"),
    ],
)
def test_pinyin_glosses(text, expected):
    assert clean_text(text).text == expected


def test_html_import_drops_scripts():
    html = "<html><body><script>x()</script><p>第一段</p><p>第二段</p></body></html>".encode()
    assert [line for line in read_document("a.html", html).splitlines() if line] == [
        "第一段",
        "第二段",
    ]


def test_import_creates_one_draft_per_file(handler, body):
    content = SEED_004.read_bytes()
    first = services.document_import(
        actor=handler, organisation=body, name=SEED_004.name, content=content, section="business"
    )
    again = services.document_import(
        actor=handler, organisation=body, name=SEED_004.name, content=content, section="business"
    )
    assert (first.created, again.created, again.item.pk) == (True, False, first.item.pk)
    assert Item.objects.count() == 1
    assert first.item.status == "draft"
    assert first.item.publish_clock is None  # historical documents do not start art. 26's clock


def test_the_command_shows_progress_and_refusals(handler, body, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("甲\n乙\n丙\n主站蜘蛛池模板\n丁\n戊\n己\n庚", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("关于户籍业务的通知\n正文。", encoding="utf-8")
    call_command(
        "proactive",
        "import",
        str(tmp_path),
        "--organisation",
        body.code,
        "--user",
        handler.username,
    )
    out = capsys.readouterr().out
    assert f"[1/2] {bad}" in out and f"[2/2] {good}" in out
    assert "1 of 2 files imported, 1 refused." in out or "2 个文件中导入 1 个，拒绝 1 个。" in out
    assert list(Item.objects.values_list("title", flat=True)) == ["关于户籍业务的通知"]


def test_the_four_clean_seeds_import_without_spam(handler, body):
    for path in sorted(SEEDS.glob("00[0-3]_*.txt")):
        result = services.document_import(
            actor=handler,
            organisation=body,
            name=path.name,
            content=path.read_bytes(),
            section="policy",
        )
        assert (result.created, result.quarantined) == (True, [])
    assert Item.objects.count() == 4


# --- Web-page furniture and flattened tables, on every seed (issue 16 point 11) --------------

FURNITURE_OF_SEEDS = {
    "000": (
        ["日期:2017-06-26 17:58:24", "来源:本网-湛江市公安局", "作者: 湛江市公安局", "文字:【", "打印"],
        "2017-06-26 17:58:24",
    ),
    "001": (
        ["不支持Flash", "通知公告", "[发布时间:2018-08-23 10:56:28 ][阅读次数:247 次]",
         "[打印本页]\xa0\xa0[关闭本页]"],
        "2018-08-23 10:56:28",
    ),
    "002": ([], None),
    "003": (["本文由转载于互联网,如有侵权请联系删除!"], None),
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(FURNITURE_OF_SEEDS))
def test_furniture_is_stripped_from_every_seed(prefix):
    from gongkai.proactive.services.importing import FURNITURE_HEAD_LINES, is_furniture

    furniture, published = FURNITURE_OF_SEEDS[prefix]
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    assert cleaned.furniture == furniture
    at = cleaned.page_published_at
    assert (at.strftime("%Y-%m-%d %H:%M:%S") if at else None) == published
    lines = [line for line in cleaned.text.splitlines() if line.strip()]
    edges = lines[:FURNITURE_HEAD_LINES] + lines[-4:]
    assert not [line for line in edges if is_furniture(line)]
    for word in ("日期:", "来源:", "文字:【", "阅读次数", "打印本页", "本文由转载", "不支持Flash"):
        assert word not in cleaned.text


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("日期:2017-06-26 17:58:24", True),
        ("发布日期：2020-01-02", True),
        ("【大 中 小】", True),
        ("当前位置：首页 > 政务公开", True),
        ("[打印本页] [关闭本页]", True),
        ("来源:本网-湛江市公安局", True),
        # Content that only looks similar stays.
        ("来源于群众的意见建议，要认真研究采纳。各单位应当建立健全工作机制并抓好落实，不得敷衍。", False),
        ("2017年6月22日", False),
        ("打印机采购项目", False),
    ],
)  # fmt: skip
def test_furniture_rule(line, furniture):
    from gongkai.proactive.services.importing import is_furniture

    assert is_furniture(line) is furniture


def test_furniture_inside_the_text_is_kept():
    from gongkai.proactive.services.importing import strip_furniture

    lines = [f"第{n}段正文。" for n in range(20)]
    lines[10] = "来源:群众来信"
    kept, removed, _at = strip_furniture(lines)
    assert removed == [] and kept == lines


def test_seed_000s_task_table_is_kept_as_a_table():
    from gongkai.proactive.services.importing import text_blocks, text_to_body

    path = next(SEEDS.glob("000_*.txt"))
    text = clean_text(path.read_text(encoding="utf-8")).text
    tables = [b for b in text_blocks(text) if isinstance(b, list)]
    assert len(tables) == 1
    table = tables[0]
    assert table[0] == ["序号", "工作任务", "负责单位", "完成时间"]
    assert [row[0] for row in table[1:]] == [str(n) for n in range(1, 24)]  # 23 tasks
    assert table[23][1:] == [
        "对政务公开工作人员进行培训,提高专业化水平",
        "政治处、警校",
        "从2017年起每年实施",
    ]
    body = text_to_body(text)
    assert body.count("<table>") == 1 and body.count("<tr>") == 24
    assert "<th>负责单位</th>" in body


def test_numbered_lines_without_a_header_stay_paragraphs():
    from gongkai.proactive.services.importing import text_blocks

    assert text_blocks("1\n第一项\n2\n第二项") == ["1", "第一项", "2", "第二项"]


def test_import_keeps_the_pages_date_and_the_table_through_publication(handler, body):
    path = next(SEEDS.glob("000_*.txt"))
    result = services.document_import(
        actor=handler, organisation=body, unit=handler.staff_profile.units.first(),
        name=path.name, content=path.read_bytes(), section="policy",
    )  # fmt: skip
    item = Item.objects.get(pk=result.item.pk)
    assert item.published_at.isoformat() == "2017-06-26T09:58:24+00:00"  # 17:58:24 China time
    assert "<table>" in item.body and "<th>序号</th>" in item.body
    assert "日期:" not in item.body and "打印" not in item.body[-100:]
