"""Provisioning time for the demo registry and a generated 200-unit registry.

    python -m benchmarks.provisioning [--database sqlite|postgresql]

Each figure is measured on a freshly migrated database: the first run (every
Site, page tree, group and collection created), then a second run of the same
registry (nothing to change). PostgreSQL is started by tests/services.py.
Search indexing runs inline (the quick-start task backend), as in `make run`.
"""

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMUNES = [
    "An Lạc", "Bắc Sơn", "Cao Minh", "Đại Dực", "Điền Xá", "Đồng Lâm", "Hà Lâu",
    "Hải Sơn", "Hòa Bình", "Kỳ Thượng", "Lục Ngạn", "Minh Cầm", "Nam Sơn",
    "Ngọc Lâm", "Phong Dụ", "Quảng Đức", "Sơn Dương", "Tân Lập", "Thanh Lâm",
    "Vạn Yên", "Yên Than", "Xuân Sơn",
]  # fmt: skip


def generated_registry(path, units=200):
    rows = [("authority", "", "Sở Giáo dục và Đào tạo thử nghiệm", "Hạ Long")]
    number = 0
    while len(rows) <= units:
        number += 1
        commune = f"{COMMUNES[number % len(COMMUNES)]} {number}"
        rows += [
            ("school", "TH", f"Trường Tiểu học {commune}", commune),
            ("school", "THCS", f"Trường THCS {commune}", commune),
            ("centre", "", f"Trung tâm học tập cộng đồng xã {commune}", commune),
        ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "school_level", "name", "locality"])
        writer.writerows(rows[: units + 1])
    return units + 1


def measure(registry):
    """Provision `registry` twice into the (fresh) configured database."""
    import django

    django.setup()
    from django.core.management import call_command

    from units.provisioning import provision_units
    from units.registry import read_registry

    call_command("migrate", verbosity=0)
    entries = read_registry(registry)
    started = time.perf_counter()
    provision_units(entries)
    first = time.perf_counter() - started
    started = time.perf_counter()
    report = provision_units(entries)
    second = time.perf_counter() - started
    assert not report.changed
    print(f"{len(entries)} {first} {second}")


def fresh_database(kind, workdir, server, name):
    if kind == "sqlite":
        return f"sqlite:///{workdir / (name + '.sqlite3')}"
    import psycopg2

    connection = psycopg2.connect(server.url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    connection.close()
    return server.url.rsplit("/", 1)[0] + f"/{name}"


def run(kind, workdir, server, name, registry):
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database(kind, workdir, server, name),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    }
    env.pop("OPENSEARCH_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.provisioning", "--measure", str(registry)],
        cwd=REPO, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    count, first, second = result.stdout.split()[-3:]
    return int(count), float(first), float(second)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql"], default="sqlite"
    )
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    workdir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    server = None
    if args.database == "postgresql":
        from tests.services import PostgresServer

        server = PostgresServer().start()
    try:
        generated = workdir / "units-generated.csv"
        generated_registry(generated, args.units)
        print(f"database: {args.database}")
        for name, label, registry in [
            ("demo", "demo registry", REPO / "demo" / "units.csv"),
            (
                "generated",
                f"generated registry ({args.units} units + authority)",
                generated,
            ),
        ]:
            count, first, second = run(args.database, workdir, server, name, registry)
            print(
                f"{label}: {count} units; first run {first:.1f} s "
                f"({first / count * 1000:.0f} ms/unit); second run {second:.2f} s",
                flush=True,
            )
    finally:
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
