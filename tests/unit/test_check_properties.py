"""Whatever it is given, `check` returns a valid report and never raises."""

import base64

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.check import check
from checker.findings import CATALOGUE
from checker.report import KINDS, SEVERITIES
from samples import KEY

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_valid(report):
    data = report.to_dict()
    assert data["kind"] in KINDS
    assert data["status"] in ("ok", "warning", "error")
    assert data["findings"], "every verdict says why"
    for finding in data["findings"]:
        assert finding["severity"] in SEVERITIES
        assert finding["code"] in CATALOGUE
        assert finding["title"] and finding["detail"] and finding["fix"]
    if data["status"] in ("ok", "warning"):
        assert data["kind"] == "registration-key" and data["normalized"]
    else:
        assert data["normalized"] is None


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text):
    assert_valid(check(text))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes(data):
    assert_valid(check(data))


@SETTINGS
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_%\n \"'", max_size=300))
def test_base64_like_text(text):
    assert_valid(check(text))


@SETTINGS
@given(st.dictionaries(st.text(max_size=10), st.recursive(
    # PHP integers: past 64 bits PHP reads a float (tests/unit/test_php_json.py).
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10), max_size=5), st.text(min_size=1, max_size=50))
def test_any_json_object_with_a_signature_is_well_formed(members, signature):
    import json
    members = {k: v for k, v in members.items() if k != "signature"}
    key = base64.b64encode(json.dumps({**members, "signature": signature}).encode()).decode()
    report = check(key)
    assert report.status == "ok" and report.normalized == key
    assert report.fields == members


WRAPS = st.sampled_from([
    lambda k: f"  {k}\n",
    lambda k: f'"{k}"',
    lambda k: f"\u201c{k}\u201d",
    lambda k: f"Registration key: {k}",
    lambda k: "\r\n".join(k[i:i + 76] for i in range(0, len(k), 76)),
    lambda k: "\n".join(k[i:i + 64] for i in range(0, len(k), 64)),
    lambda k: k.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"),
    lambda k: k.replace("+", "-").replace("/", "_"),
    lambda k: k.rstrip("="),
    lambda k: "\u200b".join([k[:50], k[50:]]),
    lambda k: "\ufeff" + k,
])


@SETTINGS
@given(st.lists(WRAPS, min_size=1, max_size=4))
def test_layered_damage_repairs_to_the_original(damages):
    damaged = KEY
    for damage in damages:
        damaged = damage(damaged)
    report = check(damaged)
    assert report.normalized == KEY, report.codes()
    assert report.status in ("ok", "warning")
