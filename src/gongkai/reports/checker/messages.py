"""Every human-facing message of the checker, in one place (to move to Django translations).

Row and column names in messages come from the official labels in ..format.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import format as fmt

if TYPE_CHECKING:
    from .rules import Finding

MESSAGES: dict[str, str] = {
    # severities
    "error": "错误",
    "warning": "警告",
    # findings; {row} and {column} are titles built below
    "row_total": "{severity}：{row} / 总计：应为 {expected}，实为 {found}（自然人与各类法人或其他组织之和）",
    "outcome_total": "{severity}：{row} / {column}：应为 {expected}，实为 {found}（（一）至（六）之和）",
    "balance": (
        "{severity}：{row} / {column}：应为 {expected}，实为 {found}"
        "（一、本年新收与二、上年结转之和应等于三（七）总计与四、结转下年度之和）"
    ),
    "total_missing": "{severity}：{row} / {column}：总计未填写，按各项计算应为 {expected}",
    "bad_number": "{severity}：{row} / {column}：无法识别的数值“{text}”",
    "missing_row": "{severity}：{row}：表格中没有这一行，按 0 计算",
    "section4_total": (
        "{severity}：四 {row} / 总计：应为 {expected}，实为 {found}"
        "（结果维持、结果纠正、其他结果、尚未审结之和）"
    ),
    "section4_missing": "{severity}：没有找到第四部分（行政复议、行政诉讼情况）的表格",
    # summary and failures
    "summary": "检查完毕：格式 {format}，{errors} 处错误，{warnings} 处警告",
    "no_tables": "文件中没有表格",
    "no_section3": "没有找到包含“本年新收政府信息公开申请数量”的表格",
    "no_section3_header": "第三部分表格中没有找到“自然人”“商业企业”…“总计”各列",
    "old_word": "旧版 Word（.doc/.wps）格式，请另存为 .docx 或 HTML",
    "unsupported": "不支持的文件类型：{name}",
    "unreadable": "无法读取文件：{reason}",
    "not_found": "无法读取文件：文件不存在（{name}）",
    "bad_docx": "无法读取文件：不是有效的 .docx 文件（{reason}）",
    # the balance relation has no single row; this is its title
    "balance_row": "一 + 二 = 三（七） + 四",
}

# Column titles where the official label alone would be ambiguous.
_COLUMN_TITLES = {"other_org": "法人或其他组织（其他）"}
_ENUMERATOR = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+(?=、)|\d+\.)")
_NOTE = re.compile(r"（[^）]*）$")


def row_title(code: str) -> str:
    """'三（三）1.属于国家秘密', '三（七）总计', '一、本年新收政府信息公开申请数量'."""
    if code == "balance":
        return MESSAGES["balance_row"]
    row = fmt.row(code)
    text = _NOTE.sub("", row.label)  # drop （区分处理的，…）
    parent = row.parent
    while parent is not None:
        above = fmt.row(parent)
        match = _ENUMERATOR.match(above.label)
        text = (match.group(1) if match else above.label) + text
        parent = above.parent
    return text


def column_title(code: str) -> str:
    return _COLUMN_TITLES.get(code) or fmt.column_label(code)


def section4_group_title(code: str) -> str:
    return dict(fmt.SECTION4_GROUPS).get(code, code)


def render(finding: Finding) -> str:
    """One line of the human report for a finding."""
    if finding.section == "四":
        row = section4_group_title(finding.row)
        column = dict(fmt.SECTION4_RESULTS).get(finding.column or "", "")
        if finding.rule == "total_missing":
            row = f"四 {row}"
    else:
        row = row_title(finding.row)
        column = column_title(finding.column) if finding.column else ""
    return MESSAGES[finding.rule].format(
        severity=MESSAGES[finding.severity],
        row=row,
        column=column,
        expected=finding.expected,
        found=finding.found,
        text=finding.text,
    )
