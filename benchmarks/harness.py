"""What the benchmarks share: their command line, a work directory with an
optional throwaway PostgreSQL cluster (tests/services.py), a fresh database
per measurement, and the measurement run in a child process on it (so each
starts from a clean Django set-up)."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database", choices=["sqlite", "postgresql"], default="sqlite"
    )
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    return parser.parse_args()


@contextmanager
def workspace(kind):
    """(work directory, PostgreSQL server or None), both gone afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    server = None
    try:
        if kind == "postgresql":
            from tests.services import PostgresServer

            server = PostgresServer().start()
        yield workdir, server
    finally:
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


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


def run_measure(module, database_url, argument, capture=False):
    """Run `python -m <module> --measure <argument>` on `database_url` with the
    dev settings and the database search engine; its stdout if captured."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
    }
    env.pop("OPENSEARCH_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", module, "--measure", str(argument)],
        cwd=REPO, env=env, capture_output=capture, text=True, check=True,
    )  # fmt: skip
    return result.stdout


def entry(measure, drive):
    """A benchmark's main: in the child, `measure(argument)`; in the parent,
    `drive(args, workdir, server)` which starts the children."""
    args = arguments()
    if args.measure:
        measure(args.measure)
        return
    with workspace(args.database) as (workdir, server):
        print(f"database: {args.database}", flush=True)
        drive(args, workdir, server)
