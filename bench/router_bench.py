"""Router throughput and latency: four subgraphs and the router as uvicorn processes on loopback, one nested
cross-subgraph query, load from `wrk` (or an httpx load generator when wrk is missing).

Run: `python -m bench.router_bench [--duration 10] [--connections 32] [--tool auto|wrk|httpx]
[--plugins both|on|off] [--rounds 1]`. Prints requests/s, p50/p99 latency and the router's peak RSS, with
every default plugin on (a verified access token on each request, CSRF prevention, rate limits set high
enough never to refuse, correlation ids, security headers, automatic persisted queries) and off, side by
side per round (on and off alternate, so a load change hits both), and the median of the rounds'
overheads. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import jwt
import orjson
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.subgraphs import APPS, supergraph_sdl

QUERY = """
query Bench($first: Int!) {
  topProducts(first: $first) {
    upc name price inStock shippingEstimate
    reviews { body author { name username } }
  }
  me { name }
}
"""


@dataclass(frozen=True, slots=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    # The router process's CPU time (user + system) per request: what the plugins cost, much less moved
    # by other processes' load than requests/s on a shared machine.
    cpu_ms_per_request: float = float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def processes(
    commands: list[list[str]], env: Mapping[str, str] | None = None
) -> Iterator[list[subprocess.Popen[bytes]]]:
    started = [subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env) for command in commands]
    try:
        yield started
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until_up(url: str, deadline_seconds: float = 30.0) -> None:
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not come up in {deadline_seconds:.0f}s")


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time so far (Linux /proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    """VmHWM: the process's peak resident set size so far (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_wrk(url: str, body: bytes, duration: int, connections: int, headers: dict[str, str]) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write('wrk.method = "POST"\n')
        for name, value in headers.items():
            script.write(f"wrk.headers[{orjson.dumps(name).decode()}] = {orjson.dumps(value).decode()}\n")
        script.write(f"wrk.body = {orjson.dumps(body.decode()).decode()}\n")
    try:
        threads = max(1, min(connections, os.cpu_count() or 1))
        output = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--latency",
                "-s",
                script.name,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return LoadResult(
        requests_per_second=rps,
        p50_ms=_wrk_latency_ms(output, "50%"),
        p99_ms=_wrk_latency_ms(output, "99%"),
        errors=int(non_2xx.group(1)) if non_2xx else 0,
    )


