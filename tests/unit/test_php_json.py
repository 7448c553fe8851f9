"""A registration key's JSON read as GLPI's PHP reads it (`json_decode($text, true)`).

Regression tests for issue 13 item 6: Python's json accepted NaN and Infinity, crashed the CLI
on "\\ud800", refused a 5,000-digit integer and printed non-JSON `Infinity` under --json.
"""

import base64
import json

import pytest

from checker.check import check
from checker.php_json import (CTRL_CHAR, DEPTH, STATE_MISMATCH, SYNTAX, UTF8, UTF16, php_json_decode,
                               php_json_error)


def key_of(document_text: str) -> str:
    return base64.b64encode(document_text.encode("utf-8", "surrogatepass")).decode()


def strict_json(data) -> str:
    """JSON as JSON.parse would accept it: no NaN, no Infinity."""
    text = json.dumps(data, allow_nan=False)
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))
    return text


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", '{"signature":"x","n":NaN}',
                                  '{"signature":"x","n":Infinity}', '[-Infinity]'])
def test_nan_and_infinity_are_a_syntax_error_as_in_php(text):
    assert php_json_decode(text) == (None, SYNTAX)
    report = check(key_of(text))
    assert report.status == "error" and "key-not-json" in report.codes()
    assert 'fails with "Syntax error"' in report.findings[-1].detail


@pytest.mark.parametrize("number", ["1e999", "-1e999", "1" + "0" * 4999, "-" + "9" * 5000, "1E+400"])
def test_numbers_php_reads_as_inf_are_valid_and_the_report_stays_json(number):
    key = key_of('{"signature":"c2ln","big":%s}' % number)
    report = check(key)
    assert report.status == "ok" and report.normalized == key
    assert report.fields == {"big": number}  # shown as written: strict JSON has no INF
    strict_json(report.to_dict())


def test_integers_past_64_bits_become_floats_as_in_php():
    value, error = php_json_decode('{"a": 9223372036854775807, "b": 9223372036854775808, "c": -9223372036854775808}')
    assert error is None
    assert value["a"] == 2**63 - 1 and isinstance(value["a"], int)
    assert isinstance(value["b"], float) and value["b"] == 9.223372036854775808e18
    assert value["c"] == -2**63 and isinstance(value["c"], int)


@pytest.mark.parametrize("text", ['"\\ud800"', '{"signature":"x","a":"\\udc00"}', '{"\\udbff":1}',
                                  '["\\ud800\\u0041"]', '["\\ud800\\ud800"]',
                                  '{"signature":"x","a":"\\ud800","a":1}'])  # a later equal key hides it from Python
def test_a_lone_surrogate_escape_is_reported_as_php_does(text):
    assert php_json_decode(text) == (None, UTF16)
    report = check(key_of(text))
    assert report.status == "error"
    assert 'fails with "Single unpaired UTF-16 surrogate in unicode escape"' in report.findings[-1].detail
    strict_json(report.to_dict())


def test_a_surrogate_pair_is_one_character():
    assert php_json_decode('"\\ud83d\\ude00"') == ("\U0001F600", None)


def test_php_depth_limit_is_512_counting_the_value_itself():
    assert php_json_decode("[" * 511 + "]" * 511)[1] is None
    assert php_json_decode("[" * 512 + "]" * 512) == (None, DEPTH)
    # No RecursionError, and no stack overflow in Pyodide (it crashed the worker before).
    assert php_json_decode("[" * 100_000) == (None, DEPTH)


@pytest.mark.parametrize("text, message", [
    ("", SYNTAX), (" ", SYNTAX), ('{"a":1,}', SYNTAX), ("[1,]", SYNTAX), ("01", SYNTAX),
    ("-", SYNTAX), ("nul", SYNTAX), ('"\\x"', SYNTAX), ("\ufeff{}", SYNTAX), ('{"a" 1}', SYNTAX),
    ('"abc', CTRL_CHAR), ('"a\x01"', CTRL_CHAR), ("\x00", CTRL_CHAR),
    ('[1 "\\ud800"]', UTF16),   # PHP reads the next token before it sees the missing comma
    ('[1, 2] "\\ud800"', UTF16),
    ("[1}", STATE_MISMATCH), ('{"a":1]', STATE_MISMATCH), ("[}", STATE_MISMATCH), ("{]", STATE_MISMATCH),
    ("[1,}", SYNTAX),
])
def test_the_error_php_reports_first(text, message):
    assert php_json_error(text) == message
    assert php_json_decode(text) == (None, message)


