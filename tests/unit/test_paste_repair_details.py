"""What each paste repair tells the user, word for word, and the text it leaves.

The checker's value is the precise detail: which invisible character, how many, which line
ending, which wrap width, which label, which escapes. Each case is a paste an admin could make.
"""

import pytest

from checker.check import check
from checker.paste_repair import INVISIBLE, repair
from samples import KEY

WHITESPACE_DETAIL = ("Removed whitespace before or after the key. GLPI's web form would trim it "
                     "too (GLPI 10.0.1 and later); `config:set`, GLPI 9.5 and 10.0.0 would keep it.")


def details(repaired):
    return [(f.code, f.detail) for f in repaired.findings + repaired.key_repairs]


def test_bidi_controls_are_counted_named_in_order_and_removed():
    repaired = repair("QUJD\u202eQU\u200f\u202eJD")
    assert repaired.text == "QUJDQUJD"
    assert repaired.ambiguous  # the text may not be what it looks like: never used as a key
    assert details(repaired) == [("paste-bidi-controls",
                                  "Found 2 × U+202E RIGHT-TO-LEFT OVERRIDE, 1 × U+200F RIGHT-TO-LEFT MARK. "
                                  "They were removed for the rest of this check, but the text you "
                                  "copied may not be what it looks like.")]


