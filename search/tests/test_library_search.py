"""The library search contract on every engine: relevance, facets, snippets,
typos, pagination, autocomplete, and nothing unpublished or private."""

from collections import Counter

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from conftest import refresh_search_index
from search import service
from search.query import FACETS, LibraryQuery, Scope, library_query
from search.tests.library import RELEVANCE, add_resource, build_library, resource_index

pytestmark = pytest.mark.search


@pytest.fixture
def library(network, engine_name):
    created = build_library(network)
    refresh_search_index()
    return created


def scope(**kwargs):
    return Scope(locale_id=Locale.get_default().pk, **kwargs)


def run(engine_name, text="", params=None, **kwargs):
    query = library_query({"q": text, **(params or {})}, scope(**kwargs))
    results = service.search_library(query, engine=engine_name, fallback=False)
    assert results.engine == engine_name
    return results


def titles(results):
    return [hit.page.title for hit in results.hits]


def test_relevance_set(library, engine_name):
    assert len(RELEVANCE["query"]) >= 30
    failures = []
    for case in RELEVANCE["query"]:
        results = run(engine_name, case["q"], case.get("filters"))
        found = titles(results)
        top = case.get("top", [])
        if sorted(found[: len(top)]) != sorted(top):
            failures.append(f"{case['q']!r} {case.get('filters', '')}: top {found[:3]}")
        if "total" in case and results.total != case["total"]:
            failures.append(f"{case['q']!r}: total {results.total} != {case['total']}")
    assert failures == []


def facet_counts(results):
    return {
        name: {value.value: value.count for value in results.facets[name]}
        for name in FACETS
    }


def counted(pages):
    counts = {name: Counter() for name in FACETS}
    for page in pages:
        for name in FACETS:
            value = page.unit.key if name == "unit" else getattr(page, name)
            if value not in (None, ""):
                counts[name][value] += 1
    return {name: dict(counter) for name, counter in counts.items()}


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("", {}),
        ("bai giang", {}),
        ("toan", {"grade": "5"}),
        ("", {"series": "ket-noi"}),
    ],
)
def test_facet_counts_match_the_database(library, engine_name, text, params):
    """Facets count exactly the matching resources; totals agree with them."""
    results = run(engine_name, text, {**params, "page_size": "50"})
    assert results.total == len(results.hits)
    assert facet_counts(results) == counted(hit.page for hit in results.hits)
    if not text:
        from pagemodels.models import ResourcePage

        rows = ResourcePage.objects.live().public().filter(shared=True, **params)
        assert results.total == rows.count()


def test_pagination_is_stable_and_complete(library, engine_name):
    seen = []
    for page in (1, 2, 3):
        results = run(engine_name, "bai giang", {"page": str(page), "page_size": "4"})
        seen += [hit.page.pk for hit in results.hits]
    everything = run(engine_name, "bai giang", {"page_size": "50"})
    assert seen == [hit.page.pk for hit in everything.hits][:12]
    assert len(set(seen)) == len(seen)


def test_snippets_mark_the_matched_words(library, engine_name):
    results = run(engine_name, "kinh hien vi")
    assert titles(results) == ["Bài giảng Khoa học tự nhiên lớp 7: Cấu tạo tế bào"]
    assert (
        "<mark>kính</mark> <mark>hiển</mark> <mark>vi</mark>" in results.hits[0].snippet
    )


