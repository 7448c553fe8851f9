"""The key-file panel: a local glpicrypt.key inspected and tried on GLPI's own vectors, in the
browser, through the vendored @noble/ciphers backend (GLPI's tests/functional/GLPIKeyTest.php vectors)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
T5 = [
    ("LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y=", "MyP4ssw0rD"),
    ("lBaMoLV3u0DOZS17qDBoO4uVY56WEmYQpUg+F+WfZ8zE3Nt/nQzBajs6VNY5F1CHHKKSaAR5wGdmYfY2MLX4b7KYOBuC/"
     "JYeOUnPXvhQTe8uuAdkDxjqmRqRtY2TaNhQBPBz6ul8i+YZRwW3oPe0wssZl2uV0KONNfI=",
     "This is a string I want to crypt, with some unusual chars like %, ', @, and so on!"),
]
T6 = "CUdPSEgzKroDOwM1F8lbC8WDcQUkGCxIZpdTEpp5W/PLSb70WmkaKP0Q7QY="
GLPI_BAD_KEY_MESSAGE = "Unable to decrypt string. It may have been crypted with another key."


def choose_file(page, content: bytes, name: str = "glpicrypt.key") -> dict:
    result = page.locator("[data-keyfile-result]")
    page.set_input_files("[data-keyfile-input]", files=[{"name": name, "mimeType": "application/octet-stream",
                                                          "buffer": content}])
    page.wait_for_selector("[data-keyfile-result][data-status]")
    return {"status": result.get_attribute("data-status"), "text": result.inner_text(),
            "codes": page.eval_on_selector_all("[data-keyfile-result] [data-finding]",
                                               "items => items.map(item => item.dataset.finding)")}


def decrypt(page, value: str) -> str:
    page.fill("[data-keyfile-value]", value)
    page.click("[data-keyfile-decrypt]")
    page.wait_for_selector("[data-keyfile-decrypt-result][data-status]")
    return page.locator("[data-keyfile-decrypt-result]").get_attribute("data-status")


def test_a_32_byte_key_file_is_valid_and_fingerprinted(checker_page):
    shown = choose_file(checker_page.page, KEY)
    assert shown["status"] == "ok"
    assert "keyfile-valid" in shown["codes"]
    assert "32" in checker_page.page.locator("[data-keyfile-facts]").inner_text()


def test_a_33_byte_key_file_with_a_newline_is_refused_and_explained(checker_page):
    shown = choose_file(checker_page.page, KEY + b"\n")
    assert shown["status"] == "error"
    assert "keyfile-trailing-newline" in shown["codes"]


@pytest.mark.parametrize("value, plaintext", T5)
def test_glpi_vectors_decrypt_in_the_browser_and_stay_hidden_until_asked(checker_page, value, plaintext):
    page = checker_page.page
    choose_file(page, KEY)
    assert decrypt(page, value) == "ok"
    secret = page.locator("[data-keyfile-plaintext]")
    assert secret.is_hidden() and secret.inner_text() == ""
    assert plaintext not in page.content()
    page.click("[data-keyfile-show]")
    assert secret.is_visible() and secret.inner_text() == plaintext
    page.click("[data-keyfile-show]")
    assert secret.is_hidden()


def test_a_value_from_another_key_gives_glpis_message(checker_page):
    page = checker_page.page
    choose_file(page, KEY)
    assert decrypt(page, T6) == "error"
    assert page.locator("[data-keyfile-glpi-message]").inner_text() == GLPI_BAD_KEY_MESSAGE
    assert page.locator("[data-keyfile-decrypt-result]").get_attribute("data-error-code") == "decrypt-failed"
