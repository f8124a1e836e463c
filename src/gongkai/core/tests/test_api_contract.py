"""The API's contract across apps (issue 13 point 2): JSON errors everywhere, 401 without
credentials, bounded input refused with 400, enums and error statuses in the document, unique
schema names. Every response here is also checked against the document (root conftest)."""

import pytest
from django.test import Client
from ninja import Schema

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.services.organisation import api_token_create
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.openapi import document, problems
from gongkai.foi.models import Request, Status
from gongkai.proactive.law import Section

pytestmark = pytest.mark.django_db

HUGE = "9" * 25  # past 64 bits: overflows SQLite's and PostgreSQL's integers
CHINESE = range(0x4E00, 0xA000)


@pytest.fixture
def body():
    return OrganisationFactory(code="zjga")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE])


@pytest.fixture
def token(office) -> dict:
    _record, plain = api_token_create(actor=office, user=office, name="test")
    return {"Authorization": f"Bearer {plain}"}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    answer = response.json()
    assert answer["code"] == code
    assert any(ord(ch) in CHINESE for ch in answer["message"]), answer["message"]
    return answer


# --- Out-of-range input: 400 with a Chinese message, never a server error -------------


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/proactive/items?year=0", "year"),
        ("/api/v1/proactive/items?year=-240", "year"),
        ("/api/v1/proactive/items?year=99999", "year"),
        (f"/api/v1/proactive/items?organisation={HUGE}", "organisation"),
        ("/api/v1/proactive/items?organisation=-40543931779991", "organisation"),
        ("/api/v1/proactive/items?section=nonsense", "section"),
        (f"/api/v1/proactive/items/{HUGE}", "item_id"),
        (f"/api/v1/proactive/catalog?organisation={HUGE}", "organisation"),
        ("/api/v1/proactive/normative/counts?organisation=1&year=0", "year"),
        ("/api/v1/participation/staff/counts?year=0", "year"),
        ("/api/v1/participation/consultations?page=0", "page"),
        (f"/api/v1/participation/consultations/{HUGE}", "pk"),
        (f"/api/v1/participation/consultations/1/comments?provision={HUGE}", "provision"),
        (f"/api/v1/foi/staff/requests?page={HUGE}&page_size=-10000000000001", "page"),
        ("/api/v1/foi/staff/requests?status=lost", "status"),
        (f"/api/v1/foi/staff/requests/{HUGE}", "request_id"),
        ("/api/v1/reports/published/zjga/20250", "year"),
        ("/api/v1/reports/published/%E6%B9%9B/2025", "organisation"),
        (f"/api/v1/clocks/{HUGE}", "clock_id"),
    ],
)
def test_out_of_range_input_is_refused_with_400(client, token, url, field):
    answer = assert_error(client.get(url, headers=token), 400, "invalid_input")
    assert field in [detail["loc"][-1] for detail in answer["details"]]
    # Each detail's message is read by people: Chinese, never pydantic's English.
    for detail in answer["details"]:
        assert any(ord(ch) in CHINESE for ch in detail["msg"]), detail
        assert not any("a" <= ch.lower() <= "z" for ch in detail["msg"].split("：")[0]), detail


def test_a_period_outside_the_calendar_is_refused(client, body, token):
    url = "/api/v1/reports/statistics/zjga?start=9999-12-01&end=9999-12-31"
    assert_error(client.get(url, headers=token), 400, "date_out_of_range")


def test_a_date_the_calendar_cannot_count_from_is_refused(client, office, token):
    response = client.post(
        "/api/v1/proactive/drafts",
        {"title": "关于印发通知的通知", "section": "policy", "written_on": "1970-01-01"},
        content_type="application/json",
        headers=token,
    )
    assert_error(response, 400, "date_out_of_range")


