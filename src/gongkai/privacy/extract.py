"""Plain text from the attachments people send: .txt, .docx and .pdf.

Finding offsets are into the string returned here, so the extraction must be
deterministic: same file, same text.
"""

from __future__ import annotations

from pathlib import Path

SUPPORTED = (".txt", ".docx", ".pdf")


class UnsupportedFormat(ValueError):
    """The file is not one of the formats in SUPPORTED."""


def extract_text(path: str | Path) -> str:
    """The text of ``path``; raises OSError if unreadable, UnsupportedFormat, or ValueError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return decode_text(path.read_bytes())
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    raise UnsupportedFormat(suffix or path.name)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; GB18030, a superset of GBK/GB2312, otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _docx_text(path: Path) -> str:
    import docx  # python-docx; imported late so plain-text use stays light
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
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


def _table_lines(table) -> list[str]:
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


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except PdfReadError as exc:
        raise ValueError(str(exc)) from exc
