import unicodedata

import pytest
from modelsearch.query import And, PlainText

from search.folding import ascii_slug, fold, fold_query
from search.index import with_folded_copy

pytestmark = pytest.mark.search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng Văn", "Dong Van"),
        ("Bài giảng Toán lớp 5", "Bai giang Toan lop 5"),
        ("Húc Động", "Huc Dong"),
        ("Trường PTDT Bán trú THCS Hoành Mô", "Truong PTDT Ban tru THCS Hoanh Mo"),
        ("ưu tiên, ơn, ỹ, ậ", "uu tien, on, y, a"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_removes_every_vietnamese_mark(text, expected):
    assert fold(text) == expected


def test_fold_handles_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Đồng Văn")
    assert fold(decomposed) == "Dong Van"


def test_ascii_slug():
    assert ascii_slug("Húc Động") == "huc-dong"
    assert ascii_slug("Trường TH&THCS Lục Hồn") == "truong-ththcs-luc-hon"


def test_fold_query_folds_nested_queries_without_touching_the_original():
    original = And([PlainText("Đồng"), PlainText("Văn", operator="or")])
    folded = fold_query(original)
    assert [q.query_string for q in folded.subqueries] == ["Dong", "Van"]
    assert folded.subqueries[1].operator == "or"
    assert [q.query_string for q in original.subqueries] == ["Đồng", "Văn"]


def test_folded_copy_is_added_only_when_it_differs():
    assert with_folded_copy("Đồng Văn") == "Đồng Văn\nDong Van"
    assert with_folded_copy("abc") == "abc"
    assert (
        with_folded_copy(["Tiếng Việt", "Toán"]) == "Tiếng Việt\nToán\nTieng Viet\nToan"
    )
    assert with_folded_copy(None) == ""
