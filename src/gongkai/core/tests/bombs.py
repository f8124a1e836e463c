"""Decompression bombs of each kind an upload form takes, built small in memory.

Each is a well-formed file of its kind whose unpacked (or extracted) size is far beyond
``core.filebounds``: what a careless or hostile sender can make in a few lines.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib

MB = 1024 * 1024
# Like the report: a 269 KB .docx holding 100 million characters; ours holds ~130 MB of
# XML (about 43 million characters) in ~130 KB.
BOMB_BYTES = 130 * MB


def _zip_with_member(template: bytes, member: str, head: bytes, chunk: bytes, tail: bytes):
    """``template`` with ``member`` replaced by head + chunk × n + tail (BOMB_BYTES)."""
    source = zipfile.ZipFile(io.BytesIO(template))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info.filename))
                continue
            with target.open(member, "w", force_zip64=True) as stream:
                stream.write(head)
                block = chunk * (MB // len(chunk))
                for _ in range(BOMB_BYTES // len(block)):
                    stream.write(block)
                stream.write(tail)
    return out.getvalue()


@functools.cache
def docx_bomb() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("关于政务公开的通知")
    document.save(buffer)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return _zip_with_member(
        buffer.getvalue(),
        "word/document.xml",
        f"<?xml version='1.0' encoding='UTF-8'?><w:document {ns}><w:body><w:p><w:r><w:t>".encode(),
        "公开".encode() * 64,
        b"</w:t></w:r></w:p></w:body></w:document>",
    )


@functools.cache
def xlsx_bomb() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["序号", "一级事项"])
    workbook.save(buffer)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    return _zip_with_member(
        buffer.getvalue(),
        "xl/worksheets/sheet1.xml",
        f"<?xml version='1.0' encoding='UTF-8'?><worksheet {ns}><sheetData>".encode(),
        '<row><c t="inlineStr"><is><t>户籍业务</t></is></c></row>'.encode(),
        b"</sheetData></worksheet>",
    )


def _pdf(content_stream: bytes) -> bytes:
    """A one-page PDF whose page content is ``content_stream`` (FlateDecode)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content_stream)
        + content_stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


@functools.cache
def pdf_bomb() -> bytes:
    """One page whose drawing inflates to ~130 MB of text-showing operators."""
    compressor = zlib.compressobj(9)
    line = b"BT /F1 12 Tf 72 720 Td (gongkai) Tj ET\n" * 1024
    packed = [compressor.compress(line) for _ in range(BOMB_BYTES // len(line))]
    return _pdf(b"".join(packed) + compressor.flush())


def pdf_small(text: str = "open government") -> bytes:
    return _pdf(zlib.compress(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET\n" % text.encode()))


def long_text(chars: int = 2_100_000) -> bytes:
    """A plain text file with more characters than any real document (6 MB of UTF-8)."""
    return ("政务公开" * (chars // 4 + 1)).encode()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header announces 10 billion pixels (its data would inflate to 30 GB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 65536, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG announcing ``width`` × ``height`` pixels."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"
