"""The simulated instance's fixed data: the stand-in of GLPI's encrypted key and the demo key
file of the kernel.secret scenario. Both must be the same on every run and every platform
(CPython and Pyodide), and have the shape GLPI's would. Pure: also runs in Pyodide."""

import base64
import math

import pytest

from checker.keyfile import symfony_parameter_references
from checker.simulation import simulate
from checker.simulation.network_model import issue_demo_key
from checker.simulation.world import KERNEL_SECRET_DEMO_KEY, _kernel_secret_demo_key, stand_in_ciphertext


@pytest.mark.parametrize("plaintext", ["", "a", "ab", "abc", "abcd", "é" * 3, "x" * 173])
def test_stand_in_has_the_length_glpikey_encrypt_gives(plaintext):
    # base64(nonce[24] ‖ ciphertext[n] ‖ tag[16]), n counted in UTF-8 bytes.
    size = 40 + len(plaintext.encode("utf-8"))
    stand_in = stand_in_ciphertext(plaintext)
    assert len(stand_in) == 4 * math.ceil(size / 3)
    assert len(base64.b64decode(stand_in, validate=True)) == size


def test_stand_in_is_reproducible_and_differs_per_value():
    key = issue_demo_key("demo-running")
    assert stand_in_ciphertext(key).startswith("0Ji1Vpk2j2VMy9RACK4GbTNX6RZSz+f4ALV2WCmny8p5")
    assert stand_in_ciphertext(key + "\n") != stand_in_ciphertext(key)


def test_stored_value_shown_by_the_save_step_is_the_same_every_run():
    detail = simulate("valid", "10.0").step("save-key").detail
    assert "glpinetwork_registration_key):\n0Ji1Vp…[redacted, 284 characters]\n" in detail


def test_a_key_with_bytes_that_are_not_utf8_is_stored_byte_for_byte():
    # A key passed on the command line with an invalid UTF-8 byte arrives surrogate-escaped:
    # GLPI stores the bytes as they are, one byte each, and the run must not crash on it.
    result = simulate("valid", "10.0", "eyJh\udcffbc")
    detail = result.step("save-key").detail
    assert "glpinetwork_registration_key):\nwEawkr…[redacted, 64 characters]\n" in detail
    assert len(stand_in_ciphertext("eyJh\udcffbc")) == 4 * math.ceil((40 + 7) / 3)


def test_kernel_secret_demo_key_is_derived_the_same_every_time():
    # The scenario's key file: "%" at offsets 10 and 17, nothing else Symfony would read.
    derived = _kernel_secret_demo_key()
    assert derived == KERNEL_SECRET_DEMO_KEY
    assert len(derived) == 32 and derived[10] == derived[17] == ord("%")
    assert symfony_parameter_references(derived) == [(10, 18)]
    between = derived[11:17]
    assert b"%" not in between and not any(chr(byte).isspace() for byte in between)
