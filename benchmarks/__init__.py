"""Benchmarks: `make bench`; `synthetic` also serves the stress tests."""
