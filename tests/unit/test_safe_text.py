"""`checker.safe_text`: the one escaping for display, and shell quoting for advice.

Regression tests for issue 13 items 1 and 7: a key's member name could clear the screen and
print a fake verdict; `--generate 'my key;echo PWNED'` suggested a command that ran `echo`.
"""

import shlex

import pytest

from checker.safe_text import shell_quote, shown, shown_tree


@pytest.mark.parametrize("raw, escaped", [
    ("\x1b[2J\x1b[H\x1b[32mALL GOOD\x1b[0m", "\\x1b[2J\\x1b[H\\x1b[32mALL GOOD\\x1b[0m"),
    ("\x9b2J", "\\x9b2J"),                       # C1 CSI: a one-character escape sequence
    ("a\x07b\x7fc\x00", "a\\x07b\\x7fc\\x00"),
    ("line\nbreak\r\t", "line\\nbreak\\r\\t"),
    ("\u202egnp.exe", "\\u202egnp.exe"),         # bidi override
    ("\u2066x\u2069", "\\u2066x\\u2069"),
    ("a\u200bb\ufeff\u00ad", "a\\u200bb\\ufeff\\xad"),   # zero-width, BOM, soft hyphen
    ("\u3164\u2800", "\\u3164\\u2800"),          # letters that print as blanks
    ("\u2028\u2029", "\\u2028\\u2029"),
    ("\U000e0041", "\\U000e0041"),               # tag character
    ("/tmp/\udcffx", "/tmp/\\xffx"),            # a byte that was not UTF-8 (surrogateescape)
    ("\u00a0", "\\xa0"),
])
def test_controls_and_invisible_characters_are_escaped(raw, escaped):
    assert shown(raw) == escaped


@pytest.mark.parametrize("text", ["eyJzaWduYXR1cmUiOiJ4In0=", "Clé d'enregistrement : ✓ 日本語 😀", "a b", ""])
def test_printable_text_is_unchanged(text):
    assert shown(text) == text


def test_every_string_of_a_report_is_escaped_keys_included():
    report = {"fields": {"\x1b[2J": ["\x9b", {"k\u202e": "v\x07"}]}, "n": 3, "x": None}
    assert shown_tree(report) == {"fields": {"\\x1b[2J": ["\\x9b", {"k\\u202e": "v\\x07"}]}, "n": 3, "x": None}
    assert shown_tree({"m": "a\nb\x1b"}, keep_newlines=True) == {"m": "a\nb\\x1b"}


@pytest.mark.parametrize("path", ["my key;echo PWNED", "$(reboot)", "`id`", "a'b", "-rf", "/etc/glpi/glpicrypt.key"])
def test_shell_quote_gives_one_word(path):
    assert shlex.split(f"chown www-data: {shell_quote(path)}") == ["chown", "www-data:", path]


def test_shell_quote_of_an_unprintable_path_keeps_its_bytes_and_shows_none_raw():
    quoted = shell_quote("/tmp/\udcffx\x1b;'")
    assert quoted == "$'/tmp/\\xffx\\x1b;\\x27'"
    assert shown(quoted) == quoted


@pytest.mark.parametrize("raw, escaped", [
    ("\udc80", "\\x80"),      # the lowest byte surrogateescape makes of a non-UTF-8 byte
    ("\udcff", "\\xff"),      # the highest
    ("\udc7f", "\\udc7f"),    # lone surrogates that no byte maps to: shown as code points
    ("\udd00", "\\udd00"),
    ("\ud800", "\\ud800"),
])
def test_only_undecodable_bytes_are_shown_as_bytes(raw, escaped):
    assert shown(raw) == escaped


def test_a_report_keeps_its_line_breaks_only_when_asked():
    assert shown_tree("a\nb") == "a\\nb"
    assert shown_tree({"m": "a\nb", "l": ["c\nd"]}) == {"m": "a\\nb", "l": ["c\\nd"]}
    assert shown_tree({"m": ["a\nb\x07", ("c\nd",)]}, keep_newlines=True) == {"m": ["a\nb\\x07", ["c\nd"]]}


def test_a_report_keeps_keys_that_are_not_text():
    assert shown_tree({3: "x\x1b", None: 1}) == {3: "x\\x1b", None: 1}


def test_shell_quote_of_an_unprintable_path_keeps_spaces_and_letters_readable():
    # Only bytes outside printable ASCII, the quote and the backslash are escaped.
    assert shell_quote("/tmp/Xmas Key~\x7f\\") == "$'/tmp/Xmas Key~\\x7f\\x5c'"
    assert shell_quote("/tmp/é\x1b") == "$'/tmp/\\xc3\\xa9\\x1b'"
