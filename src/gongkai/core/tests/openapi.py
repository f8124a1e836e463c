"""Checks every API response a test receives against the OpenAPI document.

The root conftest wraps Django's test client with ``check_response``: a status an operation
does not document, or a body that does not match the documented schema, fails the test that
made the request, so the document cannot drift from what the API answers.
"""

from __future__ import annotations

import functools
import json
import re

import jsonschema_rs

API_PREFIX = "/api/v1/"
NOT_CHECKED = {"/api/v1/openapi.json", "/api/v1/docs"}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


@functools.cache
def document() -> dict:
    from gongkai.api import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="")))


@functools.cache
def _routes() -> list[tuple[re.Pattern, str]]:
    routes = []
    for template in document()["paths"]:
        pattern = re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template))
        routes.append((re.compile(f"^{pattern}$"), template))
    # Literal segments before parameters: /reports/published before /reports/{report_id}.
    routes.sort(key=lambda route: route[1].count("{"))
    return routes


def operation_for(method: str, path: str) -> dict | None:
    relative = "/" + path.removeprefix(API_PREFIX)
    for pattern, template in _routes():
        if pattern.match(relative):
            operation = document()["paths"][template].get(method.lower())
            if operation is not None:
                return operation
    return None


@functools.cache
def _validator(schema_json: str):
    schema = {"$schema": DIALECT, **json.loads(schema_json)}
    schema["components"] = document()["components"]
    return jsonschema_rs.validator_for(schema)


def problems(method: str, path: str, status: int, content_type: str, body: bytes) -> list[str]:
    """What in a response disagrees with the document (nothing for paths it does not cover:
    unknown addresses and methods answer 404 and 405, always ``Error``)."""
    if not path.startswith(API_PREFIX) or path in NOT_CHECKED:
        return []
    if not content_type.startswith("application/json"):
        return [f"{method} {path} answered {status} with {content_type!r}, not JSON"]
    data = json.loads(body)
    operation = operation_for(method, path)
    if operation is None:
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        response = operation["responses"].get(str(status))
        if response is None:
            return [f"{method} {path} answered {status}, which its operation does not document"]
        schema = response.get("content", {}).get("application/json", {}).get("schema")
        if schema is None:
            return []
    return [
        f"{method} {path} {status}: {error.message} at {list(error.instance_path)}"
        for error in _validator(json.dumps(schema, sort_keys=True)).iter_errors(data)
    ]


def check_response(request: dict, response) -> None:
    found = problems(
        request["REQUEST_METHOD"],
        request["PATH_INFO"],
        response.status_code,
        response.get("Content-Type", ""),
        response.content,
    )
    assert not found, "\n".join(found)
