"""Every link a staff member is shown opens: the workbench crawled as each demo role.

Navigation follows the views' own permissions (``core.navigation.may_open``), so no role
is offered a page that answers 404, 403, 405 or 500.
"""

import re
from collections import deque

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from gongkai.core.demo import STAFF

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]*)"')
# Detail pages of one kind differ only in their ids: two of each are enough.
SAMPLES_PER_PATTERN = 2


def crawl(client, start: str = "/workbench/") -> tuple[set[str], list[tuple[int, str, str]]]:
    """Follow every workbench link reachable from ``start``; return the pages seen and the
    links that failed, with the page that offered them."""
    seen: set[str] = set()
    per_pattern: dict[str, int] = {}
    failures = []
    queue = deque([(start, "")])
    while queue:
        url, offered_on = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code not in (200, 301, 302):
            failures.append((response.status_code, url, offered_on))
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if not href.startswith("/workbench/") or href in seen:
                continue
            pattern = re.sub(r"\d+", "N", href.split("?")[0])
            if per_pattern.get(pattern, 0) >= SAMPLES_PER_PATTERN:
                continue
            per_pattern[pattern] = per_pattern.get(pattern, 0) + 1
            queue.append((href, url))
    return seen, failures


def test_every_workbench_link_opens_for_every_demo_role(client):
    call_command("demo", verbosity=0)
    users = get_user_model().objects
    report = {}
    for username, _name, _roles, _units in STAFF:
        client.force_login(users.get(username=username))
        seen, failures = crawl(client)
        report[username] = (len(seen), failures)
        client.logout()
    assert {name: failures for name, (_n, failures) in report.items()} == {
        name: [] for name, *_ in STAFF
    }
    # The crawl reached the pages: each role has its queues, the reviewer at least review.
    assert report["gongkaiban"][0] > 50
    assert report["fazhi"][0] > 15
    assert report["baomi"][0] >= 3


def test_links_to_pages_a_role_may_not_open_are_not_shown(client):
    call_command("demo", verbosity=0)
    users = get_user_model().objects
    client.force_login(users.get(username="lingdao"))  # a leader registers nothing
    pages = [
        client.get(url).content.decode()
        for url in (
            "/workbench/",
            "/workbench/proactive/",
            "/workbench/foi/",
            "/workbench/participation/consultations/",
            "/workbench/participation/proposals/",
            "/workbench/participation/incidents/",
        )
    ]
    for forbidden in (
        "/workbench/foi/register/",
        "/workbench/proactive/negative-list/",
        "/workbench/proactive/self-check/",
        "/workbench/participation/words/",
        "/workbench/participation/proposals/new/",
        "/workbench/participation/incidents/new/",
    ):
        assert not any(f'href="{forbidden}"' in page for page in pages), forbidden
    client.force_login(users.get(username="gongkaiban"))  # the office does all of it
    office = client.get("/workbench/proactive/").content.decode()
    assert 'href="/workbench/proactive/self-check/"' in office


def test_the_menu_groups_links_and_leaves_out_what_a_role_may_not_open():
    from django.utils.translation import override

    from gongkai.core.navigation import workbench_menu

    def menu(roles, path=""):
        with override("zh-hans"):
            return [
                (str(g.label), [str(link.label) for link in g.links], g.is_current)
                for g in workbench_menu(roles, path)
            ]

    assert menu({"reviewer"}, "/workbench/proactive/") == [
        ("主动公开", ["主动公开"], True),
        # A reviewer's unit may lead plan tasks (seed 000: 政治处), read 通报 and take calls.
        ("年报统计与考核", ["我的重点任务", "内部通报", "咨询登记"], False),
        ("记录与管理", ["对内公开", "工作日计算"], False),  # 对内公开: every staff member
    ]
    leader = {label: links for label, links, _current in menu({"leader"})}
    assert leader["依申请公开"] == ["依申请公开", "超期申请"]  # registering is not a leader's
    assert "登记申请" in {label: links for label, links, _c in menu({"handler"})}["依申请公开"]
