"""Search in the JSON API: shapes from the OpenAPI document, problems for bad
parameters, per-site scope."""

import pytest

from headless.tests.openapi import errors
from search.tests.library import build_library

pytestmark = pytest.mark.search


@pytest.fixture
def indexed_library(clean_search_index, network):
    from conftest import refresh_search_index

    build_library(network)
    refresh_search_index()
    return network


def host(unit):
    return unit.site.hostname


@pytest.fixture
def document(client):
    return client.get("/api/openapi.json").json()


def test_library_search_answers_as_documented(client, indexed_library, document):
    portal = host(indexed_library["authority"])
    response = client.get(
        "/api/search/library/", {"q": "phan so", "page_size": 1}, HTTP_HOST=portal
    )
    assert response.status_code == 200
    body = response.json()
    assert errors(document, "/api/search/library/", body) == []
    assert body["count"] == 2 and len(body["items"]) == 1
    assert "<mark>" in body["items"][0]["snippet"]
    units = {value["value"]: value["count"] for value in body["facets"]["unit"]}
    assert units == {"thdongvan": 1, "ptdtbtthcsdongvan": 1}
    narrowed = client.get(
        "/api/search/library/",
        {"q": "phan so", "unit": "ptdtbtthcsdongvan"},
        HTTP_HOST=portal,
    ).json()
    assert [item["title"] for item in narrowed["items"]] == [
        "Bài giảng Toán lớp 6: Phân số"
    ]


def test_site_search_stays_on_its_site(client, indexed_library, document):
    other = host(indexed_library["other_school"])
    body = client.get("/api/search/site/", {"q": "quang hop"}, HTTP_HOST=other).json()
    assert errors(document, "/api/search/site/", body) == []
    assert [item["title"] for item in body["items"]] == [
        "Bài giảng Khoa học tự nhiên lớp 6: Quang hợp ở thực vật"
    ]
    school = host(indexed_library["school"])
    body = client.get("/api/search/site/", {"q": "quang hop"}, HTTP_HOST=school).json()
    assert body["count"] == 0


def test_suggestions(client, indexed_library, document):
    response = client.get(
        "/api/search/autocomplete/",
        {"q": "tho luc"},
        HTTP_HOST=host(indexed_library["authority"]),
    )
    assert errors(document, "/api/search/autocomplete/", response.json()) == []
    assert response.json() == {"suggestions": ["Bài giảng Ngữ văn lớp 6: Thơ lục bát"]}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"grade": "10"}, "grade"),
        ({"subject": "Thiên văn"}, "subject"),
        ({"page": "0"}, "page"),
        ({"page_size": "51"}, "page_size"),
        ({"q": "x" * 201}, "q"),
        ({"school_year": "2025"}, "school_year"),
    ],
)
def test_bad_parameters_are_a_problem_naming_them(client, network, params, parameter):
    response = client.get(
        "/api/search/library/", params, HTTP_HOST=host(network["authority"])
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert parameter in [error["loc"][-1] for error in response.json()["errors"]]


def test_an_unknown_unit_is_not_found(client, network):
    response = client.get(
        "/api/search/library/",
        {"unit": "khong-co"},
        HTTP_HOST=host(network["authority"]),
    )
    assert response.status_code == 404
    assert "khong-co" in response.json()["detail"]


def test_pages_past_the_result_window_are_empty_not_errors(client, indexed_library):
    portal = host(indexed_library["authority"])
    for url in ("/api/search/library/", "/api/search/site/"):
        response = client.get(
            url, {"q": "bai giang", "page": 290, "page_size": 37}, HTTP_HOST=portal
        )
        assert response.status_code == 200
        assert response.json()["items"] == []
    deep = client.get(
        "/api/search/library/", {"page": 290, "page_size": 37}, HTTP_HOST=portal
    ).json()
    assert deep["count"] == 29 and deep["items"] == []
