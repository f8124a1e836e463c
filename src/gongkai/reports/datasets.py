"""The tables of published yearly reports as two open datasets (gongkai.core.datasets).

- "foi-statistics": section 三 (applications received and how they were handled), one row
  per body, year, table row and applicant column;
- "yearly-report-tables": the section 二 tables (documents, licences, penalties, fees) and
  section 四 (administrative review and litigation), in the same long shape.

Built on ``selectors.published_reports``: a draft report's figures never appear.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from gongkai.core.datasets import BuiltinDataset, DatasetField, register_dataset
from gongkai.reports import format as fmt
from gongkai.reports.selectors import published_reports, section2_tables

SECTION3_HEADING = "三、收到和处理政府信息公开申请情况"
SECTION4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"


def _row_label(code: str) -> str:
    row = fmt.row(code)
    return f"{fmt.row_label(row.parent)}{row.label}" if row.parent else row.label


def _statistics_rows():
    for report in published_reports():
        values = report.tables.get("section3") or {}
        report_format = fmt.FORMATS.get(report.tables.get("format", ""), fmt.FORMATS["2021"])
        for code in report_format.data_rows:
            for column in (*fmt.APPLICANT_PARTS, "total"):
                yield {
                    "organisation": report.organisation.name,
                    "year": report.year,
                    "row": _row_label(code),
                    "column": fmt.column_label(column),
                    "value": (values.get(code) or {}).get(column, 0),
                }


def _tables_rows():
    for report in published_reports():
        base = {"organisation": report.organisation.name, "year": report.year}
        for table in section2_tables(report):
            spec = table["spec"]
            for row_code, row_label in spec.rows:
                for column_code, column_label in spec.columns:
                    value = (table["values"].get(row_code) or {}).get(column_code, 0)
                    yield {**base, "table": f"二、{spec.heading}", "row": row_label,
                           "column": column_label, "value": str(value)}  # fmt: skip
        section4 = report.tables.get("section4") or {}
        for group, group_label in fmt.SECTION4_GROUPS:
            for result, result_label in fmt.SECTION4_RESULTS:
                value = (section4.get(group) or {}).get(result, 0)
                yield {**base, "table": SECTION4_HEADING, "row": group_label,
                       "column": result_label, "value": str(value)}  # fmt: skip


def _modified():
    return published_reports().aggregate(latest=Max("published_at"))["latest"]


LONG_FIELDS = (
    DatasetField("organisation", "机关", "string", "发布年度报告的机关"),
    DatasetField("year", "年度", "integer", "报告所属年度"),
)

register_dataset(
    BuiltinDataset(
        key="foi-statistics",
        title=_("Statistics of disclosure applications"),
        description=_(
            "Section 3 of each published yearly report: applications received, carried over "
            "and how they were handled, by type of applicant."
        ),
        theme="gove",
        frequency="annual",
        fields=(
            *LONG_FIELDS,
            DatasetField("row", "项目", "string", f"{SECTION3_HEADING}表中的行"),
            DatasetField("column", "申请人类型", "string", "自然人、法人或其他组织的各类及总计"),
            DatasetField("value", "件数", "integer", "该行该列的申请件数"),
        ),
        rows=_statistics_rows,
        modified=_modified,
        page="reports:public_list",
    )
)

register_dataset(
    BuiltinDataset(
        key="yearly-report-tables",
        title=_("Yearly report tables"),
        description=_(
            "Sections 2 and 4 of each published yearly report: documents made and repealed, "
            "licences, penalties, fees, administrative reviews and lawsuits."
        ),
        theme="gove",
        frequency="annual",
        fields=(
            *LONG_FIELDS,
            DatasetField("table", "表格", "string", "年度报告中的表格（第二部分各表、第四部分）"),
            DatasetField("row", "项目", "string", "表中的行：信息内容或复议、诉讼类别"),
            DatasetField("column", "指标", "string", "表中的列"),
            DatasetField("value", "数值", "string", "件数；收费金额以万元计"),
        ),
        rows=_tables_rows,
        modified=_modified,
        page="reports:public_list",
    )
)
