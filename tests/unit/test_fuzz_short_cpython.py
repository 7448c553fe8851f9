"""A short run of scripts/fuzz.py: 3,000 generated and damaged inputs, every report valid.

The full run (`make fuzz`, 100,000 inputs) prints timings; this one only guards behaviour.
"""

import importlib.util
import io
from pathlib import Path

import pytest

from checker.check import check
from checker.findings import spec
from checker.report import Finding, Report

FUZZ_PATH = Path(__file__).resolve().parents[2] / "scripts" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    loader = importlib.util.spec_from_file_location("fuzz_script", FUZZ_PATH)
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


def test_three_thousand_inputs_give_valid_reports(fuzz):
    out = io.StringIO()
    figures = fuzz.run(3000, seed=20240611, out=out)
    assert figures["count"] == 3000
    # The run reached every kind of input and every verdict, so it exercised the whole checker.
    assert set(figures["per_generator"]) == {name for name, _, _ in fuzz.GENERATORS}
    assert set(figures["statuses"]) == {"ok", "warning", "error"}
    for code in ("input-too-long", "input-binary", "paste-bidi-controls",
                 "paste-lookalike-characters", "paste-line-breaks", "base64-mixed-alphabets"):
        assert code in figures["codes_seen"], code
    assert "every report valid" in out.getvalue()


def test_every_damage_changes_a_key(fuzz):
    import random
    rng = random.Random(3)
    key = next(k for k in iter(lambda: fuzz.real_key(rng), None) if {"+", "/", "="} <= set(k))
    for damage in fuzz.DAMAGES:
        if damage is fuzz.truncate:
            continue  # may keep the whole key by chance
        damaged = {damage(random.Random(seed), key) for seed in range(20)}
        assert damaged != {key}, damage.__name__


def _finding(catalogue_code: str, **changes) -> Finding:
    base = spec(catalogue_code).finding("seen in this input").to_dict()
    base.update(changes)
    return Finding(**base)


@pytest.mark.parametrize("broken, complaint", [
    (Report("unknown", "ok", normalized="eyJ9", findings=[]), "status ok for kind unknown"),
    (Report("registration-key", "ok", normalized=None, findings=[]), "without a canonical repaired key"),
    (Report("registration-key", "warning", normalized="eyJ9",
            findings=[_finding("key-well-formed")]), "finding severities"),
    (Report("unknown", "error", findings=[]), "without any error finding"),
    (Report("unknown", "error", findings=[_finding("identified-unknown", detail="")]), "empty detail"),
    (Report("unknown", "error", findings=[_finding("identified-unknown", code="made-up")]), "not in the catalogue"),
    (Report("unknown", "error", findings=[_finding("identified-unknown", severity="info")]), "severity"),
    (Report("spreadsheet", "error", findings=[_finding("identified-unknown")]), "kind 'spreadsheet'"),
    (Report("unknown", "error", findings=[_finding("identified-unknown")], fields={"x": object()}), "not JSON"),
])
def test_the_validator_rejects_broken_reports(fuzz, broken, complaint):
    found = fuzz.problems(broken)
    assert any(complaint in problem for problem in found), found


def test_the_validator_accepts_real_reports(fuzz):
    from samples import KEY
    assert fuzz.problems(check(KEY)) == []
    assert fuzz.problems(check("not a key")) == []


def test_an_exception_in_check_is_reported_not_raised(fuzz, monkeypatch):
    monkeypatch.setattr(fuzz, "check", lambda value: 1 / 0)
    found, _, report = fuzz.check_one("x")
    assert report is None and found == ["raised ZeroDivisionError: division by zero"]
