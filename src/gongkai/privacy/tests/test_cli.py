"""``gongkai privacy scan FILE [--json]`` and ``gongkai privacy redact FILE``."""

import json

from docx import Document

from gongkai.privacy.cli import main

from .samples import APPLICATION, APPLICATION_FINDINGS, APPLICATION_MASKED


def test_scan_json(tmp_path, capsys):
    path = tmp_path / "申请表.txt"
    path.write_text(APPLICATION, encoding="utf-8")
    assert main(["scan", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == [
        {"type": t, "start": s, "end": e, "text": x} for t, s, e, x in APPLICATION_FINDINGS
    ]
    # ensure_ascii=False: the Chinese is printed as is.
    assert "欧阳娜娜" in out


def test_scan_human(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("申请人：张三，手机13812345678", encoding="utf-8")
    assert main(["scan", str(path)]) == 0
    assert capsys.readouterr().out == "4-6\t姓名\t张三\n9-20\t手机号码\t13812345678\n"


def test_scan_nothing_found(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("根据湛公通〔2017〕12号文件，热线12345。", encoding="utf-8")
    assert main(["scan", str(path)]) == 0
    assert capsys.readouterr().out == "未发现个人信息。\n"
    assert main(["scan", str(path), "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_redact_txt(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(APPLICATION.encode("gb18030"))
    assert main(["redact", str(path)]) == 0
    assert capsys.readouterr().out == APPLICATION_MASKED


def test_scan_docx(tmp_path, capsys):
    document = Document()
    document.add_paragraph("当事人：陈志明")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "联系电话：0759-3183120"
    path = tmp_path / "a.docx"
    document.save(str(path))
    assert main(["scan", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"type": "name", "start": 4, "end": 7, "text": "陈志明"},
        {"type": "landline", "start": 13, "end": 25, "text": "0759-3183120"},
    ]
    assert main(["redact", str(path)]) == 0
    assert capsys.readouterr().out == "当事人：陈**\n联系电话：0759-*****20"


def test_missing_file(tmp_path, capsys):
    path = tmp_path / "none.txt"
    assert main(["scan", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"找不到文件：{path}\n"
    assert main(["redact", str(path)]) == 2


def test_unsupported_file(tmp_path, capsys):
    path = tmp_path / "a.xls"
    path.write_bytes(b"x")
    assert main(["scan", str(path)]) == 2
    assert capsys.readouterr().err == f"不支持的文件格式：{path}（支持 .txt、.docx、.pdf）\n"


def test_unreadable_file(tmp_path, capsys):
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"not a pdf")
    assert main(["scan", str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"无法读取文件：{path}（")


def test_directory_is_unreadable(tmp_path, capsys):
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert main(["redact", str(folder)]) == 2
    assert capsys.readouterr().err.startswith(f"无法读取文件：{folder}（")


def test_usage_error_returns_2(capsys):
    assert main(["scan"]) == 2
    assert main([]) == 2
    assert main(["--help"]) == 0


def test_a_decompression_bomb_is_refused_with_the_reason(tmp_path, capsys):
    from gongkai.core.tests.bombs import docx_bomb

    path = tmp_path / "申请表.docx"
    path.write_bytes(docx_bomb())
    assert main(["scan", str(path)]) == 2
    assert "文件未被接受：解压后将远大于文件本身" in capsys.readouterr().err
