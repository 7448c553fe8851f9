"""The sequence diagram's geometry and words, on a run built message by message: where each
lane, arrow, arrowhead and label sits, how failures, warnings and skipped steps are drawn, and
the captions a reader sees. A wrong coordinate is a picture that lies (an arrow that points at
the wrong party, a label outside the picture), so the numbers are checked, on the parsed SVG.
Pure: also runs in Pyodide."""

import xml.etree.ElementTree as ET

from checker.simulation.diagram import describe, lanes_of, sequence_diagram
from checker.simulation.lanes import Message
from checker.simulation.steps import Outcome, SimulationRun, Step
from checker.simulation.summary import summarize

SVG = "{http://www.w3.org/2000/svg}"

STEPS = (
    Step("check-key", "ok", "e", messages=(Message("admin", "admin", "reads the key", "pasted"),)),
    Step("registration-info", "error", "e", fix="F", messages=(
        Message("glpi", "network", "GET /api/registration/info", "X-Registration-Key"),
        Message("network", "glpi", "200 OK", "is_valid: false", fails=True))),
    Step("save-key", "warning", "e", fix="G",
         messages=(Message("glpi", "database", "UPDATE glpi_configs", fails=True),)),
    Step("plugin-access", "error", "e", fix="F", messages=(
        Message("admin", "glpi", "a label of fifty characters, pushed in from the left"),
        Message("network", "plugins", "a label of fifty characters, pushed in from the right",
                "and a note long enough to be pushed in too"),
        Message("glpi", "glpi", "loop fails", fails=True))),
    Step("offers", "skipped", "e",
         messages=(Message("glpi", "network", "GET /api/registration/offers", fails=True),)),
)
RUN = SimulationRun("demo", "A demo", "10.0", "10.0.25", STEPS, Outcome("error", "Unable", "tab"),
                    "troubleshooting/index.md", "")
VERDICT = ("GLPI 10.0 shows “Unable” It goes wrong at step 2 of 5: GLPI asks GLPI Network about the "
           "key (error). GLPI stops after step 4; 1 step is not reached.")


def element_lines(element):
    """Each element under `element`, as "tag attr=value … | text", attributes sorted."""
    lines = []
    for node in element.iter():
        attrs = " ".join(f"{name}={value}" for name, value in sorted(node.attrib.items()))
        lines.append(f"{node.tag.replace(SVG, '')} {attrs}" + (f" | {node.text}" if node.text else ""))
    return lines


def test_picture_size_and_its_accessible_name():
    root = ET.fromstring(sequence_diagram(RUN))
    assert root.get("viewBox") == "0 0 760 454"  # six lanes of 124 and two margins of 8
    label = f"Sequence diagram of GLPI 10.0, scenario “A demo”. {VERDICT}"
    assert root.get("aria-label") == label and root.find(f"{SVG}title").text == label
    assert (root.get("data-scenario"), root.get("data-glpi-version"), root.get("role")) == ("demo", "10.0", "img")


def test_description_says_every_step_and_arrow_in_words():
    assert describe(RUN, summarize(RUN)).splitlines() == [
        "1. ✓ The key checker reads your key, ok: Admin's browser to Admin's browser: reads the key (pasted).",
        "2. ✗ GLPI asks GLPI Network about the key — goes wrong here, error: GLPI server to GLPI Network: "
        "GET /api/registration/info (X-Registration-Key); GLPI Network to GLPI server: 200 OK "
        "(is_valid: false) — fails.",
        "3. ! GLPI saves the key, warning: GLPI server to GLPI database: UPDATE glpi_configs — fails.",
        "4. ✗ The Marketplace decides whether the plugin can be downloaded — GLPI stops here, error: "
        "Admin's browser to GLPI server: a label of fifty characters, pushed in from the left; GLPI "
        "Network to Plugin host: a label of fifty characters, pushed in from the right (and a note long "
        "enough to be pushed in too); GLPI server to GLPI server: loop fails — fails.",
        "5. – The Marketplace fetches the offer names (not reached), skipped: GLPI server to GLPI "
        "Network: GET /api/registration/offers — fails.",
    ]
    assert ET.fromstring(sequence_diagram(RUN)).find(f"{SVG}desc").text == describe(RUN, summarize(RUN))


