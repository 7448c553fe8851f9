"""The build-message step: what the GLPI Network tab shows once GLPI has the answer, per branch
(9.5/10.0: the key field, the message, Subscription and Registered by; 11.0: the message,
Subscription, Period, Registered by and the Remove button), its colour, and the empty form when
GLPI has no key."""

import pytest

from simulation_view import played, step

OWN_WORDS = ("No validation_message in the answer, so GLPI picks its own: invalid if is_valid is "
             "false, terminated if subscription.is_running is false, valid otherwise.")
TAB = "Setup > General > GLPI Network tab"


def colour(running):
    return (" Green when the key is valid and the subscription running, red otherwise: here "
            + ("green." if running else "red."))


def test_11_0_shows_the_subscription_period_and_the_remove_button():
    assert step(played("valid", "11.0"), "build-message") == {
        "name": "build-message", "status": "ok", "explanation": OWN_WORDS + colour(True),
        "detail": ("The registration key is valid.\nSubscription: Standard\n"
                   "Period: From 2026-01-01 to 2026-12-31\n"
                   "Registered by: Example Organisation (model)\n[Remove registration key]"),
        "fix": "", "shows": "The registration key is valid.", "shown_on": TAB,
        "messages": [("glpi", "admin", "GLPI Network tab", "green", False)]}


@pytest.mark.parametrize("version", ["9.5", "10.0"])
def test_before_11_0_an_invalid_key_shows_unknown_subscription_and_owner(version):
    message = step(played("invalid-key", version), "build-message")
    assert (message["status"], message["explanation"]) == ("error", OWN_WORDS + colour(False))
    assert message["detail"] == ("Registration key: [eyJhY2…[redacted, 172 characters]]\n"
                                 "The registration key is invalid.\nSubscription: Unknown\n"
                                 "Registered by: Unknown")
    assert (message["shows"], message["shown_on"]) == ("The registration key is invalid.", TAB)
    assert message["messages"] == [("glpi", "admin", "GLPI Network tab", "red", True)]


def test_a_terminated_subscription_is_red_with_its_title_and_owner():
    message = step(played("terminated-subscription", "10.0"), "build-message")
    assert message["status"] == "error"
    assert message["detail"].splitlines()[1:] == [
        "The registration key refers to a terminated subscription.", "Subscription: Standard",
        "Registered by: Example Organisation (model)"]


def test_a_server_message_is_shown_verbatim_and_coloured_by_is_valid():
    message = step(played("server-message", "9.5"), "build-message")
    assert message["explanation"] == (
        "The answer has a validation_message: GLPI shows it verbatim instead of its own words. A "
        "message from GLPI Network does not mean \"invalid\": its colour comes from is_valid and "
        "subscription.is_running, as for GLPI's own words." + colour(False))
    assert message["shows"] == "This registration key has been revoked."


def test_a_failed_call_shows_glpis_generic_message():
    message = step(played("dns-failure", "11.0"), "build-message")
    assert message["explanation"] == ("The call failed, so GLPI shows its generic failure message."
                                      + colour(False))
    assert message["detail"] == "Unable to fetch registration information.\n[Remove registration key]"


@pytest.mark.parametrize("version, field, invitation", [
    ("10.0", "text area",
     "A registration key is needed to use advanced feature (like marketplace) in GLPI"),
    ("11.0.1", "password field", "A registration key is needed to use some advanced features "
     "(like the plugin marketplace) in GLPI")])
def test_no_key_draws_the_empty_form_again_without_an_error(version, field, invitation):
    message = step(played("keyfile-missing", version), "build-message")
    assert message["status"] == "error"
    assert message["explanation"] == (
        "GLPI has no key to show: the tab draws its empty form again, with an empty "
        f"{field} under this invitation, and no error.")
    assert message["shows"] == invitation  # GLPI's words for the branch
    assert message["detail"] == f"{invitation}\nRegistration key: [empty]"
    assert message["shown_on"] == TAB
    assert message["messages"] == [("glpi", "admin", "GLPI Network tab", "an empty form", True)]
