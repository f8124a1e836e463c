"""Demo content: 湛江市公安局's open data catalog, through the services.

The platform's public lists join the catalog as built-in datasets. Two datasets the office
adds with their files, as seed 002 asks (编制政府数据共享开放目录, 推进政府数据共享开放 in 民生
and 公共服务): the roads where traffic offences are most frequent (open to all) and the 110
calls by category and district (open on conditions: district-level counts of incidents are
given to researchers and companies for a stated purpose). One request is approved, one waits.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation, StaffProfile
from gongkai.opendata.models import Dataset
from gongkai.opendata.services import (
    DatasetValues,
    builtin_datasets_sync,
    dataset_create,
    request_approve,
    request_submit,
    resource_upload,
)

DISTRICTS = [
    "赤坎区",
    "霞山区",
    "麻章区",
    "坡头区",
    "廉江市",
    "雷州市",
    "吴川市",
    "遂溪县",
    "徐闻县",
]
ROADS = [
    ("人民大道中（海滨宾馆路段）", "霞山区", "违法停车", [412, 388, 401]),
    ("海滨大道北（观海长廊路段）", "赤坎区", "违法停车", [356, 341, 372]),
    ("椹川大道（麻章段）", "麻章区", "超速行驶", [233, 251, 219]),
    ("疏港大道（坡头段）", "坡头区", "货车闯禁", [97, 112, 104]),
    ("廉江大道南", "廉江市", "不按规定佩戴安全头盔", [188, 204, 176]),
    ("G207国道雷州段", "雷州市", "超速行驶", [145, 139, 160]),
]
MONTHS = ["2026-07", "2026-08", "2026-09"]
CALL_KINDS = [
    ("刑事警情", 0.18),
    ("治安警情", 0.31),
    ("交通警情", 0.22),
    ("求助警情", 0.20),
    ("纠纷警情", 0.09),
]
CALLS_BASE = [2140, 2465, 1302, 968, 1750, 1612, 1289, 1177, 803]


def _csv(header: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _roads_csv() -> bytes:
    rows = [
        [road, district, offence, month, counts[i]]
        for road, district, offence, counts in ROADS
        for i, month in enumerate(MONTHS)
    ]
    return _csv(["路段名称", "所属区县", "主要违法行为", "月份", "查处起数"], rows)


def _calls_csv() -> bytes:
    rows = [
        [month, district, kind, round(base * share * (1 + 0.04 * m))]
        for m, month in enumerate(MONTHS)
        for district, base in zip(DISTRICTS, CALLS_BASE, strict=True)
        for kind, share in CALL_KINDS
    ]
    return _csv(["月份", "区县", "警情类别", "接警数"], rows)


@register(95, gettext_lazy("open data catalog"))
def load_opendata(context: DemoContext) -> None:
    added = builtin_datasets_sync()
    if Dataset.objects.filter(source="").exists():
        context.log(_("Already loaded."))
        return
    bureau = Organisation.objects.get(code=BUREAU[0])
    office = StaffProfile.objects.get(user__username="gongkaiban").user
    roads = dataset_create(
        actor=office,
        slug="traffic-offence-hotspots",
        values=DatasetValues(
            title="交通违法高发路段",
            description="湛江市交通违法行为查处数量居前的路段，按月统计，供公众出行参考和社会监督。",
            publisher=bureau, theme="tran", frequency="monthly", condition="open",
            licence="CC-BY-4.0", keywords="交通违法,路段,交通管理",
            fields=[
                ("路段名称", "string", "违法行为集中的道路及路段"),
                ("所属区县", "string", "路段所在的县（市、区）"),
                ("主要违法行为", "string", "该路段查处最多的违法行为类型"),
                ("月份", "string", "统计月份，格式 YYYY-MM"),
                ("查处起数", "integer", "当月在该路段查处的违法行为起数"),
            ],
        ),
    )  # fmt: skip
    resource_upload(actor=office, dataset=roads, file_format="csv",
                    name="roads.csv", content=_roads_csv())  # fmt: skip
    calls = dataset_create(
        actor=office,
        slug="police-calls-by-district",
        values=DatasetValues(
            title="110接处警警情分类统计",
            description="全市各县（市、区）110接警数量，按月和警情类别统计。"
            "数据涉及社会治安态势，经申请批准后开放，用于研究和公共服务。",
            publisher=bureau, theme="just", frequency="monthly", condition="conditional",
            licence="CC-BY-4.0", keywords="110,警情,治安",
            fields=[
                ("月份", "string", "统计月份，格式 YYYY-MM"),
                ("区县", "string", "接警所属的县（市、区）"),
                ("警情类别", "string", "刑事、治安、交通、求助、纠纷五类"),
                ("接警数", "integer", "当月该类警情的接警数量"),
            ],
        ),
    )  # fmt: skip
    resource_upload(actor=office, dataset=calls, file_format="csv",
                    name="calls.csv", content=_calls_csv())  # fmt: skip
    approved, _token = request_submit(
        dataset=calls, applicant="郑海峰", organisation_name="岭南师范学院法政学院",
        purpose="开展“湛江市社会治安态势与警力配置”课题研究，仅用于学术分析，不对外提供原始数据。",
        email="zhenghf@example.edu.cn",
    )  # fmt: skip
    request_approve(actor=office, request=approved, reason="用途明确，同意按月开放。")
    request_submit(
        dataset=calls, applicant="刘思远", organisation_name="湛江安途出行科技有限公司",
        purpose="用于导航软件中的夜间出行安全提示，按区县显示警情总量变化趋势。",
        phone="13802561234",
    )  # fmt: skip
    context.log(
        _("%(builtin)d built-in datasets, 2 datasets added by the office, 2 requests.")
        % {"builtin": added}
    )
