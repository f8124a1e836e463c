"""The read-replica router against two real PostgreSQL servers: a primary and a streaming
replica of it (``deploy/replica-test.sh run`` starts one, runs these and stops it).

Without ``DATABASE_REPLICA_URL`` every test here skips. The tests commit (a replica sees
only committed data) and wait for the replica to replay the primary's WAL, except where
they pause the replay on purpose to make the replica stale.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext

from gongkai.foi.models import Request
from gongkai.proactive.models import Item
from gongkai.sites.dbrouter import PRIMARY_COOKIE, REPLICA, replica_forget_down
from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import site_create
from gongkai.sites.tests.conftest import Body, get

pytestmark = [
    pytest.mark.skipif(
        not getattr(settings, "DATABASE_REPLICA_URL", ""),
        reason="DATABASE_REPLICA_URL is not set (deploy/replica-test.sh runs these "
        "against a real streaming replica)",
    ),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="a streaming replica needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA]),
]

HOST = "gaj.example.cn"
LAGS: list[float] = []  # seconds each wait for the replica took


def _value(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def caught_up(timeout: float = 10.0) -> float:
    """Wait until the replica has replayed everything the primary has written so far;
    the seconds it took (the replication lag as a reader sees it)."""
    target = _value("default", "select pg_current_wal_lsn()::text")
    start = time.perf_counter()
    while not _value(REPLICA, "select pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]):
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"the replica did not reach {target} in {timeout} s")
        time.sleep(0.002)
    lag = time.perf_counter() - start
    LAGS.append(lag)
    return lag


@contextmanager
def replay_paused() -> Iterator[None]:
    """The replica stops applying the primary's changes: it is stale on purpose."""
    _value(REPLICA, "select pg_wal_replay_pause()::text")
    try:
        yield
    finally:
        _value(REPLICA, "select pg_wal_replay_resume()::text")


class Counted:
    """The queries each of the two connections ran inside the block."""

    def __init__(self) -> None:
        self.primary = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections[REPLICA])

    def __enter__(self) -> Counted:
        self.primary.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


@pytest.fixture(scope="module", autouse=True)
def lag_report(request):
    """Prints the lag measured by ``caught_up`` after the module (outside the capture)."""
    yield
    if LAGS:
        capture = request.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled():
            print(
                f"\nreplica lag seen by the tests: {len(LAGS)} waits, median "
                f"{statistics.median(LAGS) * 1000:.1f} ms, max {max(LAGS) * 1000:.1f} ms"
            )


@pytest.fixture(autouse=True)
def replica_tried_again():
    replica_forget_down()
    yield
    replica_forget_down()


@pytest.fixture
def police():
    body = Body("湛江市公安局")
    site_create(actor=None, organisation=body.org, name="湛江市公安局网站", host=HOST)
    forget_sites()
    return body


def test_the_two_servers_are_a_primary_and_its_replica():
    assert _value("default", "select pg_is_in_recovery()") is False
    assert _value(REPLICA, "select pg_is_in_recovery()") is True
    assert _value(REPLICA, "select current_database()") == settings.DATABASES["default"]["NAME"]
    assert _value(REPLICA, "select status from pg_stat_wal_receiver") == "streaming"


def test_anonymous_portal_pages_read_the_replica(client, police):
    item = police.publish("关于户籍业务办理时间调整的通知")
    caught_up()
    for path in ("/", f"/xxgk/{item.pk}/", "/xxgk/"):
        with Counted() as counted:
            response = get(client, HOST, path)
        assert response.status_code == 200, path
        assert "户籍业务办理时间" in response.content.decode(), path
        assert len(counted.replica.captured_queries) > 0, path
        assert counted.primary.captured_queries == [], path
    assert PRIMARY_COOKIE not in response.cookies  # reading pins nobody


def test_a_stale_replica_shows_the_visitor_what_it_has(client, police):
    """Proof that the pages come from the replica: while its replay is paused a new
    publication is missing for visitors and present for staff."""
    police.publish("第一份通知")
    caught_up()
    with replay_paused():
        fresh = police.publish("暂停期间发布的通知")
        assert not Item.objects.using(REPLICA).filter(pk=fresh.pk).exists()
        assert get(client, HOST, f"/xxgk/{fresh.pk}/").status_code == 404
        assert "暂停期间" not in get(client, HOST, "/xxgk/").content.decode()
        client.force_login(police.office)
        with Counted() as counted:
            staff = get(client, HOST, f"/xxgk/{fresh.pk}/")
        assert staff.status_code == 200 and counted.replica.captured_queries == []
    caught_up()
    client.logout()
    assert get(client, HOST, f"/xxgk/{fresh.pk}/").status_code == 200


