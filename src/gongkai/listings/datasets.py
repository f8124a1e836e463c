"""The powers list (权责清单) in force as an open dataset (gongkai.core.datasets), built on
``selectors.powers_export`` and the same columns as the list's own download."""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from gongkai.core.datasets import BuiltinDataset, DatasetField, register_dataset
from gongkai.listings.formats import power_json
from gongkai.listings.selectors import powers_export, powers_public


def _rows():
    for power in powers_export():
        data = power_json(power)
        yield {
            "code": data["code"],
            "name": data["name"],
            "kind": data["kind_label"],
            "organisation": data["organisation"],
            "bases": "\n".join(f"《{b['law']}》{b['article']}" for b in data["bases"]),
            "exercised_by": data["exercised_by"],
            "responsibilities": data["responsibilities"],
            "accountability": data["accountability"],
            "supervision": data["supervision"],
            "remedy": data["remedy"],
            "version": data["version"],
            "changed_on": data["changed_on"],
        }


def _modified():
    return powers_public().aggregate(latest=Max("updated_at"))["latest"]


register_dataset(
    BuiltinDataset(
        key="powers",
        title=_("Powers and responsibilities list"),
        description=_(
            "The powers in force with their legal bases, exercising bodies, responsibilities, "
            "accountability, supervision and remedies."
        ),
        theme="just",
        frequency="irregular",
        fields=(
            DatasetField("code", "编码", "string", "权责事项编码"),
            DatasetField("name", "事项名称", "string", "权责事项名称"),
            DatasetField("kind", "类型", "string", "行政许可、行政处罚等十类之一"),
            DatasetField("organisation", "所属机关", "string", "公布清单的机关"),
            DatasetField("bases", "设定依据", "string", "法律法规名称及条款，一行一条"),
            DatasetField("exercised_by", "行使主体", "string", "具体行使该职权的机构"),
            DatasetField("responsibilities", "责任事项", "string", "履行职权应承担的责任"),
            DatasetField("accountability", "追责情形", "string", "应当追究责任的情形"),
            DatasetField("supervision", "监督方式", "string", "监督机构和电话"),
            DatasetField("remedy", "救济途径", "string", "行政复议和行政诉讼途径"),
            DatasetField("version", "版本", "integer", "事项的版本号，每次调整加一"),
            DatasetField("changed_on", "调整日期", "date", "最近一次调整的日期"),
        ),
        rows=_rows,
        modified=_modified,
        page="listings:powers",
    )
)
