"""The explanation pages show the simulator's own sequence diagram, drawn at build time."""

import re
import xml.etree.ElementTree as ET

import pytest

from checker.simulation import simulate
from checker.simulation.diagram import sequence_diagram

SVG = re.compile(r"<svg\b[^>]*class=\"kc-diagram\".*?</svg>", re.DOTALL)


@pytest.mark.parametrize("page, scenario, version", [
    ("explanation/how-the-check-works/index.html", "valid", "11.0"),
    ("explanation/key-vs-keyfile/index.html", "key-regenerated", "11.0"),
])
def test_explanation_pages_hold_the_simulators_diagram(site, page, scenario, version):
    html = (site / page).read_text(encoding="utf-8")
    assert "simulator-diagram:" not in html  # every marker was replaced
    svgs = SVG.findall(html)
    assert len(svgs) == 1
    # Exactly the picture the simulator draws for that run: text and picture cannot disagree.
    assert svgs[0] == sequence_diagram(simulate(scenario, version))
    root = ET.fromstring(svgs[0])
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.get("data-scenario") == scenario and root.get("data-glpi-version") == version
    assert 'href="../../reference/scenarios/#' + scenario + '"' in html
