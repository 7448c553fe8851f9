"""Reading GLPI's messages file: every member of an entry, the defaults of the optional ones,
and a translation's provenance (its own po file and commit, or its language's).

The module reads the file once when imported; these tests read it again through `_load`, the
real file and a small one of the same shape, and check what the checker then shows.
"""

from __future__ import annotations

import json

import pytest

from checker import glpi_texts
from checker.glpi_texts import Source

REPO = "glpi-project/glpi"
DEFAULT_COMMIT = "d993c7977cf9b2f5e47e8c63f80b990d0a276b71"
OLDER_COMMIT = "2a46b17382d90243a10ad7618ee23c2e4397d641"


class _FakeFiles:
    """Stands in for importlib.resources: `files(package).joinpath(name).read_text(encoding)`."""

    def __init__(self, text: str):
        self.text = text
        self.asked: list[tuple] = []

    def files(self, package):
        self.asked.append(("files", package))
        return self

    def joinpath(self, name):
        self.asked.append(("joinpath", name))
        return self

    def read_text(self, encoding):
        self.asked.append(("read_text", encoding.lower()))
        return self.text


def _entry(**members):
    return {"id": "sample", "msgid": "Sample %s.", "kind": "message", "group": "tab", "origin": "glpi",
            "logged_only": False, "where": "src/Sample.php", "doc": "tutorials/register.md", **members}


def _file(*messages):
    return json.dumps({
        "source_repo": "example/glpi",
        "languages": {"fr_FR": {"path": "locales/fr_FR.po", "commit": "a" * 40},
                      "de_DE": {"path": "locales/de_DE.po", "commit": "b" * 40}},
        "groups": {"tab": "A tab"},
        "messages": list(messages),
    })


def test_the_real_file_is_read_from_the_package():
    data, entries = glpi_texts._load()
    assert data["source_repo"] == REPO
    assert set(entries) == set(glpi_texts.BY_ID)
    needed = entries["tab-registration-key-needed-10"]
    assert needed.msgid == "A registration key is needed to use advanced feature (like marketplace) in GLPI"
    assert (needed.kind, needed.group, needed.origin, needed.logged_only) == ("message", "tab", "glpi", False)
    assert needed.doc == "tutorials/register.md"
    assert needed.versions == ("9.5", "10.0")
    assert needed.translations["fr_FR"] == ("Une clé d'enregistrement est requise pour les fonctionnalités "
                                            "avancées (comme le marketplace) de GLPI.")
    assert needed.translations["pt_BR"] is None      # an empty msgstr: GLPI shows the English
    assert needed.missing == ()
    # Read in GLPI 9.5's po file: the page links that commit, not the languages' default.
    assert needed.provenance("fr_FR") == Source(REPO, "locales/fr_FR.po", OLDER_COMMIT)


def test_an_entry_of_the_real_file_keeps_glpis_words_and_where_they_are():
    _, entries = glpi_texts._load()
    secret = entries["symfony-kernel-secret"]
    assert secret.msgid == 'The parameter "kernel.secret" has a dependency on a non-existent parameter "%s".'
    assert (secret.origin, secret.logged_only, secret.group) == ("symfony", True, "runtime")
    assert secret.translations == {} and secret.versions == ("11.0",)
    assert secret.where.startswith("symfony/dependency-injection ParameterNotFoundException")
    assert secret.note.startswith("Symfony's message, not GLPI's")
    label = entries["mp-and"]
    assert (label.kind, label.recognisable, label.template("de_DE")) == ("label", False, "und")
    assert label.provenance("de_DE") == Source(REPO, "locales/de_DE.po", DEFAULT_COMMIT)


def test_optional_members_default_to_nothing(monkeypatch):
    files = _FakeFiles(_file(_entry()))
    monkeypatch.setattr(glpi_texts, "resources", files)
    data, entries = glpi_texts._load()
    assert files.asked == [("files", "checker"), ("joinpath", "glpi_messages.json"), ("read_text", "utf-8")]
    assert data["groups"] == {"tab": "A tab"}
    entry = entries["sample"]
    assert (entry.id, entry.msgid, entry.kind, entry.group, entry.origin, entry.logged_only) == (
        "sample", "Sample %s.", "message", "tab", "glpi", False)
    assert (entry.where, entry.doc) == ("src/Sample.php", "tutorials/register.md")
    assert (entry.translations, entry.missing, entry.versions, entry.note) == ({}, (), (), "")
    assert entry.sources == {"fr_FR": Source("example/glpi", "locales/fr_FR.po", "a" * 40),
                             "de_DE": Source("example/glpi", "locales/de_DE.po", "b" * 40)}


def test_every_optional_member_is_read(monkeypatch):
    full = _entry(translations={"fr_FR": "Exemple %s.", "de_DE": None}, missing=["it_IT"],
                  versions=["10.0", "11.0"], note="A note.",
                  provenance={"fr_FR": {"path": "locales/fr_FR.po", "commit": "c" * 40}})
    monkeypatch.setattr(glpi_texts, "resources", _FakeFiles(_file(full)))
    entry = glpi_texts._load()[1]["sample"]
    assert entry.translations == {"fr_FR": "Exemple %s.", "de_DE": None}
    assert (entry.missing, entry.versions, entry.note) == (("it_IT",), ("10.0", "11.0"), "A note.")
    assert entry.template("it_IT") is None and entry.fill("x", language="de_DE") == "Sample x."
    # Its own po file for French; German keeps its language's.
    assert entry.provenance("fr_FR") == Source("example/glpi", "locales/fr_FR.po", "c" * 40)
    assert entry.provenance("de_DE") == Source("example/glpi", "locales/de_DE.po", "b" * 40)


def test_an_id_is_used_once(monkeypatch):
    monkeypatch.setattr(glpi_texts, "resources", _FakeFiles(_file(_entry(), _entry(msgid="Other."))))
    with pytest.raises(AssertionError, match="sample"):
        glpi_texts._load()
