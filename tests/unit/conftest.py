"""Hypothesis checks behaviour here, not speed: speed has its benchmarks (scripts/bench_*.py),
and a loaded machine must not fail a property for taking 250 ms over an example."""

from hypothesis import settings

settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")
