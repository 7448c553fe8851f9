"""The shareable Markdown report: its exact text, and the redaction that keeps a key out of it."""

from __future__ import annotations

import pytest

from checker import __version__
from checker.share import escape_controls, markdown_report, quotes_secret, redact, secret_texts

KEY = "QUJDREVGR0hJSktMTU5PUA=="  # base64 of "ABCDEFGHIJKLMNOP"
FOOTER = "_The key itself is redacted: never post a whole registration key or glpicrypt.key._"


def test_a_redaction_shows_six_characters_and_the_length():
    assert redact(KEY) == "QUJDRE…[redacted, 24 characters]"
    assert redact("abc") == "abc…[redacted, 3 characters]"
    assert redact("") == "…[redacted, 0 characters]"


def test_a_redaction_points_at_control_characters_and_outer_spaces():
    assert redact("abc\r\n") == "abc\\r\\n…[redacted, 5 characters; \\r at character 4, \\n at character 5]"
    assert redact(" abcdefgh ") == (
        " abcde…[redacted, 10 characters; a space at character 1, a space at character 10]")
    assert redact("abc defgh") == "abc de…[redacted, 9 characters]"  # a space inside says nothing


def test_a_redaction_names_three_odd_characters_at_most():
    assert redact("a\tb\tc\td") == (
        "a\\tb\\tc\\t…[redacted, 7 characters; \\t at character 2, \\t at character 4, \\t at character 6]")
    assert redact("a\tb\tc\td\te") == (
        "a\\tb\\tc\\t…[redacted, 9 characters; \\t at character 2, \\t at character 4, \\t at character 6 …]")


def test_control_and_invisible_characters_are_made_visible():
    assert escape_controls("a\tb é\u200b\x00") == "a\\tb é\\u200b\\x00"
    assert escape_controls("plain text") == "plain text"


def test_the_secrets_are_each_text_and_what_its_base64_decodes_to():
    assert secret_texts(f"  {KEY}\n", None) == [KEY, "ABCDEFGHIJKLMNOP"]
    # Short texts cannot be quoted LEAK_WINDOW characters at a time: left out.
    assert secret_texts("short", "", None) == []
    # Not base64 (a bad length): only the text itself.
    assert secret_texts("abcdefghi") == ["abcdefghi"]
    # Eight characters can be quoted; their six decoded bytes cannot.
    assert secret_texts("abcdefgh") == ["abcdefgh"]


def test_a_secret_split_over_lines_or_decoding_to_bytes_is_still_known():
    assert secret_texts("QUJDREVG\nR0hJSktMTU5PUA==") == ["QUJDREVG\nR0hJSktMTU5PUA==", "ABCDEFGHIJKLMNOP"]
    # Bytes that are not UTF-8 (a glpicrypt.key in base64): the text around them still counts.
    assert secret_texts("/0FCQ0RFRkdISUo=") == ["/0FCQ0RFRkdISUo=", "\ufffdABCDEFGHIJ"]


@pytest.mark.parametrize(("text", "quoted"), [
    ("ABCDEFGH", True),             # the first eight
    ("IJKLMNOP", True),             # the last eight
    ("xx DEFGHIJK yy", True),
    ("ABCDEFG", False),             # seven in a row
    ("ABCDEFG IJKLMNO", False),
    ("xx JKLMNOP", False),          # the last seven
])
def test_a_text_quotes_a_secret_from_eight_characters_in_a_row(text, quoted):
    assert quotes_secret(text, ["ABCDEFGHIJKLMNOP"]) is quoted


def test_a_text_quoting_any_of_the_secrets_is_caught():
    assert quotes_secret("… 12345678 …", ["ABCDEFGHIJKLMNOP", "0123456789"]) is True
    assert quotes_secret("… 12345678 …", []) is False


