"""The sequence diagram: well-formed SVG for every run, drawn from the steps' own messages."""

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from checker.simulation import SCENARIOS, simulate
from checker.simulation.diagram import sequence_diagram
from checker.simulation.lanes import LANES, Message
from checker.simulation.network_model import issue_demo_key
from checker.simulation.summary import summarize

SVG = "{http://www.w3.org/2000/svg}"
ALL_RUNS = [(sid, v) for sid, s in SCENARIOS.items() for v in s.versions]
PLAIN_LANES = ["admin", "glpi", "database", "keyfile", "network"]


def run(scenario, version, key=None):
    return simulate(scenario, version, key if key is not None or scenario != "my-key" else "not a key")


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def classes(element) -> list[str]:
    return (element.get("class") or "").split()


def step_groups(root):
    return [g for g in root.iter(f"{SVG}g") if "kc-d-step" in classes(g)]


@pytest.mark.parametrize("scenario, version", ALL_RUNS)
def test_every_run_has_a_well_formed_accessible_diagram(scenario, version):
    result = run(scenario, version)
    summary = summarize(result)
    root = parse(sequence_diagram(result))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("viewBox") and root.get("width") == "100%"
    label = root.get("aria-label")
    assert summary.headline in label and root.find(f"{SVG}title").text == label
    if summary.failing_step:
        assert summary.failing_step.title in label
    assert root.find(f"{SVG}desc").text.count("\n") == len(result.steps) - 1
    # One group per step, in the timeline's order: the picture is drawn from the same steps.
    assert [g.get("data-step") for g in step_groups(root)] == [s.name for s in result.steps]
    lanes = [g.get("data-lane") for g in root.iter(f"{SVG}g") if "kc-d-lane" in classes(g)]
    reaches = any(m.target == "plugins" for step in result.steps for m in step.messages)
    assert lanes == PLAIN_LANES + (["plugins"] if reaches else [])  # only when a download is drawn
    for group, step in zip(step_groups(root), result.steps):
        assert len([g for g in group if "kc-d-message" in classes(g)]) == len(step.messages) >= 1
        caption = "".join(group.find(f"{SVG}text").itertext())
        assert step.title in caption
        if step.status == "skipped":  # greyed, and said in words
            assert group.get("opacity") and "(not reached)" in caption
            assert not [g for g in group.iter(f"{SVG}g") if "kc-d-fail" in classes(g)]


@pytest.mark.parametrize("scenario, version", [r for r in ALL_RUNS if r[0] != "valid"])
def test_the_failing_arrow_and_the_stop_are_marked_by_more_than_colour(scenario, version):
    result = run(scenario, version)
    summary = summarize(result)
    root = parse(sequence_diagram(result))
    failing = step_groups(root)[summary.failing_step.number - 1]
    assert "kc-d-step--failing" in classes(failing)
    assert "goes wrong here" in "".join(failing.find(f"{SVG}text").itertext())
    marked = [g for g in failing if "kc-d-fail" in classes(g)]
    assert marked, "the failing step draws a failing arrow"
    for arrow in marked:
        stroke = arrow.find(f"{SVG}line") if arrow.find(f"{SVG}line") is not None else arrow.find(f"{SVG}path")
        assert stroke.get("stroke-dasharray") and float(stroke.get("stroke-width")) > 2
        assert "".join(arrow.find(f"{SVG}text").itertext())[0] in "✗!"
    if summary.stops_at:
        stop = step_groups(root)[summary.stops_at.number - 1]
        assert "GLPI stops here" in "".join(stop.find(f"{SVG}text").itertext())


def test_messages_name_the_call_and_the_secret_header():
    root = parse(sequence_diagram(simulate("invalid-key", "10.0")))
    info = [g for g in step_groups(root) if g.get("data-step") == "registration-info"][0]
    texts = ["".join(t.itertext()) for t in info.iter(f"{SVG}text")]
    assert "GET /api/registration/info" in texts and "X-Registration-Key" in texts
    assert "is_valid: false" in texts


def test_the_plugin_host_lane_appears_only_when_reached():
    assert "data-lane=\"plugins\"" not in sequence_diagram(simulate("invalid-key", "11.0"))
    root = parse(sequence_diagram(simulate("valid", "11.0")))  # the Download button's archive GET
    lanes = [g.get("data-lane") for g in root.iter(f"{SVG}g") if "kc-d-lane" in classes(g)]
    assert lanes == PLAIN_LANES + ["plugins"] and list(LANES) == lanes


@pytest.mark.parametrize("key", [
    issue_demo_key("demo-running"),
    "<script>alert(1)</script>]]>&amp;\x1b[31m\x00\u202e" + "A" * 40,
    '" onload="alert(1)',
])
def test_a_pasted_key_never_reaches_the_picture(key):
    for version in ("9.5", "11.0"):
        svg = sequence_diagram(simulate("my-key", version, key))
        root = parse(svg)  # hostile text cannot break the markup
        assert key not in svg and key.strip()[:10] not in svg
        assert not [e for e in root.iter() if e.tag.endswith("script") or any(a.startswith("on") for a in e.attrib)]


def test_hostile_text_in_step_data_is_escaped():
    result = simulate("valid", "11.0")
    first = result.steps[0]
    hostile = '<script>x</script> & "quotes" \x07'
    evil = replace(result, title=hostile, steps=(replace(first, messages=(
        Message("glpi", "keyfile", hostile, hostile, fails=True),)),) + result.steps[1:])
    svg = sequence_diagram(evil)
    root = parse(svg)
    assert "<script>" not in svg and "\x07" not in svg
    assert any("<script>x</script>" in "".join(t.itertext()) for t in root.iter(f"{SVG}text"))
