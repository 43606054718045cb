"""Router throughput and latency: the public benchmark's four subgraphs (bench/subgraphs.py) and the router
as uvicorn processes on loopback, the public benchmark's nested query (an ~87 KB answer) or a small one, load
from `wrk` (or an httpx load generator when wrk is missing).

Run: `python -m bench.router_bench [--duration 10] [--connections 50] [--query nested|small]
[--plugins both|on|off] [--no-sharing] [--workers N] [--router-cpus 0] [--compare 'COMMAND']`.

- `--plugins`: every default plugin on (a verified access token on each request, CSRF prevention, rate limits
  set high enough never to refuse, correlation ids, security headers, automatic persisted queries) and/or
  off, and the plugins' overhead; `--rounds N` alternates on and off N times (a load change on a shared
  machine then hits both) and reports the median of the rounds' overheads.
- `--no-sharing`: every request carries its own `authorization` (a distinct signed token), which the router
  forwards, so no two concurrent requests can share a subgraph call (as with real users).
- `--workers N`: the router runs N processes on one port; `--router-cpus 0` pins the router (and the
  reference) to those CPUs with taskset, the subgraphs and the load generator to the others.
- `--compare 'hive-gateway supergraph {supergraph} --port {port}'`: also starts that gateway on the same
  subgraphs ({supergraph} and {port} filled in), measures it with the same load and prints the ratio.

Prints requests/s, p50/p99 latency, the gateway's CPU time per request and peak RSS for each gateway. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import jwt
import orjson
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.subgraphs import APPS, NESTED_QUERY, supergraph_sdl

# The small query: five products with their reviews' authors, and the caller.
SMALL_QUERY = """
query Bench {
  topProducts(first: 5) {
    upc name price inStock shippingEstimate
    reviews { body author { name username } }
  }
  me { name }
}
"""
QUERIES = {"nested": NESTED_QUERY, "small": SMALL_QUERY}
# Distinct tokens rotated through in --no-sharing mode: far more than requests in flight at once.
DISTINCT_TOKENS = 4096


@dataclass(frozen=True, slots=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


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


def peak_rss_mib(pid: int) -> float:
    """VmHWM: the process's peak resident set size so far (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_wrk(url: str, body: bytes, duration: int, connections: int, load: Load) -> LoadResult:
    """wrk with a Lua script: the body and headers, and in --no-sharing mode a token per request, each of
    wrk's threads taking every n-th token so no two threads send the same one at once."""
    threads = max(1, min(connections, os.cpu_count() or 1))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write('wrk.method = "POST"\n')
        for name, value in load.headers.items():
            script.write(f"wrk.headers[{orjson.dumps(name).decode()}] = {orjson.dumps(value).decode()}\n")
        script.write(f"wrk.body = {orjson.dumps(body.decode()).decode()}\n")
        if load.tokens:
            script.write("local tokens = {" + ",".join(orjson.dumps(t).decode() for t in load.tokens) + "}\n")
            script.write(
                f"local threads, created, counter = {threads}, 0, 0\n"
                "function setup(thread) thread:set('id', created); created = created + 1 end\n"
                "function request()\n"
                "  counter = counter + 1\n"
                "  local token = tokens[(counter * threads + id) % #tokens + 1]\n"
                "  wrk.headers['authorization'] = 'Bearer ' .. token\n"
                "  return wrk.format()\n"
                "end\n"
            )
    try:
        output = subprocess.run(
            [
                *load.pin,
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--latency",
                # A slow gateway under 50 connections answers in seconds: count those, not wrk's 2 s timeout.
                "--timeout",
                "30s",
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
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return LoadResult(
        requests_per_second=rps,
        p50_ms=_wrk_latency_ms(output, "50%"),
        p99_ms=_wrk_latency_ms(output, "99%"),
        errors=(int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(count) for count in socket_errors.groups()) if socket_errors else 0),
    )


def _wrk_latency_ms(output: str, percentile: str) -> float:
    match = re.search(rf"^\s*{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


async def run_httpx(url: str, body: bytes, duration: int, connections: int, load: Load) -> LoadResult:
    """A closed-loop generator: `connections` workers each send the next request when the last answered."""
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    tokens = itertools.cycle(load.tokens) if load.tokens else None
    async with httpx.AsyncClient(limits=limits, timeout=10.0) as client:

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at:
                headers = (
                    load.headers
                    if tokens is None
                    else {**load.headers, "authorization": f"Bearer {next(tokens)}"}
                )
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


@dataclass(frozen=True, slots=True)
class Load:
    """What every request of a run carries: headers, and in --no-sharing mode the tokens rotated through; and
    the taskset prefix pinning the load generator."""

    headers: dict[str, str]
    tokens: tuple[str, ...] = ()
    pin: tuple[str, ...] = ()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.router_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of measured load")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--query", choices=sorted(QUERIES), default="nested")
    parser.add_argument("--tool", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--plugins", choices=("both", "on", "off"), default="both")
    parser.add_argument("--rounds", type=int, default=1, help="plugin modes alternated this many times")
    parser.add_argument("--no-sharing", action="store_true", help="a distinct token on every request")
    parser.add_argument("--workers", type=int, default=1, help="router processes on one port")
    parser.add_argument(
        "--router-cpus", help="pin the router (and the reference) to these CPUs, e.g. 0 or 0,1"
    )
    parser.add_argument("--compare", help="a reference gateway's command line with {supergraph} and {port}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "httpx")
    modes = ("on", "off") if args.plugins == "both" else (args.plugins,)
    router_pin, other_pin = _pins(args.router_cpus)
    ports = {name: free_port() for name in APPS}
    python = sys.executable
    uvicorn_flags = ["--host", "127.0.0.1", "--log-level", "warning", "--no-access-log"]
    commands = [
        [*other_pin, python, "-m", "uvicorn", APPS[name], "--factory", "--port", str(port), *uvicorn_flags]
        for name, port in ports.items()
    ]
    print(
        f"router benchmark: the public benchmark's subgraphs, {args.query} query, {tool}, "
        f"{args.connections} connections, {args.duration}s each, "
        f"{'no two requests sharing a subgraph call' if args.no_sharing else 'identical requests'}, "
        f"router workers {args.workers}, router CPUs {args.router_cpus or 'any'}, load average {_load()}"
    )
    results: dict[str, Measured] = {}
    with tempfile.TemporaryDirectory() as workdir:
        supergraph_file = Path(workdir) / "supergraph.graphql"
        supergraph_file.write_text(supergraph_sdl(ports))
        with processes(commands):
            for port in ports.values():
                wait_until_up(f"http://127.0.0.1:{port}/graphql?query=%7B__typename%7D")
            for round_number, mode in [(n, mode) for n in range(1, args.rounds + 1) for mode in modes]:
                config, load = _plugin_setup(Path(workdir), mode == "on", args.no_sharing, other_pin)
                router_port = free_port()
                command = [
                    *router_pin,
                    python,
                    "-m",
                    "router",
                    "--supergraph",
                    str(supergraph_file),
                    "--config",
                    str(config),
                    "--port",
                    str(router_port),
                    "--workers",
                    str(args.workers),
                ]
                with processes([command]) as (router,):
                    wait_until_up(f"http://127.0.0.1:{router_port}/health")
                    measured = _measure(router, router_port, tool, args, load)
                if measured is None:
                    return 1
                suffix = f" #{round_number}" if args.rounds > 1 else ""
                results[f"jobgraph, plugins {mode}{suffix}"] = measured
            if args.compare:
                reference_port = free_port()
                command = [
                    *router_pin,
                    *shlex.split(args.compare.format(supergraph=supergraph_file, port=reference_port)),
                ]
                _, load = _plugin_setup(Path(workdir), False, args.no_sharing, other_pin)
                with processes([command]) as (reference,):
                    _wait_for_graphql(f"http://127.0.0.1:{reference_port}/graphql")
                    measured = _measure(reference, reference_port, tool, args, load)
                if measured is None:
                    return 1
                results["reference"] = measured
    for name, measured in results.items():
        print(f"  {name:<24} {measured.line()}")
    if len(modes) == 2:
        suffixes = [f" #{n}" for n in range(1, args.rounds + 1)] if args.rounds > 1 else [""]
        overheads = [
            (results[f"jobgraph, plugins off{suffix}"].rate - results[f"jobgraph, plugins on{suffix}"].rate)
            / results[f"jobgraph, plugins off{suffix}"].rate
            * 100
            for suffix in suffixes
        ]
        cpu = {
            mode: statistics.median(results[f"jobgraph, plugins {mode}{end}"].cpu_ms for end in suffixes)
            for mode in modes
        }
        print(
            f"  default plugins' overhead: {statistics.median(overheads):.1f}% of requests/s (median of "
            f"{', '.join(f'{value:.1f}%' for value in overheads)}); router CPU per request "
            f"{cpu['on']:.2f} ms on, {cpu['off']:.2f} ms off"
        )
    if "reference" in results:
        baseline = results["reference"]
        for name, measured in results.items():
            if name != "reference":
                same = "the same data" if measured.data == baseline.data else "DIFFERENT data"
                print(f"  {name} / reference: {measured.rate / baseline.rate:.2f}x requests/s ({same})")
    return 0


@dataclass(frozen=True, slots=True)
class Measured:
    result: LoadResult
    cpu_ms: float
    idle_rss_mib: float
    peak_rss_mib: float
    answer_bytes: int
    data: object

    @property
    def rate(self) -> float:
        return self.result.requests_per_second

    def line(self) -> str:
        r = self.result
        return (
            f"{r.requests_per_second:8,.1f} req/s  p50 {r.p50_ms:7.2f} ms  p99 {r.p99_ms:7.2f} ms  "
            f"CPU {self.cpu_ms:5.2f} ms/request  errors {r.errors}  "
            f"RSS {self.idle_rss_mib:.0f} → {self.peak_rss_mib:.0f} MiB peak  "
            f"answer {self.answer_bytes / 1024:.1f} KB"
        )


def _pins(cpus: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """taskset prefixes: the router on `cpus`, everything else on the remaining CPUs (if any remain)."""
    if not cpus:
        return (), ()
    chosen = {int(cpu) for cpu in cpus.split(",")}
    rest = sorted(set(os.sched_getaffinity(0)) - chosen)
    other = ("taskset", "-c", ",".join(map(str, rest))) if rest else ()
    return ("taskset", "-c", cpus), other


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _plugin_setup(workdir: Path, on: bool, distinct: bool, pin: tuple[str, ...]) -> tuple[Path, Load]:
    """The router config for plugins on or off, and what each request carries."""
    headers = {"content-type": "application/json"}
    key = Ed25519PrivateKey.generate()
    claims = {"sub": "bench", "iss": "jobgraph-users", "aud": "jobgraph", "exp": int(time.time()) + 3600}
    # A token per request (a distinct jti each) in --no-sharing mode; one for all otherwise.
    tokens = tuple(
        jwt.encode({**claims, "jti": str(number)}, key, algorithm="EdDSA")
        for number in range(DISTINCT_TOKENS if distinct else 1)
    )
    config: dict[str, object]
    if on:
        public = workdir / "token-key.pem"
        public.write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )
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
    # The public benchmark's nested query estimates 24,420 against the default max_cost of 10,000: a router
    # serving it raises the maximum; here every mode raises it alike, so the estimate still runs.
    config["demand_control"] = {"max_cost": 1_000_000}
    if not distinct:
        headers["authorization"] = f"Bearer {tokens[0]}"
    path = workdir / f"router-plugins-{'on' if on else 'off'}.yaml"
    path.write_text(yaml.safe_dump(config))
    return path, Load(headers=headers, tokens=tokens if distinct else (), pin=pin)


def _wait_for_graphql(url: str, deadline_seconds: float = 60.0) -> None:
    """Until `url` answers a query (a reference gateway may have no health route we know)."""
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            if httpx.post(url, json={"query": "{ __typename }"}, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {deadline_seconds:.0f}s")


def _tree(pid: int) -> list[int]:
    """A process and its descendants (router workers, a gateway's forks)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current, ()))
    return found


def _tree_peak_rss_mib(pid: int) -> float:
    total = 0.0
    for member in _tree(pid):
        with contextlib.suppress(OSError):
            total += peak_rss_mib(member)
    return total


def cpu_seconds(pid: int) -> float:
    """The process's user + system CPU time so far (Linux /proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_cpu_seconds(pid: int) -> float:
    total = 0.0
    for member in _tree(pid):
        with contextlib.suppress(OSError):
            total += cpu_seconds(member)
    return total


def _measure(
    process: subprocess.Popen[bytes], port: int, tool: str, args: argparse.Namespace, load: Load
) -> Measured | None:
    url = f"http://127.0.0.1:{port}/graphql"
    body = orjson.dumps({"query": QUERIES[args.query]})
    headers = (
        load.headers if not load.tokens else {**load.headers, "authorization": f"Bearer {load.tokens[0]}"}
    )
    response = httpx.post(url, content=body, headers=headers, timeout=30)
    answer = response.json()
    if answer.get("errors") or not answer.get("data"):
        print(f"the benchmark query failed: {str(answer)[:2000]}", file=sys.stderr)
        return None
    idle_rss = _tree_peak_rss_mib(process.pid)
    warmup = max(1, args.duration // 5)
    if tool == "wrk":
        run_wrk(url, body, warmup, args.connections, load)
        cpu_before = _tree_cpu_seconds(process.pid)
        result = run_wrk(url, body, args.duration, args.connections, load)
    else:
        asyncio.run(run_httpx(url, body, warmup, args.connections, load))
        cpu_before = _tree_cpu_seconds(process.pid)
        result = asyncio.run(run_httpx(url, body, args.duration, args.connections, load))
    served = result.requests_per_second * args.duration
    cpu_ms = (_tree_cpu_seconds(process.pid) - cpu_before) * 1000 / served if served else float("nan")
    peak = _tree_peak_rss_mib(process.pid)
    return Measured(result, cpu_ms, idle_rss, peak, len(response.content), answer["data"])


if __name__ == "__main__":
    raise SystemExit(main())
