"""Uploaded files are opened within bounds: a small file must never become a huge one.

A 269 KB ``.docx`` once inflated to 100 million characters of stored text (750 MB of
memory). Every upload that the site unpacks or reads text from passes these checks
first, whatever form it came through, and is refused with a clear message before
anything is stored:

* zip containers (.docx, .xlsx, .ofd): the members' declared sizes, the total unpacked
  size, the XML the parser would build a tree of, and the compression ratio are bounded
  before a byte is inflated. Python's ``zipfile`` never inflates a member beyond its
  declared size (a lying header fails its CRC), so the declared sizes are a true bound;
* PDF: the number of pages and the inflated size of the page contents (and the forms
  they draw) are bounded before the text is extracted, page by page;
* images (PNG, JPEG): the pixel count from the header, so a viewer is not flooded;
* extracted text, whatever the kind: at most ``MAX_TEXT_CHARS`` characters.

The limits are generous for real government documents (a 500-page Word file has a few
MB of XML and under a million characters) and far below what a bomb produces.

Pure Python (no Django), like the privacy detector and the report checker that use it;
the refusal is a ``ServiceError`` (and a ``ValueError``) whose message is Chinese, kept
in ``MESSAGES`` like theirs.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from gongkai.core.errors import ServiceError

MB = 1024 * 1024
MAX_ARCHIVE_MEMBERS = 5_000
MAX_UNPACKED_BYTES = 100 * MB  # everything in a zip container, images included
MAX_XML_BYTES = 20 * MB  # the parts parsed into XML trees (.xml, .rels)
MAX_RATIO = 100  # unpacked / packed, for the archive and for any member over RATIO_FLOOR
RATIO_FLOOR = 1 * MB
MAX_TEXT_CHARS = 2_000_000
MAX_PDF_PAGES = 3_000
MAX_PDF_CONTENT_BYTES = 32 * MB  # inflated page contents and form drawings, all pages
MAX_IMAGE_PIXELS = 100_000_000  # e.g. 10,000 × 10,000

ZIP_SUFFIXES = (".docx", ".xlsx", ".ofd", ".zip")
XML_SUFFIXES = (".xml", ".rels")


# Everything a person reads, in one place (Chinese, like the other pure modules).
MESSAGES = {
    "upload_unpacks_too_large": (
        "文件未被接受：解压后将远大于文件本身（解压后最多 {mb} MB，且不超过文件大小的 {ratio} 倍），"
        "可能是“压缩炸弹”。请重新保存文件或拆分后再上传。"
    ),
    "upload_too_many_parts": "文件未被接受：文件内含超过 {n} 个部件。",
    "upload_text_too_long": "文件未被接受：文字超过 {n} 字。请拆分为几个文件后再上传。",
    "upload_too_many_pages": "文件未被接受：页数超过 {n} 页。",
    "upload_image_too_large": "文件未被接受：图片超过 {n} 百万像素。",
}


class UnsafeUploadError(ServiceError, ValueError):
    """A file that would unpack or extract beyond the bounds: refused, never stored."""


def _refuse(code: str, **params: Any) -> UnsafeUploadError:
    return UnsafeUploadError(code, MESSAGES[code].format(**params))


def _too_large_unpacked() -> UnsafeUploadError:
    return _refuse("upload_unpacks_too_large", mb=MAX_UNPACKED_BYTES // MB, ratio=MAX_RATIO)


def check_archive(content: bytes) -> None:
    """Bounds of a zip container (.docx, .xlsx, .ofd) from its directory, inflating nothing.

    A file that is not a zip at all passes: the reader that follows says it is unreadable.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise _refuse("upload_too_many_parts", n=MAX_ARCHIVE_MEMBERS)
    unpacked = sum(m.file_size for m in members)
    xml = sum(m.file_size for m in members if m.filename.lower().endswith(XML_SUFFIXES))
    if unpacked > MAX_UNPACKED_BYTES or xml > MAX_XML_BYTES:
        raise _too_large_unpacked()
    if unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(1, len(content)):
        raise _too_large_unpacked()
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(
            1, member.compress_size
        ):
            raise _too_large_unpacked()


def _text_too_long() -> UnsafeUploadError:
    return _refuse("upload_text_too_long", n=MAX_TEXT_CHARS)


def check_text_length(chars: int) -> None:
    """Refuse text longer than any real document (``chars`` counted while reading)."""
    if chars > MAX_TEXT_CHARS:
        raise _text_too_long()


