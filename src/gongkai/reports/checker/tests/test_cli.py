"""`check FILE [--json]`: output lines and exit codes 0 / 1 / 2."""

import json

from gongkai.reports import format as fmt
from gongkai.reports.checker.cli import main

from .helpers import LONGGANG_2021, NANHU_2019, mutate_html, mutate_section4_html, read


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.strip()


def write(tmp_path, text, name="report.html"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_consistent_exits_0(capsys):
    assert run(capsys, LONGGANG_2021) == (0, ["检查完毕：格式 2021，0 处错误，0 处警告"], "")


def test_2019_gb2312_page_exits_0(capsys):
    assert run(capsys, NANHU_2019) == (0, ["检查完毕：格式 2019，0 处错误，0 处警告"], "")


def test_inconsistent_exits_1_naming_row_column_expected_found(capsys, tmp_path):
    page = mutate_html(read(LONGGANG_2021), "（七）总计", "natural_person", "54")
    page = mutate_html(page, "予以公开", "total", "")
    page = mutate_section4_html(page, 4, "2")
    code, lines, err = run(capsys, write(tmp_path, page))
    assert code == 1
    assert lines == [
        "警告：三（一）予以公开 / 总计：总计未填写，按各项计算应为 3",
        "错误：三（七）总计 / 自然人：应为 53，实为 54（（一）至（六）之和）",
        "错误：三（七）总计 / 总计：应为 61，实为 60（自然人与各类法人或其他组织之和）",
        "错误：一 + 二 = 三（七） + 四 / 自然人：应为 60，实为 61"
        "（一、本年新收与二、上年结转之和应等于三（七）总计与四、结转下年度之和）",
        "错误：四 行政复议 / 总计：应为 1，实为 2（结果维持、结果纠正、其他结果、尚未审结之和）",
        "检查完毕：格式 2021，4 处错误，1 处警告",
    ]
    assert err == ""


def test_leaf_and_org_column_titles(capsys, tmp_path):
    page = mutate_html(read(LONGGANG_2021), "国家秘密", "other_org", "1")
    code, lines, _ = run(capsys, write(tmp_path, page))
    assert code == 1
    assert lines[:2] == [
        "错误：三（三）1.属于国家秘密 / 总计：应为 1，实为 0（自然人与各类法人或其他组织之和）",
        "错误：三（七）总计 / 法人或其他组织（其他）：应为 1，实为 0（（一）至（六）之和）",
    ]


def test_warnings_only_exit_0(capsys, tmp_path):
    page = mutate_html(read(LONGGANG_2021), "予以公开", "total", "—")
    code, lines, _ = run(capsys, write(tmp_path, page))
    assert (code, lines[-1]) == (0, "检查完毕：格式 2021，0 处错误，1 处警告")


def test_json_output(capsys, tmp_path):
    page = mutate_html(read(LONGGANG_2021), "予以公开", "natural_person", "3")
    code, lines, _ = run(capsys, write(tmp_path, page), "--json")
    data = json.loads("\n".join(lines))
    assert code == 1
    assert data["format"] == "2021"
    assert list(data["section3"]) == list(fmt.FORMATS["2021"].data_rows)
    assert data["section3"]["granted"]["natural_person"] == 3
    assert data["section4"]["review"]["total"] == 1
    assert data["findings"][0] == {
        "rule": "row_total",
        "severity": "error",
        "section": "三",
        "row": "granted",
        "column": "total",
        "expected": 4,
        "found": 3,
        "text": None,
        "message": "错误：三（一）予以公开 / 总计：应为 4，实为 3（自然人与各类法人或其他组织之和）",
    }
    assert "自然人" in "\n".join(lines)  # ensure_ascii=False


def test_json_blank_is_null(capsys):
    code, lines, _ = run(capsys, NANHU_2019, "--json")
    data = json.loads("\n".join(lines))
    assert (code, data["format"], data["findings"]) == (0, "2019", [])
    assert data["section3"]["other"] == {
        "natural_person": 0,
        "commercial": None,
        "research": None,
        "public_interest": None,
        "legal_services": None,
        "other_org": None,
        "total": None,
    }


def test_no_section3_table_exits_2(capsys, tmp_path):
    path = write(tmp_path, "<html><body><table><tr><td>规章</td><td>0</td></tr></table>")
    assert run(capsys, path) == (2, [], "没有找到包含“本年新收政府信息公开申请数量”的表格")


def test_missing_file_exits_2(capsys, tmp_path):
    code, lines, err = run(capsys, tmp_path / "nope.html")
    assert (code, lines) == (2, [])
    assert err.startswith("无法读取文件：")


def test_broken_docx_exits_2(capsys, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, lines, err = run(capsys, path)
    assert (code, lines) == (2, [])
    assert err.startswith("无法读取文件：")


def test_legacy_doc_exits_2(capsys, tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert run(capsys, path) == (2, [], "旧版 Word（.doc/.wps）格式，请另存为 .docx 或 HTML")


def test_docx_file_exits_0(capsys, tmp_path):
    from .helpers import section3_docx
    from .test_checker import LONGGANG_NUMBERS

    path = tmp_path / "年报.docx"
    path.write_bytes(section3_docx(LONGGANG_NUMBERS, fmt.SECTION3_ROWS))
    assert run(capsys, path) == (0, ["检查完毕：格式 2021，0 处错误，0 处警告"], "")


def test_a_docx_bomb_exits_2_with_the_reason_and_is_not_inflated(capsys, tmp_path):
    from gongkai.core.tests.bombs import docx_bomb

    path = tmp_path / "report.docx"
    path.write_bytes(docx_bomb())
    code, lines, err = run(capsys, path)
    assert (code, lines) == (2, [])
    assert err.startswith("文件未被接受：解压后将远大于文件本身")
