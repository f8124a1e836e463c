"""Published information items as an open dataset (gongkai.core.datasets).

Built on ``selectors.items_published``: withdrawn and unpublished items never appear, and
only the published title is used.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.datasets import BuiltinDataset, DatasetField, register_dataset
from gongkai.proactive.selectors import items_published


def _rows():
    for item in items_published().iterator(chunk_size=2000):
        yield {
            "index_number": item.index_number,
            "title": item.public_title or item.title,
            "organisation": item.organisation.name,
            "document_number": item.document_number,
            "written_on": item.written_on.isoformat() if item.written_on else "",
            "published_at": timezone.localtime(item.published_at).isoformat(timespec="seconds"),
            "section": str(item.get_section_display()),
            "topic": item.topic.name if item.topic else "",
            "validity": str(item.get_validity_display()),
        }


def _modified():
    return items_published().aggregate(latest=Max("published_at"))["latest"]


register_dataset(
    BuiltinDataset(
        key="information-items",
        title=_("Proactively disclosed government information"),
        description=_(
            "Every information item published on the portal: index number, title, issuing "
            "body, document number and dates, as in the proactive disclosure catalog."
        ),
        theme="gove",
        frequency="daily",
        fields=(
            DatasetField("index_number", "索引号", "string", "主动公开目录中的索引号"),
            DatasetField("title", "标题", "string", "信息的公开标题"),
            DatasetField("organisation", "发布机构", "string", "制发或公开该信息的机关"),
            DatasetField("document_number", "文号", "string", "公文的发文字号，无则为空"),
            DatasetField("written_on", "成文日期", "date", "公文的成文日期"),
            DatasetField("published_at", "发布时间", "datetime", "在门户网站公开的时间"),
            DatasetField("section", "目录类别", "string", "主动公开基本目录中的类别"),
            DatasetField("topic", "主题分类", "string", "信息所属的主题"),
            DatasetField("validity", "有效性", "string", "文件是否仍然有效"),
        ),
        rows=_rows,
        modified=_modified,
        page="proactive:catalog",
    )
)
