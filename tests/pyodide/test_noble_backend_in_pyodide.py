"""The browser's crypto backend (@noble/ciphers through Pyodide's FFI) on GLPI's own vectors.

Runs only inside Pyodide, where run_unit_tests.mjs registers the JS library; CPython skips it
(the CPython backend has its own vector tests in tests/unit/test_crypto_vectors_cpython.py).
"""

import base64
import sys

import pytest

from checker.browser_backend import NobleBackend  # imports Pyodide's FFI only when used
from checker.crypto import backend
from checker.crypto.glpi import decrypt_value, encrypt_value

pytestmark = pytest.mark.skipif(sys.platform != "emscripten",
                                reason="runs inside Pyodide only (tests/pyodide/run_unit_tests.mjs)")

KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
T5 = [  # GLPIKeyTest::encryptDecryptProvider, https://github.com/glpi-project/glpi/blob/0fb726655a429bcbd9e1a93a2913421b4039f1fe/tests/functional/GLPIKeyTest.php
    ("LO/9MItyVPEV1a/fn9kMehifov25XPOEqQl69GmnWFlcPG7zWk5v5CrSPRtVHd5Oy1Y=", b"MyP4ssw0rD"),
    ("tBH3MhNfobeT0tdmcYbSNqhll0OTcRSSRajXtSZ980RmzLLgJC3Owg==", b""),
    ("lBaMoLV3u0DOZS17qDBoO4uVY56WEmYQpUg+F+WfZ8zE3Nt/nQzBajs6VNY5F1CHHKKSaAR5wGdmYfY2MLX4b7KYOBuC/"
     "JYeOUnPXvhQTe8uuAdkDxjqmRqRtY2TaNhQBPBz6ul8i+YZRwW3oPe0wssZl2uV0KONNfI=",
     b"This is a string I want to crypt, with some unusual chars like %, ', @, and so on!"),
]
T6 = "CUdPSEgzKroDOwM1F8lbC8WDcQUkGCxIZpdTEpp5W/PLSb70WmkaKP0Q7QY="


@pytest.fixture(autouse=True)
def noble():
    backend.set_backend(NobleBackend())
    yield
    backend.set_backend(None)


@pytest.mark.parametrize("value, plaintext", T5)
def test_glpi_vectors_decrypt(value, plaintext):
    result = decrypt_value(value, KEY)
    assert result.ok and result.plaintext == plaintext


def test_value_from_another_key_fails_authentication():
    result = decrypt_value(T6, KEY)
    assert not result.ok and result.error_code == "decrypt-failed"


def test_nonce_is_the_additional_data():
    raw = base64.b64decode(T5[0][0])
    nonce, sealed = raw[:24], raw[24:]
    with pytest.raises(backend.AuthenticationFailed):
        NobleBackend().decrypt(KEY, nonce, sealed, b"")
    assert NobleBackend().decrypt(KEY, nonce, sealed, nonce) == T5[0][1]


def test_round_trip_through_glpis_format():
    value = encrypt_value("é secret".encode(), KEY)
    assert decrypt_value(value, KEY).plaintext == "é secret".encode()
