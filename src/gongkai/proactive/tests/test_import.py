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
