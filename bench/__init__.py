"""Benchmarks of Tansiq against its targets and its peers; run them with ``python -m bench``."""
