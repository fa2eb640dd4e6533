"""Library search latency on a generated library of 50,000 resources over
200 units, on PostgreSQL and on OpenSearch.

    python -m benchmarks.search [--units 200] [--resources 50000]

PostgreSQL and an OpenSearch node are started by tests/services.py. Every
resource is indexed by `update_index` (both engines), then each query class is
run on each engine: broad (a word on most resources), narrow (a lesson
topic), faceted (filters, with or without words), a unit's own resources, a
site's pages, and autocomplete; every library search returns its hits, total
and all six facets. The baseline, measured in the same run, is stock
modelsearch on PostgreSQL doing what a vanilla site does (the total and the
first 20 hits of the broad queries, no facets, no snippets): over the
library's resources, and over one site through the page tree.
"""

import logging
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.harness import REPO, fresh_database, workspace
from benchmarks.provisioning import generated_registry

DATA = Path(__file__).parent / "data"
YEARS = ["2024-2025", "2025-2026", "2026-2027"]
REPEAT = 5


def lines(name):
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def generate(resources):
    """Provision the network, then `resources` published resources spread
    over its units (no index: `update_index` builds it)."""
    from django.utils import timezone

    from pagemodels.bulk import add_children
    from pagemodels.choices import ResourceType, TextbookSeries, curriculum_subjects
    from pagemodels.models import ResourceIndexPage, ResourcePage
    from units.models import Unit

    rng = random.Random(50000)  # noqa: S311 (generated data)
    topics = lines("library-topics.txt")
    words = " ".join(lines("library-words.txt")).split()
    subjects = curriculum_subjects()
    units = list(
        Unit.objects.exclude(kind=Unit.Kind.AUTHORITY).select_related("root_page")
    )
    per_unit = resources // len(units)
    now = timezone.now()
    for unit in units:
        index = ResourceIndexPage.objects.child_of(unit.root_page).get()
        pages = []
        for n in range(per_unit):
            topic = rng.choice(topics)
            kind = rng.choice(list(ResourceType))
            grade = rng.randint(1, 9)
            subject = rng.choice(subjects)
            published = now - timezone.timedelta(minutes=rng.randint(0, 500_000))
            pages.append(
                ResourcePage(
                    title=f"{kind.label}: {topic}",
                    slug=f"tai-nguyen-{n}",
                    unit=unit,
                    subject=subject,
                    grade=grade,
                    series=rng.choice(list(TextbookSeries)),
                    resource_type=kind,
                    school_year=rng.choice(YEARS),
                    summary=f"{kind.label} {subject} lớp {grade}: "
                    + " ".join(rng.choices(words, k=25)),
                    author=f"Giáo viên {unit.locality}",
                    embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    shared=rng.random() < 0.9,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
        add_children(index, pages, validate=False, index=False)
    return len(units), per_unit * len(units)


QUERIES = {
    "broad": ["bai giang", "hoc sinh", "tài liệu", "phieu hoc tap", "giao vien"],
    "narrow": [
        "quang hop",
        "phan so",
        "dien bien phu",
        "lap trinh scratch",
        "Nhảy dây",
    ],
    "faceted": [
        ("bai giang", {"subject": "Toán", "grade": 5}),
        ("hoc sinh", {"resource_type": "phieu-hoc-tap"}),
        ("", {"grade": 3, "series": "canh-dieu"}),
        ("tai lieu", {"school_year": "2025-2026", "grade": 7}),
        ("", {"subject": "Tiếng Việt"}),
    ],
    "autocomplete": ["bai gi", "quang h", "phan s", "dien bi", "tai li"],
}


def percentiles(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(function, repeat=REPEAT):
    samples = []
    function()  # warm
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return samples


def measure_engine(engine, site_unit):
    from search import service
    from search.query import LibraryQuery, Scope, SiteQuery

    library = Scope()
    site = Scope(units=(site_unit.pk,))
    classes = {}

    def run(query):
        results = service.search_library(query, engine=engine, fallback=False)
        assert results.engine == engine and results.facets["subject"] is not None
        return results

    classes["broad"] = [
        s
        for text in QUERIES["broad"]
        for s in timed(lambda t=text: run(LibraryQuery(library, t)))
    ]
    classes["narrow"] = [
        s
        for text in QUERIES["narrow"]
        for s in timed(lambda t=text: run(LibraryQuery(library, t)))
    ]
    classes["faceted"] = [
        s
        for text, filters in QUERIES["faceted"]
        for s in timed(lambda t=text, f=filters: run(LibraryQuery(library, t, f)))
    ]
    classes["site (one unit, broad)"] = [
        s
        for text in QUERIES["broad"]
        for s in timed(lambda t=text: run(LibraryQuery(site, t)))
    ]
    site_query = SiteQuery(site_unit.root_page.path, site_unit.root_page.locale_id, "")
    classes["site pages (one site)"] = [
        s
        for text in QUERIES["broad"]
        for s in timed(
            lambda t=text: service.search_site(
                replace(site_query, text=t), engine=engine, fallback=False
            )
        )
    ]
    classes["autocomplete"] = [
        s for text in QUERIES["autocomplete"]
        for s in timed(lambda t=text: service.autocomplete(t, library, engine=engine, fallback=False))
    ]  # fmt: skip
    return {name: percentiles(samples) for name, samples in classes.items()}


def baselines(site_unit):
    """Stock modelsearch on PostgreSQL, as a vanilla site would search: the
    total and the first 20 hits, no facets, no snippets. The library over
    every unit's shared resources, and one site through the page tree."""
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    from pagemodels.models import ResourcePage

    backend = get_search_backend("database")
    scopes = {
        "stock library search (total + 20 hits)": ResourcePage.objects.live()
        .public()
        .filter(shared=True),
        "stock site-scoped search (total + 20 hits)": Page.objects.live()
        .public()
        .descendant_of(site_unit.root_page),
    }

    def stock(text, pages):
        results = backend.search(text, pages)
        return results.count(), list(results[:20])

    return {
        label: percentiles(
            [s for text in QUERIES["broad"] for s in timed(lambda t=text, p=pages: stock(t, p), repeat=3)]
        )
        for label, pages in scopes.items()
    }  # fmt: skip


def measure(resources):
    import django

    django.setup()
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection

    from units.models import Unit
    from units.provisioning import provision_units
    from units.registry import read_registry

    registry, count = resources.split(":")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("update_index", verbosity=0)  # creates the OpenSearch indexes
    provision_units(read_registry(registry))
    units, made = generate(int(count))
    built = time.perf_counter() - started
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
    print(f"{units} units, {made} resources: generated in {built:.0f} s, "
          f"indexed by update_index (both engines) in {indexed:.0f} s", flush=True)  # fmt: skip
    site_unit = Unit.objects.filter(kind="school").select_related("root_page").first()
    stock = baselines(site_unit)
    for label, (median, p95) in stock.items():
        print(
            f"baseline, {label}, broad queries: median {median:.0f} ms, p95 {p95:.0f} ms",
            flush=True,
        )
    base_median = stock["stock library search (total + 20 hits)"][0]
    for engine in ("database", "opensearch"):
        label = "PostgreSQL" if engine == "database" else "OpenSearch"
        for name, (median, p95) in measure_engine(engine, site_unit).items():
            print(f"{label:10} {name:24} median {median:6.1f} ms  p95 {p95:6.1f} ms  "
                  f"({median / base_median:.2f}× the stock library median)")  # fmt: skip


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--resources", type=int, default=50_000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    from tests.services import OpenSearchServer

    with workspace("postgresql") as (workdir, server):
        node = OpenSearchServer(heap="1g").start()
        try:
            registry = workdir / "units.csv"
            generated_registry(registry, args.units)
            database = fresh_database("postgresql", workdir, server, "search")
            env = {
                **os.environ,
                "DATABASE_URL": database,
                "OPENSEARCH_URL": node.url,
                "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
            }
            subprocess.run(
                [sys.executable, "-m", "benchmarks.search", "--measure", f"{registry}:{args.resources}"],
                cwd=REPO, env=env, check=True,
            )  # fmt: skip
        finally:
            node.stop()


if __name__ == "__main__":
    main()