def test_lanes_steps_arrows_and_labels_sit_where_a_reader_sees_them():
    root = ET.fromstring(sequence_diagram(RUN))
    assert [element_lines(group) for group in root.findall(f"{SVG}g")] == EXPECTED_GROUPS


def test_no_stray_characters_between_the_elements():
    root = ET.fromstring(sequence_diagram(RUN))
    for node in root.iter():
        assert not (node.tail or "").strip(), node.tag
        if node.tag not in (f"{SVG}text", f"{SVG}title", f"{SVG}desc"):
            assert not (node.text or "").strip(), node.tag


def test_a_step_where_it_goes_wrong_and_glpi_stops_says_both():
    steps = (Step("save-key", "ok", "e"), Step("decrypt-key", "error", "e", fix="F"),
             Step("cache", "skipped", "e"))
    run = SimulationRun("d", "D", "11.0", "11.0.8", steps, Outcome("error", "x", ""), "troubleshooting/index.md", "")
    root = ET.fromstring(sequence_diagram(run))
    groups = [g for g in root.findall(f"{SVG}g") if "kc-d-step" in g.get("class")]
    assert [g.get("class") for g in groups] == [
        "kc-d-step kc-d-step--ok", "kc-d-step kc-d-step--error kc-d-step--failing kc-d-step--stop",
        "kc-d-step kc-d-step--skipped"]
    captions = [g.find(f"{SVG}text").text for g in groups]
    assert captions[1] == "2. ✗ GLPI decrypts the stored key — goes wrong here and GLPI stops here"
    # The steps draw their usual routes; no plugin host is reached, so five lanes.
    assert lanes_of(run) == ["admin", "glpi", "database", "keyfile", "network"]
    assert root.get("viewBox").split()[2] == "636"


