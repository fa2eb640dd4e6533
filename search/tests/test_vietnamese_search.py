"""Vietnamese search without diacritics, on every configured engine."""

import pytest
from wagtail.models import Page

from pagemodels.factories import StandardPageFactory

pytestmark = pytest.mark.search

TITLES = [
    "Bài giảng Toán lớp 5",
    "Trung tâm học tập cộng đồng xã Đồng Văn",
    "Kế hoạch giáo dục nhà trường năm học 2024-2025",
    "Lịch công tác tuần 12",
]


@pytest.fixture
def pages(home_page, search_engine):
    created = {}
    for title in TITLES:
        created[title] = StandardPageFactory(parent=home_page, title=title)
    search_engine.refresh_indexes()
    return created


def titles(results):
    return [page.title for page in results]


@pytest.fixture
def pages_of(home_page):
    return Page.objects.descendant_of(home_page)


def test_query_without_diacritics_finds_the_lesson(search_engine, pages, pages_of):
    found = titles(search_engine.search("bai giang toan lop 5", pages_of))
    assert found == ["Bài giảng Toán lớp 5"]


def test_dong_van_finds_dong_van(search_engine, pages, pages_of):
    found = titles(search_engine.search("dong van", pages_of))
    assert "Trung tâm học tập cộng đồng xã Đồng Văn" in found
    assert "Lịch công tác tuần 12" not in found


def test_single_folded_word(search_engine, pages, pages_of):
    assert titles(search_engine.search("giang", pages_of)) == ["Bài giảng Toán lớp 5"]


def test_query_with_diacritics_still_matches(search_engine, pages, pages_of):
    found = titles(search_engine.search("Đồng Văn", pages_of))
    assert "Trung tâm học tập cộng đồng xã Đồng Văn" in found


def test_autocomplete_without_diacritics(search_engine, pages, pages_of):
    found = titles(search_engine.autocomplete("dong v", pages_of))
    assert found == ["Trung tâm học tập cộng đồng xã Đồng Văn"]


def test_unrelated_query_finds_nothing(search_engine, pages, pages_of):
    assert titles(search_engine.search("hoa hoc lop 9", pages_of)) == []
