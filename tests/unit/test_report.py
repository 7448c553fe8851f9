"""The one report shape the CLI's JSON, the browser and the shared report read, member by member."""

from __future__ import annotations

import pytest

from checker.findings import spec
from checker.report import KIND_LABELS, KINDS, Finding, Report, status_from


def test_a_finding_as_json_links_site_pages():
    finding = spec("decrypt-failed").finding("The tag does not match.")
    assert finding.to_dict() == {
        "code": "decrypt-failed",
        "severity": "error",
        "title": "This key does not decrypt this value",
        "detail": "The tag does not match.",
        "fix": spec("decrypt-failed").fix,
        "show_fix": True,
        "doc": "reference/findings/#decrypt-failed",
        "explanation": spec("decrypt-failed").explanation,
        "see_also": ["troubleshooting/unable-to-decrypt/", "howto/move-glpicrypt-key/"],
    }


def test_a_finding_made_by_hand_has_no_explanation_or_pages_and_shows_its_fix():
    finding = Finding(code="c", severity="info", title="T", detail="D", fix="F", doc="")
    assert finding.to_dict() == {"code": "c", "severity": "info", "title": "T", "detail": "D", "fix": "F",
                                 "show_fix": True, "doc": "", "explanation": "", "see_also": []}


def test_a_report_as_json_says_what_the_input_is_in_words():
    quotes = spec("paste-quotes").finding("Straight double quotes at both ends.")
    report = Report("registration-key", "warning", normalized="QUJD", findings=[quotes],
                    fields={"email": "admin@example.org"}, headline="A registration key, repaired.")
    assert report.to_dict() == {
        "kind": "registration-key",
        "label": "a GLPI Network registration key",
        "status": "warning",
        "headline": "A registration key, repaired.",
        "normalized": "QUJD",
        "findings": [quotes.to_dict()],
        "fields": {"email": "admin@example.org"},
    }
    assert report.codes() == ["paste-quotes"]


def test_an_empty_report_has_no_findings_fields_or_headline():
    report = Report("empty", "error")
    assert report.to_dict() == {"kind": "empty", "label": "nothing", "status": "error", "headline": "",
                                "normalized": None, "findings": [], "fields": None}
    assert report.codes() == []


def test_every_kind_has_a_label_and_an_unknown_kind_shows_its_name():
    assert set(KIND_LABELS) == set(KINDS)
    assert Report("glpicrypt-key", "error").label == (
        "glpicrypt.key material (GLPI's encryption key, not a registration key)")
    assert Report("not-a-kind", "error").label == "not-a-kind"  # type: ignore[arg-type]


def finding(severity):
    return Finding(code=f"some-{severity}", severity=severity, title="T", detail="D", fix="F", doc="")


@pytest.mark.parametrize(("severities", "well_formed", "status"), [
    ([], True, "ok"),
    (["info"], True, "ok"),
    (["info", "warning"], True, "warning"),
    (["warning", "error"], True, "error"),
    (["error"], True, "error"),
    ([], False, "error"),               # not well formed: an error even with nothing to say
    (["warning"], False, "error"),
])
def test_the_status_is_the_worst_finding_and_ok_only_for_a_well_formed_key(severities, well_formed, status):
    assert status_from([finding(s) for s in severities], well_formed=well_formed) == status
