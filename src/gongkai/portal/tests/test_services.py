"""Column and guide services: validation, permissions, idempotency, the ledger."""

import pytest

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.portal.models import Column, ColumnKind, OpennessGuide
from gongkai.portal.services import (
    GUIDE_REQUIRED,
    ColumnFields,
    column_create,
    column_delete,
    column_update,
    guide_save,
)
from gongkai.portal.tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


def fields(**kw) -> ColumnFields:
    base = {"title": "政策文件", "slug": "zcwj", "kind": ColumnKind.LIST}
    base.update({"source": "proactive_section", "source_param": "policy"})
    base.update(kw)
    return ColumnFields(**base)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "  "}, "title_required"),
        ({"slug": "政策"}, "invalid_slug"),
        ({"slug": "Bad Slug"}, "invalid_slug"),
        ({"source": "nowhere"}, "invalid_source"),
        ({"source_param": "not-a-section"}, "invalid_source"),
        ({"kind": ColumnKind.PAGE, "body": " "}, "body_required"),
        ({"kind": ColumnKind.LINK, "link": "javascript:alert(1)"}, "invalid_link"),
        ({"kind": ColumnKind.LINK, "link": "no:such-page"}, "invalid_link"),
        ({"kind": "video"}, "invalid_kind"),
    ],
)
def test_bad_column_input_is_refused_and_nothing_is_written(people, changes, code):
    with pytest.raises(ServiceError) as caught:
        column_create(actor=people["office"], fields=fields(**changes))
    assert caught.value.code == code
    assert Column.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("link", "kind"),
    [("https://www.gov.cn/", ColumnKind.LINK), ("/foi/apply/", ColumnKind.LINK)],
)
def test_link_columns_accept_addresses_and_paths(people, link, kind):
    column = column_create(actor=people["office"], fields=fields(kind=kind, link=link))
    assert (column.kind, column.link, column.source) == (kind, link, "")


@pytest.mark.parametrize("who", [None, "public", "handler"])
def test_only_the_office_writes_columns(people, who):
    actor = people[who] if who else None
    with pytest.raises(PermissionDeniedError):
        column_create(actor=actor, fields=fields())
    assert Column.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_create_writes_the_ledger_and_repeating_it_makes_no_duplicate(people):
    first = column_create(actor=people["office"], fields=fields())
    again = column_create(actor=people["office"], fields=fields())
    assert again.pk == first.pk
    assert Column.objects.count() == 1
    assert list(LedgerEntry.objects.values_list("action", flat=True)) == ["portal.column_create"]


def test_a_taken_short_name_is_refused(people):
    column_create(actor=people["office"], fields=fields())
    with pytest.raises(ServiceError) as caught:
        column_create(actor=people["office"], fields=fields(title="另一个栏目"))
    assert caught.value.code == "slug_taken"
    assert Column.objects.get().title == "政策文件"


def test_a_column_cannot_sit_inside_itself_or_too_deep(people):
    top = ColumnFactory(slug="a")
    middle = ColumnFactory(slug="b", parent=top)
    bottom = ColumnFactory(slug="c", parent=middle)
    with pytest.raises(ServiceError) as caught:
        column_update(column=top, actor=people["office"], fields=fields(slug="a", parent=bottom))
    assert caught.value.code == "parent_cycle"
    with pytest.raises(ServiceError) as caught:
        column_create(actor=people["office"], fields=fields(slug="d", parent=bottom))
    assert caught.value.code == "too_deep"
    assert Column.objects.get(slug="a").parent is None


def test_delete_refuses_a_column_with_children(people):
    top = ColumnFactory(slug="a")
    ColumnFactory(slug="b", parent=top)
    with pytest.raises(ServiceError):
        column_delete(column=top, actor=people["office"])
    assert Column.objects.count() == 2
    column_delete(column=Column.objects.get(slug="b"), actor=people["office"])
    assert list(Column.objects.values_list("slug", flat=True)) == ["a"]
    assert LedgerEntry.objects.get().action == "portal.column_delete"


GUIDE = {
    "classification": "按主动公开基本目录分类编排。",
    "how_to_obtain": "在本网站查阅，或提交政府信息公开申请。",
    "office_name": "政务公开办公室",
    "address": "湛江市赤坎区军民大道",
    "office_hours": "工作日 8:00–12:00",
    "phone": "0759-3183110",
    "fax": "0759-3183111",
    "internet_contact": "gk@example.cn",
    "postcode": "524000",
}


# 条例 art. 12: the guide states the classification and arrangement, how to obtain
# information, and the openness office's name, address, hours, phone and internet contact
# (fax "if any" is optional here: not every office has one).
@pytest.mark.parametrize("missing", GUIDE_REQUIRED)
def test_guide_must_state_what_article_12_requires(body, people, missing):
    values = {**GUIDE, missing: ""}
    with pytest.raises(ServiceError) as caught:
        guide_save(organisation=body, actor=people["office"], values=values)
    assert caught.value.code == "guide_incomplete"
    assert OpennessGuide.objects.count() == 0


def test_guide_save_is_idempotent_and_recorded(body, people):
    guide_save(organisation=body, actor=people["office"], values=GUIDE)
    guide_save(organisation=body, actor=people["office"], values=GUIDE)
    guide_save(organisation=body, actor=people["office"], values={**GUIDE, "phone": "12345"})
    assert OpennessGuide.objects.get().phone == "12345"
    assert LedgerEntry.objects.filter(action="portal.guide_save").count() == 2


@pytest.mark.parametrize("who", [None, "public", "handler"])
def test_only_the_office_writes_the_guide(body, people, who):
    with pytest.raises(PermissionDeniedError):
        guide_save(organisation=body, actor=people[who] if who else None, values=GUIDE)
    assert OpennessGuide.objects.count() == 0


def test_a_bad_postcode_is_refused(body, people):
    with pytest.raises(ServiceError) as caught:
        guide_save(organisation=body, actor=people["office"], values={**GUIDE, "postcode": "52"})
    assert caught.value.code == "invalid_postcode"