def test_staff_pages_and_the_workbench_read_and_write_the_primary(client, police):
    item = police.publish("工作台读主库")
    caught_up()
    client.force_login(police.office)
    for path in ("/", "/workbench/", f"/workbench/proactive/{item.pk}/"):
        with Counted() as counted:
            response = get(client, HOST, path)
        assert response.status_code == 200, path
        assert counted.replica.captured_queries == [], path
        assert counted.primary.captured_queries, path


def test_a_visitors_write_goes_to_the_primary_and_their_next_reads_follow(client, police):
    from gongkai.sites.tests.test_routing import application

    caught_up()
    with replay_paused():
        with Counted() as counted:
            response = client.post(
                "/api/v1/foi/requests",
                application(),
                content_type="application/json",
                headers={"Idempotency-Key": "replica-1", "host": HOST},
            )
        assert response.status_code == 201
        assert counted.replica.captured_queries == []
        code = response.json()["code"]
        assert Request.objects.filter(code=code).exists()
        assert not Request.objects.using(REPLICA).filter(code=code).exists()  # stale
        pin = response.cookies[PRIMARY_COOKIE]
        assert pin["max-age"] == settings.GONGKAI_REPLICA_PIN_SECONDS and pin["httponly"]
        # The same visitor's next pages read the primary while the replica lags ...
        with Counted() as counted:
            assert get(client, HOST, "/").status_code == 200
        assert counted.replica.captured_queries == [] and counted.primary.captured_queries
        # ... another visitor's read the replica.
        other = type(client)()
        with Counted() as counted:
            assert get(other, HOST, "/xxgk/").status_code == 200
        assert counted.replica.captured_queries and counted.primary.captured_queries == []


def test_a_replica_that_does_not_answer_leaves_the_reads_to_the_primary(client, police, caplog):
    police.publish("备库停止时仍可访问")
    caught_up()
    replica = connections[REPLICA]
    port = replica.settings_dict["PORT"]
    replica.close()
    replica.settings_dict["PORT"] = "1"  # nothing listens there: refused at once
    try:
        with caplog.at_level(logging.WARNING, logger="gongkai.sites.dbrouter"):
            with CaptureQueriesContext(connections["default"]) as primary:
                response = get(client, HOST, "/xxgk/")
            read_primary = len(primary.captured_queries)  # the log empties at each request
            started = time.perf_counter()
            again = get(client, HOST, "/")  # within the retry interval: not tried again
            elapsed = time.perf_counter() - started
        assert response.status_code == 200 and "备库停止时仍可访问" in response.content.decode()
        assert read_primary > 0
        assert again.status_code == 200
        warnings = [r for r in caplog.records if "read replica unavailable" in r.getMessage()]
        assert len(warnings) == 1  # logged once, not at every request
        assert replica.connection is None and elapsed < 3
    finally:
        replica.settings_dict["PORT"] = port
        replica.close()
    replica_forget_down()
    with Counted() as counted:
        assert get(client, HOST, "/xxgk/").status_code == 200
    assert counted.replica.captured_queries  # back on the replica


def test_the_page_cache_serves_replica_pages_and_a_publication_clears_it(client, police):
    police.publish("缓存中的通知")
    caught_up()
    first = get(client, HOST, "/")
    assert first["X-Portal-Cache"] == "miss"
    with Counted() as counted:
        second = get(client, HOST, "/")
    assert second["X-Portal-Cache"] == "hit" and second.content == first.content
    assert counted.replica.captured_queries == [] and counted.primary.captured_queries == []
    police.publish("发布后的新通知")  # bumps the public generation after commit
    caught_up()
    with Counted() as counted:
        third = get(client, HOST, "/")
    assert third["X-Portal-Cache"] == "miss" and "发布后的新通知" in third.content.decode()
    assert counted.replica.captured_queries and counted.primary.captured_queries == []


def test_rate_limit_counts_read_the_primary_while_the_replica_lags(rf, settings):
    """The shared cache is a database table: a counter read from a replica a moment
    behind would start again at 1 (``cache.incr`` reads, then writes the primary)."""
    from gongkai.core.cache import cache_count
    from gongkai.opendata.quota import usage
    from gongkai.sites.dbrouter import portal_read_mark, portal_read_reset

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "gongkai_cache",
        },
    }
    caught_up()
    with replay_paused():
        token = portal_read_mark(rf.get("/api/v1/opendata/datasets"))  # an anonymous read
        try:
            counts = [cache_count("opendata:rate:ip:203.0.113.5:m1", 120) for _ in range(3)]
            seen = usage("ip:203.0.113.5", now=90.0)
        finally:
            portal_read_reset(token)
    assert counts == [1, 2, 3]
    assert seen == (3, 0)