EXPECTED_GROUPS = [
    [
        'g class=kc-d-lane data-lane=admin',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=12.0 y=4',
        "text font-size=11 font-weight=bold text-anchor=middle x=70.0 y=22 | Admin's browser",
        'text font-size=9 text-anchor=middle x=70.0 y=36 | or console',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=70.0 x2=70.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-lane data-lane=glpi',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=136.0 y=4',
        'text font-size=11 font-weight=bold text-anchor=middle x=194.0 y=29 | GLPI server',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=194.0 x2=194.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-lane data-lane=database',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=260.0 y=4',
        'text font-size=11 font-weight=bold text-anchor=middle x=318.0 y=22 | GLPI database',
        'text font-size=9 text-anchor=middle x=318.0 y=36 | glpi_configs',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=318.0 x2=318.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-lane data-lane=keyfile',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=384.0 y=4',
        'text font-size=11 font-weight=bold text-anchor=middle x=442.0 y=22 | glpicrypt.key',
        'text font-size=9 text-anchor=middle x=442.0 y=36 | config/',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=442.0 x2=442.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-lane data-lane=network',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=508.0 y=4',
        'text font-size=11 font-weight=bold text-anchor=middle x=566.0 y=22 | GLPI Network',
        'text font-size=9 text-anchor=middle x=566.0 y=36 | services.glpi-network.com',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=566.0 x2=566.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-lane data-lane=plugins',
        'rect fill=none height=40 rx=4 stroke=currentColor stroke-width=1.2 width=116 x=632.0 y=4',
        'text font-size=11 font-weight=bold text-anchor=middle x=690.0 y=22 | Plugin host',
        'text font-size=9 text-anchor=middle x=690.0 y=36 | download_url',
        'line class=kc-d-lifeline opacity=0.4 stroke=currentColor stroke-dasharray=3 4 stroke-width=1 x1=690.0 x2=690.0 y1=44 y2=452',
    ],
    [
        'g class=kc-d-step kc-d-step--ok data-step=check-key',
        'text class=kc-d-caption font-size=11 x=8 y=71 | 1. ✓ The key checker reads your key',
        'g class=kc-d-message',
        'path d=M70.0 90.0 h22 v10 h-16 fill=none stroke=currentColor stroke-width=1.2',
        'path d=M76.0 100.0 L84.0 96.0 L84.0 104.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 x=98.0 y=94.0 | reads the key',
        'text class=kc-d-note font-size=9.5 x=98.0 y=106.0 | pasted',
    ],
    [
        'g class=kc-d-step kc-d-step--error kc-d-step--failing data-step=registration-info',
        'text class=kc-d-caption font-size=11 font-weight=bold x=8 y=129 | 2. ✗ GLPI asks GLPI Network about the key — goes wrong here',
        'g class=kc-d-message',
        'line stroke=currentColor stroke-width=1.2 x1=194.0 x2=559.0 y1=152.0 y2=152.0',
        'path d=M566.0 152.0 L558.0 148.0 L558.0 156.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=380.0 y=147.0 | GET /api/registration/info',
        'text class=kc-d-note font-size=9.5 text-anchor=middle x=380.0 y=164.0 | X-Registration-Key',
        'g class=kc-d-message kc-d-fail',
        'line stroke=currentColor stroke-dasharray=6 4 stroke-width=2.5 x1=566.0 x2=201.0 y1=186.0 y2=186.0',
        'path d=M194.0 186.0 L202.0 182.0 L202.0 190.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=380.0 y=181.0 | ✗ 200 OK',
        'text class=kc-d-note font-size=9.5 text-anchor=middle x=380.0 y=198.0 | is_valid: false',
    ],
    [
        'g class=kc-d-step kc-d-step--warning data-step=save-key',
        'text class=kc-d-caption font-size=11 font-weight=bold x=8 y=221 | 3. ! GLPI saves the key',
        'g class=kc-d-message kc-d-fail',
        'line stroke=currentColor stroke-dasharray=6 4 stroke-width=2.5 x1=194.0 x2=311.0 y1=244.0 y2=244.0',
        'path d=M318.0 244.0 L310.0 240.0 L310.0 248.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=256.0 y=239.0 | ! UPDATE glpi_configs',
    ],
    [
        'g class=kc-d-step kc-d-step--error kc-d-step--stop data-step=plugin-access',
        'text class=kc-d-caption font-size=11 font-weight=bold x=8 y=279 | 4. ✗ The Marketplace decides whether the plugin can be downloaded — GLPI stops here',
        'g class=kc-d-message',
        'line stroke=currentColor stroke-width=1.2 x1=70.0 x2=187.0 y1=302.0 y2=302.0',
        'path d=M194.0 302.0 L186.0 298.0 L186.0 306.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=166.6 y=297.0 | a label of fifty characters, pushed in from the left',
        'g class=kc-d-message',
        'line stroke=currentColor stroke-width=1.2 x1=566.0 x2=683.0 y1=336.0 y2=336.0',
        'path d=M690.0 336.0 L682.0 332.0 L682.0 340.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=590.4 y=331.0 | a label of fifty characters, pushed in from the right',
        'text class=kc-d-note font-size=9.5 text-anchor=middle x=623.9 y=348.0 | and a note long enough to be pushed in too',
        'g class=kc-d-message kc-d-fail',
        'path d=M194.0 366.0 h22 v10 h-16 fill=none stroke=currentColor stroke-dasharray=6 4 stroke-width=2.5',
        'path d=M200.0 376.0 L208.0 372.0 L208.0 380.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 x=222.0 y=370.0 | ✗ loop fails',
    ],
    [
        'g class=kc-d-step kc-d-step--skipped data-step=offers opacity=0.45',
        'text class=kc-d-caption font-size=11 x=8 y=405 | 5. – The Marketplace fetches the offer names (not reached)',
        'g class=kc-d-message',
        'line stroke=currentColor stroke-dasharray=2 3 stroke-width=1 x1=194.0 x2=559.0 y1=428.0 y2=428.0',
        'path d=M566.0 428.0 L558.0 424.0 L558.0 432.0 Z fill=currentColor stroke=none',
        'text class=kc-d-label font-size=11 text-anchor=middle x=380.0 y=423.0 | GET /api/registration/offers',
    ],
]
