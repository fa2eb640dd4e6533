"""Provisioning time for the demo registry and a generated 200-unit registry.

    python -m benchmarks.provisioning [--database sqlite|postgresql]

Each figure is measured on a freshly migrated database: the first run (every
Site, page tree, group and collection created), then a second run of the same
registry (nothing to change). PostgreSQL is started by tests/services.py.
Search indexing runs inline (the quick-start task backend), as in `make run`.
"""

import csv
import time

from benchmarks.harness import REPO, entry, fresh_database, run_measure

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


def run(kind, workdir, server, name, registry):
    database = fresh_database(kind, workdir, server, name)
    output = run_measure("benchmarks.provisioning", database, registry, capture=True)
    count, first, second = output.split()[-3:]
    return int(count), float(first), float(second)


def drive(args, workdir, server):
    generated = workdir / "units-generated.csv"
    generated_registry(generated, args.units)
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


if __name__ == "__main__":
    entry(measure, drive)