def test_yearly_statistics_answer_with_text_labels(client, body, token):
    response = client.get(
        "/api/v1/reports/statistics/zjga?start=2025-01-01&end=2025-12-31", headers=token
    )
    assert response.status_code == 200
    by_channel = next(chart for chart in response.json() if chart["code"] == "by_channel")
    assert by_channel["columns"] == ["月份", "在线", "挂号信函", "平信", "当面", "传真", "电子邮件"]
    assert by_channel["rows"][0] == ["2025-01", 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/proactive/items?section=a%00b",
        "/api/v1/participation/staff/counts?year=2025&x%00=1",
    ],
)
def test_nul_characters_in_the_query_are_refused(client, token, url):
    assert_error(client.get(url, headers=token), 400, "invalid_characters")


# --- Bodies: a JSON object, nothing else ------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["[]", "[1, 2]", '"note"', "42", "not json", '{"note": "a\\u0000"}']
)
def test_a_body_that_is_not_a_json_object_is_refused(client, body, office, token, raw):
    online = _online_request(client, body)
    before = (LedgerEntry.objects.count(), Request.objects.get(pk=online).status)
    response = client.post(
        f"/api/v1/foi/staff/requests/{online}/confirm",
        raw,
        content_type="application/json",
        headers=token,
    )
    assert_error(response, 400, "invalid_body")
    assert (LedgerEntry.objects.count(), Request.objects.get(pk=online).status) == before


def _online_request(client, body) -> int:
    response = client.post(
        "/api/v1/foi/requests",
        {
            "applicant_type": "natural_person",
            "name": "王五",
            "id_type": "passport",
            "id_number": "E12345678",
            "phone": "13900000000",
            "description": "湛江市公安局2025年行政处罚案件数量",
            "form": "electronic",
            "delivery": "online",
        },
        content_type="application/json",
        headers={"Idempotency-Key": "contract"},
    )
    assert response.status_code == 201
    return Request.objects.get(code=response.json()["code"]).pk


def test_closing_an_unconfirmed_online_application_answers_json(client, body, token):
    online = _online_request(client, body)
    response = client.post(
        f"/api/v1/foi/staff/requests/{online}/close",
        {"note": "重复提交"},
        content_type="application/json",
        headers=token,
    )
    # The service decides whether dropping it is allowed; the API never answers 5xx.
    assert response.status_code in (200, 400, 409), response.content
    if response.status_code == 200:
        assert response.json()["status"] == Status.CLOSED
    else:
        assert response.json()["code"]


# --- Credentials: 401, then CSRF only for a signed-in session -----------------------------


STAFF_WRITES = [
    ("post", "/api/v1/foi/staff/requests/1/close", {}),
    ("post", "/api/v1/proactive/drafts", {"title": "t", "section": "policy"}),
    ("put", "/api/v1/reports/1/prose", {}),
    ("post", "/api/v1/participation/staff/letters/1/answer", {"reply": "r"}),
]


@pytest.mark.parametrize(("method", "url", "payload"), STAFF_WRITES)
@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic Zm9vOmJhcg=="])
def test_missing_or_bad_credentials_get_401_not_a_csrf_403(method, url, payload, authorization):
    client = Client(enforce_csrf_checks=True)
    headers = {"Authorization": authorization} if authorization else {}
    response = getattr(client, method)(
        url, payload, content_type="application/json", headers=headers
    )
    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_session_without_its_csrf_token_gets_403_csrf_failed(office):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    response = client.put("/api/v1/reports/1/prose", {}, content_type="application/json")
    assert_error(response, 403, "csrf_failed")


def test_a_session_with_its_csrf_token_passes(office):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    client.get("/workbench/")  # sets the CSRF cookie
    response = client.put(
        "/api/v1/reports/999/prose",
        {},
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert_error(response, 404, "report_not_found")


# --- Errors outside operations are JSON too ---------------------------------------------


def test_an_unknown_address_is_a_json_404(client):
    assert_error(client.get("/api/v1/no/such/thing"), 404, "not_found")


def test_a_wrong_method_is_a_json_405_with_allow(client):
    response = client.delete("/api/v1/proactive/items")
    assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"


def test_a_server_error_is_json_and_logged(client, monkeypatch, caplog):
    from gongkai.proactive import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "items_published", broken)
    assert_error(client.get("/api/v1/proactive/items"), 500, "server_error")
    assert "API error: GET /api/v1/proactive/items" in caplog.text


