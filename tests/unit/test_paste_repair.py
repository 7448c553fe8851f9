"""Each kind of paste damage is recognised, reported as its own finding, and undone exactly."""

import pytest

from checker.check import check
from samples import KEY, KEY_NO_PAD, KEY_ONE_PAD


def verdict(text):
    report = check(text)
    return report, report.codes()


def assert_repaired(text, *codes, status="warning", original=KEY):
    report, found = verdict(text)
    assert report.kind == "registration-key"
    assert report.status == status, found
    assert report.normalized == original
    for code in codes:
        assert code in found, found
    return report


def test_clean_key_is_ok_with_no_repair():
    report, codes = verdict(KEY)
    assert (report.kind, report.status, report.normalized) == ("registration-key", "ok", KEY)
    assert not [c for c in codes if c.startswith("paste-")]
    assert "key-well-formed" in codes


@pytest.mark.parametrize("damaged", [f"  {KEY}  ", f"{KEY}\n", f"\t{KEY}\r\n", f"\n\n{KEY}"])
def test_surrounding_whitespace_is_only_information(damaged):
    report = assert_repaired(damaged, "paste-surrounding-whitespace", status="ok")
    whitespace = next(f for f in report.findings if f.code == "paste-surrounding-whitespace")
    assert whitespace.severity == "info"
    assert "config:set" in whitespace.detail


@pytest.mark.parametrize("width", [64, 76])
def test_mail_wrapping_is_joined_and_named(width):
    wrapped = "\r\n".join(KEY[i:i + width] for i in range(0, len(KEY), width))
    report = assert_repaired(wrapped, "paste-line-breaks")
    detail = next(f.detail for f in report.findings if f.code == "paste-line-breaks")
    assert f"wrapped at {width} columns" in detail
    assert "CRLF" in detail


def test_indented_lines_are_joined():
    indented = "\n".join("    " + KEY[i:i + 50] for i in range(0, len(KEY), 50))
    report = assert_repaired(indented, "paste-line-breaks")
    assert "indented" in next(f.detail for f in report.findings if f.code == "paste-line-breaks")


@pytest.mark.parametrize("left,right", [('"', '"'), ("'", "'"), ("`", "`"), ("\u201c", "\u201d"),
                                        ("\u2018", "\u2019"), ("\u00ab ", " \u00bb"), ("```\n", "\n```"),
                                        ("```text\n", "\n```")])
def test_quotes_are_removed(left, right):
    assert_repaired(f"{left}{KEY}{right}", "paste-quotes")


@pytest.mark.parametrize("label", ["Registration key: ", "Clé d'enregistrement : ", "X-Registration-Key:",
                                   "glpinetwork_registration_key = "])
def test_label_is_removed(label):
    report = assert_repaired(f"{label}{KEY}", "paste-label")
    assert label.split(":")[0].split("=")[0].strip() in next(
        f.detail for f in report.findings if f.code == "paste-label")


def test_label_then_quotes_then_whitespace_all_peeled():
    assert_repaired(f'  Registration key: "{KEY}"\n', "paste-label", "paste-quotes")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u200c", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_are_removed_and_named(invisible):
    damaged = invisible + KEY[:100] + invisible + KEY[100:]
    report = assert_repaired(damaged, "paste-invisible-characters")
    detail = next(f.detail for f in report.findings if f.code == "paste-invisible-characters")
    assert f"U+{ord(invisible):04X}" in detail


def test_no_break_space_inside_is_treated_as_whitespace():
    assert_repaired(KEY[:80] + "\u00a0" + KEY[80:], "paste-invisible-characters", "paste-line-breaks")


def test_url_encoding_is_decoded():
    encoded = KEY.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    report = assert_repaired(encoded, "paste-url-encoded")
    detail = next(f.detail for f in report.findings if f.code == "paste-url-encoded")
    assert "%2B" in detail and "%2F" in detail and "%3D" in detail


def test_lowercase_url_encoding_is_decoded():
    assert_repaired(KEY.replace("+", "%2b"), "paste-url-encoded")


def test_urlsafe_alphabet_is_translated():
    assert_repaired(KEY.replace("+", "-").replace("/", "_"), "paste-urlsafe-alphabet")


@pytest.mark.parametrize("original", [KEY, KEY_ONE_PAD])
def test_missing_padding_is_restored(original):
    assert_repaired(original.rstrip("="), "paste-missing-padding", original=original)


def test_urlsafe_without_padding_is_fully_repaired():
    damaged = KEY.replace("+", "-").replace("/", "_").rstrip("=")
    assert_repaired(damaged, "paste-urlsafe-alphabet", "paste-missing-padding")


def test_unpadded_key_needs_no_padding_repair():
    report, codes = verdict(KEY_NO_PAD)
    assert report.status == "ok" and "paste-missing-padding" not in codes


def test_everything_at_once():
    damaged = "\ufeffRegistration key: \u201c" + "\n  ".join(
        KEY.replace("+", "-").replace("/", "_").rstrip("=")[i:i + 76] for i in range(0, len(KEY), 76)) + "\u201d\n"
    assert_repaired(damaged, "paste-invisible-characters", "paste-label", "paste-quotes",
                    "paste-line-breaks", "paste-urlsafe-alphabet", "paste-missing-padding")


def test_mixed_alphabets_are_not_guessed():
    damaged = KEY.replace("+", "-", 1)  # one "-" among "+" and "/"
    report, codes = verdict(damaged)
    assert report.status == "error" and report.normalized is None
    assert "base64-mixed-alphabets" in codes


def test_two_values_are_not_guessed():
    report, codes = verdict(f"{KEY}\n{KEY_ONE_PAD}")
    assert report.status == "error" and report.normalized is None
    assert "paste-several-values" in codes


def test_bidi_override_is_an_error_even_if_the_rest_is_fine():
    report, codes = verdict(KEY[:10] + "\u202e" + KEY[10:])
    assert report.status == "error" and report.normalized is None
    assert "paste-bidi-controls" in codes


def test_lookalike_letter_is_flagged_not_replaced():
    position = KEY.index("a", 10)
    report, codes = verdict(KEY[:position] + "\u0430" + KEY[position + 1:])  # Cyrillic а
    assert report.status == "error" and report.normalized is None
    assert report.kind == "registration-key"
    finding = next(f for f in report.findings if f.code == "paste-lookalike-characters")
    assert "CYRILLIC SMALL LETTER A" in finding.detail and '"a"' in finding.detail


def test_fullwidth_digit_is_flagged():
    report, codes = verdict(KEY[:20] + "\uff11" + KEY[21:])
    assert "paste-lookalike-characters" in codes


def test_url_escape_split_by_wrapping_is_still_decoded():
    # Regression: wrapping at 64 columns cut "%2B" into "%2" and "B" on two lines.
    encoded = KEY.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    split_at = encoded.index("%2") + 2
    assert_repaired(encoded[:split_at] + "\n" + encoded[split_at:], "paste-url-encoded", "paste-line-breaks")


def test_equals_sign_inside_a_key_is_not_taken_for_a_label():
    # Regression: "eyJ...=rest" was read as the label "eyJ..." followed by a value.
    report, codes = verdict(KEY[:40] + "=" + KEY[41:])
    assert "paste-label" not in codes and "base64-bad-padding" in codes