def _wrk_latency_ms(output: str, percentile: str) -> float:
    match = re.search(rf"^\s*{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


async def run_httpx(
    url: str, body: bytes, duration: int, connections: int, headers: dict[str, str]
) -> LoadResult:
    """A closed-loop generator: `connections` workers each send the next request when the last answered."""
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10.0) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                response = await client.post(url, content=body, headers=headers)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return LoadResult(
        requests_per_second=len(latencies) / elapsed,
        p50_ms=latencies[len(latencies) // 2] * 1000,
        p99_ms=latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        errors=errors,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.router_bench", description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds of measured load")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--first", type=int, default=5, help="products in the query (each with 3 reviews)")
    parser.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--plugins", choices=("both", "on", "off"), default="both")
    parser.add_argument(
        "--rounds", type=int, default=1, help="on/off measurements alternated this many times (noisy load)"
    )
    args = parser.parse_args(argv)
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
    modes = ("on", "off") if args.plugins == "both" else (args.plugins,)

    ports = {name: free_port() for name in APPS}
    python = sys.executable
    uvicorn_flags = ["--host", "127.0.0.1", "--log-level", "warning", "--no-access-log"]
    commands = [
        [python, "-m", "uvicorn", APPS[name], "--factory", "--port", str(port), *uvicorn_flags]
        for name, port in ports.items()
    ]
    results: dict[str, list[LoadResult]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory() as workdir:
        supergraph_file = Path(workdir) / "supergraph.graphql"
        supergraph_file.write_text(supergraph_sdl(ports))
        with processes(commands):
            for port in ports.values():
                wait_until_up(f"http://127.0.0.1:{port}/graphql?query=%7B__typename%7D")
            for mode in [mode for _ in range(args.rounds) for mode in modes]:
                config, headers = _plugin_setup(Path(workdir), mode == "on")
                router_port = free_port()
                router_command = [
                    python,
                    "-m",
                    "router",
                    "--supergraph",
                    str(supergraph_file),
                    "--config",
                    str(config),
                    "--port",
                    str(router_port),
                ]
                with processes([router_command]) as (router,):
                    wait_until_up(f"http://127.0.0.1:{router_port}/health")
                    result = _measure(router, router_port, tool, args, headers, mode)
                if result is None:
                    return 1
                results[mode].append(result)
    if len(results) == 2:
        _side_by_side(results["on"], results["off"])
    return 0


def _side_by_side(on_rounds: list[LoadResult], off_rounds: list[LoadResult]) -> None:
    """Each round's plugins-on and plugins-off numbers next to each other, then the medians' overhead."""
    print()
    print("  round   req/s on  req/s off   p50 on  p50 off   p99 on  p99 off (ms)  overhead  CPU ms on  off")
    for index, (on, off) in enumerate(zip(on_rounds, off_rounds, strict=True), start=1):
        print(
            f"  {index:>5}  {on.requests_per_second:>9,.0f}  {off.requests_per_second:>9,.0f}"
            f"  {on.p50_ms:>7.2f}  {off.p50_ms:>7.2f}  {on.p99_ms:>7.2f}  {off.p99_ms:>7.2f}"
            f"       {_overhead(on, off):>6.1f}%  {on.cpu_ms_per_request:>9.2f}  {off.cpu_ms_per_request:.2f}"
        )
    # Each round's pair ran back to back under about the same load: the median of the pairs' overheads is
    # steadier than the overhead of the medians when the machine's load moves.
    overheads = [_overhead(on, off) for on, off in zip(on_rounds, off_rounds, strict=True)]
    on_cpu = statistics.median(result.cpu_ms_per_request for result in on_rounds)
    off_cpu = statistics.median(result.cpu_ms_per_request for result in off_rounds)
    print(
        f"router CPU per request: {on_cpu:.2f} ms on, {off_cpu:.2f} ms off (medians): "
        f"{(on_cpu - off_cpu) / off_cpu * 100:.1f}% more with the default plugins"
    )
    on_rate = statistics.median(result.requests_per_second for result in on_rounds)
    off_rate = statistics.median(result.requests_per_second for result in off_rounds)
    print(
        f"default plugins' overhead: {statistics.median(overheads):.1f}% of requests/s (median of the "
        f"rounds; median requests/s {on_rate:,.0f} on, {off_rate:,.0f} off)"
    )


def _overhead(on: LoadResult, off: LoadResult) -> float:
    return (off.requests_per_second - on.requests_per_second) / off.requests_per_second * 100


def _plugin_setup(workdir: Path, on: bool) -> tuple[Path, dict[str, str]]:
    """The router config for plugins on or off, and the headers each request carries."""
    headers = {"content-type": "application/json"}
    config: dict[str, object]
    if on:
        key = Ed25519PrivateKey.generate()
        public = workdir / "token-key.pem"
        public.write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
        claims = {"sub": "bench", "iss": "jobgraph-users", "aud": "jobgraph", "exp": int(time.time()) + 3600}
        headers["authorization"] = f"Bearer {jwt.encode(claims, key, algorithm='EdDSA')}"
        # Limits far above what the load reaches: the check runs on every request, never refuses.
        config = {
            "jwt": {"key_file": str(public)},
            "rate_limit": {"enabled": True, "client_rate": 1e6, "client_burst": 1_000_000},
        }
    else:
        config = {
            "request_id": False,
            "csrf": {"enabled": False},
            "security_headers": {"enabled": False},
            "rate_limit": {"enabled": False},
            "persisted_queries": {"apq": False},
        }
    path = workdir / f"router-plugins-{'on' if on else 'off'}.yaml"
    path.write_text(yaml.safe_dump(config))
    return path, headers


def _measure(
    router: subprocess.Popen[bytes],
    port: int,
    tool: str,
    args: argparse.Namespace,
    headers: dict[str, str],
    mode: str,
) -> LoadResult | None:
    url = f"http://127.0.0.1:{port}/graphql"
    body = orjson.dumps({"query": QUERY, "variables": {"first": args.first}})
    answer = httpx.post(url, content=body, headers=headers, timeout=10).json()
    if answer.get("errors") or not answer.get("data"):
        print(f"the benchmark query failed: {answer}", file=sys.stderr)
        return None
    idle_rss = peak_rss_mib(router.pid)
    warmup = max(1, args.duration // 5)
    if tool == "wrk":
        run_wrk(url, body, warmup, args.connections, headers)
        cpu_before = cpu_seconds(router.pid)
        result = run_wrk(url, body, args.duration, args.connections, headers)
    else:
        asyncio.run(run_httpx(url, body, warmup, args.connections, headers))
        cpu_before = cpu_seconds(router.pid)
        result = asyncio.run(run_httpx(url, body, args.duration, args.connections, headers))
    served = result.requests_per_second * args.duration
    cpu_ms = (cpu_seconds(router.pid) - cpu_before) * 1000 / served if served else float("nan")
    result = replace(result, cpu_ms_per_request=cpu_ms)
    print(
        f"router benchmark: nested query over 4 subgraphs, {args.first} products x 3 reviews, plugins {mode}"
    )
    print(f"  load tool        {tool}, {args.connections} connections, {args.duration}s")
    print(f"  requests/s       {result.requests_per_second:,.0f}")
    print(f"  latency p50      {result.p50_ms:.2f} ms")
    print(f"  latency p99      {result.p99_ms:.2f} ms")
    print(f"  router CPU       {result.cpu_ms_per_request:.2f} ms per request")
    print(f"  non-2xx          {result.errors}")
    print(f"  router RSS       {idle_rss:.0f} MiB after start-up, {peak_rss_mib(router.pid):.0f} MiB peak")
    return result


if __name__ == "__main__":
    raise SystemExit(main())
