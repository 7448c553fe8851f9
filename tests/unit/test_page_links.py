"""Every link the core hands to the page is a site URL ("troubleshooting/x/"), never a docs
source path ("troubleshooting/x.md"), which the built site does not serve."""

from __future__ import annotations

import json

from checker.bridge import handle
from checker.simulation import SCENARIOS, simulate


def doc_links(run: dict) -> list[str]:
    links = [run.get("doc", ""), run["summary"]["doc"]]
    links += [step.get("doc", "") for step in run["steps"]]
    return [link for link in links if link]


def test_simulation_links_are_site_urls_for_every_scenario_and_version():
    for scenario in SCENARIOS.values():
        if scenario.needs_key:
            continue
        for version in scenario.versions:
            run = simulate(scenario.id, version).to_dict()
            for link in doc_links(run):
                assert not link.partition("#")[0].endswith(".md"), (scenario.id, version, link)
                assert link.partition("#")[0].endswith("/"), (scenario.id, version, link)


def test_the_bridge_answers_with_the_same_site_urls():
    answer = json.loads(handle(json.dumps({"op": "simulate", "scenario": "dns-failure", "glpi_version": "10.0"})))
    run = answer["result"]
    assert run["summary"]["doc"] == "troubleshooting/services-unreachable/"
    assert all(not link.endswith(".md") for link in doc_links(run))
