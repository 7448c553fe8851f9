"""What the Marketplace and `marketplace:upgrade` read through GLPINetwork::isRegistered(): the
key decrypted for them (said so on the step), the call made only when nothing is cached (and
who makes it), and what the Marketplace status step adds about the cache."""

import pytest

from simulation_view import order, played, step

DECRYPTS = ("GLPINetwork::getRegistrationKey() decrypts the stored value with glpicrypt.key "
            "(XChaCha20-Poly1305, the nonce as additional data): the decrypted key is what GLPI "
            "sends.")


@pytest.mark.parametrize("scenario, version, where", [
    ("stale-cache", "10.0", "For the Marketplace"),
    ("marketplace-upgrade-unregistered", "11.0", "For the console")])
def test_the_key_is_decrypted_for_the_page_that_needs_it(scenario, version, where):
    assert step(played(scenario, version), "decrypt-key")["explanation"] == f"{where}: {DECRYPTS}"


@pytest.mark.parametrize("scenario, version, caller", [
    ("stale-cache", "10.0", "the Marketplace's"),
    ("marketplace-upgrade-unregistered", "11.0.2", "marketplace:upgrade's")])
def test_with_nothing_cached_isregistered_calls_glpi_network(scenario, version, caller):
    steps = played(scenario, version, stale_answer=False)
    assert [name for name, _ in order(steps)][1:5] == ["read-keyfile", "decrypt-key",
                                                       "registration-info", "cache"]
    assert (f"headers. This call comes from {caller} isRegistered(): nothing was cached. cURL "
            in step(steps, "registration-info")["explanation"])


def test_the_marketplace_says_when_there_is_no_key():
    # key-regenerated: decryption gives '', so isRegistered() is false without a call.
    status = step(played("key-regenerated", "11.0"), "marketplace-status")
    assert status["status"] == "error"
    assert status["detail"].endswith('{"message": "pong (model)"}\n\n'
                                     "isRegistered(): no key, so not registered.")


def test_the_marketplace_reuses_the_answer_the_tab_cached():
    status = step(played("keyfile-unreadable", "10.0"), "marketplace-status")
    assert status["detail"].endswith("\n\nisRegistered(): answer read from the cache written above.")


@pytest.mark.parametrize("version", ["9.5", "10.0", "11.0"])
def test_a_stale_cached_answer_is_used_without_asking_glpi_network(version):
    steps = played("stale-cache", version)
    assert "registration-info" not in [name for name, _ in order(steps)]
    assert step(steps, "cache") == {
        "name": "cache", "status": "warning",
        "explanation": ("isRegistered() finds an answer GLPI cached 9 hours ago (the model's age; "
                        "it lives one day) and uses it without asking GLPI Network. Since then the "
                        "key became valid on GLPI Network, but GLPI will not know until the cache "
                        "expires or someone opens the GLPI Network tab."),
        "detail": ("registration_e4b68a57e4662487a9ee8740edbd157f0f99d87f_en_informations:\n"
                   '{\n  "is_valid": false,\n'
                   '  "validation_message": "The registration key is invalid.",\n'
                   '  "owner": null,\n  "subscription": null\n}'),
        "fix": ("Open Setup > General > GLPI Network: it always asks GLPI Network again and "
                "updates the cache. Clearing GLPI's cache works too."),
        "shows": "", "shown_on": "",
        "messages": [("glpi", "glpi", "read the cached answer", "from 9 hours ago: is_valid false",
                      True)]}
    assert not step(steps, "marketplace-status")["detail"].endswith("written above.")
