"""A real Dask cluster: `dask scheduler` and two `dask worker` processes started here (the
`cluster` fixture; test_scale.py compares its tables with a local run's), and what a user sees
when the scheduler is wrong: one line, exit 6, never a hang."""
from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extract.cli import EXIT_CLUSTER

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds" / "raw"
BIN = Path(sys.executable).parent


def extract_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "extract"), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "EXTRACT_SCHEDULER_TIMEOUT": "2", **(env or {})})


def tables_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != "run.json"}


def start_scheduler(folder: Path) -> tuple[subprocess.Popen, str]:
    info = folder / "scheduler.json"
    proc = subprocess.Popen([str(BIN / "dask"), "scheduler", "--scheduler-file", str(info), "--port", "0",
                             "--dashboard-address", ":0", "--host", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(300):
        if info.is_file() and info.stat().st_size:
            try:
                return proc, json.loads(info.read_text())["address"]
            except ValueError:
                pass
        time.sleep(0.1)
    proc.kill()
    pytest.fail("dask scheduler did not start in 30 s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    scheduler, address = start_scheduler(folder)
    workers = [subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1",
                                 "--no-nanny", "--dashboard-address", ":0", "--local-directory", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
               for _ in range(2)]
    yield address
    for proc in [*workers, scheduler]:
        proc.terminate()
    for proc in [*workers, scheduler]:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _one_line(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    return lines[0]


def test_a_scheduler_without_workers_is_one_line_after_the_timeout(tmp_path):
    scheduler, address = start_scheduler(tmp_path)
    try:
        done = extract_cli("run", str(SEEDS), "--out", str(tmp_path / "out"), "--scheduler", address, "--no-cache",
                           env={"EXTRACT_SCHEDULER_TIMEOUT": "4"})
    finally:
        scheduler.kill()
    assert done.returncode == EXIT_CLUSTER == 6, done.stderr
    assert "has no workers after 4 s" in _one_line(done)
    assert not (tmp_path / "out").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_nothing_listening_or_a_web_server_is_one_line(tmp_path):
    done = extract_cli("run", str(SEEDS), "--out", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "--no-cache")
    assert done.returncode == EXIT_CLUSTER
    assert "cannot reach the Dask scheduler" in _one_line(done)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = extract_cli("run", str(SEEDS), "--out", str(tmp_path / "out"),
                           "--scheduler", f"tcp://127.0.0.1:{server.server_address[1]}", "--no-cache")
    finally:
        server.shutdown()
    assert done.returncode == EXIT_CLUSTER
    assert "cannot reach the Dask scheduler" in _one_line(done)
