"""The browser's simulate answer carries the summary and the diagram, drawn by the core."""

import json

from checker.bridge import handle
from checker.simulation import simulate
from checker.simulation.diagram import sequence_diagram


def test_simulate_answer_holds_the_summary_and_the_svg():
    answer = json.loads(handle(json.dumps({"op": "simulate", "scenario": "dns-failure", "glpi_version": "10.0"})))
    assert answer["ok"]
    result = answer["result"]
    run = simulate("dns-failure", "10.0")
    assert result["summary"] == run.to_dict()["summary"]
    assert result["summary"]["failing_step"]["name"] == "services-check"
    assert result["diagram"] == sequence_diagram(run) and result["diagram"].startswith("<svg")


def test_a_pasted_key_stays_out_of_the_diagram():
    key = "eyJzaWduYXR1cmUiOiJzZWNyZXQtc2lnbmF0dXJlLXZhbHVlIn0="
    answer = json.loads(handle(json.dumps({"op": "simulate", "scenario": "my-key", "glpi_version": "11.0",
                                           "key": key})))
    assert key not in answer["result"]["diagram"] and key[:10] not in answer["result"]["diagram"]
