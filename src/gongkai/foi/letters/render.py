"""Replacing ``{{占位符}}`` in a .docx, safely across runs.

Word splits text into runs wherever formatting, spell-checking or editing history changes,
so ``{{申请人}}`` may arrive as ``{{申`` + ``请人}}``. Each paragraph's runs are read as one
string; a placeholder is replaced in the run where it starts (keeping that run's formatting)
and the rest of it is cut from the runs it spans. Paragraphs in tables (nested too), headers
and footers are covered. A value with line breaks becomes line breaks in the run.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+?)\s*\}\}")


class TemplateError(ValueError):
    """The file is not a .docx that python-docx can open."""


def open_document(data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a broken package
        raise TemplateError(str(error)) from error


def _table_paragraphs(table: Table) -> Iterator[Paragraph]:
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _table_paragraphs(inner)


def _container_paragraphs(container) -> Iterator[Paragraph]:
    yield from container.paragraphs
    for table in container.tables:
        yield from _table_paragraphs(table)


def paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body, its tables, and each section's headers and footers."""
    yield from _container_paragraphs(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            if not part.is_linked_to_previous:
                yield from _container_paragraphs(part)


def placeholders(document: Document) -> set[str]:
    """The placeholder names a document uses (however its runs split them)."""
    found: set[str] = set()
    for paragraph in paragraphs(document):
        text = "".join(run.text for run in paragraph.runs)
        found.update(match.group(1) for match in PLACEHOLDER.finditer(text))
    return found


def _run_at(starts: list[int], texts: list[str], position: int) -> int:
    """The index of the run holding character ``position`` of the paragraph."""
    for index in range(len(texts) - 1, -1, -1):
        if starts[index] <= position and texts[index]:
            return index
    return 0


def replace_in_paragraph(paragraph: Paragraph, values: Mapping[str, str]) -> None:
    runs = paragraph.runs
    texts = [run.text for run in runs]
    full = "".join(texts)
    matches = list(PLACEHOLDER.finditer(full))
    if not matches:
        return
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text)
    # From the last match back: earlier matches keep their offsets.
    for match in reversed(matches):
        value = values[match.group(1)]
        begin, end = match.span()
        first, last = _run_at(starts, texts, begin), _run_at(starts, texts, end - 1)
        head = texts[first][: begin - starts[first]]
        if first == last:
            texts[first] = head + value + texts[first][end - starts[first] :]
            continue
        texts[first] = head + value
        for index in range(first + 1, last):
            texts[index] = ""
        texts[last] = texts[last][end - starts[last] :]
    for run, text in zip(runs, texts, strict=True):
        if run.text != text:
            run.text = text


def render(template: bytes, values: Mapping[str, str]) -> bytes:
    """The template with every placeholder replaced; unknown names raise ``KeyError``."""
    document = open_document(template)
    for paragraph in paragraphs(document):
        replace_in_paragraph(paragraph, values)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def text_of(data: bytes) -> list[str]:
    """The text of every paragraph (for tests and previews)."""
    return [paragraph.text for paragraph in paragraphs(open_document(data))]
