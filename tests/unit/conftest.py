"""Hypothesis checks behaviour here, not speed: speed has its benchmarks (scripts/bench_*.py),
and a loaded machine must not fail a property for taking 250 ms over an example."""

import pytest
from hypothesis import settings

from samples import GLPI_KEY

settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")


@pytest.fixture
def key_file(tmp_path):
    """GLPI's test key in a glpicrypt.key that only its owner can read, as GLPI wants it."""
    path = tmp_path / "glpicrypt.key"
    path.write_bytes(GLPI_KEY)
    path.chmod(0o600)
    return path
