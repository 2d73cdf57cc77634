"""Benchmarks: `make bench`, `make bench-site`; `synthetic` also serves the stress tests."""
