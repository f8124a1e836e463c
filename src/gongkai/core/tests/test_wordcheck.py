"""The lint step ``python -m gongkai.i18n words`` (issue 16 point 3): what it catches."""

import pytest
from django.utils.translation.template import templatize

from gongkai import wordcheck


def test_the_code_base_passes():
    assert wordcheck.check() == []


def test_msgids_are_read_from_python_and_templates():
    code = 'x = _("Reply sent")\ny = pgettext_lazy("item", "Catalog")\n'
    assert [(c, m) for c, m, _line in wordcheck._extract(code)] == [
        (None, "Reply sent"),
        ("item", "Catalog"),
    ]
    template = '{% load i18n %}<p>{% translate "Nowhere translated" %}</p>'
    assert [m for _c, m, _l in wordcheck._extract(templatize(template))] == ["Nowhere translated"]


def test_an_untranslated_msgid_fails(monkeypatch, tmp_path):
    page = tmp_path / "page.html"
    page.write_text('{% load i18n %}{% translate "A label nobody translated" %}')
    monkeypatch.setattr(wordcheck, "_sources", lambda suffix: [page] if suffix == ".html" else [])
    monkeypatch.setattr(wordcheck, "ROOT", tmp_path)
    assert wordcheck.untranslated() == [
        "untranslated msgid: page.html:1: 'A label nobody translated'"
    ]


@pytest.mark.parametrize(
    ("source", "english"),
    [
        ("《政府信息公开条例》第三十三条第二款", False),
        ("国办发〔2018〕37号", False),
        ("条例 art. 33 para. 2", True),
        ("Article 36(2) of the Regulations", True),
        ("local practice", True),
    ],
)
def test_rule_sources_must_cite_in_chinese(source, english):
    assert wordcheck._english_citation(source) is english


def test_ledger_codes_come_from_the_services(monkeypatch, tmp_path):
    app = tmp_path / "demoapp"
    (app / "services").mkdir(parents=True)
    (app / "apps.py").write_text("")
    (app / "services" / "a.py").write_text(
        'ledger_append(action=f"demoapp.{action}", summary={"mystery_key": 1})\n'
        '_record(x, action="frobnicate")\n'
    )
    monkeypatch.setattr(wordcheck, "ROOT", tmp_path)
    monkeypatch.setattr(wordcheck, "_sources", lambda suffix: sorted(tmp_path.rglob("*.py")))
    actions, keys = wordcheck.ledger_codes()
    assert actions == {"demoapp.frobnicate"}
    assert keys == {"mystery_key"}
