"""The shared page cache: a change made in one worker is seen by every worker."""

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from gongkai.core.cache import generation, public_content_changed, public_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    from django.core.management import call_command

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "gongkai_cache_test",
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    call_command("createcachetable", verbosity=0)
    return caches["default"]


def test_generation_is_shared_through_the_database(database_cache):
    before = generation()
    public_content_changed()
    # Another worker would read the same row: clear this process's view and read again.
    assert database_cache.get("public:generation") == before + 1
    assert generation() == before + 1


def test_a_cached_page_is_not_served_after_a_change(database_cache):
    calls = []

    @public_page
    def view(request):
        from django.http import HttpResponse

        calls.append(1)
        return HttpResponse(f"version {len(calls)}")

    request = RequestFactory().get("/xxgk/1/")
    assert view(request).content == b"version 1"
    assert view(request).content == b"version 1"  # served from the cache
    public_content_changed()
    assert view(request).content == b"version 2"
    assert len(calls) == 2


def test_pages_stay_in_the_worker_and_only_the_generation_is_shared(database_cache):
    from django.db import connection
    from django.http import HttpResponse

    @public_page
    def view(request):
        return HttpResponse("page")

    view(RequestFactory().get("/xxgk/2/"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM gongkai_cache_test")
        shared = [row[0] for row in cursor.fetchall()]
    assert shared == [":1:public:generation"]
    assert view(RequestFactory().get("/xxgk/2/"))["X-Portal-Cache"] == "hit"


def test_elder_mode_is_a_separate_cache_entry(database_cache):
    from django.http import HttpResponse

    @public_page
    def view(request):
        return HttpResponse("elder" if request.COOKIES.get("gongkai_elder") == "1" else "std")

    factory = RequestFactory()
    assert view(factory.get("/")).content == b"std"
    elder = factory.get("/")
    elder.COOKIES["gongkai_elder"] = "1"
    assert view(elder).content == b"elder"


def test_a_request_reads_the_generation_once(database_cache, client, django_assert_num_queries):
    """The site table, the page cache and the column menu each ask for the generation;
    one query on the shared cache answers them all within a request."""
    from gongkai.core.cache import generation as read

    read()
    client.get("/")  # builds the menu and the home page
    with django_assert_num_queries(1):
        assert client.get("/")["X-Portal-Cache"] == "hit"


def test_a_change_within_a_request_is_seen_by_the_rest_of_it(database_cache):
    from gongkai.core.cache import _request_begins, _request_ends

    _request_begins()  # what request_started does (the signal would also close the test's connection)
    try:
        before = generation()
        public_content_changed()  # a publication committed in this request
        assert generation() == before + 1
    finally:
        _request_ends()


def test_outside_a_request_every_read_is_fresh(database_cache):
    before = generation()
    database_cache.incr("public:generation")  # another worker published
    assert generation() == before + 1