def check_text(text: str) -> str:
    """The extracted text, if it is not longer than any real document."""
    check_text_length(len(text))
    return text


# --- PDF ---------------------------------------------------------------------------------


def _form_bytes(page: Any) -> int:
    """Inflated size of the form drawings (Form XObjects) a page's resources name."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None:
        return 0
    total = 0
    for reference in xobjects.get_object().values():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Form":
            total += len(xobject.get_data())
    return total


def _page_bytes(page: Any) -> int:
    contents = page.get_contents()
    return (len(contents.get_data()) if contents is not None else 0) + _form_bytes(page)


def _pdf_pages(content: bytes) -> Iterator[Any]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if len(reader.pages) > MAX_PDF_PAGES:
        raise _refuse("upload_too_many_pages", n=MAX_PDF_PAGES)
    inflated = 0
    for page in reader.pages:
        inflated += _page_bytes(page)
        if inflated > MAX_PDF_CONTENT_BYTES or (
            inflated > RATIO_FLOOR and inflated > MAX_RATIO * len(content)
        ):
            raise _too_large_unpacked()
        yield page


def _pdf_configuration() -> AbstractContextManager[Any]:
    """pypdf's own per-stream inflation limit, lowered to ours where pypdf allows it."""
    import contextlib

    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # pypdf before 7: its fixed 75 MB per stream still holds
        return contextlib.nullcontext()
    limit = MAX_PDF_CONTENT_BYTES + 1
    configured: AbstractContextManager[Any] = apply(
        zlib_maximum_output_length=limit,
        lzw_maximum_output_length=limit,
        run_length_maximum_output_length=limit,
    )
    return configured


def _pdf_errors() -> tuple[type[BaseException], ...]:
    from pypdf.errors import PyPdfError

    return (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError)


def _limit_reached(error: BaseException) -> bool:
    return type(error).__name__ == "LimitReachedError"


def pdf_text(content: bytes) -> str:
    """The text of a PDF, page by page within the bounds; ValueError if unreadable."""
    parts: list[str] = []
    chars = 0
    try:
        with _pdf_configuration():
            for page in _pdf_pages(content):
                text = page.extract_text() or ""
                chars += len(text)
                if chars > MAX_TEXT_CHARS:
                    raise _text_too_long()
                parts.append(text)
    except UnsafeUploadError:
        raise
    except _pdf_errors() as error:
        if _limit_reached(error):
            raise _too_large_unpacked() from error
        raise ValueError(str(error)) from error
    return "\n".join(parts)


def check_pdf(content: bytes) -> None:
    """The bounds of a PDF that is stored, not read (page count and inflated contents).

    A PDF the reader cannot parse passes: it is stored as it came, and only people open it.
    """
    try:
        with _pdf_configuration():
            for _page in _pdf_pages(content):
                pass
    except UnsafeUploadError:
        raise
    except _pdf_errors() as error:
        if _limit_reached(error):
            raise _too_large_unpacked() from error


# --- images ------------------------------------------------------------------------------

_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(content: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG or JPEG header; None when not found."""
    if content.startswith(b"\x89PNG\r\n\x1a\n") and content[12:16] == b"IHDR":
        return struct.unpack(">II", content[16:24])
    if content.startswith(b"\xff\xd8"):
        at = 2
        while at + 9 <= len(content):
            if content[at] != 0xFF:
                return None
            marker = content[at + 1]
            if marker == 0xFF:  # fill byte
                at += 1
                continue
            if marker in _JPEG_FRAMES:
                height, width = struct.unpack(">HH", content[at + 5 : at + 9])
                return width, height
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length field
                at += 2
                continue
            (length,) = struct.unpack(">H", content[at + 2 : at + 4])
            at += 2 + length
    return None


def check_image(content: bytes) -> None:
    size = image_size(content)
    if size and size[0] * size[1] > MAX_IMAGE_PIXELS:
        raise _refuse("upload_image_too_large", n=MAX_IMAGE_PIXELS // 1_000_000)


def check_upload(name: str, content: bytes) -> None:
    """Every bound that applies to a file of this name and content (before storing it)."""
    suffix = Path(name).suffix.lower()
    if suffix in ZIP_SUFFIXES or content.startswith(b"PK\x03\x04"):
        check_archive(content)
    elif suffix == ".pdf" or content.startswith(b"%PDF-"):
        check_pdf(content)
    elif suffix in (".png", ".jpg", ".jpeg"):
        check_image(content)
