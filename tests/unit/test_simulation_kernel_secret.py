"""GLPI 11's kernel.secret failure (reported in GLPI issues #22076 and #23757): a valid key file Symfony misreads.

Reported in open issues #22076 and #23757, not confirmed: the run must say so, show GLPI's words,
stop everything after the kernel, and never show a byte of the key. Pure: also runs in Pyodide.
"""

import base64
import json
import re

import pytest

from checker.cli.simulate_cmd import render_run
from checker import glpi_texts as glpi_messages
from checker.keyfile import inspect_keyfile, symfony_parameter_references
from checker import glpi_texts as texts
from checker.simulation import SCENARIOS, simulate
from checker.simulation.world import KERNEL_SECRET_DEMO_KEY, KEYFILE_PATH

SCENARIO = "keyfile-kernel-secret"
A_WELL_FORMED_KEY = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="


def run(key=None):
    return simulate(SCENARIO, "11.0", key)


def test_catalogue_entry_is_glpi_11_only_and_says_it_is_unconfirmed():
    scenario = SCENARIOS[SCENARIO]
    assert scenario.versions == ("11.0",)
    assert scenario.doc == "troubleshooting/kernel-secret.md"
    assert "unconfirmed" in scenario.title and "not confirmed" in scenario.cause
    for number in (22076, 23757, 21648):
        assert f"https://github.com/glpi-project/glpi/issues/{number}" in scenario.sources
    assert any(url.endswith("/dependency_injection/services.php") for url in scenario.sources)


@pytest.mark.parametrize("version", ["9.5", "10.0"])
def test_older_versions_refuse_it_and_name_the_one_that_applies(version):
    with pytest.raises(ValueError, match=r"It applies to: 11\.0\."):
        simulate(SCENARIO, version)


def test_demo_key_is_valid_for_glpikey_but_holds_a_parameter_reference():
    assert len(KERNEL_SECRET_DEMO_KEY) == 32
    spans = symfony_parameter_references(KERNEL_SECRET_DEMO_KEY)
    assert spans == [(10, 18)]  # "%" at offsets 10 and 17, as in the report on #22076
    assert inspect_keyfile(KERNEL_SECRET_DEMO_KEY, glpi_version="10.0").codes() == ["keyfile-valid"]
    eleven = inspect_keyfile(KERNEL_SECRET_DEMO_KEY, glpi_version="11.0")
    assert eleven.codes() == ["keyfile-valid", "keyfile-kernel-secret-percent"]
    assert eleven.status == "warning"  # usable by GLPIKey, with the warning


def test_the_kernel_fails_first_with_symfonys_words_on_every_page():
    result = run()
    first = result.steps[0]
    assert (first.name, first.status) == ("boot-kernel", "error")
    assert first.shows == texts.KERNEL_SECRET
    assert first.shows.startswith(glpi_messages.SYMFONY_KERNEL_SECRET)
    assert first.shows.endswith('"…".')
    for place in ("every page", "GLPI Network tab", "HTTP 500", "php bin/console", "php-errors.log"):
        assert place in first.shown_on, place
    assert (result.outcome.status, result.outcome.message) == ("error", texts.KERNEL_SECRET)
    assert result.outcome.shown_on == first.shown_on
    assert "glpi.CRITICAL:   *** Uncaught Exception: " + texts.KERNEL_SECRET in first.detail


def test_the_key_file_is_reported_valid_for_glpikey_with_the_checkers_warning():
    detail = run().steps[0].detail
    assert f"{KEYFILE_PATH}: 32 bytes" in detail and "GLPIKey accepts it" in detail
    assert f"glpi-keycheck keyfile {KEYFILE_PATH} --glpi-version 11.0" in detail
    assert "warning keyfile-kernel-secret-percent: " in detail


def test_offsets_come_from_the_keyfile_inspector():
    (start, end), = symfony_parameter_references(KERNEL_SECRET_DEMO_KEY)
    detail = run().steps[0].detail
    assert f"bytes {start + 1} to {end}" in detail  # the whole %…% sequence, 1-based
    assert f"bytes {start + 2} to {end - 1}" in detail  # the parameter "name" GLPI would print


def test_nothing_after_the_kernel_runs():
    result = run()
    after = result.steps[1:]
    assert after and all(step.status == "skipped" for step in after)
    assert all("boot-kernel" in step.explanation for step in after)
    names = [step.name for step in after]
    assert {"read-keyfile", "registration-info", "build-message", "marketplace-status"} <= set(names)
    assert not any(step.detail for step in after)  # no request sent, nothing read


def test_the_run_says_the_bug_is_reported_not_confirmed():
    explanation = run().steps[0].explanation
    assert "#22076" in explanation and "#23757" in explanation
    assert "not confirmed" in explanation


def test_failing_step_links_the_fix_and_the_troubleshooting_page():
    step = run().steps[0]
    assert step.fix == SCENARIOS[SCENARIO].fix
    assert step.doc == "troubleshooting/kernel-secret.md"
    assert "glpi-keycheck keyfile --generate" in step.fix and "--glpi-version 11.0" in step.fix


def _forms_of(data: bytes) -> list[str]:
    """Ways a key's bytes could leak into text: raw (as Latin-1 or UTF-8), hex, base64."""
    return [data.decode("latin-1"), data.decode("utf-8", "replace"), data.hex(), data.hex().upper(),
            base64.b64encode(data).decode(), json.dumps(data.decode("latin-1"))[1:-1]]


def test_no_byte_of_the_key_is_ever_shown():
    (start, end), = symfony_parameter_references(KERNEL_SECRET_DEMO_KEY)
    name = KERNEL_SECRET_DEMO_KEY[start + 1:end - 1]  # what GLPI's real message would quote
    data = run().to_dict()
    outputs = [json.dumps(data), json.dumps(data, ensure_ascii=False), render_run(data)]
    for secret in (KERNEL_SECRET_DEMO_KEY, name):
        for form in _forms_of(secret):
            assert not any(form in output for output in outputs), form
    # The message quotes a placeholder, never bytes.
    assert re.search(r'non-existent parameter "…"\.', data["outcome"]["message"])


def test_with_the_admins_key_the_key_is_checked_then_the_kernel_still_fails():
    result = run(A_WELL_FORMED_KEY)
    assert [step.name for step in result.steps[:2]] == ["check-key", "boot-kernel"]
    assert result.outcome.message == texts.KERNEL_SECRET
    assert all(step.status == "skipped" for step in result.steps[2:])
