"""Browser tests: the built web app (web/dist) served by `jobgraph dev` on a fresh data directory, driven in
Debian's Chromium through Playwright (browsers cannot be downloaded here, so Playwright gets the system one).

`make test` builds the app (`make web`) and installs Chromium (`make chromium`) before pytest runs; without
them these tests fail and say so. Screenshots go to web/test-results/screenshots/ (ignored by git).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, Request, expect, sync_playwright

from tests.network import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
WEB_DIST = ROOT / "web" / "dist"
RESULTS = ROOT / "web" / "test-results"
CHROMIUM = "/usr/bin/chromium"
# Two cores shared with everything else: give a screen time to answer before calling it broken.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)
# No GPU, no sandbox (root in CI), none of the browser's own traffic (updates, sync, field trials).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# What the browser tests measure (printed, never asserted): shown at the end of the run, kept as an artifact.
MEASUREMENTS: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if MEASUREMENTS:
        terminalreporter.section("web app measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "measurements.txt").write_text("\n".join(MEASUREMENTS) + "\n")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`jobgraph dev` with the built app, on a fresh data directory and a free port."""
    if not (WEB_DIST / "index.html").is_file():
        pytest.fail("the web app is not built: run `make web` (make test does)")
    port = free_port()
    environ = {
        **os.environ,
        "JOBGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("web-data")),
        "JOBGRAPH_PORT": str(port),
        "JOBGRAPH_ROUTER_WEB_DIR": str(WEB_DIST),
        # Every browser test signs people up from this one address.
        "USERS_MAX_SIGN_UPS_PER_HOUR": "1000",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "jobgraph", "dev"],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run `make chromium` (make test does)")
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = RESULTS / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def new_context(browser: Browser, base_url: str) -> Iterator[Callable[[], BrowserContext]]:
    """Makes fresh browser profiles (each its own storage: one signed-in person); the test fails if any of
    them sent a request anywhere but the router (fonts, icons and scripts must all ship with the build)."""
    created: list[BrowserContext] = []
    foreign: list[str] = []
    ours = (base_url, base_url.replace("http", "ws", 1), "data:", "blob:")

    def make() -> BrowserContext:
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)

        def check(request: Request) -> None:
            if not request.url.startswith(ours):
                foreign.append(request.url)

        context.on("request", check)
        created.append(context)
        return context

    yield make
    for context in created:
        context.close()
    assert not foreign, f"requests left the router: {foreign}"
