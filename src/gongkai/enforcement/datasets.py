"""Published enforcement decisions (行政执法公示) as an open dataset (gongkai.core.datasets).

Built on ``selectors.decisions_public`` and ``formats.decision_json``: the party as
published (names masked), and a withdrawn decision keeps only its identity and withdrawal.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from gongkai.core.datasets import BuiltinDataset, DatasetField, register_dataset
from gongkai.enforcement.formats import decision_json
from gongkai.enforcement.selectors import decisions_public

COLUMNS = ("number", "kind_label", "title", "party", "party_credit_code", "facts",
           "legal_basis", "content", "decided_on", "agency", "status", "withdrawn_on",
           "withdrawal_reason")  # fmt: skip


def _rows():
    for decision in decisions_public().iterator(chunk_size=2000):
        data = decision_json(decision)
        data["status"] = str(decision.get_status_display())
        data["withdrawn_on"] = data["withdrawn_on"] or ""
        yield {column: data[column] for column in COLUMNS}


def _modified():
    return decisions_public().aggregate(latest=Max("published_at"))["latest"]


register_dataset(
    BuiltinDataset(
        key="enforcement-decisions",
        title=_("Administrative enforcement decisions"),
        description=_(
            "Licensing, penalty and other enforcement decisions as published (双公示), "
            "with withdrawals."
        ),
        theme="just",
        frequency="daily",
        fields=(
            DatasetField("number", "决定书文号", "string", "行政执法决定书的文号"),
            DatasetField("kind_label", "决定类别", "string", "行政许可、行政处罚等"),
            DatasetField("title", "事项名称", "string", "决定涉及的执法事项"),
            DatasetField("party", "当事人", "string", "公示的当事人名称，自然人已去标识化"),
            DatasetField("party_credit_code", "统一社会信用代码", "string", "法人当事人的代码"),
            DatasetField("facts", "违法事实", "string", "公示的主要事实，撤下后为空"),
            DatasetField("legal_basis", "处理依据", "string", "决定所依据的法律条款"),
            DatasetField("content", "处理决定", "string", "决定的内容"),
            DatasetField("decided_on", "决定日期", "date", "作出决定的日期"),
            DatasetField("agency", "执法机关", "string", "作出决定的机关"),
            DatasetField("status", "状态", "string", "已公示或已撤下"),
            DatasetField("withdrawn_on", "撤下日期", "date", "撤下公示的日期"),
            DatasetField("withdrawal_reason", "撤下原因", "string", "撤下公示的原因"),
        ),
        rows=_rows,
        modified=_modified,
        page="enforcement:decisions",
    )
)
