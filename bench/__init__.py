"""Benchmarks: they print numbers and assert nothing (run them with `python -m bench.<name>`)."""
