"""A 10 MB upload through the router: throughput, and the router's peak memory as the file size grows.

Starts the users and files subgraphs and the router as separate processes (embedded defaults, one data
directory), signs a person up, then sends GraphQL multipart requests (`uploadFile`, a real PDF padded to each
size) one at a time, deleting each file after it is stored. Prints, per size: uploads per second, MB/s and
the router's peak resident memory (VmHWM) after that round — the router spools files to disk, so its peak
must not grow with the file size.

Run: `python -m bench.upload_bench [--rounds 5] [--sizes 100000,1000000,10000000]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import httpx
import orjson

from bench.router_bench import free_port, peak_rss_mib, processes, wait_until_up
from tests.subgraphs.files.documents import BACKEND_RESUME as LINES
from tests.subgraphs.files.documents import pdf

UPLOAD = "mutation($file: Upload!) { uploadFile(file: $file, kind: OTHER) { id size } }"
DELETE = "mutation($id: ID!) { deleteFile(id: $id) }"
REGISTER = """mutation { register(input: {email: "bench@example.com", password: "correct horse battery",
  name: "Bench"}) { token } }"""


def padded_pdf(size: int) -> bytes:
    """A valid one-page PDF with a resume's text, padded to exactly `size` bytes."""
    padding = max(0, size - len(pdf(LINES)) - 64)
    for _ in range(3):  # the padding's /Length digits change the size a little: converge
        padding += size - len(pdf(LINES, padding=padding))
    content = pdf(LINES, padding=padding)
    assert len(content) == size, (len(content), size)
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.upload_bench", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="uploads per size")
    parser.add_argument(
        "--sizes", default="100000,1000000,10000000", help="file sizes in bytes, comma-separated"
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    users_port, files_port, router_port = free_port(), free_port(), free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        jobgraph = [sys.executable, "-m", "jobgraph"]
        # The subgraphs find the data directory (and the users subgraph's signing key) in the environment.
        os.environ["JOBGRAPH_DATA_DIR"] = data_dir
        os.environ.setdefault("JOBGRAPH_LOG_LEVEL", "WARNING")
        # Users writes the signing key the files subgraph verifies tokens with: it starts first.
        with processes([[*jobgraph, "subgraph", "users", "--port", str(users_port)]]):
            wait_until_up(f"http://127.0.0.1:{users_port}/health")
            with processes([[*jobgraph, "subgraph", "files", "--port", str(files_port)]]):
                wait_until_up(f"http://127.0.0.1:{files_port}/health")
                router_command = [
                    *jobgraph, "router", "--port", str(router_port),
                    "--subgraph", f"users=http://127.0.0.1:{users_port}/graphql",
                    "--subgraph", f"files=http://127.0.0.1:{files_port}/graphql",
                ]  # fmt: skip
                with processes([router_command]) as (router,):
                    wait_until_up(f"http://127.0.0.1:{router_port}/health")
                    _measure(router, router_port, sizes, args.rounds)
    return 0


def _measure(router: subprocess.Popen[bytes], port: int, sizes: list[int], rounds: int) -> None:
    url = f"http://127.0.0.1:{port}/graphql"
    with httpx.Client(timeout=60) as client:
        token = client.post(url, json={"query": REGISTER}).json()["data"]["register"]["token"]
        auth = {"authorization": f"Bearer {token}", "apollo-require-preflight": "true"}
        print(f"router peak RSS after start-up: {peak_rss_mib(router.pid):.1f} MiB")
        print(f"{'file size':>12} {'uploads/s':>10} {'MB/s':>8} {'median ms':>10} {'router peak RSS':>16}")
        for size in sizes:
            content = padded_pdf(size)
            operations = orjson.dumps({"query": UPLOAD, "variables": {"file": None}}).decode()
            durations = []
            for _ in range(rounds):
                started = time.perf_counter()
                response = client.post(
                    url,
                    data={"operations": operations, "map": '{"0": ["variables.file"]}'},
                    files={"0": ("bench.pdf", content, "application/pdf")},
                    headers=auth,
                )
                durations.append(time.perf_counter() - started)
                body = response.json()
                if body.get("errors"):
                    raise SystemExit(f"upload failed: {body['errors']}")
                client.post(
                    url,
                    json={"query": DELETE, "variables": {"id": body["data"]["uploadFile"]["id"]}},
                    headers=auth,
                )
            total = sum(durations)
            print(
                f"{size:>12,} {rounds / total:>10.2f} {size * rounds / total / 1e6:>8.1f} "
                f"{statistics.median(durations) * 1000:>10.1f} {peak_rss_mib(router.pid):>12.1f} MiB"
            )


if __name__ == "__main__":
    raise SystemExit(main())
