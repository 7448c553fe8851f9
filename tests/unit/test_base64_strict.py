"""PHP's `base64_decode($s, true)` as the checker reads it, and what the user is told.

Each case is an input an admin can paste; the expectation is PHP strict mode's verdict and the
exact position the checker names, 1-based as in the finding's detail.
"""

import pytest

from checker.base64_strict import Base64Error, is_canonical, php_strict_decode
from checker.registration_key import check_format


@pytest.mark.parametrize("text, expected", [
    ("QUJD", b"ABC"),
    ("QUI=", b"AB"),
    ("QQ==", b"A"),
    ("QUI", b"AB"),            # PHP accepts missing padding
    ("QQ", b"A"),
    ("QQX", b"A\x05"),         # unpadded, ending in a letter the slow path must keep
    ("QU JD\r\n", b"ABC"),     # PHP skips spaces, tabs and line breaks
    ("Q\tQ", b"A"),
    ("Q U\tJ\r\nD", b"ABC"),  # all four at once
    ("", b""),
])
def test_php_strict_mode_decodes(text, expected):
    assert php_strict_decode(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("QUJD\x0b", Base64Error("invalid-character", 4, "\x0b")),  # a vertical tab is no PHP whitespace
    ("QUJD\xa0", Base64Error("invalid-character", 4, "\xa0")),
    ("QU-D", Base64Error("invalid-character", 2, "-")),
    ("QU=JD", Base64Error("bad-padding", 2)),
    ("QQ==QUJD", Base64Error("bad-padding", 2)),  # whole groups, but data after the padding
    ("=QUJD", Base64Error("bad-padding", 0)),
    ("QUJD=", Base64Error("bad-padding", 4)),   # Python's own strict mode accepts this one
    ("QQ=", Base64Error("bad-padding", 2)),
    ("QUJD====", Base64Error("bad-padding", 4)),
    ("Q", Base64Error("truncated")),
    ("QUJDQ===", Base64Error("truncated")),
    ("QUJDX", Base64Error("truncated")),
])
def test_php_strict_mode_refuses(text, expected):
    assert php_strict_decode(text) == expected


@pytest.mark.parametrize("text, detail", [
    ("QUJD\x0b", "Character 5 of 5 is (U+000B LINE TABULATION)."),
    ("QU-D", 'Character 3 of 4 is "-" (U+002D HYPHEN-MINUS).'),
    ("=QUJD", '"=" found at character 1 of 5.'),
    ("QU=JD", '"=" found at character 3 of 5.'),
    ("QQ=", '"=" found at character 3 of 3.'),
    ("QUJD=", '"=" found at character 5 of 5.'),
    ("QUJDX", "5 characters: base64 text of a complete value cannot be 5 characters long before "
              "its padding."),
])
def test_the_finding_names_the_character_and_its_position(text, detail):
    assert [f.detail for f in check_format(text).findings] == [detail]


@pytest.mark.parametrize("text, canonical", [
    ("QUJD", True),
    ("QUI=", True),
    ("QQ==", True),
    ("", True),
    ("QUI", False),       # padding missing
    ("QU==QUJD", False),  # whole groups, but data after the padding
    ("QUJD\n", False),
    ("QU-D", False),
])
def test_canonical_means_whole_padded_groups_and_nothing_else(text, canonical):
    assert is_canonical(text) is canonical


@pytest.mark.parametrize("text, named", [
    ("QU\x1bD", "(U+001B ESCAPE)"),
    ("QU\x7fD", "(U+007F DELETE)"),
    ("QU\x01D", "(U+0001 CONTROL CHARACTER)"),
    ("QU\x85D", "(U+0085 CONTROL CHARACTER)"),
    ("QU\u200bD", "(U+200B ZERO WIDTH SPACE)"),
    ("QU\U000e0001D", "(U+E0001 LANGUAGE TAG)"),
    ("QU\ue000D", "(U+E000 PRIVATE USE CHARACTER)"),
    ("QU\u0378D", "(U+0378 UNASSIGNED CHARACTER)"),
    ("QU\ud800D", "(U+D800 SURROGATE)"),
])
def test_a_control_character_is_named_not_unnamed(text, named):
    assert check_format(text).findings[0].detail == f"Character 3 of 4 is {named}."
