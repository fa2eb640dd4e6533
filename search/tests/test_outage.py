"""OpenSearch goes away mid-way: a real node of its own, stopped and started
again by the test. Pages keep serving, editors keep publishing (nothing is
lost), the library answers from the database with a notice, the API says
503, and the missed index updates reach the node once it is back."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from pagemodels.models import LibraryPage
from search import outage, service
from search.engines import get_engine
from search.models import PendingIndexUpdate
from search.query import LibraryQuery, Scope
from search.tests.library import add_resource
from tests.services import OpenSearchServer

pytestmark = pytest.mark.services


@pytest.fixture(scope="module")
def node():
    server = OpenSearchServer(heap="256m").start()
    yield server
    server.stop()


@pytest.fixture
def engine(node, settings, db):
    from conftest import _reset_indexes

    settings.OPENSEARCH_URL = node.url
    settings.SEARCH_ENGINE_RETRY_SECONDS = 0
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [node.url],
            "INDEX_PREFIX": "outage_",
            "TIMEOUT": 2,
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }
    _reset_indexes(get_engine("opensearch"))
    outage.mark_up()
    yield get_engine("opensearch")
    outage.mark_up()


def library_titles(text):
    query = LibraryQuery(Scope(locale_id=Locale.get_default().pk), text)
    results = service.search_library(query, engine="opensearch", fallback=False)
    return [hit.page.title for hit in results.hits]


def test_the_engine_going_away_loses_nothing(node, engine, network, client):
    school = network["school"]
    portal = network["authority"].site.hostname
    library_url = LibraryPage.objects.get().url
    add_resource(school, title="Bài giảng về rừng đầu nguồn")
    renamed = add_resource(school, title="Tài liệu cũ về suối")
    removed = add_resource(school, title="Phiếu học tập về thác nước")
    engine.refresh_indexes()
    assert library_titles("rung") == ["Bài giảng về rừng đầu nguồn"]

    node.halt()
    try:
        add_resource(school, title="Bài giảng mới về rừng ngập mặn")
        renamed.title = "Tài liệu mới về suối"
        renamed.save_revision().publish()
        removed.delete()
        assert PendingIndexUpdate.objects.count() >= 3

        page = client.get(library_url, {"q": "rung"}, HTTP_HOST=portal)
        assert page.status_code == 200
        html = page.content.decode()
        assert str(service.FALLBACK_NOTICE) in html
        assert "Bài giảng mới về rừng ngập mặn" in html
        assert "Bài giảng về rừng đầu nguồn" in html

        api = client.get("/api/search/library/", {"q": "rung"}, HTTP_HOST=portal)
        assert api.status_code == 503
        assert api["Content-Type"].startswith("application/problem+json")
        assert api["Retry-After"] == "0"
        assert (
            client.get("/", HTTP_HOST=network["school"].site.hostname).status_code
            == 200
        )
    finally:
        node.launch()

    library_titles("rung")  # the first answer from the node replays the queue
    assert not PendingIndexUpdate.objects.exists()
    engine.refresh_indexes()
    assert sorted(library_titles("rung")) == [
        "Bài giảng mới về rừng ngập mặn",
        "Bài giảng về rừng đầu nguồn",
    ]
    assert library_titles("suoi") == ["Tài liệu mới về suối"]
    assert library_titles("thac nuoc") == []


def test_the_replay_command_applies_what_is_queued(engine, network):
    page = add_resource(network["school"], title="Bài giảng về mây và mưa")
    PendingIndexUpdate.objects.create(
        backend="opensearch",
        app_label="pagemodels",
        model="resourcepage",
        object_id=str(page.pk),
        action="delete",
    )
    output = io.StringIO()
    call_command("replay_search_updates", stdout=output)
    assert output.getvalue().strip() == "1 of 1 missed index updates applied."
    engine.refresh_indexes()
    assert library_titles("may va mua") == []
