"""A run as a sequence diagram: an SVG string, drawn from the run's own steps and messages.

Pure: the same function runs in the browser (the bridge returns its result with the run) and
at build time (the explanation pages), so the picture and the timeline cannot disagree. No
colour of its own: strokes and text are `currentColor`, and checker.css gives the classes the
site's palette, so light, dark and print all work. Failures are marked by more than colour: a
✗ in the label, a thick dashed line, and the words "goes wrong here" on the step. Skipped
steps are faded and say "not reached".

Every text goes through `_text()`: control characters made visible, then XML-escaped. Labels
hold paths, headers and statuses only (never a value), so no key can reach the picture.
"""

from __future__ import annotations

from html import escape

from ..share import escape_controls
from .lanes import LANES, OPTIONAL_LANES, Message
from .steps import SimulationRun, Step
from .summary import Summary, summarize

MARGIN = 8
LANE_WIDTH = 124
HEADER = 48  # lane boxes
CAPTION = 18  # a step's title line
ROW = 34  # one message: label, arrow, note
GAP = 6  # after each step
CHAR = 6.1  # average width of a character at the label size, to keep labels inside the picture
MARKS = {"error": "✗", "warning": "!", "ok": "✓", "skipped": "–"}


def _text(value: str) -> str:
    """Text for an SVG element: visible control characters, XML-escaped."""
    return escape(escape_controls(value), quote=False)


def _attr(value: str) -> str:
    # html, not xml.sax.saxutils: that one imports urllib.request, http.client and email,
    # which the browser's memory snapshot would then carry (about 0.4 MB more to download).
    return '"' + escape(escape_controls(value), quote=False).replace('"', "&quot;") + '"'


def lanes_of(run: SimulationRun) -> list[str]:
    """Every fixed lane, and an optional one (the plugin host) only when a message reaches it."""
    used = {lane for step in run.steps for message in step.messages
            for lane in (message.source, message.target)}
    return [lane for lane in LANES if lane not in OPTIONAL_LANES or lane in used]


def _centre(lanes: list[str], lane: str) -> float:
    return MARGIN + LANE_WIDTH * (lanes.index(lane) + 0.5)


def _label_x(x: float, text: str, width: float) -> float:
    """Centre a label on x, moved inward so it stays inside the picture."""
    half = len(text) * CHAR / 2
    return max(MARGIN + half, min(width - MARGIN - half, x))


def _message(lanes: list[str], message: Message, y: float, width: float, step: Step) -> list[str]:
    cls = ["kc-d-message"]
    label = message.label
    if message.fails and step.status != "skipped":
        cls.append("kc-d-fail")
        label = f"{MARKS['error'] if step.status == 'error' else MARKS['warning']} {label}"
    dash = ' stroke-dasharray="6 4" stroke-width="2.5"' if "kc-d-fail" in cls else ' stroke-width="1.2"'
    if step.status == "skipped":
        dash = ' stroke-dasharray="2 3" stroke-width="1"'
    x1, x2 = _centre(lanes, message.source), _centre(lanes, message.target)
    line_y = y + 18
    out = [f'<g class="{" ".join(cls)}">']
    if x1 == x2:  # a party acting on its own: a small loop
        out.append(f'<path d="M{x1:.1f} {line_y - 4:.1f} h22 v10 h-16" fill="none" '
                   f'stroke="currentColor"{dash}/>')
        out.append(_head(x1 + 6, line_y + 6, -1))
        anchor_x = x1 + 28
        out.append(f'<text class="kc-d-label" x="{anchor_x:.1f}" y="{line_y:.1f}" '
                   f'font-size="11">{_text(label)}</text>')
        if message.note:
            out.append(f'<text class="kc-d-note" x="{anchor_x:.1f}" y="{line_y + 12:.1f}" '
                       f'font-size="9.5">{_text(message.note)}</text>')
        out.append("</g>")
        return out
    direction = 1 if x2 > x1 else -1
    out.append(f'<line x1="{x1:.1f}" y1="{line_y:.1f}" x2="{x2 - direction * 7:.1f}" '
               f'y2="{line_y:.1f}" stroke="currentColor"{dash}/>')
    out.append(_head(x2, line_y, direction))
    middle = (x1 + x2) / 2
    out.append(f'<text class="kc-d-label" x="{_label_x(middle, label, width):.1f}" y="{line_y - 5:.1f}" '
               f'text-anchor="middle" font-size="11">{_text(label)}</text>')
    if message.note:
        out.append(f'<text class="kc-d-note" x="{_label_x(middle, message.note, width):.1f}" '
                   f'y="{line_y + 12:.1f}" text-anchor="middle" font-size="9.5">'
                   f'{_text(message.note)}</text>')
    out.append("</g>")
    return out


