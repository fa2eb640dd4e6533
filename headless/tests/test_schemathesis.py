"""Schemathesis against the served OpenAPI document, every operation with a
bounded number of generated requests: no 5xx, and every response as
documented."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from cms.wsgi import application

pytestmark = pytest.mark.django_db
EXAMPLES = 15


@pytest.fixture(scope="module")
def schema(demo_loaded, django_db_blocker):
    """The document, served by the WSGI application itself. Like Django's test
    client, keep the test's database connection open across requests (the
    handler closes it when a request finishes)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_db_blocker.unblock():
            yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def operations():
    return [
        "GET /api/site/", "GET /api/units/",
        "GET /api/news/", "GET /api/news/{page_id}/",
        "GET /api/resources/", "GET /api/resources/{page_id}/",
        "GET /api/directives/", "GET /api/directives/{page_id}/",
        "GET /api/disclosure/", "GET /api/disclosure/{page_id}/",
        "GET /api/centre/schedule.ics",
        "GET /api/tradition/pupils/", "GET /api/tradition/golden-book/",
        "GET /api/centre/introduction/", "GET /api/centre/schedule/",
        "GET /api/centre/programmes/", "GET /api/centre/programmes/{page_id}/",
        "GET /api/network/news/", "GET /api/network/library/",
        "POST /api/manage/news/", "GET /api/manage/news/{page_id}/",
        "PATCH /api/manage/news/{page_id}/", "DELETE /api/manage/news/{page_id}/",
        "POST /api/manage/news/{page_id}/preview-link/",
        "GET /api/manage/preview/{token}/",
        "GET /api/oversight/units/", "GET /api/oversight/units/{key}/",
        "GET /api/search/library/", "GET /api/search/site/",
        "GET /api/search/autocomplete/",
    ]  # fmt: skip


def test_every_operation_is_covered(schema):
    served = {
        f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations()
    }
    assert served == set(operations())


@pytest.mark.parametrize("operation", operations())
def test_operation_holds_its_contract(schema, demo, operation):
    method, path = operation.split(" ")
    api_operation = schema[path][method]

    @given(case=api_operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate()

    check()