@pytest.mark.parametrize("text", ['{"signature":"x"}', "123", '"s"', "null", "[]", "{}", " [1, -0.5e-3, true] ",
                                  '{"":{"":[]}}', '{"a":"\\u00e9\\/\\b\\f\\n\\r\\t"}'])
def test_valid_json_is_accepted_with_the_same_value(text):
    assert php_json_decode(text) == (json.loads(text), None)
    assert php_json_error(text) is None


@pytest.mark.parametrize("text", ['{"a":"\\ud800","a":1}', '{"a":{"b":"\\udfff"},"a":null}',
                                  '{"\\udc00":1,"\\udc00":2}', '[{"k":["x","\\udbff\\u0041"],"k":0}]'])
def test_a_lone_surrogate_in_a_value_a_later_key_replaces_still_fails_as_in_php(text):
    # Python keeps only the last of two equal keys; PHP has failed on the first one already.
    assert php_json_decode(text) == (None, UTF16)


def test_a_later_equal_key_replaces_the_value_in_place_as_in_php():
    value, error = php_json_decode('{"a":1,"b":2,"a":{"c":3}}')
    assert error is None and list(value.items()) == [("a", {"c": 3}), ("b", 2)]


@pytest.mark.parametrize("text", ['"\udcff"', '\udcff', '[1, \udcff]', '{"a\udc80":1}', '"\ud800"', '"\udfff"',
                                  '\ud800', '[\udfff]',
                                  '"a\udcff\x01', '1 \udcff'])
def test_bytes_that_are_not_utf8_are_malformed_utf8_as_in_php(text):
    # A lone surrogate in a str stands for a byte that was not UTF-8 (surrogateescape).
    assert php_json_error(text) == UTF8
    assert php_json_decode(text) == (None, UTF8)


@pytest.mark.parametrize("text, message", [
    ('"\x01\udcff"', CTRL_CHAR),        # the first error in the text is the one reported
    ('"\\ud83d\udcff"', UTF16),
    ('"\\x\udcff"', SYNTAX),
    ('[1 é]', SYNTAX),                   # valid UTF-8 that is no JSON token: a syntax error
    ('\u00a0[]', SYNTAX),
    ('\ue000', SYNTAX), ('[\ud7ff]', SYNTAX),   # the code points around the surrogates are valid UTF-8
])
def test_non_ascii_errors_in_text_order(text, message):
    assert php_json_decode(text) == (None, message)


def test_escaped_backslash_before_u_is_not_a_surrogate_escape():
    assert php_json_decode('["\\\\ud800"]') == (["\\ud800"], None)


# Each expectation below was checked against PHP 8.2's json_decode($text, true).

@pytest.mark.parametrize("text, message", [
    ('"\\ud800\\uZZZZ"', UTF16), ('"\\ud800\\udbff"', UTF16), ('"\\ud800\\ue000"', UTF16),
    ('"\\ud800\\"', UTF16), ('"\\ud800\\u"', UTF16), ('"\\ud800\\ud', UTF16), ('"\\udc00\\udc00"', UTF16),
    ('"\\u12"', SYNTAX), ('"\\u12G4"', SYNTAX), ('"\\', SYNTAX), ('"\\\'"', SYNTAX), ("'a'", SYNTAX),
    ('"\\"', CTRL_CHAR), ('"\x1f"', CTRL_CHAR), ("\x1f", CTRL_CHAR), (" \x01", CTRL_CHAR), ("\x7f", SYNTAX),
    ("[1]x", SYNTAX), ("1 2", SYNTAX), ("nullnull", SYNTAX), ("truex", SYNTAX), ("tru", SYNTAX),
    ('{"a":1,2}', SYNTAX), ('[1,"a":2]', SYNTAX), ('{"a"::1}', SYNTAX), ('"a" : 1', SYNTAX),
    ("[1,,2]", SYNTAX), ("[,1]", SYNTAX), ("{,}", SYNTAX), ("[1 2]", SYNTAX), (":", SYNTAX), (",", SYNTAX),
    ("]", SYNTAX), ("}", SYNTAX), ("0.", SYNTAX), (".5", SYNTAX), ("1.e5", SYNTAX), ("1e+", SYNTAX),
    ("+1", SYNTAX), ("00", SYNTAX), ("٣", SYNTAX), ("-٣", SYNTAX),
])
def test_more_errors_as_php_reports_them(text, message):
    assert php_json_decode(text) == (None, message)
    assert php_json_error(text) == message


