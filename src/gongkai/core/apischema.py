"""What every operation under /api/v1/ shares: the error body, the bounds of input, choices.

Input the database or the calendar cannot hold (an id past 64 bits, a year 0, a NUL character)
is refused here with 400 and ``{"code": "invalid_input", "message", "details"}`` before any
query runs, so a careless client gets an answer and never a server error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from gongkai.core.bounds import MAX_ID, YEAR_MAX, YEAR_MIN

__all__ = ["MAX_ID", "YEAR_MAX", "YEAR_MIN", "Code", "Error", "ObjectId", "PageNumber", "Year"]

# Pages past this are refused: no list here is longer than 10 million rows.
PAGE_MAX = 100_000

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
PageNumber = Annotated[int, Field(ge=1, le=PAGE_MAX)]
# Short codes in paths (an organisation's code is a slug of at most 40 characters).
Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")]


class Error(Schema):
    """Every refusal: a stable ``code`` for programs and a Chinese ``message`` for people;
    ``details`` lists the fields at fault when the input does not fit the schema."""

    code: str
    message: str
    details: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class choice:  # noqa: N801 (read as a function in annotations: ``Annotated[str, choice(...)]``)
    """Coded values (a ``TextChoices``' ``.values``) as the metadata of ``Annotated[str, …]``:
    validated and documented as an inline enum, the same schema a ``Literal`` gives (no named
    component, so two apps' ``Status`` never collide), while the type checker sees ``str``."""

    values: tuple[str, ...]

    def __init__(self, values: Iterable[str]) -> None:
        object.__setattr__(self, "values", tuple(str(value) for value in values))

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.literal_schema(list(self.values))