def test_a_database_conflict_is_a_json_409(client, body, token, monkeypatch):
    from django.db import IntegrityError

    from gongkai.foi import services

    def conflicting(**kwargs):
        raise IntegrityError("CHECK constraint failed")

    online = _online_request(client, body)
    monkeypatch.setattr(services, "request_close", conflicting)
    response = client.post(
        f"/api/v1/foi/staff/requests/{online}/close", {}, content_type="application/json",
        headers=token,
    )  # fmt: skip
    assert_error(response, 409, "conflict")


# --- The document ----------------------------------------------------------------------


def _api_schemas(cls=Schema):
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("gongkai."):
            yield sub
        yield from _api_schemas(sub)


def test_schema_names_are_unique():
    by_name: dict[str, set] = {}
    for schema in _api_schemas():
        by_name.setdefault(schema.__name__, set()).add(schema.__module__)
    assert {name: mods for name, mods in by_name.items() if len(mods) > 1} == {}


# Coded fields are enums; CatalogRowOut's section and group are the catalog's printed labels.
CODED = {"status", "kind", "channel", "applicant_type", "id_type", "form", "delivery", "basis",
         "outcome", "result", "section", "validity", "severity", "source", "state", "rule", "type"}  # fmt: skip
LABELS = {("CatalogRowOut", "section")}


def _enum_of(prop: dict) -> list | None:
    if "enum" in prop:
        return prop["enum"]
    for option in prop.get("anyOf", []):
        if "enum" in option:
            return option["enum"]
    return None


def test_choice_fields_are_enums_in_the_document():
    schemas = document()["components"]["schemas"]
    missing = [
        (name, field)
        for name, schema in schemas.items()
        for field, prop in schema.get("properties", {}).items()
        if field in CODED and (name, field) not in LABELS and _enum_of(prop) is None
    ]
    assert missing == []
    assert _enum_of(schemas["RequestOut"]["properties"]["status"]) == list(Status.values)
    assert _enum_of(schemas["DraftIn"]["properties"]["section"]) == list(Section.values)


def test_every_operation_documents_its_errors():
    for path, operations in document()["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            expected = {"400", "500"} | ({"401"} if operation.get("security") else set())
            assert expected <= statuses, (method, path)
            for status in statuses - {"200", "201"}:
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, status)


def test_the_response_check_catches_a_body_that_drifts():
    assert problems("GET", "/api/v1/proactive/items/1", 418, "application/json", b"{}") == [
        "GET /api/v1/proactive/items/1 answered 418, which its operation does not document"
    ]
    found = problems("GET", "/api/v1/workdays/is", 200, "application/json", b'{"kind": "x"}')
    assert any("'kind'" in problem for problem in found)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "missing", "loc": ("body", "title")}, "此项必填。"),
        ({"type": "string_too_long", "ctx": {"max_length": 200}}, "最多输入200个字符。"),
        ({"type": "greater_than_equal", "ctx": {"ge": 1}}, "请输入不小于1的数。"),
        ({"type": "int_parsing"}, "请输入整数。"),
        (
            {"type": "enum", "ctx": {"expected": "'a', 'b' or 'c'"}},
            "请从以下取值中选择：'a'、'b'、'c'。",
        ),
        ({"type": "value_error", "ctx": {"error": ValueError("文号格式不对")}}, "文号格式不对"),
        ({"type": "value_error", "ctx": {"error": ValueError("bad")}}, "此项的值无效。"),
        ({"type": "a_type_not_in_the_table"}, "此项的值无效。"),
        ({"type": "string_too_short", "ctx": {}}, "此项的值无效。"),  # context missing
    ],
)
def test_validation_messages_are_chinese(error, message):
    from django.utils import translation

    from gongkai.core.apierrors import validation_message

    with translation.override("zh-hans"):
        assert validation_message(error) == message