@pytest.mark.parametrize("text, value", [
    ('"\\udbff\\udfff"', "\U0010ffff"), ('"\\ud7ff\\ue000"', "\ud7ff\ue000"), ('"\\u0000"', "\x00"),
    ('"\x7f"', "\x7f"), ("-0", 0), ("0e0", 0.0), ("1E-0", 1.0), ("1.0", 1.0), ("1e-999", 0.0),
    ("999999999999999999", 999999999999999999), ("-1000000000000000000", -1000000000000000000),
    ("-9223372036854775808", -2**63), ("false", False), ('[false,true,null]', [False, True, None]),
    ('"\\ud800\\udc00"', "\U00010000"), ('"\\udbff\\udc00"', "\U0010fc00"), ('"\\ud83d\\udfff"', "\U0001f7ff"),
    ('"\ue000\ud7ff"', "\ue000\ud7ff"), ('"abcdefghijklmnop\\ud83d\\ude00xyz"', "abcdefghijklmnop\U0001F600xyz"),
    ('"\\n\\"\\\\\\/\\b\\f\\r\\t"', "\n\"\\/\b\f\r\t"),
])
def test_more_values_as_php_reads_them(text, value):
    decoded, error = php_json_decode(text)
    assert error is None and php_json_error(text) is None
    assert decoded == value and type(decoded) is type(value)


@pytest.mark.parametrize("text", ["9223372036854775808", "-9223372036854775809", "10000000000000000000",
                                  "-10000000000000000000"])
def test_integers_outside_php_int_become_floats(text):
    decoded, error = php_json_decode(text)
    assert error is None and type(decoded) is float and decoded == float(text)


@pytest.mark.parametrize("text, shown", [("1e999", "1e999"), ("-1e999", "-1e999"), ("1" * 400, "1" * 400)])
def test_a_number_past_a_float_is_php_inf_kept_with_its_text(text, shown):
    from checker.php_json import PHPInfinity
    decoded, error = php_json_decode(text)
    assert error is None and isinstance(decoded, PHPInfinity)
    assert decoded == (float("-inf") if text.startswith("-") else float("inf")) and decoded.text == shown


def test_inf_numbers_nested_anywhere_become_their_text():
    from checker.php_json import jsonable
    value, _ = php_json_decode('{"a":[1e999,{"b":-1E400,"c":[2]}],"d":1.5,"e":"x"}')
    assert jsonable(value) == {"a": ["1e999", {"b": "-1E400", "c": [2]}], "d": 1.5, "e": "x"}
    json.dumps(jsonable(value), allow_nan=False)


@pytest.mark.parametrize("containers", ['[],{},[1],{"a":1},', '[[]],', '{"a":{}},', '{"a":[1,{"b":2}]},'])
def test_closed_containers_give_their_depth_back(containers):
    # 511 arrays deep is PHP's limit; containers closed before must not count.
    assert php_json_error("[" + containers + "[" * 510 + "]" * 510 + "]") is None
    assert php_json_error("[" + containers + "[" * 511 + "]" * 511 + "]") == DEPTH


def test_php_depth_limit_counts_objects_too():
    assert php_json_decode('{"a":' * 510 + "{}" + "}" * 510)[1] is None
    assert php_json_decode('{"a":' * 511 + "{}" + "}" * 511) == (None, DEPTH)
    assert php_json_error("[1]", max_depth=1) == DEPTH
    assert php_json_error("[1]", max_depth=2) is None
