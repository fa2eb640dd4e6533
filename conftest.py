import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from modelsearch.index import get_indexed_models
from wagtail.models import Page, Site

from home.factories import SchoolHomePageFactory
from search.engines import engine_backend_names, get_engine


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """A transactional test's set-up restores the database from its
    serialized copy: not a permission change for the audit log."""
    if "transactional_db" not in item.fixturenames:
        return (yield)
    from audit.signals import suspended

    with suspended():
        return (yield)


@pytest.fixture
def home_page(db):
    """A fresh school home page at the root of its own site."""
    home = SchoolHomePageFactory(parent=Page.get_first_root_node())
    Site.objects.create(hostname="thunghiem.localhost", port=80, root_page=home)
    return home


def _reset_indexes(backend):
    for index in backend.all_indexes():
        if index.is_alias():  # left by an atomic `update_index`
            for concrete in index.aliased_indices():
                concrete.delete()
        index.reset()
    for model in get_indexed_models():
        backend.get_index_for_model(model).add_model(model)


@pytest.fixture(scope="session", autouse=True)
def opensearch_indexes():
    """Create the OpenSearch indexes with their mappings once per run, so that
    indexing on save never meets a missing index."""
    if "opensearch" in engine_backend_names():
        _reset_indexes(get_engine("opensearch"))


@pytest.fixture
def clean_search_index():
    """An empty OpenSearch index when OpenSearch is configured: what other
    tests indexed is not rolled back with their database."""
    if "opensearch" in engine_backend_names():
        _reset_indexes(get_engine("opensearch"))


def refresh_search_index():
    if "opensearch" in engine_backend_names():
        get_engine("opensearch").refresh_indexes()


@pytest.fixture(params=sorted(engine_backend_names()))
def engine_name(request, db):
    """Each configured search engine's name in turn, its index empty."""
    if request.param == "opensearch":
        _reset_indexes(get_engine("opensearch"))
    return request.param


@pytest.fixture
def search_engine(engine_name):
    """Each configured search engine's backend in turn, with an empty index."""
    return get_engine(engine_name)


def pytest_report_header(config):
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    engines = ", ".join(sorted(engine_backend_names()))
    return f"database: {database}; search engines: {engines}"


SMALL_REGISTRY = """kind,school_level,name,locality
authority,,Phòng Giáo dục và Đào tạo huyện Bình Liêu,Bình Liêu
school,TH,Trường Tiểu học Đồng Văn,Đồng Văn
school,PTDTBT-THCS,Trường PTDT Bán trú THCS Đồng Văn,Đồng Văn
centre,,Trung tâm học tập cộng đồng xã Húc Động,Húc Động
"""


@pytest.fixture
def network(db, tmp_path):
    """A small provisioned network: the authority, two schools of one commune
    and a centre. Returns the units by kind: authority, school, other_school,
    centre."""
    from units.models import Unit
    from units.provisioning import provision_units
    from units.registry import read_registry

    path = tmp_path / "units.csv"
    path.write_text(SMALL_REGISTRY, encoding="utf-8")
    provision_units(read_registry(path))
    units = {unit.key: unit for unit in Unit.objects.select_related("root_page")}
    return {
        "authority": units["authority"],
        "school": units["thdongvan"],
        "other_school": units["ptdtbtthcsdongvan"],
        "centre": units["tthtcdhucdong"],
    }


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo network, loaded once per test module inside a transaction
    that is rolled back afterwards (each test runs in a savepoint of it)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_loaded, db):
    """The demo network's units by key."""
    from units.models import Unit

    return {unit.key: unit for unit in Unit.objects.select_related("site", "root_page")}