REPORT = {
    "kind": "registration-key",
    "status": "warning",
    "headline": "A registration key, repaired.",
    "normalized": KEY,
    "fields": {"subscription": "standard", "email": "admin@example.org"},
    "findings": [
        {"severity": "warning", "code": "paste-quotes", "title": "Quotes around the key",
         "detail": "\u201c at character 1 and \u201d at character 26."},
        {"severity": "info", "code": "key-signature", "title": "Signature present",
         "detail": f"It decodes to ABCDEFGHIJKLMNOP, from {KEY}."},
    ],
}
SIMULATION = {
    "glpi_version": "11.0",
    "glpi_release": "11.0.4",
    "scenario": "my-key",
    "steps": [
        {"status": "ok", "name": "save-key", "explanation": "GLPI stores the key."},
        {"status": "error", "name": "send-key", "explanation": f"GLPI sends {KEY[:10]} in a header."},
    ],
    "outcome": {"status": "error", "message": "GLPI Network refuses the key."},
}


def test_the_report_of_a_check_and_a_simulation_word_for_word():
    markdown = markdown_report(REPORT, text=f"\u201c{KEY}\u201d", simulation=SIMULATION, key=KEY)
    assert markdown.split("\n") == [
        f"### GLPI registration check (glpi-keycheck {__version__})",
        "",
        "- Key: `QUJDRE…[redacted, 24 characters]`",
        "- Kind: registration-key",
        "- Verdict (warning): A registration key, repaired.",
        "- Other members of the key (values not shown): email, subscription",
        "",
        "Findings:",
        "",
        "- **warning** `paste-quotes`: Quotes around the key. \u201c at character 1 and \u201d at character 26.",
        "- **info** `key-signature`: Signature present. (detail withheld: it quotes the key)",
        "",
        "Simulated GLPI 11.0.4, scenario `my-key`:",
        "",
        "1. **ok** `save-key`: GLPI stores the key.",
        "1. **error** `send-key`: (withheld: it quotes the key)",
        "",
        "Outcome (error): GLPI Network refuses the key.",
        "",
        FOOTER,
    ]


def test_a_check_alone_redacts_the_pasted_text_when_nothing_was_repaired():
    report = {**REPORT, "normalized": None, "fields": None, "findings": [], "status": "error",
              "kind": "unknown", "headline": "Not a key."}
    markdown = markdown_report(report, text=" a pasted secret\n")
    assert markdown.split("\n") == [
        f"### GLPI registration check (glpi-keycheck {__version__})",
        "",
        "- Key: `a past…[redacted, 15 characters]`",
        "- Kind: unknown",
        "- Verdict (error): Not a key.",
        "",
        "Findings:",
        "",
        "",
        FOOTER,
    ]


def test_a_detail_quoting_the_repaired_key_is_withheld():
    # The paste was split over two lines: only the repaired key holds "REVGR0hJ" in a row.
    report = {**REPORT, "findings": [
        {"severity": "warning", "code": "paste-line-breaks", "title": "Line breaks inside the key",
         "detail": "Joined at …REVGR0hJ…"}]}
    markdown = markdown_report(report, text="QUJDREVG\nR0hJSktMTU5PUA==")
    assert ("- **warning** `paste-line-breaks`: Line breaks inside the key. "
            "(detail withheld: it quotes the key)") in markdown.split("\n")
    assert "REVGR0hJ" not in markdown


def test_a_report_with_no_text_at_all_still_redacts():
    report = {**REPORT, "normalized": None, "findings": []}
    assert "- Key: `…[redacted, 0 characters]`" in markdown_report(report).split("\n")


def test_a_detail_quoting_the_pasted_text_is_withheld_too():
    report = {**REPORT, "normalized": None, "findings": [
        {"severity": "error", "code": "base64-invalid-character", "title": "Not base64: invalid character",
         "detail": "In 'my secret text'."}]}
    markdown = markdown_report(report, text="my secret text")
    assert ("- **error** `base64-invalid-character`: Not base64: invalid character. "
            "(detail withheld: it quotes the key)") in markdown.split("\n")


def test_a_simulation_alone_names_the_branch_when_no_release_is_given():
    simulation = {**SIMULATION, "glpi_release": None}
    markdown = markdown_report(None, simulation=simulation, key=KEY)
    assert markdown.split("\n") == [
        f"### GLPI registration check (glpi-keycheck {__version__})",
        "",
        "",
        "Simulated GLPI 11.0, scenario `my-key`:",
        "",
        "1. **ok** `save-key`: GLPI stores the key.",
        "1. **error** `send-key`: (withheld: it quotes the key)",
        "",
        "Outcome (error): GLPI Network refuses the key.",
        "",
        FOOTER,
    ]
