"""Bounds on what an upload unpacks to: a bomb of each kind is refused before it inflates,
real files pass."""

import io
import tracemalloc

import pytest

from gongkai.core import filebounds
from gongkai.core.filebounds import UnsafeUploadError, check_upload, image_size, pdf_text
from gongkai.core.tests import bombs
from gongkai.privacy.extract import extract_text

MB = 1024 * 1024


def _docx(paragraphs: int = 200) -> bytes:
    import docx

    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"第{n}条 行政机关应当主动公开本行政机关的政府信息。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(rows: int = 500) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for n in range(rows):
        workbook.active.append([n, "户籍管理", "出生登记", "办理条件、材料、流程"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


BOMBS = [
    ("名单.docx", bombs.docx_bomb, "upload_unpacks_too_large"),
    ("目录.xlsx", bombs.xlsx_bomb, "upload_unpacks_too_large"),
    ("公文.ofd", bombs.docx_bomb, "upload_unpacks_too_large"),  # OFD is a zip container too
    ("报告.pdf", bombs.pdf_bomb, "upload_unpacks_too_large"),
    ("身份证.png", bombs.png_bomb, "upload_image_too_large"),
    ("身份证.jpg", lambda: bombs.jpeg_header(20_000, 20_000), "upload_image_too_large"),
]


@pytest.mark.parametrize(("name", "make", "code"), BOMBS, ids=[b[0] for b in BOMBS])
def test_a_bomb_of_each_kind_is_refused_without_inflating_it(name, make, code):
    content = make()
    tracemalloc.start()
    with pytest.raises(UnsafeUploadError) as refused:
        check_upload(name, content)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert refused.value.code == code
    assert "文件未被接受" in refused.value.message
    # Zip bombs and images: nothing inflated. PDF: pypdf stops a stream at our 32 MB bound
    # (its buffers then hold about twice that, once); the report's .docx took 750 MB.
    assert peak < (100 * MB if name.endswith(".pdf") else 2 * MB)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("通知.docx", _docx()),
        ("目录.xlsx", _xlsx()),
        ("报告.pdf", bombs.pdf_small()),
        ("照片.png", bombs.png_bomb(3000, 4000)),
        ("照片.jpg", bombs.jpeg_header(4000, 3000)),
        ("说明.txt", "政务公开".encode()),
        ("坏文件.docx", b"PK\x03\x04 not really a zip"),  # unreadable, not a bomb: passes here
    ],
)
def test_real_files_pass(name, content):
    check_upload(name, content)


def test_image_size_from_headers():
    assert image_size(bombs.png_bomb(640, 480)) == (640, 480)
    assert image_size(bombs.jpeg_header(1024, 768)) == (1024, 768)
    assert image_size(b"GIF89a") is None


@pytest.mark.parametrize(
    ("suffix", "content"),
    [(".docx", bombs.docx_bomb), (".pdf", bombs.pdf_bomb), (".txt", bombs.long_text)],
)
def test_text_extraction_refuses_each_kind(tmp_path, suffix, content):
    path = tmp_path / f"upload{suffix}"
    path.write_bytes(content())
    with pytest.raises(UnsafeUploadError) as refused:
        extract_text(path)
    expected = "upload_text_too_long" if suffix == ".txt" else "upload_unpacks_too_large"
    assert refused.value.code == expected


def test_extracted_text_is_bounded_even_when_the_file_is_not_a_bomb(monkeypatch):
    text = pdf_text(bombs.pdf_small("gongkai"))
    assert text.strip() == "gongkai"
    monkeypatch.setattr(filebounds, "MAX_TEXT_CHARS", 3)
    with pytest.raises(UnsafeUploadError) as refused:
        pdf_text(bombs.pdf_small("gongkai"))
    assert refused.value.code == "upload_text_too_long"


def test_a_zip_with_too_many_parts_is_refused(monkeypatch):
    monkeypatch.setattr(filebounds, "MAX_ARCHIVE_MEMBERS", 5)
    with pytest.raises(UnsafeUploadError) as refused:
        check_upload("通知.docx", _docx())
    assert refused.value.code == "upload_too_many_parts"
