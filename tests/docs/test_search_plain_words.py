"""Findable in plain words: questions admins type into the search box, and the page that
answers each. The set was written before any page was tuned for it; keep it that way (add
queries, do not reword them to fit the pages)."""

from __future__ import annotations

import pytest

from site_search import search

ENGLISH = [
    ("is GLPI Network registration free", "troubleshooting/registration-required/"),
    ("what does GLPI send to GLPI Network", "reference/http-calls/"),
    ("I lost glpicrypt.key", "howto/secrets-after-key-loss/"),
    ("same registration key on two servers", "troubleshooting/same-key-several-instances/"),
    ("move GLPI to a new server without losing passwords", "howto/move-glpicrypt-key/"),
    ("where do I paste the registration key", "tutorials/register/"),
    ("plugin download fails", "troubleshooting/plugin-download-fails/"),
    ("marketplace behind a proxy", "howto/proxy/"),
    ("set the registration key from the command line", "howto/set-key-cli/"),
    ("docker container loses the key file after restart", "howto/docker/"),
    ("what is glpicrypt.key", "reference/glpicrypt-key/"),
    ("difference between registration key and glpicrypt.key", "explanation/key-vs-keyfile/"),
    ("disable the marketplace", "howto/restrict-marketplace/"),
    ("marketplace folder permissions", "troubleshooting/marketplace-not-writable/"),
    ("too many attempts", "troubleshooting/too-many-attempts/"),
    ("blank page after saving the key", "troubleshooting/blank-page-on-save/"),
    ("key field is empty after saving", "troubleshooting/saved-key-empty/"),
    ("decrypt a password stored in the database", "howto/check-keyfile-and-database/"),
    ("subscription expired", "troubleshooting/terminated-subscription/"),
    ("which plugins need a paid subscription", "reference/tiers/"),
    ("GLPI cannot reach services.glpi-network.com", "troubleshooting/services-unreachable/"),
    ("how does GLPI check the registration key", "explanation/how-the-check-works/"),
    ("host this help centre on our intranet", "howto/deploy-offline/"),
    ("security:change_key regenerate the key file", "troubleshooting/create-security-key/"),
]
# The same kind of question in GLPI's other interface languages, in the admin's own words.
OTHER_LANGUAGES = [
    ("clé d'enregistrement invalide", "troubleshooting/key-invalid/"),
    ("chave de registro inválida", "troubleshooting/key-invalid/"),
    ("clave de registro incorrecta", "troubleshooting/key-invalid/"),
    ("Registrierungsschlüssel ungültig", "troubleshooting/key-invalid/"),
    ("chiave di registrazione non valida", "troubleshooting/key-invalid/"),
    ("fichier de clé de sécurité manquant", "troubleshooting/create-security-key/"),
]
# Measured on the built site (Material's search, lunr with a trailing wildcard on every word,
# so short words such as "a" or "do" match titles everywhere). Issue #12 aims at 23 of 24 for
# English: not reached yet. These floors only stop it from getting worse.
ENGLISH_FLOOR = 12
OTHER_FLOOR = 2


@pytest.fixture(scope="module")
def results(site):
    queries = ENGLISH + OTHER_LANGUAGES
    return dict(zip([query for query, _ in queries], search(site, [query for query, _ in queries])))


def _firsts(results, queries):
    return [query for query, page in queries if results[query][:1] == [page]]


def test_plain_english_questions_find_their_page(results):
    firsts = _firsts(results, ENGLISH)
    misses = {query: results[query][:3] for query, _ in ENGLISH if query not in firsts}
    assert len(firsts) >= ENGLISH_FLOOR, misses


def test_questions_in_glpis_other_languages_find_their_page(results):
    firsts = _firsts(results, OTHER_LANGUAGES)
    misses = {query: results[query][:3] for query, _ in OTHER_LANGUAGES if query not in firsts}
    assert len(firsts) >= OTHER_FLOOR, misses
    assert all(page in results[query][:3] for query, page in OTHER_LANGUAGES), misses
