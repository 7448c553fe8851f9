"""The CLI and the page say the same words for the same input: both render the report the
core made (the page gets it as the bridge's JSON), and neither decides a word of its own."""

from __future__ import annotations

import base64
import json

import pytest

from checker.bridge import handle
from checker.cli.keyfile_cmd import render_keyfile_report
from checker.cli.render import render_report
from checker.keyfile import inspect_keyfile
from samples import KEY

INPUTS = [
    KEY,                                              # well formed
    f'  "{KEY[:40]}\n{KEY[40:]}"  ',                  # repaired
    KEY[:-5],                                         # truncated
    "a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6",  # glpicrypt.key as hex
    "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y=",  # encrypted value
    "0123456789abcdefghij0123456789abcdefghij",       # instance UID
    "   ",                                            # empty
    "x" * (64 * 1024 + 1),                            # too long
    "text\x00with\x01binary",                         # binary
    "Registration key: еyJhIjoxfQ==",                 # label and a look-alike letter
    "La clé d'enregistrement est invalide.",          # one of GLPI's messages, in French
]
KEYFILES = [bytes(range(32)), b"", bytes(range(32)) + b"\n", b"a" * 64, b"%ab%" + bytes(28)]


def page(request: dict) -> dict:
    answer = json.loads(handle(json.dumps(request)))
    assert answer["ok"], answer
    return answer["result"]


def assert_same_words(shown: dict, printed: str) -> None:
    assert shown["headline"] and shown["headline"] in printed
    for finding in shown["findings"]:
        assert f"{finding['title']}  [{finding['code']}]" in printed
        assert finding["detail"] in printed
        assert (f"Fix: {finding['fix']}" in printed) == finding["show_fix"], finding["code"]


@pytest.mark.parametrize("text", INPUTS, ids=range(len(INPUTS)))
def test_check_cli_prints_the_words_the_page_shows(text):
    shown = page({"op": "check", "text": text})
    assert_same_words(shown, render_report(shown))


@pytest.mark.parametrize("content", KEYFILES, ids=range(len(KEYFILES)))
def test_keyfile_cli_prints_the_words_the_page_shows(content):
    shown = page({"op": "keyfile", "name": "glpicrypt.key", "glpi_version": "11.0",
                  "content_b64": base64.b64encode(content).decode()})
    printed = render_keyfile_report(inspect_keyfile(content, path="glpicrypt.key", glpi_version="11.0"))
    assert_same_words(shown, printed)


def test_headlines_say_what_the_input_is():
    headlines = [page({"op": "check", "text": text})["headline"] for text in INPUTS]
    assert headlines[:3] == ["Well-formed GLPI Network registration key.",
                             "Well-formed once repaired: use the repaired key below.",
                             "A damaged registration key: it cannot work as pasted."]
    assert headlines[3].startswith("Not a registration key: this is glpicrypt.key material")
    assert headlines[6] == "Nothing to check: the input is empty."
    assert headlines[7] == "Not read: input too long."
    assert headlines[8] == "Not read: binary data, not text."
