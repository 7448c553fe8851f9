"""The cache step: what GLPI keeps of GLPI Network's answer for one day, under which name, and
that failures are not kept (so every page asks again)."""

from simulation_view import played, step

CACHED_FOR_A_DAY = (
    "GLPI keeps this answer for one day (P1D) in its cache, under a name made from sha1 of the "
    "key: a key pasted again is a new entry. The Marketplace, the console and the cron job read "
    "it through isRegistered(); only opening the GLPI Network tab asks GLPI Network again.")
DEMO_KEY_ENTRY = "registration_e4b68a57e4662487a9ee8740edbd157f0f99d87f_en_informations"


def test_a_good_answer_is_kept_as_glpi_stores_it():
    assert step(played("valid", "10.0"), "cache") == {
        "name": "cache", "status": "ok", "explanation": CACHED_FOR_A_DAY,
        "detail": (f"{DEMO_KEY_ENTRY} (one day):\n"
                   "{\n"
                   '  "is_valid": true,\n'
                   '  "validation_message": "The registration key is valid.",\n'
                   '  "owner": {\n'
                   '    "name": "Example Organisation (model)"\n'
                   "  },\n"
                   '  "subscription": {\n'
                   '    "title": "Standard",\n'
                   '    "begin_date": "2026-01-01",\n'
                   '    "end_date": "2026-12-31",\n'
                   '    "is_running": true,\n'
                   '    "offer_reference": "STANDARD"\n'
                   "  }\n"
                   "}"),
        "fix": "", "shows": "", "shown_on": "",
        "messages": [("glpi", "glpi", "cache the answer (one day)", "", False)]}


def test_a_terminated_subscription_sticks_for_a_day():
    cache = step(played("terminated-subscription", "11.0"), "cache")
    assert cache["status"] == "warning"
    assert cache["explanation"] == CACHED_FOR_A_DAY + " So this answer now sticks for up to 24 hours."
    assert cache["fix"] == ("Renew the subscription on GLPI Network, then open the GLPI Network tab "
                            "so GLPI fetches the new answer instead of the one it cached.")
    assert cache["messages"] == [("glpi", "glpi", "cache the answer (one day)",
                                  "the bad answer sticks", True)]


def test_a_failed_call_is_not_cached():
    cache = step(played("dns-failure", "10.0"), "cache")
    assert (cache["status"], cache["detail"]) == ("warning", f"{DEMO_KEY_ENTRY}: not written")
    assert cache["explanation"] == ("Failures are not cached: every page that needs the "
                                    "registration (the Marketplace, the console, the cron job) "
                                    "calls GLPI Network again.")
