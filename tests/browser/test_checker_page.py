"""The /checker/ page as an admin uses it: paste, read the verdict, repair, copy a report."""

from __future__ import annotations

import base64
import json
import os

import pytest
from playwright.sync_api import expect

from checker.check import check
from checker.cli.render import render_report
from checker.findings import CATALOGUE

pytestmark = pytest.mark.browser


def make_key(**members) -> str:
    document = {"email": "admin@example.org", "subscription": "standard", **members,
                "signature": base64.b64encode(os.urandom(256)).decode()}
    return base64.b64encode(json.dumps(document).encode()).decode()


KEY = make_key()
KEYFILE_HEX = "a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6"
ENCRYPTED = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="  # GLPIKeyTest::encryptDecryptProvider


@pytest.mark.parametrize("text, kind, status", [
    (KEY, "registration-key", "ok"),
    (KEY[:-7], "registration-key", "error"),
    (KEYFILE_HEX, "glpicrypt-key", "error"),
    (ENCRYPTED, "encrypted-value", "error"),
    ("0123456789abcdefghij0123456789abcdefghij", "instance-uid", "error"),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "api-token", "error"),
    ("   ", "empty", "error"),
    ("hello world, this is not a key at all!", "unknown", "error"),
])
def test_verdict_for_each_kind(checker_page, check_key, text, kind, status):
    shown = check_key(checker_page.page, text)
    assert (shown["kind"], shown["status"]) == (kind, status)
    assert shown["codes"], "every verdict explains itself with findings"


def test_wrapped_quoted_key_is_repaired_and_copyable(checker_page, check_key):
    pasted = '"' + "\n".join(KEY[i:i + 64] for i in range(0, len(KEY), 64)) + '"\n'
    shown = check_key(checker_page.page, pasted)
    assert shown["status"] == "warning"
    assert shown["normalized"] == KEY
    assert {"paste-line-breaks", "paste-quotes"} <= set(shown["codes"])
    assert checker_page.page.locator("[data-checker-copy]").is_visible()


def test_findings_show_catalogue_text_and_link_to_their_reference(checker_page, check_key, site):
    check_key(checker_page.page, KEY[:-7])
    finding = checker_page.page.locator("[data-finding]").first
    code = finding.get_attribute("data-finding")
    assert CATALOGUE[code].title in finding.inner_text()
    link = finding.locator("a", has_text="About this finding").get_attribute("href")
    assert link == f"{site.url}reference/findings/#{code}"


@pytest.mark.parametrize("text", ['"' + KEY[:-7] + '"', KEYFILE_HEX])
def test_the_page_shows_the_words_the_cli_prints(checker_page, check_key, text):
    check_key(checker_page.page, text)
    page = checker_page.page
    printed = render_report(check(text).to_dict())
    verdict = page.locator("[data-checker-verdict]").inner_text()
    assert verdict == check(text).headline and verdict in printed
    for finding in check(text).findings:
        if finding.code == "key-vs-keyfile":  # shown as its own box, with its explanation
            shown = page.locator("[data-checker-key-vs-keyfile]").inner_text()
            assert finding.title in shown and finding.explanation in shown
            continue
        shown = page.locator(f'[data-finding="{finding.code}"]').inner_text()
        for words in (finding.title, finding.detail) + ((f"Fix: {finding.fix}",) if finding.show_fix else ()):
            assert words in shown and words in printed, (finding.code, words)
        assert ("Fix:" in shown) == finding.show_fix


def test_keyfile_pasted_as_key_explains_the_difference(checker_page, check_key):
    check_key(checker_page.page, KEYFILE_HEX)
    box = checker_page.page.locator("[data-checker-key-vs-keyfile]")
    assert box.is_visible()
    assert CATALOGUE["key-vs-keyfile"].explanation in box.inner_text()
    link = box.locator("a").first
    assert link.inner_text() == CATALOGUE["key-vs-keyfile"].title
    assert link.get_attribute("href").endswith("/explanation/key-vs-keyfile/")


def test_hostile_members_are_shown_as_text_never_as_markup(checker_page, check_key):
    hostile = '<img src=x onerror="window.__pwned=1"><b data-injected>bold</b>'
    check_key(checker_page.page, make_key(note=hostile))
    page = checker_page.page
    assert hostile in page.locator(".kc-fields").inner_text()
    assert page.locator("[data-checker-result] img, [data-injected]").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_copy_report_redacts_the_key(checker_page, check_key):
    page = checker_page.page
    check_key(page, KEY)
    page.click("[data-checker-copy-report]")
    expect(page.locator("[data-checker-report]")).not_to_have_value("")
    report = page.locator("[data-checker-report]").input_value()
    assert f"`{KEY[:6]}…[redacted, {len(KEY)} characters]`" in report
    assert KEY[:12] not in report and KEY[-12:] not in report
    assert "registration-key" in report


def test_privacy_statement_is_next_to_the_input(checker_page):
    statement = checker_page.page.locator("#kc-privacy")
    assert "nothing you paste" in statement.inner_text().lower()
    textarea = checker_page.page.locator("[data-checker-input]")
    assert textarea.get_attribute("spellcheck") == "false"
    assert textarea.get_attribute("autocomplete") == "off"
    assert textarea.evaluate("el => getComputedStyle(el).whiteSpace") == "pre"
