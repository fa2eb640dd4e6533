"""Proof that the suite ran on PostgreSQL and really indexed and queried
OpenSearch, and that each engine folds Vietnamese on its own side too."""

import os

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page

from pagemodels.models import StandardPage
from search.backends.opensearch import OpenSearchBackend
from search.engines import get_engine

pytestmark = pytest.mark.services

EXPECTED = set(filter(None, os.environ.get("CMS_EXPECT_SERVICES", "").split(",")))


def test_runner_expected_both_services():
    assert {"postgresql", "opensearch"} == EXPECTED


def test_database_is_postgresql(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000


def test_postgres_configuration_folds_vietnamese(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector(%s, 'Đồng Văn') @@ plainto_tsquery(%s, 'dong van')",
            [settings.SEARCH_TEXT_CONFIG] * 2,
        )
        assert cursor.fetchone()[0] is True
        cursor.execute(
            "SELECT to_tsvector('simple', 'Đồng Văn') @@ plainto_tsquery('dong van')"
        )
        assert cursor.fetchone()[0] is False


def test_postgres_search_and_autocomplete_use_the_configuration(db):
    backend = get_engine("database")
    assert backend.config == settings.SEARCH_TEXT_CONFIG
    assert backend.autocomplete_config == settings.SEARCH_TEXT_CONFIG


def test_opensearch_indexes_and_answers(home_page):
    backend = get_engine("opensearch")
    assert isinstance(backend, OpenSearchBackend)
    page = home_page.add_child(instance=StandardPage(title="Bài giảng Tiếng Việt"))
    backend.refresh_indexes()
    index_name = backend.get_index_for_model(Page).name
    stored = backend.es.get(index=index_name, id=f"{page.pk}")
    assert stored["found"] is True
    assert [p.pk for p in backend.search("tieng viet", Page)] == [page.pk]


def test_opensearch_analyzers_fold_diacritics(home_page):
    backend = get_engine("opensearch")
    index_name = backend.get_index_for_model(Page).name

    def tokens(analyzer, text):
        body = {"analyzer": analyzer, "text": text}
        answer = backend.es.indices.analyze(index=index_name, body=body)
        return {token["token"] for token in answer["tokens"]}

    assert {"dong", "van"} <= tokens("default", "Đồng Văn")
    assert {"dong", "van"} <= tokens("default_search", "Đồng Văn")
    assert {"dong", "van"} <= tokens("folding", "Đồng Văn")
    assert {"d", "do", "don", "dong"} <= tokens("edgengram_analyzer", "Đồng")
