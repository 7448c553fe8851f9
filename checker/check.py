"""`check`: one verdict on whatever was pasted or read. Pure: text or bytes in, a Report out.

The report carries its headline, so the CLI and the page say the same words.
"""

from __future__ import annotations

import re

from .base64_strict import php_strict_decode
from .findings import spec
from .glpi_recognise import may_hold_message
from .identify import binary_shape, key_vs_keyfile, lookalike_finding, prose_finding, text_shape
from .limits import MAX_INPUT
from .paste_repair import KEY_START, Repaired, repair
from .registration_key import check_format
from .report import Finding, Report, status_from

__all__ = ["check", "headline"]

BINARY_MARKERS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KEY_HEADLINES = {
    "ok": "Well-formed GLPI Network registration key.",
    "warning": "Well-formed once repaired: use the repaired key below.",
    "error": "A damaged registration key: it cannot work as pasted.",
}
REFUSED = ("input-too-long", "input-binary")  # inputs the checker would not read
# Repairs that speak of "the key": wrong about ordinary text, where nothing was a key.
KEY_ONLY_REPAIRS = {"paste-label", "paste-quotes", "paste-line-breaks", "paste-surrounding-whitespace"}


def check(value: str | bytes | bytearray) -> Report:
    report = _check(value)
    report.headline = headline(report)
    return report


def headline(report: Report) -> str:
    """The verdict in one sentence: what the input is, and whether it can work."""
    if report.kind == "registration-key":
        return KEY_HEADLINES[report.status]
    if report.kind == "empty":
        return "Nothing to check: the input is empty."
    if report.kind == "glpi-message":
        count = len(report.fields["messages"]) if report.fields else 0
        return (f"{count} of GLPI's messages: each one's cause and page below." if count > 1
                else f"GLPI's message: {report.findings[0].title}.")
    refused = next((f for f in report.findings if f.code in REFUSED), None)
    if refused:  # say why it was not read, not what it might be
        return f"Not read: {refused.title.lower()}."
    return f"Not a registration key: this is {report.label}."


def _check(value: str | bytes | bytearray) -> Report:
    if isinstance(value, (bytes, bytearray)):
        if len(value) > MAX_INPUT:
            return _too_long(len(value), "bytes")
        data = bytes(value)
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError:
            return _binary(data)
        if _binary_read_as_text(value):  # valid UTF-8 can still be a binary file (a raw key)
            return _binary(data)
    if len(value) > MAX_INPUT:
        return _too_long(len(value), "characters")
    return _check_text(value)


def _too_long(size: int, unit: str) -> Report:
    finding = spec("input-too-long").finding(
        f"{size:,} {unit}; the checker reads at most {MAX_INPUT:,}.")
    return Report("unknown", "error", findings=[finding])


def _binary(data: bytes) -> Report:
    shape = binary_shape(data, "Read")
    if shape and shape[0] == "glpicrypt-key":
        return Report("glpicrypt-key", "error", findings=[shape[1], key_vs_keyfile()])
    finding = spec("input-binary").finding(f"{len(data)} bytes of binary data, not text.")
    return Report("unknown", "error", findings=[finding])


def _check_text(text: str) -> Report:
    binary = _binary_read_as_text(text)
    if binary:
        return Report("unknown", "error", findings=[binary])
    if may_hold_message(text):  # GLPI's own message pasted, in any language it ships
        from .message_report import message_report

        message = message_report(text)
        if message:
            return message
    repaired = repair(text)
    candidate = repaired.text
    if not candidate:
        empty = spec("identified-empty").finding(
            "Nothing left once whitespace was removed." if text else "The input is empty.")
        pasted = [f for f in _pasted(repaired, "empty") if f.severity != "info"]
        return Report("empty", "error", findings=pasted + [empty])

    # A key's pieces start with "eyJ", whatever its wrap width: never read as words.
    prose = None if candidate.startswith(KEY_START) else prose_finding(repaired.pieces)
    if prose:  # words, not a damaged key: no repair applies, and "several values" would mislead
        findings = [f for f in _pasted(repaired, "unknown") if f.code not in KEY_ONLY_REPAIRS]
        return Report("unknown", "error", findings=findings + [prose])

    lookalike = lookalike_finding(candidate)
    if lookalike:
        kind = "registration-key" if candidate.startswith(KEY_START) else "unknown"
        return Report(kind, "error", findings=_pasted(repaired, kind) + [lookalike])

    shape = text_shape(repaired.joined, repaired.labels)
    if shape:
        kind, finding = shape
        extra = [key_vs_keyfile()] if kind == "glpicrypt-key" else []
        return Report(kind, "error", findings=_pasted(repaired, kind) + [finding] + extra)

    decoded = php_strict_decode(candidate)
    key = check_format(candidate, decoded)
    if key.well_formed and not repaired.ambiguous:
        findings = _pasted(repaired, "registration-key") + key.findings
        status = status_from(findings, well_formed=True)
        return Report("registration-key", status, normalized=candidate, findings=findings,
                      fields=key.fields)

    if len(repaired.pieces) > 1 and not key.well_formed:
        kind = _kind_of_damaged(candidate, key.decoded)
        findings = [f for f in _pasted(repaired, kind) if f.code != "paste-line-breaks"]
        findings.append(spec("paste-several-values").finding(
            f"{len(repaired.pieces)} values separated by whitespace; joined, they do not decode "
            "to a registration key."))
        return Report(kind, "error", findings=findings)

    if isinstance(decoded, bytes) and key.document is None and not _looks_like_json(decoded):
        shape = binary_shape(decoded, "Decodes from base64 to")
        if shape:
            kind, finding = shape
            return Report(kind, "error",
                          findings=_pasted(repaired, kind) + [finding, key_vs_keyfile()])

    kind = _kind_of_damaged(candidate, key.decoded)
    findings = _pasted(repaired, kind)
    if kind == "unknown":
        findings.append(spec("identified-unknown").finding(
            f"{len(candidate)} characters that match no GLPI secret's shape."))
    return Report(kind, "error", findings=findings + key.findings,
                  fields=key.fields if kind == "registration-key" else None)


def _pasted(repaired: Repaired, kind: str) -> list[Finding]:
    """The paste repairs to report: alphabet and padding ones only for a registration key."""
    return repaired.findings + (repaired.key_repairs if kind == "registration-key" else [])


def _binary_read_as_text(text: str) -> Finding | None:
    """A binary file pasted or read as text: NUL and other control bytes, or U+FFFD where a
    decoder met bytes that are not UTF-8. Terminal colour codes alone are not binary."""
    if (text.isascii() and text.isprintable()) or not BINARY_MARKERS.search(text):
        return None
    markers = BINARY_MARKERS.findall(ANSI_ESCAPE.sub("", text))
    if not markers:
        return None
    replaced = markers.count("\ufffd")
    return spec("input-binary").finding(
        f"{len(markers) - replaced} control character(s) and {replaced} U+FFFD replacement "
        f"character(s) in {len(text)} characters: a binary file read as text.")


def _looks_like_json(decoded: bytes) -> bool:
    return decoded.lstrip()[:1] in (b"{", b"[", b'"')


def _kind_of_damaged(candidate: str, decoded: bytes | None) -> str:
    """A damaged registration key is still a registration key: say so, with what is wrong."""
    if candidate.startswith(KEY_START) or (decoded is not None and _looks_like_json(decoded)):
        return "registration-key"
    return "unknown"