@pytest.mark.parametrize("control", sorted("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
def test_every_bidi_control_makes_the_key_unusable(control):
    report = check(KEY[:30] + control + KEY[30:])
    assert (report.kind, report.status, report.normalized) == ("registration-key", "error", None)
    assert f"1 × U+{ord(control):04X} " in report.findings[0].detail


def test_invisible_characters_are_counted_and_removed_no_break_spaces_become_spaces():
    repaired = repair("\u200bQU\u200bJD\ufeff\u00a0")
    assert repaired.text == "QUJD"
    assert not repaired.ambiguous
    assert details(repaired) == [
        ("paste-invisible-characters",
         "Removed 2 × U+200B ZERO WIDTH SPACE, 1 × U+FEFF BYTE ORDER MARK, "
         "1 × U+00A0 NO-BREAK SPACE."),
        ("paste-surrounding-whitespace", WHITESPACE_DETAIL),
    ]


def test_no_break_spaces_inside_split_the_text_like_spaces():
    repaired = repair("QUJDQUJD\u00a0QUJD\u202fQU\u2007QU")
    assert repaired.pieces == ["QUJDQUJD", "QUJD", "QU", "QU"]
    assert repaired.text == "QUJDQUJDQUJDQUQU"
    assert details(repaired) == [
        ("paste-invisible-characters",
         "Removed 1 × U+00A0 NO-BREAK SPACE, 1 × U+202F NARROW NO-BREAK SPACE, 1 × U+2007 FIGURE SPACE."),
        ("paste-line-breaks", "Removed 3 run(s) of spaces inside the key."),
    ]


@pytest.mark.parametrize("invisible", sorted("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))
def test_each_invisible_character_is_removed_from_a_key(invisible):
    report = check(KEY[:50] + invisible + KEY[50:])
    assert (report.status, report.normalized) == ("warning", KEY)
    assert report.findings[0].detail == f"Removed 1 × U+{ord(invisible):04X} {INVISIBLE[invisible]}."


def test_a_non_ascii_paste_without_hidden_characters_is_left_alone():
    repaired = repair("Clé QUJD")
    assert [f.code for f in repaired.findings] == ["paste-line-breaks"]
    assert repaired.text == "CléQUJD"


def test_labels_are_peeled_one_after_the_other_and_named():
    repaired = repair('Key: token = "QUJDQUJD"')
    assert repaired.labels == ["Key", "token"]
    assert repaired.text == "QUJDQUJD"
    assert details(repaired) == [("paste-label", 'Removed the label "Key", then "token".'),
                                 ("paste-quotes", "Removed the quotes around the key.")]


@pytest.mark.parametrize("text, kept", [
    ("eyJhbGci: QUJD", "eyJhbGci:QUJD"),         # the start of a key is never a label
    ("A" * 59 + ": QUJD", "A" * 59 + ":QUJD"),    # nor a long unbroken base64-looking run
])
def test_a_key_start_is_not_taken_for_a_label(text, kept):
    repaired = repair(text)
    assert repaired.labels == [] and repaired.text == kept


@pytest.mark.parametrize("text, kept", [
    ("x eyJhbGci: QUJD", "xeyJhbGci:QUJD"),                                  # a key's start after a word
    ("see QUJDREVGR0hJSktMTU5PUFFS1: rest", "seeQUJDREVGR0hJSktMTU5PUFFS1:rest"),  # a base64 run after a word
])
def test_words_before_a_damaged_key_are_not_a_label(text, kept):
    repaired = repair(text)
    assert repaired.labels == [] and repaired.text == kept
    assert [f.code for f in repaired.findings] == ["paste-line-breaks"]


@pytest.mark.parametrize("label", [
    "GLPI 10.0 key",                          # a version number is not base64
    "registration_key_for_glpi10 value",      # a long lower-case identifier
    "Exported RegistrationKeyForGlpiXml",     # a long mixed-case word without a digit, "+" or "/"
])
def test_identifiers_and_numbers_in_a_label_do_not_look_like_base64(label):
    repaired = repair(f"{label}: QUJD")
    assert repaired.labels == [label] and repaired.text == "QUJD"


@pytest.mark.parametrize("text, label", [
    ("glpiKey=eyJzaWduYXR1cmUiOiJ4In0=", "glpiKey"),      # "=" glued to the value: a name
    ("My Key1= eyJzaWduYXR1cmUiOiJ4In0=", "My Key1"),     # a name with a space is never a value
])
def test_a_name_of_padded_length_before_equals_is_a_label(text, label):
    repaired = repair(text)
    assert repaired.labels == [label] and repaired.text == "eyJzaWduYXR1cmUiOiJ4In0="
    assert details(repaired) == [("paste-label", f'Removed the label "{label}".')]


def test_a_long_label_with_spaces_is_still_a_label():
    label = " ".join(["Registration"] * 4)
    repaired = repair(f"{label}: QUJD")
    assert repaired.labels == [label] and repaired.text == "QUJD"


@pytest.mark.parametrize("pasted", ["```text\nQUJD\n```", "```\nQUJD\n```", "```QUJD```", '"QUJD',
                                    "QUJD\u201d", "\u201eQUJD\u201c", "\u00bbQUJD\u00ab",
                                    "\u2039QUJD\u203a", "\u201aQUJD\u2018"])
def test_quotes_and_code_fences_are_removed(pasted):
    repaired = repair(pasted)
    assert repaired.text == "QUJD"
    assert ("paste-quotes", "Removed the quotes around the key.") in details(repaired)


def test_a_fence_info_string_is_not_part_of_the_key():
    # Without the fence rule, "text" would be glued to the key.
    assert repair("```text\nQUJD\n```").pieces == ["QUJD"]


def test_a_first_line_that_is_not_an_info_string_is_kept():
    assert repair("```QUJD QUJD\nQUJD```").text == "QUJDQUJDQUJD"


@pytest.mark.parametrize("text, detail", [
    ("QUJD\nQUJD\nQU", "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns."),
    ("QUJD\r\nQUJD\r\nQU\r\n", "Joined 3 lines with Windows (CRLF) line endings, wrapped at 4 columns."),
    ("QUJD\nQUJD", "Joined 2 lines with Unix (LF) line endings."),               # too few to tell
    ("QUJD\nQUJDQUJD\nQU", "Joined 3 lines with Unix (LF) line endings."),       # unequal widths
    ("QUJD\nQUJD\nQUJDQU", "Joined 3 lines with Unix (LF) line endings."),       # last one longer
    ("QUJD\nQUJD\nQUJD", "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns."),
    ("QUJD\n QUJD\n\tQU", "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns, indented."),
    (" QUJD\nQUJD\nQU", "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns."),
    ("QUJD\n\nQUJD\n\nQU", "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns."),
    ("QUJD QUJD  QU", "Removed 2 run(s) of spaces inside the key."),
    ("QUJD\tQUJD", "Removed 1 run(s) of spaces inside the key."),
])
def test_line_break_detail(text, detail):
    repaired = repair(text)
    assert [(f.code, f.detail) for f in repaired.findings if f.code == "paste-line-breaks"] == [
        ("paste-line-breaks", detail)]
    assert repaired.joined == "".join(text.split())


@pytest.mark.parametrize("width, named", [(64, True), (76, True), (60, False), (72, False)])
def test_mail_and_pem_widths_are_named(width, named):
    wrapped = "\n".join(KEY[i:i + width] for i in range(0, len(KEY), width))
    detail = next(f.detail for f in repair(wrapped).findings)
    assert detail.endswith(f"wrapped at {width} columns (as mail and PEM tools do)."
                           if named else f"wrapped at {width} columns.")


@pytest.mark.parametrize("text", ["QUJD", "Cl\u00e9QUJD"])
def test_one_piece_needs_no_joining(text):
    repaired = repair(text)
    assert repaired.pieces == [text] and repaired.text == text and repaired.findings == []


def test_vertical_tab_and_form_feed_separate_pieces():
    repaired = repair("QUJD\x0bQUJD\x0cQU")
    assert repaired.pieces == ["QUJD", "QUJD", "QU"]


def test_percent_escapes_are_decoded_and_listed_once_in_capitals():
    repaired = repair("%2bQUJD%2F%2b")
    assert repaired.joined == "+QUJD/+"
    assert details(repaired) == [("paste-url-encoded", "Decoded %2B, %2F."),
                                 ("paste-missing-padding", 'Added 1 "=" at the end.')]


def test_urlsafe_alphabet_is_translated_as_a_key_repair():
    repaired = repair("QU-_")
    assert repaired.text == "QU+/" and repaired.joined == "QU-_" and not repaired.ambiguous
    assert repaired.findings == []
    assert details(repaired) == [("paste-urlsafe-alphabet", 'Translated "-" to "+" and "_" to "/".')]


@pytest.mark.parametrize("text", ["QU-+", "QU_/", "Q-_/"])
def test_both_alphabets_are_not_guessed(text):
    repaired = repair(text)
    assert repaired.text == text and repaired.ambiguous and repaired.key_repairs == []
    assert details(repaired) == [("base64-mixed-alphabets", 'Found both "+" or "/" and "-" or "_".')]


@pytest.mark.parametrize("text, padded, added", [
    ("QUJDQUI", "QUJDQUI=", 1),
    ("QUJDQU", "QUJDQU==", 2),
    ("QU+/Q/", "QU+/Q/==", 2),
])
def test_missing_padding_is_added(text, padded, added):
    repaired = repair(text)
    assert repaired.text == padded
    assert details(repaired) == [("paste-missing-padding", f'Added {added} "=" at the end.')]


@pytest.mark.parametrize("text", ["QUJD", "QUJDQ", "QUJDQ=", "QUJDQU=", "QU.DQU", "QUJDQU\u00e9"])
def test_padding_is_only_added_where_it_is_the_one_missing_thing(text):
    repaired = repair(text)
    assert repaired.text == text and repaired.key_repairs == []


@pytest.mark.parametrize("length, is_label", [(40, True), (41, False)])
def test_an_unbroken_run_before_a_colon_is_a_label_up_to_40_characters(length, is_label):
    name = "RegistrationKeyForGlpiNetwork".ljust(length, "x")
    repaired = repair(f"{name}: QUJD")
    assert repaired.labels == ([name] if is_label else [])
    assert repaired.text == ("QUJD" if is_label else f"{name}:QUJD")


def test_a_capitalised_fence_info_string_is_dropped_too():
    assert repair("```PowerShell\nQUJD\n```").text == "QUJD"


@pytest.mark.parametrize("text, indented", [
    ("QUJD\n\tQUJD\n\tQU", True),     # tabs
    ("QUJD\n QUJD\nQU", True),        # only the second line
    ("QUJD\nQUJD\n QU", True),        # only the last line
    ("QUJD\nQUJD\nQU", False),
])
def test_indentation_of_any_continuation_line_is_named(text, indented):
    detail = repair(text).findings[0].detail
    assert detail.endswith(", indented.") is indented


def test_every_ascii_whitespace_separates_pieces():
    repaired = repair("QUJD \t\x0b\x0c\r\nQUJD")
    assert repaired.pieces == ["QUJD", "QUJD"] and repaired.text == "QUJDQUJD"


@pytest.mark.parametrize("pasted", ["```\nQUJDQUJD", "\"'QUJD'\"", "\u201c \u2018QUJD\u2019 \u201d",
                                    '"Key: "QUJD""', "''"])
def test_unclosed_fences_and_nested_quotes_are_peeled(pasted):
    assert repair(pasted).text == ("" if pasted == "''" else "QUJDQUJD" if "QUJDQUJD" in pasted else "QUJD")


def test_a_line_indented_with_a_no_break_space_is_indented():
    # A web page's &nbsp; in front of a wrapped line: it is a space like any other.
    detail = repair("QUJD\n\u00a0QUJD\nQU").findings[-1].detail
    assert detail == "Joined 3 lines with Unix (LF) line endings, wrapped at 4 columns, indented."
