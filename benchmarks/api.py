"""Requests per second and SQL queries per request of the public API, with a
plain page of the same site as the baseline.

    python -m benchmarks.api [--database sqlite|postgresql] [--seconds 10]

A fresh database gets the demo network (`load_demo`); a server runs with
DEBUG off (benchmarks/settings.py, Django's threaded server) in a child
process; CLIENTS threads with keep-alive connections request each URL for
the given time. Queries per request are counted in-process with Django's
test client after one warm-up request.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

from benchmarks.harness import REPO, fresh_database, workspace

HOST = "thdongvan.binhlieu.localhost"
CLIENTS = 4


def urls(news_id):
    return {
        "plain page (school home, HTML)": "/",
        "news listing (API, 20 items)": "/api/news/?limit=20",
        "news detail (API)": f"/api/news/{news_id}/",
        "resources listing (API, 20 items)": "/api/resources/?limit=20",
        "resource library (API, 20 items, all units)": "/api/network/library/?limit=20",
    }


def env(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "SITE_PORT": "80",
    }


def manage(database_url, *command, capture=False):
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=REPO, env=env(database_url), check=True, capture_output=capture, text=True,
    )  # fmt: skip
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hammer(port, path, seconds):
    """(requests per second, median ms) over `seconds` with CLIENTS threads."""
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
            latencies.append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{path}: {len(errors)} responses were not 200: {errors[:3]}")
    return len(latencies) / seconds, statistics.median(latencies) * 1000


def queries_per_request(database_url):
    script = (
        "import django, json; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "from benchmarks.api import HOST, urls\n"
        "from pagemodels.models import NewsPage\n"
        "from units.models import Unit\n"
        "home = Unit.objects.get(key='thdongvan').root_page\n"
        "news = NewsPage.objects.live().filter(path__startswith=home.path).first()\n"
        "client, counts = Client(HTTP_HOST=HOST), {}\n"
        "for label, url in urls(news.pk).items():\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert client.get(url).status_code == 200, url\n"
        "    counts[label] = len(queries)\n"
        "print(json.dumps({'news': news.pk, 'counts': counts}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO, env=env(database_url), check=True, capture_output=True, text=True,
    )  # fmt: skip
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql"], default="sqlite"
    )
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    with workspace(args.database) as (workdir, server):
        database_url = fresh_database(args.database, workdir, server, "api")
        manage(database_url, "migrate", "--noinput", "-v0")
        manage(database_url, "load_demo", capture=True)
        measured = queries_per_request(database_url)
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO, env=env(database_url),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            time.sleep(3)
            print(
                f"database: {args.database}; {CLIENTS} clients, {args.seconds:.0f} s per URL, DEBUG off"
            )
            results = {}
            for label, path in urls(measured["news"]).items():
                hammer(port, path, 1)  # warm-up
                results[label] = hammer(port, path, args.seconds)
            baseline = next(iter(results.values()))[0]
            for label, (rps, median) in results.items():
                queries = measured["counts"][label]
                print(f"{label}: {rps:.0f} req/s ({rps / baseline:.2f}× plain page), "
                      f"median {median:.1f} ms, {queries} SQL queries per request")  # fmt: skip
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
