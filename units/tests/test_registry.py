from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from units.models import Unit
from units.registry import RegistryError, hostname_for, locality_slug, read_registry

pytestmark = pytest.mark.sites

DEMO_REGISTRY = Path(__file__).resolve().parents[2] / "demo" / "units.csv"
HEADER = "kind,school_level,name,locality\n"


def write(tmp_path, body, header=HEADER):
    path = tmp_path / "units.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Húc Động", "hucdong"), ("Đồng Văn", "dongvan"), ("Bình Liêu", "binhlieu"),
     ("Vô Ngại", "vongai"), ("Lục Hồn", "luchon")],
)  # fmt: skip
def test_locality_slug(name, slug):
    assert locality_slug(name) == slug


def test_hostname_convention():
    assert hostname_for("centre", "", "Húc Động") == "tthtcdhucdong.binhlieu.localhost"
    assert hostname_for("school", "TH", "Đồng Văn") == "thdongvan.binhlieu.localhost"
    assert (
        hostname_for("school", "PTDTBT-THCS", "Đồng Văn")
        == "ptdtbtthcsdongvan.binhlieu.localhost"
    )
    assert hostname_for("authority", "", "Bình Liêu") == "binhlieu.localhost"
    assert hostname_for("school", "TH", "Đồng Văn", code="thdv2") == (
        "thdv2.binhlieu.localhost"
    )


def test_demo_registry_reads_every_unit():
    entries = read_registry(DEMO_REGISTRY)
    kinds = [entry.kind for entry in entries]
    assert (kinds.count("authority"), kinds.count("school"), kinds.count("centre")) == (
        1,
        14,
        8,
    )
    hostnames = {entry.hostname for entry in entries}
    assert len(hostnames) == 23
    assert "tthtcdhucdong.binhlieu.localhost" in hostnames
    # a primary school, a lower-secondary school and a centre share Đồng Văn
    assert {
        "thdongvan.binhlieu.localhost",
        "ptdtbtthcsdongvan.binhlieu.localhost",
        "tthtcddongvan.binhlieu.localhost",
    } <= hostnames


def test_bad_rows_are_reported_with_their_line_numbers(tmp_path):
    path = write(
        tmp_path,
        "authority,,Phòng GD&ĐT,Bình Liêu\n"  # line 2
        "university,,Đại học X,Bình Liêu\n"  # line 3: unknown kind
        "school,THPT,Trường THPT Y,Bình Liêu\n"  # line 4: unknown level
        "school,TH,,Hoành Mô\n"  # line 5: empty name
        "school,TH,Trường Tiểu học A,Đồng Văn\n"  # line 6
        "school,TH,Trường Tiểu học B,Đồng Văn\n",  # line 7: same hostname
    )
    with pytest.raises(RegistryError) as raised:
        read_registry(path)
    problems = raised.value.problems
    assert [problem.split(":")[0] for problem in problems] == [
        "dòng 3",
        "dòng 4",
        "dòng 5",
        "dòng 7",
    ]
    assert "thdongvan.binhlieu.localhost" in problems[3]
    assert "dòng 6" in problems[3]


def test_a_code_column_tells_apart_two_schools_of_one_commune(tmp_path):
    path = write(
        tmp_path,
        "authority,,Phòng GD&ĐT,Bình Liêu,\n"
        "school,TH,Trường Tiểu học A,Đồng Văn,\n"
        "school,TH,Trường Tiểu học B,Đồng Văn,thdongvan2\n",
        header="kind,school_level,name,locality,code\n",
    )
    hosts = [entry.hostname for entry in read_registry(path)]
    assert hosts[1:] == [
        "thdongvan.binhlieu.localhost",
        "thdongvan2.binhlieu.localhost",
    ]


def test_missing_columns_and_authority(tmp_path):
    with pytest.raises(RegistryError, match="thiếu cột: locality"):
        read_registry(write(tmp_path, "", header="kind,school_level,name\n"))
    with pytest.raises(RegistryError, match="đúng một dòng authority"):
        read_registry(write(tmp_path, "school,TH,Trường A,Đồng Văn\n"))


@pytest.mark.django_db
def test_the_command_refuses_a_bad_registry_and_creates_nothing(tmp_path):
    pages, sites = Page.objects.count(), Site.objects.count()
    path = write(
        tmp_path,
        "authority,,Phòng GD&ĐT,Bình Liêu\n"
        "school,TH,Trường Tiểu học A,Đồng Văn\n"
        "school,XX,Trường B,Đồng Văn\n",
    )
    with pytest.raises(CommandError, match="dòng 4"):
        call_command("provision_units", str(path))
    assert Unit.objects.count() == 0
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)
