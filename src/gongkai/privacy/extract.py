"""Plain text from the attachments people send: .txt, .docx and .pdf.

Finding offsets are into the string returned here, so the extraction must be
deterministic: same file, same text.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from gongkai.core.filebounds import check_archive, check_text, pdf_text

SUPPORTED = (".txt", ".docx", ".pdf")


class UnsupportedFormat(ValueError):
    """The file is not one of the formats in SUPPORTED."""


def extract_text(path: str | Path) -> str:
    """The text of ``path``; raises OSError if unreadable, UnsupportedFormat, or ValueError
    (``filebounds.UnsafeUploadError``, a ValueError, when it would unpack or extract beyond
    the bounds: a decompression bomb)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return check_text(decode_text(path.read_bytes()))
    if suffix == ".docx":
        return check_text(_docx_text(path.read_bytes()))
    if suffix == ".pdf":
        return pdf_text(path.read_bytes())
    raise UnsupportedFormat(suffix or path.name)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; GB18030, a superset of GBK/GB2312, otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _docx_text(content: bytes) -> str:
    import docx  # python-docx; imported late so plain-text use stays light
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_archive(content)
    try:
        document = docx.Document(io.BytesIO(content))
    except Exception as exc:  # zip, XML and package errors all mean "not a readable docx"
        raise ValueError(str(exc)) from exc
    lines: list[str] = []
    # Walk the body in document order so table text sits where the table is.
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return "\n".join(lines)


def _table_lines(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text)
        lines.append("\t".join(cells))
    return lines
