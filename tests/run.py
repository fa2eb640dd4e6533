"""README's test command: `python -m tests.run [pytest arguments]`.

1. Starts PostgreSQL and OpenSearch (or uses TEST_DATABASE_URL and
   TEST_OPENSEARCH_URL when set) and runs the whole suite against them.
2. Runs the search and site tests again on SQLite with the database search
   engine: the quick-start configuration.

A service that cannot be had is reported loudly and the first pass runs
on what is there; under CI=true it is a failure instead.
"""

import os
import subprocess
import sys
import time
from contextlib import ExitStack

from tests.services import OpenSearchServer, PostgresServer, ServiceUnavailable

NO_TESTS_COLLECTED = 5
SQLITE_PASS_MARKERS = "search or sites"


def banner(message):
    line = "!" * 78
    print(f"\n{line}\n{message}\n{line}\n", file=sys.stderr, flush=True)


def start(stack, name, env_name, factory, ci):
    if os.environ.get(env_name):
        print(f"[tests] {name}: using {env_name}", flush=True)
        return os.environ[env_name]
    began = time.monotonic()
    server = factory()
    stack.callback(server.stop)
    try:
        server.start()
    except (ServiceUnavailable, OSError, subprocess.CalledProcessError) as error:
        if ci:
            banner(f"CI: {name} is required and could not be started:\n{error}")
            raise SystemExit(1) from error
        banner(f"{name} is NOT available, its tests run without it:\n{error}")
        return None
    took = time.monotonic() - began
    print(f"[tests] {name} started at {server.url} in {took:.1f} s", flush=True)
    return server.url


def pytest(args, env):
    command = [sys.executable, "-m", "pytest", *args]
    print(f"[tests] {' '.join(command)}", flush=True)
    code = subprocess.run(command, env=env).returncode
    if code == NO_TESTS_COLLECTED:
        banner("pytest collected no tests: that is a failure")
    return code


def main(argv):
    ci = os.environ.get("CI", "").lower() == "true"
    base_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "OPENSEARCH_URL", "CMS_EXPECT_SERVICES"}
    }
    with ExitStack() as stack:
        database_url = start(
            stack, "PostgreSQL", "TEST_DATABASE_URL", PostgresServer, ci
        )
        opensearch_url = start(
            stack, "OpenSearch", "TEST_OPENSEARCH_URL", OpenSearchServer, ci
        )
        services_env = dict(base_env)
        expected = []
        if database_url:
            services_env["DATABASE_URL"] = database_url
            expected.append("postgresql")
        if opensearch_url:
            services_env["OPENSEARCH_URL"] = opensearch_url
            expected.append("opensearch")
        services_env["CMS_EXPECT_SERVICES"] = ",".join(expected)
        first_args = list(argv)
        if len(expected) < 2:
            banner("Degraded run: the service proof test is deselected")
            first_args += ["-m", "not services"]
        first = pytest(first_args, services_env)

        print("[tests] quick-start pass: SQLite and the database search engine")
        second = pytest([*argv, "-m", SQLITE_PASS_MARKERS], base_env)
    failed = first != 0 or second != 0
    print(
        f"[tests] services pass: exit {first}; SQLite pass: exit {second}",
        flush=True,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
