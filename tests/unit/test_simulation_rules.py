"""GLPI's small rules as the simulator applies them, against vectors read from GLPI's code."""

import hashlib

import pytest

from checker import glpi_texts as texts
from checker.simulation.glpi_rules import (cache_key, lang_prefix, marketplace_allowed, php_trim,
                                           registration_data, registration_message,
                                           requires_higher_offer, user_agent)


def test_user_agent_drops_the_stability_suffix_from_10_0_on():
    assert user_agent("11.0.0-rc1", "11.0") == "GLPI/11.0.0 (installation-mode:TARBALL)"
    assert user_agent("10.0.3-dev", "10.0", "GIT") == "GLPI/10.0.3 (installation-mode:GIT)"


def test_user_agent_of_9_5_sends_the_version_as_is():
    assert user_agent("9.5.0-rc1", "9.5") == "GLPI/9.5.0-rc1 (installation-mode:TARBALL)"


def test_user_agent_sanitizer_only_replaces_the_pair_of_brackets():
    assert user_agent("11.0.0", "11.0", "TARBALL", "a()b") == \
        "GLPI/11.0.0 (installation-mode:TARBALL; a b)"
    assert user_agent("11.0.0", "11.0", "TARBALL", "a(b)") == \
        "GLPI/11.0.0 (installation-mode:TARBALL; a(b))"


def test_cache_key_is_sha1_of_the_key_and_the_language_prefix():
    key = "eyJzaWduYXR1cmUiOiJ4In0="
    assert cache_key(key, lang_prefix("fr_FR")) == \
        f"registration_{hashlib.sha1(key.encode()).hexdigest()}_fr_informations"
    assert lang_prefix("en_GB") == "en"


@pytest.mark.parametrize("data, message", [
    ({"is_valid": False}, texts.INVALID),
    ({"is_valid": True, "subscription": {"is_running": False}}, texts.TERMINATED),
    ({"is_valid": True, "subscription": {"is_running": True}}, texts.VALID),
    ({"is_valid": True, "validation_message": "Anything the server says"}, "Anything the server says"),
    ({"is_valid": False, "validation_message": ""}, ""),
])
def test_registration_message(data, message):
    assert registration_message(data) == message


@pytest.mark.parametrize("body", ["", "<html>400 Bad Request</html>", '{"message": "Too Many Attempts."}',
                                  "[]", "null", '"is_valid"'])
def test_answers_glpi_cannot_use(body):  # "Unable to fetch registration information."
    assert registration_data(body) is None


def test_answer_glpi_can_use():
    assert registration_data('{"is_valid": false}') == {"is_valid": False}


@pytest.mark.parametrize("required, subscription, expected", [  # 10.0.8+ and 11 (`empty()`)
    (None, {"offer_reference": "X", "is_running": True}, False),
    ([], {"offer_reference": "X", "is_running": True}, False),
    ([], None, False),
    (["X"], {"offer_reference": "X", "is_running": True}, False),
    (["X"], {"offer_reference": "X", "is_running": False}, True),
    (["Y"], {"offer_reference": "X", "is_running": True}, True),
    (["X"], None, True),
])
def test_requires_higher_offer(required, subscription, expected):
    assert requires_higher_offer(required, subscription) is expected


def test_before_10_0_8_an_empty_list_still_requires_an_offer():  # `isset()` in 10.0.0-10.0.7
    running = {"offer_reference": "X", "is_running": True}
    assert requires_higher_offer([], running, empty_means_none=False) is True
    assert requires_higher_offer(None, running, empty_means_none=False) is False


@pytest.mark.parametrize("value, cli, web", [(0, False, False), (1, True, False), (2, False, True),
                                             (3, True, True)])
def test_marketplace_enable_is_bitwise(value, cli, web):
    assert marketplace_allowed(value) == {"cli": cli, "web": web}


def test_php_trim_set_but_not_inner_whitespace():
    assert php_trim(" \t\n\r\0\x0bab c\r\n") == "ab c"
    assert php_trim("\u00a0key") == "\u00a0key"  # PHP's trim does not know Unicode spaces
