"""The optional mypyc-compiled build of the router's hot modules: which, how to build, refusing a stale one.

`make compiled` builds C extensions next to the sources (`router/executor/projection.cpython-311-….so` beside
`projection.py`); Python then imports the extension instead of the source. That is the classic trap: edit the
`.py`, and the old compiled code still runs. So the build records a hash of every router source it read, and
importing `router` refuses (with the files named) when an extension is present and any source differs from the
record — every router source, not only the compiled ones, because compiled code bakes in what it imported
(types checked at calls, Final constants inlined). `make clean-compiled` goes back to plain Python.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Written by the build, next to the extensions, ignored by git like them.
RECORD = PACKAGE / "compiled-build.json"
# mypyc's generated C and the compiler's objects, relative to the repository root (the build's working dir).
BUILD_DIR = "build/compiled"
# The modules that hold the router's CPU per request under load (issue #17's profile of bench.router_bench):
# executing plans, projecting and merging subgraph answers, and the subgraph clients. Modules with async
# generators (pipeline.py, subscription.py, http.py, transport_ws.py) are left out: mypyc cannot compile them.
HOT_MODULES = (
    "executor/contexts.py",
    "executor/directives.py",
    "executor/errors.py",
    "executor/execute.py",
    "executor/fetch_fields.py",
    "executor/merge.py",
    "executor/paths.py",
    "executor/projection.py",
    "executor/representations.py",
    "executor/rewrites.py",
    "subgraph_client/asgi.py",
    "subgraph_client/connections.py",
    "subgraph_client/dedupe.py",
    "subgraph_client/metered.py",
    "subgraph_client/multipart.py",
    "subgraph_client/protocol.py",
    "subgraph_client/transports.py",
)


class StaleCompiledBuild(ImportError):
    """A compiled extension is present but router sources changed since it was built."""


def source_hashes(package: Path = PACKAGE) -> dict[str, str]:
    """The sha256 of every Python source in the router package, by path relative to it."""
    return {
        path.relative_to(package).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(package.rglob("*.py"))
    }


def stale_sources(package: Path = PACKAGE) -> list[str]:
    """The sources that differ from the build's record (all of them when there is no record); empty when no
    compiled extension is present, since plain Python cannot be stale."""
    if not any(package.rglob("*.so")):
        return []
    record_file = package / RECORD.name
    recorded: dict[str, str] = json.loads(record_file.read_text()) if record_file.exists() else {}
    current = source_hashes(package)
    changed = (path for path in current.keys() | recorded.keys() if current.get(path) != recorded.get(path))
    return sorted(changed)


def refuse_stale_build(package: Path = PACKAGE) -> None:
    """Raises StaleCompiledBuild, naming the changed sources, when a compiled extension may be out of date."""
    stale = stale_sources(package)
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        raise StaleCompiledBuild(
            f"router: compiled modules are stale ({shown} changed since `make compiled`); "
            "run `make compiled` again, or `make clean-compiled` to run the plain Python sources"
        )


def build() -> None:
    """Compiles HOT_MODULES in place with mypyc, then records the sources it compiled against."""
    # Imported here: only the build needs mypyc and setuptools, never the running router.
    from mypyc.build import mypycify
    from setuptools import setup

    hashes = source_hashes()
    root = PACKAGE.parent
    extensions = mypycify(
        [str((PACKAGE / module).relative_to(root)) for module in HOT_MODULES],
        opt_level="3",
        # The extensions' shared runtime goes inside the package (router/hot__mypyc…so), not the repo root.
        group_name="router.hot",
        target_dir=BUILD_DIR,
    )
    setup(
        name="jobgraph-router-compiled",
        ext_modules=extensions,
        script_args=["build_ext", "--inplace", "--build-temp", BUILD_DIR, "--build-lib", f"{BUILD_DIR}/lib"],
    )
    RECORD.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n")
