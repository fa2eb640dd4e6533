"""Real PostgreSQL and OpenSearch servers for the test suite.

Both are started from what is installed on the machine (PostgreSQL's server
binaries) or fetched from Maven Central (OpenSearch's integ-test-zip
distribution), bound to loopback on free ports, and removed afterwards. Both
refuse to run as root, so under root they run as an unprivileged system user.
"""

import contextlib
import glob
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".cache"
OPENSEARCH_VERSION = os.environ.get("OPENSEARCH_VERSION", "3.8.0")
OPENSEARCH_ARTIFACT = "org.opensearch.distribution.integ-test-zip:opensearch"
OPENSEARCH_MIN_JAVA = 21
SERVICE_USER = "cmsservice"


class ServiceUnavailable(RuntimeError):  # noqa: N818
    """A service could not be had on this machine; the message says why."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _is_root():
    return os.geteuid() == 0


def _run_as(user):
    """Command prefix that runs as `user` when we are root, else nothing."""
    return ["runuser", "-u", user, "--"] if user and _is_root() else []


def _ensure_user(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/bin/false", name],
            check=True,
        )


def _owned_tempdir(prefix, user):
    path = Path(tempfile.mkdtemp(prefix=prefix))
    if _is_root():
        shutil.chown(path, user=user, group=pwd.getpwnam(user).pw_gid)
    return path


def _wait_for(predicate, timeout, what, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    tail = ""
    if log and Path(log).exists():
        lines = Path(log).read_text(errors="replace").splitlines()
        tail = "\n" + "\n".join(lines[-30:])
    raise ServiceUnavailable(f"{what} did not start within {timeout} s{tail}")


class PostgresServer:
    """A throwaway PostgreSQL cluster: initdb, start, drop on stop."""

    def __init__(self):
        self.bindir = self._find_bindir()
        self.user = "postgres" if _is_root() else pwd.getpwuid(os.getuid()).pw_name
        self.port = free_port()
        self.dir = None

    @staticmethod
    def _find_bindir():
        candidates = sorted(
            glob.glob("/usr/lib/postgresql/*/bin/initdb"),
            key=lambda p: int(re.search(r"/(\d+)/bin", p).group(1)),
        )
        found = shutil.which("initdb")
        if found:
            candidates.append(found)
        if not candidates:
            raise ServiceUnavailable(
                "PostgreSQL server binaries (initdb) are not installed"
            )
        return Path(candidates[-1]).parent

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        if _is_root():
            try:
                pwd.getpwnam("postgres")
            except KeyError as error:
                raise ServiceUnavailable("no 'postgres' system user") from error
        self.dir = _owned_tempdir("cms-pg-", self.user)
        data, log = self.dir / "data", self.dir / "server.log"
        prefix = _run_as(self.user)
        subprocess.run(
            [*prefix, str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres",
             "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*prefix, str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(log),
             "-o", options, "-w", "-t", "60", "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        return self

    def stop(self):
        if self.dir is None:
            return
        subprocess.run(
            [*_run_as(self.user), str(self.bindir / "pg_ctl"), "-D",
             str(self.dir / "data"), "-m", "immediate", "stop"],
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


def _java_major(java):
    result = subprocess.run([java, "-version"], capture_output=True, text=True)
    match = re.search(r'version "(\d+)', result.stderr)
    return int(match.group(1)) if match else 0


def find_java_home(minimum=OPENSEARCH_MIN_JAVA):
    """The newest JDK on the machine that is at least `minimum`."""
    homes = [os.environ.get("JAVA_HOME", ""), *glob.glob("/usr/lib/jvm/*")]
    best = None
    for home in homes:
        java = Path(home) / "bin" / "java"
        if home and java.exists():
            major = _java_major(str(java))
            if major >= minimum and (best is None or major > best[0]):
                best = (major, home)
    if best is None:
        raise ServiceUnavailable(
            f"OpenSearch {OPENSEARCH_VERSION} needs Java {minimum} or newer; none found"
        )
    return best[1]


def opensearch_zip():
    """The distribution zip, fetched from Maven Central once into .cache/."""
    target = CACHE / "opensearch" / f"opensearch-{OPENSEARCH_VERSION}.zip"
    if target.exists():
        return target
    if not shutil.which("mvn"):
        raise ServiceUnavailable("Maven (mvn) is needed to fetch OpenSearch")
    result = subprocess.run(
        ["mvn", "-q", "-B",
         "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
         f"-Dartifact={OPENSEARCH_ARTIFACT}:{OPENSEARCH_VERSION}:zip",
         f"-DoutputDirectory={target.parent}"],
        capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0 or not target.exists():
        raise ServiceUnavailable(
            f"could not fetch OpenSearch {OPENSEARCH_VERSION}:\n{result.stdout[-2000:]}"
        )
    return target


class OpenSearchServer:
    """A single OpenSearch node on loopback, security off, small heap."""

    def __init__(self, heap="512m"):
        self.heap = heap
        self.port = free_port()
        self.transport_port = free_port()
        self.user = SERVICE_USER if _is_root() else None
        self.dir = None
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def _healthy(self):
        if self.process.poll() is not None:
            raise ServiceUnavailable(
                f"OpenSearch exited with {self.process.returncode}:\n"
                + (self.dir / "stdout.log").read_text(errors="replace")[-3000:]
            )
        try:
            with urllib.request.urlopen(  # noqa: S310 (loopback http)
                f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=1s",
                timeout=3,
            ) as response:
                return json.load(response)["status"] in {"yellow", "green"}
        except OSError:
            return False

    def start(self, timeout=180):
        self._prepare()
        return self.launch(timeout)

    def _prepare(self):
        archive = opensearch_zip()
        if self.user:
            _ensure_user(self.user)
        self.dir = _owned_tempdir("cms-opensearch-", self.user or "root")
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(self.dir)
        home = self.dir / f"opensearch-{OPENSEARCH_VERSION}"
        for script in (home / "bin").iterdir():
            script.chmod(0o755)
        if self.user:
            subprocess.run(["chown", "-R", self.user, str(self.dir)], check=True)

    def launch(self, timeout=180):
        """Start the node on its directory (again, after `stop`: same data)."""
        java_home = find_java_home()
        home = self.dir / f"opensearch-{OPENSEARCH_VERSION}"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "JAVA_HOME": java_home,
            "OPENSEARCH_JAVA_HOME": java_home,
            "OPENSEARCH_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
        }
        settings = {
            "discovery.type": "single-node",
            "network.host": "127.0.0.1",
            "http.port": self.port,
            "transport.port": self.transport_port,
            "path.data": self.dir / "data",
            "path.logs": self.dir / "logs",
            "cluster.routing.allocation.disk.threshold_enabled": "false",
            "action.auto_create_index": "false",
        }
        command = [
            *_run_as(self.user),
            "env",
            *[f"{key}={value}" for key, value in env.items()],
            str(home / "bin" / "opensearch"),
            *[f"-E{key}={value}" for key, value in settings.items()],
        ]
        log = open(self.dir / "stdout.log", "ab")  # noqa: SIM115 (kept for the process)
        self.process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        _wait_for(self._healthy, timeout, "OpenSearch", self.dir / "stdout.log")
        return self

    def halt(self):
        """Stop the node, keeping its data for `launch`."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def stop(self):
        self.halt()
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None
