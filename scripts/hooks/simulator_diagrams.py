"""MkDocs hook: the simulator's sequence diagrams in the pages, drawn at build time.

A page asks for one with a marker on a line of its own:

    <!-- simulator-diagram: key-regenerated 11.0 -->

and gets the SVG that `checker.simulation.diagram.sequence_diagram` draws for that scenario and
GLPI version: the same Python the simulator runs in the browser, so the picture and the
simulator cannot disagree. A marker naming an unknown scenario or version fails the build.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

MARKER = re.compile(r"<!--\s*simulator-diagram:\s*(\S+)\s+(\S+)\s*-->")


def on_config(config):
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return config


def figure(scenario: str, version: str, page_url: str = "") -> str:
    from checker.simulation import simulate
    from checker.simulation.diagram import sequence_diagram
    from checker.simulation.summary import summarize

    try:
        run = simulate(scenario, version)
    except ValueError as error:
        raise PluginError(f"simulator_diagrams: {error}") from None
    summary = summarize(run)
    reference = get_relative_url(f"reference/scenarios/#{scenario}", page_url) if page_url else ""
    name = (f'<a href="{html.escape(reference)}">{html.escape(run.title)}</a>' if reference
            else html.escape(run.title))
    # data-search-exclude: the search index would glue the SVG's labels into words
    # ("keyPOST", "keySELECT") that matched every question typed with "key" in it.
    return (f'<figure class="kc-sim-diagram" data-simulator-diagram="{html.escape(scenario)}" tabindex="0" '
            'data-search-exclude>'
            f"{sequence_diagram(run, summary)}"
            f"<figcaption>The simulator's scenario {name}, GLPI {html.escape(version)}: "
            f"{html.escape(summary.verdict)} ✗ and a thick dashed arrow mark where it goes "
            "wrong; faded steps are not reached.</figcaption></figure>")


def on_page_content(content: str, page, config, files) -> str:
    return MARKER.sub(lambda match: figure(match.group(1), match.group(2), page.url), content)
