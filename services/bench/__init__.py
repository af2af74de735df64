"""``newsflow bench``: throughput, latency and soak measurements of newsflow on a corpus.

The results go to ``docs/benchmarks.md`` (for people), ``docs/benchmarks.json`` (for tools) and
``docs/benchmarks.png``. Speed is only ever measured here, never asserted in tests.
"""