def test_snippets_escape_html(network, engine_name):
    add_resource(
        network["school"],
        title="Bài giảng an toàn mạng",
        summary="Không mở <script>alert(1)</script> tệp lạ từ thư điện tử.",
    )
    refresh_search_index()
    snippet = run(engine_name, "tep la").hits[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_title_matches_rank_above_body_matches(network, engine_name):
    add_resource(network["school"], title="Bài giảng về cây lúa", summary="Quê hương.")
    add_resource(network["school"], title="Quê hương em", summary="Đồng lúa vàng.")
    refresh_search_index()
    assert titles(run(engine_name, "que huong"))[0] == "Quê hương em"


def test_one_letter_typo_in_a_long_word(library, engine_name):
    found = titles(run(engine_name, "giamg"))
    assert "Bài giảng Toán lớp 5: Phân số thập phân" in found
    assert titles(run(engine_name, "toab")) == []  # short words are taken as typed


def test_autocomplete_on_titles(library, engine_name):
    suggestions = service.autocomplete("quang h", scope(), engine=engine_name)
    assert suggestions == ["Bài giảng Khoa học tự nhiên lớp 6: Quang hợp ở thực vật"]
    assert service.autocomplete("ky thu", scope(), engine=engine_name) == [
        "Tài liệu giảng dạy: Kỹ thuật nuôi gà thả vườn"
    ]


def test_a_units_own_search_includes_its_unshared_resources(
    library, engine_name, network
):
    unit = network["school"]
    own = run(engine_name, "hinh tam giac", units=(unit.pk,))
    assert titles(own) == ["Bài giảng Toán lớp 5: Hình tam giác"]
    other = run(engine_name, "hinh tam giac", units=(network["other_school"].pk,))
    assert other.total == 0


def test_nothing_unpublished_private_or_archived(network, engine_name):
    school = network["school"]
    add_resource(school, title="Tài liệu công khai về rừng")
    draft = add_resource(school, title="Bản nháp về rừng", live=False)
    private = add_resource(school, title="Tài liệu nội bộ về rừng")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    archived = network["centre"]
    add_resource(archived, title="Tài liệu về rừng của trung tâm đã giải thể")
    archived.archived_at = timezone.now()
    archived.save()
    refresh_search_index()

    library = titles(run(engine_name, "rung"))
    own_site = titles(run(engine_name, "rung", units=(school.pk,)))
    suggested = service.autocomplete("tai lieu", scope(), engine=engine_name)
    assert library == own_site == ["Tài liệu công khai về rừng"]
    for leaked in (
        draft.title,
        private.title,
        "Tài liệu về rừng của trung tâm đã giải thể",
    ):
        assert leaked not in suggested
    draft.save_revision().publish()
    refresh_search_index()
    assert draft.title in titles(run(engine_name, "rung"))


def test_unpublishing_and_deleting_leave_the_results(library, engine_name):
    page = library["Bài giảng Ngữ văn lớp 6: Thơ lục bát"]
    assert run(engine_name, "luc bat").total == 1
    page.unpublish()
    refresh_search_index()
    assert run(engine_name, "luc bat").total == 0
    other = library["Bài giảng Nghệ thuật lớp 7: Hát dân ca Tày"]
    other.delete()
    refresh_search_index()
    assert run(engine_name, "dan ca").total == 0


def test_browse_without_words_is_newest_first(library, engine_name):
    results = run(engine_name, "", {"grade": "5"})
    stamps = [hit.page.first_published_at for hit in results.hits]
    assert stamps == sorted(stamps, reverse=True) and results.total == 4
    assert LibraryQuery(scope()).words == []


def test_a_moved_resource_follows_its_new_unit(library, engine_name, network):
    page = library["Bài giảng Toán lớp 1: Các số đến 10"]
    page.move(resource_index(network["other_school"]), pos="last-child")
    refresh_search_index()
    moved_to = run(engine_name, "cac so den 10", units=(network["other_school"].pk,))
    assert titles(moved_to) == [page.title]
    assert run(engine_name, "cac so den 10", units=(network["school"].pk,)).total == 0
    facet = run(engine_name, "cac so den 10").facets["unit"]
    assert [value.value for value in facet] == ["ptdtbtthcsdongvan"]


def test_exact_diacritics_rank_first(network, engine_name):
    add_resource(network["school"], title="Kỹ thuật cấy lúa nước")
    add_resource(network["school"], title="Kỹ thuật nuôi lừa")
    refresh_search_index()
    assert titles(run(engine_name, "lúa"))[0] == "Kỹ thuật cấy lúa nước"
    assert titles(run(engine_name, "lừa"))[0] == "Kỹ thuật nuôi lừa"
    assert sorted(titles(run(engine_name, "lua"))) == [
        "Kỹ thuật cấy lúa nước",
        "Kỹ thuật nuôi lừa",
    ]
