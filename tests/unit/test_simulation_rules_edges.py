"""Edges of GLPI's small rules: versions without a stability suffix, a session language without
a region, a key with bytes that are not UTF-8, an answer without a subscription.
Pure: also runs in Pyodide."""

import hashlib

import pytest

from checker import glpi_texts as texts
from checker.simulation.glpi_rules import (cache_key, lang_prefix, normalized_version, registration_data,
                                           registration_message, user_agent)


@pytest.mark.parametrize("version, normalized", [
    ("10.0.3", "10.0.3"), ("10.0.3-dev", "10.0.3"), ("11.0.0-RC2", "11.0.0"), ("10.0.0.beta1", "10.0.0"),
    ("10.0.0alpha", "10.0.0"), (" 10.0.3 ", "10.0.3"),
    ("10.0", "10.0"), ("10.0.3-foo", "10.0.3-foo"),  # not a stability suffix: left as it is
])
def test_normalized_version_drops_only_a_stability_suffix(version, normalized):
    assert normalized_version(version) == normalized


def test_user_agent_defaults_to_a_tarball_install_without_comments():
    assert user_agent("10.0.25", "10.0") == "GLPI/10.0.25 (installation-mode:TARBALL)"
    assert user_agent("10.0.25", "10.0", "DOCKER", "") == "GLPI/10.0.25 (installation-mode:DOCKER)"


@pytest.mark.parametrize("language, prefix", [("fr_FR", "fr"), ("pt_BR", "pt"), ("en", "en"),
                                              ("EN_gb", "EN_gb"), ("es_", "es_")])
def test_language_prefix_follows_glpis_regular_expression(language, prefix):
    assert lang_prefix(language) == prefix


def test_cache_key_of_a_key_with_bytes_that_are_not_utf8():
    # The bytes GLPI received, hashed as they are (one byte 0xff), not a crash.
    assert cache_key("ab\udcff", "en") == \
        f"registration_{hashlib.sha1(b'ab' + bytes([0xff])).hexdigest()}_en_informations"


@pytest.mark.parametrize("data", [{"is_valid": True}, {"is_valid": True, "subscription": None},
                                  {"is_valid": True, "subscription": {}}])
def test_a_valid_key_without_a_running_subscription_is_terminated(data):
    assert registration_message(data) == texts.TERMINATED


def test_no_body_at_all_is_unusable():
    assert registration_data(None) is None
    assert registration_data('{"is_valid": true, "owner": null}') == {"is_valid": True, "owner": None}
