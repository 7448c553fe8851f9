"""The findings catalogue: how a finding is defined, instantiated and chosen for GLPI's messages.

The catalogue is built when checker.findings is imported; the rules it is built by (`_define`,
`_glpi_cause`) are checked here on a scratch catalogue, so that the real one is left as it is.
"""

from __future__ import annotations

import pytest

from checker import findings
from checker.findings import CATALOGUE, glpi_message_cause, spec


@pytest.fixture
def scratch_catalogue(monkeypatch):
    catalogue: dict[str, findings.FindingSpec] = {}
    monkeypatch.setattr(findings, "CATALOGUE", catalogue)
    return catalogue


def define(code="sample-finding", severity="warning", group="paste", **options):
    return findings._define(code, severity, group, "Title", "Explanation.", "Fix it.", **options)


def test_a_defined_finding_keeps_every_field_and_enters_the_catalogue(scratch_catalogue):
    made = define(see_also=("howto/set-key-cli.md",), sources=("https://example.org/src",))
    assert scratch_catalogue == {"sample-finding": made}
    assert (made.code, made.severity, made.group, made.title, made.explanation, made.fix) == (
        "sample-finding", "warning", "paste", "Title", "Explanation.", "Fix it.")
    assert made.see_also == ("howto/set-key-cli.md",)
    assert made.sources == ("https://example.org/src",)
    assert made.doc == "reference/findings.md#sample-finding"


@pytest.mark.parametrize(("severity", "show_fix", "shown"), [
    ("error", None, True),
    ("warning", None, True),
    ("info", None, False),        # a fact needs no action
    ("info", True, True),         # unless the catalogue says its fix is the next step
    ("error", False, False),
])
def test_a_fix_is_shown_unless_the_finding_is_information(scratch_catalogue, severity, show_fix, shown):
    assert define(severity=severity, show_fix=show_fix).show_fix is shown


def test_the_real_catalogue_shows_fixes_by_severity():
    assert spec("key-signature").show_fix is False
    assert spec("paste-surrounding-whitespace").show_fix is False
    assert spec("key-well-formed").show_fix is True
    assert spec("paste-quotes").show_fix is True
    assert spec("decrypt-failed").show_fix is True


def test_a_code_is_defined_once(monkeypatch):
    catalogue = dict(CATALOGUE)
    monkeypatch.setattr(findings, "CATALOGUE", catalogue)
    with pytest.raises(AssertionError, match="paste-quotes"):
        define(code="paste-quotes")
    assert catalogue["paste-quotes"].title == "Quotes around the key"


def test_a_finding_belongs_to_a_known_group_and_links_docs_pages(scratch_catalogue):
    with pytest.raises(AssertionError, match="nowhere"):
        define(group="nowhere")
    with pytest.raises(AssertionError, match="sample-finding"):
        define(see_also=("https://example.org/page",))
    assert scratch_catalogue == {}


def test_a_glpi_cause_is_a_glpi_finding_explained_on_its_page(scratch_catalogue):
    made = findings._glpi_cause("glpi-message-sample", "error", "troubleshooting/key-invalid.md",
                                "Title", "Explanation.", "Fix it.")
    assert scratch_catalogue == {"glpi-message-sample": made}
    assert (made.code, made.severity, made.group, made.title, made.explanation, made.fix) == (
        "glpi-message-sample", "error", "glpi", "Title", "Explanation.", "Fix it.")
    assert made.see_also == ("troubleshooting/key-invalid.md",)
    assert made.show_fix is True


def test_an_instance_carries_the_catalogue_entry_and_this_input_detail():
    finding = spec("decrypt-failed").finding("tag mismatch")
    assert finding.code == "decrypt-failed"
    assert finding.severity == "error"
    assert finding.detail == "tag mismatch"
    assert finding.fix == spec("decrypt-failed").fix
    assert finding.doc == "reference/findings.md#decrypt-failed"
    assert finding.see_also == ("troubleshooting/unable-to-decrypt.md", "howto/move-glpicrypt-key.md")
    assert finding.show_fix is True
    assert finding.to_dict()["see_also"] == ["troubleshooting/unable-to-decrypt/", "howto/move-glpicrypt-key/"]


def test_an_information_instance_hides_its_fix():
    finding = spec("key-signature").finding("256 bytes")
    assert finding.show_fix is False
    assert finding.to_dict()["show_fix"] is False


def test_an_instance_may_name_its_own_fix_and_page():
    finding = spec("paste-quotes").finding("“…”", fix="Remove them.", doc="howto/set-key-cli.md")
    assert (finding.fix, finding.doc) == ("Remove them.", "howto/set-key-cli.md")
    assert finding.to_dict()["doc"] == "howto/set-key-cli/"


def test_a_glpi_message_names_the_cause_of_its_page_or_a_narrower_one():
    assert glpi_message_cause("anything", "troubleshooting/key-invalid.md").code == "glpi-message-key-invalid"
    assert glpi_message_cause("registration-key-valid", "tutorials/register.md").code == "glpi-message-key-valid"
    # The page's own cause, not the narrower causes that share its page.
    assert glpi_message_cause("other", "tutorials/register.md").code == "glpi-message-registration"


def test_a_cause_is_found_by_its_first_page(scratch_catalogue):
    findings._define("glpi-message-two-pages", "error", "glpi", "Title", "Explanation.", "Fix it.",
                     see_also=("troubleshooting/key-invalid.md", "howto/set-key-cli.md"))
    assert glpi_message_cause("some-id", "troubleshooting/key-invalid.md").code == "glpi-message-two-pages"
    with pytest.raises(KeyError):
        glpi_message_cause("some-id", "howto/set-key-cli.md")


def test_a_message_without_a_cause_is_refused_by_name():
    with pytest.raises(KeyError, match=r"no finding for GLPI's message mystery-id \(howto/nowhere.md\)"):
        glpi_message_cause("mystery-id", "howto/nowhere.md")
