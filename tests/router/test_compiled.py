"""The optional compiled build: a compiled extension runs only while every router source matches its build."""

import json
from pathlib import Path

import pytest

from router.compiled import (
    HOT_MODULES,
    PACKAGE,
    RECORD,
    StaleCompiledBuild,
    refuse_stale_build,
    source_hashes,
    stale_sources,
)


def package_with(tmp_path: Path, sources: dict[str, str], *, extension: bool, recorded: bool) -> Path:
    """A stand-in for the router package: sources, optionally a compiled extension and the build's record."""
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    if extension:
        (tmp_path / "executor").mkdir(exist_ok=True)
        (tmp_path / "executor" / "paths.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF")
    if recorded:
        (tmp_path / RECORD.name).write_text(json.dumps(source_hashes(tmp_path)))
    return tmp_path


SOURCES = {"__init__.py": '"""router"""\n', "executor/paths.py": "X = 1\n"}


def test_plain_python_is_never_stale(tmp_path: Path) -> None:
    package = package_with(tmp_path, SOURCES, extension=False, recorded=False)
    assert stale_sources(package) == []


def test_an_extension_built_from_the_current_sources_runs(tmp_path: Path) -> None:
    package = package_with(tmp_path, SOURCES, extension=True, recorded=True)
    refuse_stale_build(package)
    assert stale_sources(package) == []


def test_a_source_edited_after_the_build_is_refused_by_name(tmp_path: Path) -> None:
    package = package_with(tmp_path, SOURCES, extension=True, recorded=True)
    (package / "executor" / "paths.py").write_text("X = 2\n")
    with pytest.raises(StaleCompiledBuild, match=r"executor/paths\.py changed since `make compiled`"):
        refuse_stale_build(package)


def test_a_source_added_after_the_build_is_stale(tmp_path: Path) -> None:
    # Compiled code may import it: a module the build never saw is as unknown as an edited one.
    package = package_with(tmp_path, SOURCES, extension=True, recorded=True)
    (package / "executor" / "merge.py").write_text("Y = 1\n")
    assert stale_sources(package) == ["executor/merge.py"]


def test_an_extension_without_a_record_is_refused(tmp_path: Path) -> None:
    package = package_with(tmp_path, SOURCES, extension=True, recorded=False)
    assert stale_sources(package) == ["__init__.py", "executor/paths.py"]
    with pytest.raises(StaleCompiledBuild, match="make clean-compiled"):
        refuse_stale_build(package)


def test_the_hot_modules_are_router_sources() -> None:
    assert [module for module in HOT_MODULES if not (PACKAGE / module).is_file()] == []