def _head(x: float, y: float, direction: int) -> str:
    """An arrowhead pointing at x (drawn, not a <marker>: marker ids would clash when a page
    holds several diagrams)."""
    back = x - direction * 8
    return (f'<path d="M{x:.1f} {y:.1f} L{back:.1f} {y - 4:.1f} L{back:.1f} {y + 4:.1f} Z" '
            'fill="currentColor" stroke="none"/>')


def _caption(number: int, step: Step, summary: Summary) -> str:
    failing = summary.failing_step and summary.failing_step.number == number
    stops = summary.stops_at and summary.stops_at.number == number
    words = [f"{number}. {MARKS[step.status]} {step.title}"]
    if step.status == "skipped":
        words.append("(not reached)")
    if failing:
        words.append("— goes wrong here")
    if stops:
        words.append("— GLPI stops here" if not failing else "and GLPI stops here")
    return " ".join(words)


def describe(run: SimulationRun, summary: Summary) -> str:
    """The picture in words, for the SVG's <desc>: every step and every arrow."""
    lines = []
    for number, step in enumerate(run.steps, 1):
        arrows = "; ".join(
            f"{LANES[m.source][0]} to {LANES[m.target][0]}: {m.label}"
            + (f" ({m.note})" if m.note else "") + (" — fails" if m.fails else "")
            for m in step.messages)
        lines.append(f"{_caption(number, step, summary)}, {step.status}: {arrows}.")
    return "\n".join(lines)


def sequence_diagram(run: SimulationRun, summary: Summary | None = None) -> str:
    """The SVG markup of `run` as a sequence diagram (a string, no XML declaration)."""
    summary = summary or summarize(run)
    lanes = lanes_of(run)
    width = MARGIN * 2 + LANE_WIDTH * len(lanes)
    body: list[str] = []
    y = HEADER + 10
    for number, step in enumerate(run.steps, 1):
        classes = f"kc-d-step kc-d-step--{step.status}"
        if summary.failing_step and summary.failing_step.number == number:
            classes += " kc-d-step--failing"
        if summary.stops_at and summary.stops_at.number == number:
            classes += " kc-d-step--stop"
        opacity = ' opacity="0.45"' if step.status == "skipped" else ""
        body.append(f'<g class="{classes}" data-step={_attr(step.name)}{opacity}>')
        weight = ' font-weight="bold"' if step.status in ("error", "warning") else ""
        body.append(f'<text class="kc-d-caption" x="{MARGIN}" y="{y + 13}" font-size="11"{weight}>'
                    f'{_text(_caption(number, step, summary))}</text>')
        y += CAPTION
        for message in step.messages:
            body += _message(lanes, message, y, width, step)
            y += ROW
        body.append("</g>")
        y += GAP
    height = y + 4
    head: list[str] = []
    for lane in lanes:
        x = _centre(lanes, lane)
        title, sub = LANES[lane]
        head.append(f'<g class="kc-d-lane" data-lane={_attr(lane)}>')
        head.append(f'<rect x="{x - LANE_WIDTH / 2 + 4:.1f}" y="4" width="{LANE_WIDTH - 8}" height="{HEADER - 8}" '
                    'rx="4" fill="none" stroke="currentColor" stroke-width="1.2"/>')
        head.append(f'<text x="{x:.1f}" y="{22 if sub else 29}" text-anchor="middle" font-size="11" '
                    f'font-weight="bold">{_text(title)}</text>')
        if sub:
            head.append(f'<text x="{x:.1f}" y="36" text-anchor="middle" font-size="9">{_text(sub)}</text>')
        head.append(f'<line class="kc-d-lifeline" x1="{x:.1f}" y1="{HEADER - 4}" x2="{x:.1f}" y2="{height - 2}" '
                    'stroke="currentColor" stroke-width="1" stroke-dasharray="3 4" opacity="0.4"/>')
        head.append("</g>")
    label = (f"Sequence diagram of GLPI {run.glpi_version}, scenario “{run.title}”. "
             f"{summary.verdict}")
    return "".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kc-diagram" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label={_attr(label)} data-scenario={_attr(run.scenario)} '
        f'data-glpi-version={_attr(run.glpi_version)} font-family="sans-serif" fill="currentColor">',
        f"<title>{_text(label)}</title>",
        f"<desc>{chr(10).join(_text(line) for line in describe(run, summary).splitlines())}</desc>",
        *head, *body, "</svg>"])
