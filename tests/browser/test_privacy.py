"""Nothing leaves the page: a whole session of the checker, key-file panel and simulator makes
no request off the site's origin, and the key, key file and decrypted secret appear in no URL,
storage, cookie or console message."""

from __future__ import annotations

import base64
import json
import urllib.parse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KEY = base64.b64encode(json.dumps({"subscription": "privacy-test-7f3a",
                                   "signature": "UHJpdmFjeVRlc3RTaWduYXR1cmU" * 8}).encode()).decode()
KEYFILE = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
VALUE = "LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y="
PLAINTEXT = "MyP4ssw0rD"


def secrets() -> list[str]:
    pieces = [KEY[10:40], KEY[-30:], VALUE[:30], PLAINTEXT, KEYFILE.hex()[:24],
              base64.b64encode(KEYFILE).decode()[:24]]
    return pieces + [urllib.parse.quote(piece, safe="") for piece in pieces]


def use_everything(page, check_key):
    check_key(page, KEY)
    page.wait_for_selector("[data-simulator] select[data-simulator-scenario]:not([disabled])")
    page.select_option("select[data-simulator-scenario]", "my-key")
    page.click("[data-simulator-run]")
    page.wait_for_selector("[data-simulator-outcome]")
    page.click("[data-checker-copy-report]")
    expect(page.locator("[data-checker-report]")).not_to_have_value("")
    page.set_input_files("[data-keyfile-input]", files=[{"name": "glpicrypt.key", "mimeType": "application/octet-stream",
                                                          "buffer": KEYFILE}])
    page.wait_for_selector("[data-keyfile-result][data-status]")
    page.fill("[data-keyfile-value]", VALUE)
    page.click("[data-keyfile-decrypt]")
    page.wait_for_selector("[data-keyfile-decrypt-result][data-status=ok]")
    page.click("[data-keyfile-show]")
    assert page.inner_text("[data-keyfile-plaintext]") == PLAINTEXT
    page.locator("a.md-tabs__link", has_text="Home").click()     # leave by instant navigation
    page.wait_for_load_state("networkidle")


def test_a_whole_session_keeps_every_secret_in_the_page(checker_page, check_key, site):
    page = checker_page.page
    use_everything(page, check_key)

    off_origin = [url for url in checker_page.requests if not url.startswith(site.url)]
    assert off_origin == []
    assert len(checker_page.requests) > 10  # the recording works: the page, assets, the runtime

    storage = page.evaluate("""() => JSON.stringify({
        local: Object.entries(localStorage), session: Object.entries(sessionStorage),
        cookie: document.cookie, url: location.href, history: history.length })""")
    cookies = json.dumps(checker_page.context.cookies())
    console = "\n".join(checker_page.console)
    urls = "\n".join(checker_page.requests)
    for secret in secrets():
        assert secret not in urls, "a secret went into a URL"
        assert secret not in storage, "a secret went into storage or the address bar"
        assert secret not in cookies, "a secret went into a cookie"
        assert secret not in console, "a secret went into the console"
