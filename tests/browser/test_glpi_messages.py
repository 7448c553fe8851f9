"""Paste GLPI's message in the admin's language on the checker page: the page names the cause,
links the troubleshooting page and replays the scenario in the simulator."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FRENCH = "[2026-11-29 10:00:00] La clé d'enregistrement est invalide."


def test_a_french_message_shows_its_page_and_replays_its_scenario(checker_page, check_key, site):
    page = checker_page.page
    shown = check_key(page, FRENCH)
    assert (shown["kind"], shown["status"]) == ("glpi-message", "error")
    assert shown["codes"][0] == "glpi-message-key-invalid"
    item = page.locator("[data-checker-message]").first
    assert item.get_attribute("data-checker-message") == "The registration key is invalid."
    assert "La clé d'enregistrement est invalide." in item.inner_text()
    assert "The registration key is invalid." in item.inner_text()
    link = item.locator("a", has_text="The page for this message").get_attribute("href")
    assert link == f"{site.url}troubleshooting/key-invalid/"
    page.wait_for_selector("[data-simulator] select[data-simulator-scenario]:not([disabled])")
    item.locator("[data-checker-play-scenario]").click()
    simulator = page.locator("[data-simulator]").first
    assert simulator.locator("select[data-simulator-scenario]").input_value() == "invalid-key"
    outcome = simulator.locator("[data-simulator-outcome]")
    outcome.wait_for()
    assert "The registration key is invalid." in outcome.inner_text()


def test_the_simulator_speaks_french(checker_page):
    page = checker_page.page
    simulator = page.locator("[data-simulator]").first
    page.wait_for_selector("[data-simulator] select[data-simulator-language]:not([disabled])")
    languages = page.eval_on_selector_all("[data-simulator] select[data-simulator-language] option",
                                          "items => items.map(o => o.value)")
    assert languages == ["en_GB", "fr_FR", "pt_BR", "es_ES", "de_DE", "it_IT"]
    simulator.locator("select[data-simulator-version]").select_option("11.0")
    simulator.locator("select[data-simulator-scenario]").select_option("invalid-key")
    simulator.locator("select[data-simulator-language]").select_option("fr_FR")
    simulator.locator("[data-simulator-run]").click()
    outcome = simulator.locator("[data-simulator-outcome]")
    outcome.wait_for()
    assert outcome.inner_text() == "La clé d'enregistrement est invalide."
    assert outcome.get_attribute("lang") == "fr-FR"
    english = simulator.locator("[data-simulator-outcome-english]").inner_text()
    assert "The registration key is invalid." in english
    assert simulator.locator("[data-simulator-translated]").first.inner_text() == \
        "La clé d'enregistrement est invalide."
