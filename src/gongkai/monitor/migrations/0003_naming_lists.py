"""The starting lists of the 严重错别字 check (see monitor/wording.py for their reading),
written out here; from then on the office keeps them in the admin."""

import datetime as dt

from django.db import migrations

SOURCE = "新华社、中国政府网：二十届一中全会（2022-10-23）、十四届全国人大一次会议（2023-03）"
CHECKED_ON = dt.date(2026, 12, 6)
LEADERS = [
    ("习近平", "中共中央总书记、总书记、国家主席、中华人民共和国主席、中央军委主席", True),
    ("李强", "国务院总理、总理", True),
    ("赵乐际", "全国人大常委会委员长、委员长", True),
    ("王沪宁", "全国政协主席", True),
    ("蔡奇", "中央书记处书记、中央办公厅主任", True),
    ("丁薛祥", "国务院副总理、副总理", True),
    ("李希", "中央纪委书记", True),
    ("韩正", "国家副主席、中华人民共和国副主席", True),
    ("何立峰", "国务院副总理、副总理", True),
    ("张国清", "国务院副总理、副总理", True),
    ("刘国中", "国务院副总理、副总理", True),
    ("李克强", "国务院总理、总理", False),
    ("胡锦涛", "中共中央总书记、总书记、国家主席、中央军委主席", False),
    ("温家宝", "国务院总理、总理", False),
]
TERMS = [
    ("中华人名共和国", "中华人民共和国"),
    ("中华人民共合国", "中华人民共和国"),
    ("中化人民共和国", "中华人民共和国"),
    ("国务院办公室", "国务院办公厅"),
    ("国务院办工厅", "国务院办公厅"),
    ("国务院总里", "国务院总理"),
    ("政府信息公开条列", "政府信息公开条例"),
    ("政府信息公开条理", "政府信息公开条例"),
    ("政府公开信息条例", "政府信息公开条例"),
    ("中国特设社会主义", "中国特色社会主义"),
    ("习进平", "习近平"),
    ("习近凭", "习近平"),
]


def load(apps, schema_editor):
    leader = apps.get_model("monitor", "NationalLeader")
    term = apps.get_model("monitor", "TermForm")
    for name, titles, current in LEADERS:
        leader.objects.get_or_create(
            name=name,
            defaults={
                "titles": titles,
                "is_current": current,
                "source": SOURCE,
                "checked_on": CHECKED_ON,
            },
        )
    for wrong, correct in TERMS:
        term.objects.get_or_create(wrong=wrong, defaults={"correct": correct})


class Migration(migrations.Migration):
    dependencies = [("monitor", "0002_site_monitor_more")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
