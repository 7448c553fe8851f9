"""The first step of a run with the admin's own key: what the key checker says about it, word
for word, with the first problem's fix and page, before GLPI's side is played with the key
exactly as pasted. Pure: also runs in Pyodide."""

import pytest

from checker.check import check
from checker.simulation import simulate
from checker.simulation.lanes import Message

KEY = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="  # {"owner":"x","signature":"c2ln"}
ENDING = ("GLPI itself never checks a key: it stores and sends what it is given, and only GLPI "
          "Network judges it. The run goes on with your key exactly as pasted.")


def check_key_step(key, version="10.0"):
    return simulate("my-key", version, key).step("check-key")


def test_a_well_formed_key():
    step = check_key_step(KEY)
    assert step.status == "ok"
    assert step.explanation == ("The key checker reads what you pasted: a well-formed registration key "
                                f"(kind: registration-key; no problem found). {ENDING}")
    assert step.detail == "44 characters, starting eyJvd2…[redacted, 44 characters]"
    assert (step.fix, step.doc) == ("", "")
    assert step.messages == (Message("admin", "admin", "glpi-keycheck reads the pasted key", "registration-key"),)


def test_a_key_that_needs_repair_names_the_problem_with_its_fix_and_page():
    key = '"' + KEY + '"'
    finding = next(f for f in check(key).findings if f.severity != "info")
    step = check_key_step(key, "11.0")
    assert step.status == "warning"
    assert step.explanation == ("The key checker reads what you pasted: a well-formed registration key once "
                                f"repaired (kind: registration-key; Quotes around the key). {ENDING}")
    assert step.detail == '46 characters, starting "eyJvd…[redacted, 46 characters]'
    assert (step.fix, step.doc) == (finding.fix, finding.doc) and step.fix
    assert step.messages == (Message("admin", "admin", "glpi-keycheck reads the pasted key", "registration-key",
                                     fails=True),)


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_text_that_is_no_key_is_an_error_with_the_checkers_titles(version):
    report = check("not a key")
    problems = [f for f in report.findings if f.severity != "info"]
    step = check_key_step("not a key", version)
    assert step.status == "error"
    assert step.explanation == ("The key checker reads what you pasted: not a usable registration key (kind: "
                                f"unknown; {'; '.join(f.title for f in problems)}). {ENDING}")
    assert step.detail == "9 characters, starting not a …[redacted, 9 characters]"
    assert (step.fix, step.doc) == (problems[0].fix, problems[0].doc)
    assert step.messages == (Message("admin", "admin", "glpi-keycheck reads the pasted key", "unknown",
                                     fails=True),)


def test_information_only_findings_are_no_problem():
    key = " " + KEY + "\n"  # whitespace around the key: only an info for the checker
    assert any(f.severity == "info" and "around" in f.title for f in check(key).findings)
    step = check_key_step(key)
    assert step.status == "ok" and "; no problem found)" in step.explanation and step.fix == ""
