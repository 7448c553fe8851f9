"""The simulated GLPI instance, and the shape of the situation a scenario puts it in. Fixed data
only; each scenario's own situation is in the scenarios catalogue."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

GLPI_ROOT = "/var/www/glpi"  # a tarball install (GLPI_INSTALL_MODE TARBALL)
INSTALL_MODE = "TARBALL"
KEYFILE_PATH = f"{GLPI_ROOT}/config/glpicrypt.key"
MARKETPLACE_DIR = f"{GLPI_ROOT}/marketplace"
SESSION_LANGUAGE = "en_GB"
# Config::getUuid('glpi_network'): 40 characters from [0-9a-z], fixed for the model.
INSTANCE_UID = hashlib.sha1(b"glpi-keycheck simulated instance").hexdigest()
WRONG_KEYFILE_SIZE = 33  # 32 bytes plus a trailing newline
STALE_CACHE_AGE = "9 hours"


@dataclass(frozen=True)
class Situation:
    # "save" web form | "cli-save" console | "open" key saved earlier | "marketplace" web page |
    # "console-upgrade" `php bin/console marketplace:upgrade`
    journey: str = "save"
    keyfile: str = "ok"  # "ok" | "missing" | "unreadable" | "wrong-size" | "replaced" | "kernel-secret"
    account: str | None = "demo-running"  # whose demo key; None: a key the model never issued
    failure: str | None = None  # network model failure mode (see NetworkModel.failure)
    proxy: bool = False
    damaged_key: bool = False  # the stored key decrypts to a damaged value (#11995)
    cli_suffix: str = ""  # what the console value carries after the key
    stale_answer: bool = False  # the cache holds an older "invalid" answer for this key
    plugin: str = "exampleplugin"
    marketplace_writable: bool = True
    marketplace_enable: int = 3
    # Plugins the console upgrade finds installed: (directory, installed from the Marketplace?)
    installed_plugins: tuple[tuple[str, bool], ...] = (("exampleplugin", True),)


def _kernel_secret_demo_key() -> bytes:
    """A fixed 32-byte key file that GLPIKey accepts and Symfony misreads: "%" at offsets 10 and
    17, as in the report on issue #22076, around six bytes that are neither "%" nor whitespace
    (the seed is chosen for that; the tests check it). The simulator shows offsets, never bytes."""
    key = bytearray(hashlib.sha256(b"glpi-keycheck kernel.secret demo key 0").digest())
    key[10] = key[17] = ord("%")
    return bytes(key)


KERNEL_SECRET_DEMO_KEY = _kernel_secret_demo_key()

# What a damaged stored key decrypts to in the model: the key plus stray bytes. The real
# corruption of #11995 was never pinned down; the server's answer to it was.
DAMAGE = "\x1b\x9c"


def stand_in_ciphertext(plaintext: str) -> str:
    """What GLPIKey::encrypt() would store, in shape only: base64(nonce[24] ‖ ciphertext ‖
    tag[16]), so 4·ceil((40 + n)/3) characters. The simulator does not run the cipher
    (GLPI draws a random nonce; a simulation must be reproducible): the bytes are a hash."""
    data = plaintext.encode("utf-8", "surrogateescape")
    nonce = hashlib.sha256(b"nonce:" + data).digest()[:24]
    body = hashlib.shake_256(b"ciphertext:" + data).digest(len(data) + 16)
    return base64.b64encode(nonce + body).decode("ascii")
