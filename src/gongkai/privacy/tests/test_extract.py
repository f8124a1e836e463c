"""Text extraction from attachments; finding offsets are into this text."""

import pytest
from docx import Document
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from gongkai.privacy import detect, extract_text
from gongkai.privacy.extract import UnsupportedFormat, decode_text


def test_txt_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("申请人：张三\n手机13812345678", encoding="utf-8")
    assert extract_text(path) == "申请人：张三\n手机13812345678"


def test_txt_utf8_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff姓名：李四".encode())
    assert extract_text(path) == "姓名：李四"


def test_txt_gb18030(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("当事人：王五，住址：湛江市赤坎区南桥北路1号".encode("gb18030"))
    assert extract_text(path) == "当事人：王五，住址：湛江市赤坎区南桥北路1号"


def test_decode_text_prefers_utf8():
    assert decode_text("政务公开".encode()) == "政务公开"
    assert decode_text("政务公开".encode("gb18030")) == "政务公开"


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    document = Document()
    document.add_paragraph("政府信息公开申请表")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["姓名", "证件号码", "联系电话"], strict=True):
        cell.text = value
    for cell, value in zip(
        table.rows[1].cells, ["姓名：欧阳娜娜", "440803199207154564", "13812345678"], strict=True
    ):
        cell.text = value
    document.add_paragraph("申请时间：2019-05-15")
    path = tmp_path / "申请.docx"
    document.save(str(path))

    text = extract_text(path)
    assert text == (
        "政府信息公开申请表\n姓名\t证件号码\t联系电话\n"
        "姓名：欧阳娜娜\t440803199207154564\t13812345678\n申请时间：2019-05-15"
    )
    assert [(f.type, f.start, f.end) for f in detect(text)] == [
        ("name", 26, 30),
        ("id_card", 31, 49),
        ("mobile", 50, 61),
    ]


def test_docx_merged_cell_once(tmp_path):
    document = Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "住址：湛江市霞山区解放西路1号"
    table.cell(0, 2).text = "邮编524000"
    path = tmp_path / "m.docx"
    document.save(str(path))
    assert extract_text(path) == "住址：湛江市霞山区解放西路1号\t邮编524000"


def _ascii_pdf(path, lines):
    """A one-page PDF drawing ``lines`` in Helvetica (pypdf cannot lay out CJK text)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    ops = ["BT", "/F1 12 Tf", "72 770 Td", "14 TL"]
    for line in lines:
        ops.append(f"({line}) Tj T*")
    ops.append("ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as fh:
        writer.write(fh)


def test_pdf_ascii(tmp_path):
    path = tmp_path / "a.pdf"
    _ascii_pdf(path, ["Mobile 13812345678", "Email zhang.san@example.com", "ID 11010519491231002X"])
    text = extract_text(path)
    # Each line ends with T* (next line), hence the final newline.
    assert text == "Mobile 13812345678\nEmail zhang.san@example.com\nID 11010519491231002X\n"
    assert [(f.type, f.start, f.end, f.text) for f in detect(text)] == [
        ("mobile", 7, 18, "13812345678"),
        ("email", 25, 46, "zhang.san@example.com"),
        ("id_card", 50, 68, "11010519491231002X"),
    ]


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        extract_text(tmp_path / "none.txt")


def test_unsupported_format(tmp_path):
    path = tmp_path / "a.xls"
    path.write_bytes(b"x")
    with pytest.raises(UnsupportedFormat):
        extract_text(path)


def test_broken_docx_and_pdf(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    with pytest.raises(ValueError):
        extract_text(tmp_path / "bad.docx")
    with pytest.raises(ValueError):
        extract_text(tmp_path / "bad.pdf")
