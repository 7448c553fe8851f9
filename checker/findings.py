"""The findings catalogue: every problem or fact the checker can report, defined once.

Code, CLI, browser and the generated reference page (docs/reference/findings.md) all read
this catalogue. A finding's `doc` is its anchor on that page ("reference/findings.md#<code>"), so every code
has a home; `see_also` names more pages the same way (see checker.pages).
Codes are stable: never rename one, add a new one instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import glpi_texts as _glpi_words
from .pages import FINDINGS_PAGE, is_page_path
from .report import Finding, Severity


@dataclass(frozen=True)
class FindingSpec:
    code: str
    severity: Severity
    group: str
    title: str
    explanation: str
    fix: str
    see_also: tuple[str, ...] = ()  # docs source paths ("howto/x.md") that tell more
    sources: tuple[str, ...] = ()
    show_fix: bool = True  # False for facts that need no action: their fix says so

    @property
    def doc(self) -> str:
        return f"{FINDINGS_PAGE}#{self.code}"

    def finding(self, detail: str, *, fix: str | None = None, doc: str | None = None) -> Finding:
        """An instance of this finding; `detail` says what was seen in this input, `doc` a
        page (docs source path) that explains this instance better than the findings reference."""
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            detail=detail,
            fix=fix or self.fix,
            doc=doc or self.doc,
            explanation=self.explanation,
            see_also=self.see_also,
            show_fix=self.show_fix,
        )


CATALOGUE: dict[str, FindingSpec] = {}

GROUPS = {
    "paste": "Paste damage",
    "format": "Registration key format",
    "identify": "Not a registration key",
    "keyfile": "glpicrypt.key file",
    "crypto": "Encrypted values",
}


def _define(code: str, severity: Severity, group: str, title: str, explanation: str, fix: str,
            *, see_also: tuple[str, ...] = (), sources: tuple[str, ...] = (),
            show_fix: bool | None = None) -> FindingSpec:
    """Add a finding. Its fix is shown unless it is information (then only when `show_fix`)."""
    assert code not in CATALOGUE, code
    assert group in GROUPS, group
    assert all(is_page_path(path) for path in see_also), (code, see_also)
    show = severity != "info" if show_fix is None else show_fix
    spec = FindingSpec(code, severity, group, title, explanation, fix, see_also, sources, show)
    CATALOGUE[code] = spec
    return spec


def spec(code: str) -> FindingSpec:
    return CATALOGUE[code]


GLPI = "https://github.com/glpi-project/glpi"
# GLPI's code, pinned at the GLPI 11 commit the texts below were checked against.
GLPI11_AT = f"{GLPI}/blob/0042059c82075d3223c145cb3609a83019fc0cd2"
NETWORK_SRC = f"{GLPI11_AT}/src/GLPINetwork.php"
KEY_SRC = f"{GLPI11_AT}/src/GLPIKey.php"

# --- Paste damage ---------------------------------------------------------------------------

_define(
    "input-too-long", "error", "paste",
    "Input too long",
    "The input is far longer than any GLPI secret. The checker stops reading it rather than "
    "guess what part of it was meant.",
    "Paste only the key: one line of text from the GLPI Network portal.",
)
_define(
    "input-binary", "error", "paste",
    "Binary data, not text",
    "The input holds bytes that are not UTF-8 text. A registration key is plain ASCII text.",
    "Paste the key as text. If this is a key file, inspect it with "
    "`glpi-keycheck keyfile PATH` instead.",
)
_define(
    "paste-surrounding-whitespace", "info", "paste",
    "Spaces or line breaks around the key",
    "The paste starts or ends with whitespace. GLPI's web form trims it since GLPI 10.0.1 "
    "(PR #11567, merged after 10.0.0), but `php bin/console config:set` does not; before the "
    "trim, a trailing line break made the Marketplace's requests fail with \"is not valid header "
    "value\".",
    "Paste the repaired key shown here, without the surrounding whitespace.",
    see_also=("howto/set-key-cli.md",),
    sources=(f"{GLPI}/pull/11567",),
)
_define(
    "paste-line-breaks", "warning", "paste",
    "Line breaks inside the key",
    "The key was split over several lines (mail clients wrap long lines at 64 or 76 columns, "
    "terminals and editors wrap or indent them). GLPI does not remove whitespace inside a key: "
    "it stores it and sends it in the X-Registration-Key header, where a line break is not a "
    "valid header value (the Marketplace's HTTP client refuses it, PR #11567).",
    "Paste the repaired key shown here: the same characters on one line.",
    sources=(f"{GLPI}/pull/11567",),
)
_define(
    "paste-quotes", "warning", "paste",
    "Quotes around the key",
    "The key is wrapped in quotes or back quotes (from a chat message, a JSON file, a Markdown "
    "code span or a word processor's curly quotes). Quotes are not part of the key, and GLPI "
    "would store and send them.",
    "Paste the repaired key shown here, without the quotes.",
)
_define(
    "paste-label", "warning", "paste",
    "A label was copied with the key",
    "The paste starts with a label such as \"Registration key:\". Base64 never contains a colon, "
    "so the label cannot be part of the key.",
    "Paste the repaired key shown here, without the label.",
)
_define(
    "paste-invisible-characters", "warning", "paste",
    "Invisible characters in the key",
    "The paste holds characters that do not show on screen: zero-width spaces or joiners, a "
    "byte order mark, soft hyphens or no-break spaces. Web pages, word processors and chat "
    "tools insert them. GLPI would keep them and the key would never match.",
    "Paste the repaired key shown here, without the invisible characters.",
)
_define(
    "paste-bidi-controls", "error", "paste",
    "Text-direction control characters",
    "The paste holds Unicode bidirectional controls (for example RIGHT-TO-LEFT OVERRIDE). They "
    "change how text is displayed, so what you see is not what is stored. They never belong in "
    "a key and are a known way to disguise text.",
    "Copy the key again from the GLPI Network portal, not from the message or page that held "
    "these characters.",
)
_define(
    "paste-lookalike-characters", "error", "paste",
    "Look-alike characters",
    "The paste holds letters from another script or a full-width form that look like Latin "
    "letters or digits (for example Cyrillic \"а\" for Latin \"a\"). Base64 only uses ASCII, and "
    "the checker will not guess which letter was meant.",
    "Copy the key again from the GLPI Network portal; do not retype it.",
)
_define(
    "paste-url-encoded", "warning", "paste",
    "URL-encoded characters",
    "The key contains %2B, %2F or %3D: it went through a URL or a form encoder, which turns "
    "\"+\", \"/\" and \"=\" into these sequences.",
    "Paste the repaired key shown here, with the characters decoded.",
)
_define(
    "paste-urlsafe-alphabet", "warning", "paste",
    "URL-safe base64 alphabet",
    "The key uses \"-\" and \"_\" where GLPI Network keys use \"+\" and \"/\" (the URL-safe base64 "
    "alphabet). Some tools convert keys this way.",
    "Paste the repaired key shown here, in the standard alphabet.",
)
_define(
    "paste-missing-padding", "warning", "paste",
    "Missing \"=\" padding at the end",
    "Base64 text is a multiple of 4 characters long, padded with \"=\" at the end. This key "
    "lacks its padding, often because a selection stopped before the \"=\" signs.",
    "Paste the repaired key shown here, with its padding restored.",
)
_define(
    "paste-several-values", "error", "paste",
    "Several values pasted",
    "The paste holds several separate values, and joining them does not give a well-formed key. "
    "The checker will not guess which one is the key.",
    "Paste one value only.",
)

# --- Registration key format -----------------------------------------------------------------

_define(
    "base64-invalid-character", "error", "format",
    "Not base64: invalid character",
    "A GLPI Network registration key is base64 text: letters, digits, \"+\", \"/\" and \"=\" "
    "padding at the end. This input holds a character that base64 never uses.",
    "Copy the key again from the GLPI Network portal.",
    sources=(NETWORK_SRC,),
)
_define(
    "base64-mixed-alphabets", "error", "format",
    "Mixed base64 alphabets",
    "The key uses both the standard (\"+\", \"/\") and the URL-safe (\"-\", \"_\") base64 "
    "characters. No tool produces that, so there are two readings and the checker will not pick one.",
    "Copy the key again from the GLPI Network portal.",
)
_define(
    "base64-truncated", "error", "format",
    "Truncated key",
    "The base64 text has a length that no complete base64 text can have (one character too many "
    "or several too few): part of the key is missing.",
    "Copy the whole key again; make sure the selection reaches the last character.",
)
_define(
    "base64-bad-padding", "error", "format",
    "Misplaced \"=\" padding",
    "\"=\" may only appear at the end of base64 text, at most twice. This key has it elsewhere, "
    "which PHP's strict base64 decoder rejects. GLPI itself does not check the key when you "
    "save it (its only use of that decoder on a key is the 9.4 to 9.5 migration), so it would "
    "store and send it as it is.",
    "Copy the key again from the GLPI Network portal.",
)
_define(
    "key-not-utf8", "error", "format",
    "Decoded key is not text",
    "The base64 decodes, but not to UTF-8 text. A GLPI Network registration key decodes to a "
    "JSON text.",
    "Check you copied the registration key, not another secret.",
    sources=(NETWORK_SRC,),
)
_define(
    "key-not-json", "error", "format",
    "Decoded key is not JSON",
    "GLPI documents the registration key as \"a base64 encoded JSON string\". This one decodes "
    "to text that is not JSON, so it is most likely damaged or not a registration key.",
    "Copy the key again from the GLPI Network portal.",
    sources=(NETWORK_SRC,),
)
_define(
    "key-not-object", "error", "format",
    "Decoded JSON is not an object",
    "The key decodes to JSON, but not to an object with named members; GLPI documents a key "
    "holding a \"signature\" member.",
    "Copy the key again from the GLPI Network portal.",
)
_define(
    "key-signature-missing", "error", "format",
    "No signature",
    "GLPI documents the key as JSON that \"contains a `signature` key\" signing the whole. This "
    "one has none, so it does not have the documented shape: most likely it is damaged or not a "
    "registration key. GLPI itself does not check this; only GLPI Network decides whether it "
    "accepts a key.",
    "Copy the key again from the GLPI Network portal.",
    sources=(NETWORK_SRC,),
)
_define(
    "key-signature-empty", "error", "format",
    "Empty signature",
    "The key's \"signature\" member is empty or not a string.",
    "Copy the key again from the GLPI Network portal.",
)
_define(
    "key-signature", "info", "format",
    "Signature present",
    "The key carries a signature. Its algorithm is not public, so the checker reports its size "
    "but cannot verify it.",
    "Nothing to do.",
)
_define(
    "key-well-formed", "info", "format",
    "Well formed",
    "This text has the shape GLPI documents for a GLPI Network registration key: base64 of a "
    "JSON object with a signature. GLPI itself never checks a key's shape: it sends the key to "
    "GLPI Network, and only GLPI Network can tell whether it is valid for a subscription.",
    "Paste it in Setup > General > GLPI Network, save, and read the status GLPI shows.",
    see_also=("tutorials/register.md",),
    show_fix=True,  # the next step, not a repair
)

# --- Not a registration key -------------------------------------------------------------------

_define(
    "identified-glpicrypt-key", "error", "identify",
    "This is glpicrypt.key material",
    "This looks like the contents of GLPI's encryption key file, config/glpicrypt.key (32 bytes, "
    "here in raw, hex or base64 form), not a GLPI Network registration key.",
    "Keep this secret on the server. Get the registration key from the GLPI Network portal "
    "(services.glpi-network.com).",
    see_also=("explanation/key-vs-keyfile.md",),
)
_define(
    "identified-encrypted-value", "error", "identify",
    "This is a value encrypted by GLPI",
    "This is base64 of a 24-byte nonce, a ciphertext and a 16-byte tag: a secret as GLPI stores "
    "it in the database (for example glpi_configs.value for glpinetwork_registration_key), "
    "encrypted with glpicrypt.key. It is not the registration key itself.",
    "To read it, run `glpi-keycheck decrypt --key-file config/glpicrypt.key` on the server. To "
    "register, paste the key from the GLPI Network portal instead.",
    see_also=("explanation/key-vs-keyfile.md",),
)
_define(
    "identified-instance-uid", "error", "identify",
    "This looks like an instance UID or an API token",
    "40 characters of lowercase letters and digits: the shape of the GLPI Network instance UID "
    "(glpi_configs.glpi_network_uuid, 40 random characters; alphabet confirmed for GLPI 9.x). "
    "GLPI's API and application tokens are also 40-character random strings (not confirmed "
    "from GLPI's code), so the checker does not tell those apart. None of them is a "
    "registration key.",
    "Get the registration key from the GLPI Network portal (services.glpi-network.com).",
)
_define(
    "identified-api-token", "error", "identify",
    "This is a GLPI API token",
    "This is a token for GLPI's REST API (a user token, an application token or an OAuth "
    "access token), not a GLPI Network registration key.",
    "Get the registration key from the GLPI Network portal (services.glpi-network.com).",
)
_define(
    "identified-empty", "error", "identify",
    "Nothing to check",
    "The input is empty (or only whitespace and invisible characters).",
    "Paste the registration key from the GLPI Network portal.",
)
_define(
    "identified-unknown", "error", "identify",
    "Not a registration key",
    "The input matches no GLPI secret the checker knows.",
    "Get the registration key from the GLPI Network portal (services.glpi-network.com) and paste "
    "it whole.",
)
_define(
    "key-vs-keyfile", "info", "identify",
    "Registration key versus glpicrypt.key",
    "The registration key is a text you get from GLPI Network and paste into GLPI; it identifies "
    "your subscription. glpicrypt.key is a 32-byte file GLPI generates on your server to encrypt "
    "secrets, including that registration key, in its database; it never leaves the server.",
    "Nothing to do; this is for your information.",
    see_also=("explanation/key-vs-keyfile.md",),
)

# --- glpicrypt.key file and encrypted values (keyfile, crypto) --------------------------------
# GLPI's own words come from checker/glpi_texts.py, the one catalogue of GLPI's messages.

_KEYFILE_INVALID_WORDS = (
    f"GLPI 10.0 and later log \"{_glpi_words.LOG_KEYFILE_INVALID}\" and, in 11.0.x with PR "
    "#21614, show "
    f"\"{_glpi_words.UI11_KEYFILE_INVALID}\" on the GLPI Network tab; then encrypting a secret "
    "stores an empty value and decrypting one gives back the stored ciphertext. GLPI 9.5 stops "
    f"with an uncaught SodiumException (a blank page): \"{_glpi_words.EXC95_KEYFILE_WRONG_SIZE}\" "
    f"on PHP 7, \"{_glpi_words.EXC95_KEYFILE_WRONG_SIZE_PHP8}\" on PHP 8.")
_NO_CHANGE_KEY_OVER_INVALID = (
    "Do not run security:change_key over this file: a new key cannot decrypt the secrets already "
    "stored. GLPI 10.0 and 11 refuse to read an invalid key file "
    f"(\"{_glpi_words.CHANGE_KEY_FAILED}\"), but GLPI 9.5 does not check it and writes the new "
    "key over it, so on 9.5 copy the file somewhere safe first.")
_KEYFILE_PAGES = ("troubleshooting/invalid-key-file.md", "howto/check-keyfile-and-database.md")

_define(
    "keyfile-valid", "info", "keyfile",
    "Valid key file: 32 bytes",
    "GLPI 9.5 and later need config/glpicrypt.key to hold exactly 32 raw bytes. GLPI 10.0 and "
    "later check the length and nothing else (9.5 checks nothing), so any 32 bytes make a valid "
    "key. Whether it is the right key, the one that encrypted the secrets in your database, only "
    "a decryption can tell.",
    "To check it against your database, run `glpi-keycheck verify --key-file PATH VALUE` with an "
    "encrypted value taken from it. Keep a backup of this exact file.",
    see_also=("howto/check-keyfile-and-database.md", "howto/move-glpicrypt-key.md"),
    sources=(KEY_SRC,),
    show_fix=True,  # the next step, not a repair
)
_define(
    "keyfile-missing", "error", "keyfile",
    "Key file missing",
    "There is no key file at this path. GLPI 9.5 and later encrypt stored secrets (the GLPI "
    "Network registration key, SMTP, proxy, LDAP and mail-collector passwords…) with "
    f"config/glpicrypt.key. Without it, GLPI 10.0 and later log \"{_glpi_words.LOG_KEYFILE_MISSING}\", "
    "save secrets as empty values and pass stored ones on still encrypted; in 11.0.x with PR "
    "#21614 the GLPI "
    f"Network tab shows \"{_glpi_words.UI11_KEYFILE_MISSING}\". GLPI 9.5 stops with "
    f"\"{_glpi_words.EXC95_KEYFILE_MISSING}\".",
    "If this GLPI ran before, copy glpicrypt.key back, byte for byte, from a backup or the old "
    "server. Only if no copy exists, run `php bin/console security:change_key` as the web server "
    "user: it writes a new key, but the secrets already stored cannot be decrypted with it, so "
    "re-enter them all afterwards.",
    see_also=("troubleshooting/create-security-key.md", "howto/move-glpicrypt-key.md"),
    sources=(KEY_SRC, f"{GLPI}/issues/15203", f"{GLPI}/pull/21614"),
)
_define(
    "keyfile-unreadable", "error", "keyfile",
    "Key file cannot be read",
    "The file exists but cannot be read (permissions, a directory in its place, or a security "
    f"module such as SELinux). GLPI 10.0 and later log \"{_glpi_words.LOG_KEYFILE_UNREADABLE}\"; "
    "in 11.0.x with PR #21614 the GLPI Network tab shows \""
    + _glpi_words.UI11_KEYFILE_UNREADABLE % "<path>" + "\". Meanwhile secrets are "
    "saved as empty values and stored ones are used still encrypted: GLPI would send the "
    "encrypted registration key to GLPI Network as the key (inferred from GLPI's code; what "
    "GLPI Network answers to that is not reported).",
    "Let the web server user read it, and only it: for example `chown www-data: "
    "config/glpicrypt.key && chmod 600 config/glpicrypt.key` (the user is apache or nginx on "
    "some systems). Check that the directories above it can be entered by that user.",
    see_also=("troubleshooting/keyfile-unreadable.md",),
    sources=(KEY_SRC, f"{GLPI}/pull/21614"),
)
_define(
    "keyfile-empty", "error", "keyfile",
    "Key file is empty",
    "The file holds 0 bytes: a copy or a write failed (a full disk, an interrupted transfer, a "
    "redirection `>` onto it). " + _KEYFILE_INVALID_WORDS,
    "Restore glpicrypt.key from a backup or the old server. If no copy exists, move the empty "
    "file aside, run `php bin/console security:change_key` (GLPI 10.0 and 11 refuse to run over "
    "an invalid file; 9.5 would overwrite it) and re-enter every stored secret: they cannot be "
    "decrypted any more.",
    see_also=_KEYFILE_PAGES + ("troubleshooting/create-security-key.md",),
    sources=(KEY_SRC,),
)
_define(
    "keyfile-trailing-newline", "error", "keyfile",
    "Key file has a line break at the end",
    "The file holds 32 bytes followed by a line break: an editor, `echo` or a copy through a "
    "terminal added it. GLPI counts the line break, so the key is the wrong size. "
    + _KEYFILE_INVALID_WORDS,
    "The first 32 bytes are most likely the key. Write them to a NEW file and check it: "
    "`(umask 077; head -c 32 config/glpicrypt.key > config/glpicrypt.key.new)`, then "
    "`glpi-keycheck keyfile config/glpicrypt.key.new`. Keep the old file, then put the new one in "
    "its place with the same owner and mode. " + _NO_CHANGE_KEY_OVER_INVALID,
    see_also=_KEYFILE_PAGES,
    sources=(KEY_SRC,),
)
_define(
    "keyfile-hex-text", "error", "keyfile",
    "Key file holds the key as hexadecimal text",
    "The file holds 64 hexadecimal characters: the 32 bytes of a key written as text (as "
    "`xxd -p`, `bin2hex` or a password manager show them). GLPI reads the file as raw bytes, so "
    "this is 64 bytes or more to it. " + _KEYFILE_INVALID_WORDS,
    "Turn the text back into raw bytes in a NEW file and check it: "
    "`(umask 077; xxd -r -p config/glpicrypt.key > config/glpicrypt.key.new)`, then "
    "`glpi-keycheck keyfile config/glpicrypt.key.new`. Keep the old file, then put the new one in "
    "its place with the same owner and mode. " + _NO_CHANGE_KEY_OVER_INVALID,
    see_also=_KEYFILE_PAGES,
    sources=(KEY_SRC,),
)
_define(
    "keyfile-base64-text", "error", "keyfile",
    "Key file holds the key as base64 text",
    "The file holds base64 text that decodes to 32 bytes: a key written as text (as `base64`, "
    "a secrets manager or a Kubernetes secret show it). GLPI reads the file as raw bytes, so "
    "this is 43 bytes or more to it. " + _KEYFILE_INVALID_WORDS,
    "Turn the text back into raw bytes in a NEW file and check it: "
    "`(umask 077; base64 -d config/glpicrypt.key > config/glpicrypt.key.new)`, then "
    "`glpi-keycheck keyfile config/glpicrypt.key.new`. Keep the old file, then put the new one in "
    "its place with the same owner and mode. " + _NO_CHANGE_KEY_OVER_INVALID,
    see_also=_KEYFILE_PAGES,
    sources=(KEY_SRC,),
)
_define(
    "keyfile-wrong-size", "error", "keyfile",
    "Key file is not 32 bytes",
    "GLPI needs exactly 32 raw bytes in config/glpicrypt.key; this file has another size, so it "
    "is damaged or is not a GLPI key. " + _KEYFILE_INVALID_WORDS,
    "Restore glpicrypt.key from a backup or the old server. If no copy exists, move this file "
    "aside (keep it: it may still be recoverable), run `php bin/console security:change_key` "
    "(GLPI 10.0 and 11 refuse to run over an invalid file; GLPI 9.5 would overwrite it) and "
    "re-enter every stored secret: they cannot be decrypted any more.",
    see_also=_KEYFILE_PAGES + ("howto/move-glpicrypt-key.md",),
    sources=(KEY_SRC, f"{GLPI}/issues/7822", f"{GLPI}/issues/8968"),
)
_define(
    "keyfile-legacy", "warning", "keyfile",
    "Legacy glpi.key (before GLPI 9.5)",
    "config/glpi.key is the optional custom key of GLPI 9.4.6 to 9.4.x: a text of any length, "
    "used by the encryption scheme GLPI had before 9.5. GLPI 9.5 and later only read it to "
    "migrate values encrypted before 9.5, and use the 32-byte config/glpicrypt.key for "
    "everything else. The two files are not interchangeable.",
    "Keep glpi.key and back it up with glpicrypt.key if this database comes from GLPI 9.4. Check "
    "the key GLPI 9.5+ uses with `glpi-keycheck keyfile config/glpicrypt.key`.",
    see_also=("reference/glpicrypt-key.md",),
    sources=(KEY_SRC,),
)
_define(
    "keyfile-world-readable", "warning", "keyfile",
    "Every user on the server can read the key",
    "The file is readable by others (mode o+r). Anyone with an account on the server can read "
    "the key and decrypt every secret GLPI stores with it. GLPI's web server user must read it; "
    "nobody else needs to.",
    "Remove the others' access: `chmod o-rwx config/glpicrypt.key`. The web server user must "
    "still be the owner or in the file's group.",
    see_also=("troubleshooting/keyfile-unreadable.md",),
)
_define(
    "keyfile-world-writable", "warning", "keyfile",
    "Every user on the server can replace the key",
    "The file is writable by others (mode o+w). Anyone with an account on the server can "
    "overwrite the key, and GLPI would then fail to decrypt every stored secret.",
    "Remove the others' access: `chmod o-rwx config/glpicrypt.key`, and check nobody changed it: "
    "compare it with your backup.",
    see_also=("troubleshooting/keyfile-unreadable.md",),
)
_define(
    "keyfile-kernel-secret-percent", "warning", "keyfile",
    "GLPI 11 may read this key as a Symfony parameter (reported bug)",
    "GLPI 11 also uses the raw bytes of config/glpicrypt.key as Symfony's kernel.secret. Open "
    "issues #22076 and #23757 report that a key holding \"%\", then bytes that are neither \"%\" "
    "nor whitespace, then \"%\" is read as a reference to another parameter: every page then "
    "answers HTTP 500 and the log says "
    f"'{_glpi_words.SYMFONY_KERNEL_SECRET}', naming a piece of the key. The reporter counts "
    "about 1 random key in 200. This is reported by users, not confirmed by GLPI's maintainers.",
    "If GLPI 11 runs fine with this key, nothing is broken; keep a backup of this exact file. If "
    "it shows that error, follow issues #22076 and #23757 for a fix. Do not edit the key by "
    "hand: a changed key cannot decrypt the secrets already stored.",
    see_also=("troubleshooting/kernel-secret.md",),
    sources=(f"{GLPI}/issues/22076", f"{GLPI}/issues/23757"),
)

_define(
    "decrypt-ok", "info", "crypto",
    "The key decrypts this value",
    "The value is base64 of a 24-byte nonce, the ciphertext and a 16-byte tag, and the tag "
    "checks with this key (XChaCha20-Poly1305, the nonce also as additional data, as GLPI "
    "does): this key is the one that encrypted it.",
    "Nothing to do. Keep a backup of this key file.",
    see_also=("howto/check-keyfile-and-database.md",),
)
_define(
    "decrypt-empty-value", "info", "crypto",
    "Empty value: nothing to decrypt",
    "GLPI returns an empty value (and \"0\", which PHP also counts as empty) unchanged, "
    "without decrypting it. A secret that is empty in the database was never set, or was "
    "saved while the key file was missing, unreadable or the wrong size: GLPI 10.0 and later "
    "then store an empty value in place of the secret.",
    "If a secret should be there, make sure the key file is valid, then enter it again in GLPI.",
    see_also=("troubleshooting/create-security-key.md",),
)
_define(
    "decrypt-not-base64", "error", "crypto",
    "Not a value GLPI encrypted: not base64",
    "GLPI stores encrypted values as base64 text, and this one holds characters base64 never "
    f"uses. GLPI 11 has a message for such values, \"{_glpi_words.LOG_DECRYPT_NOT_BASE64}\", but "
    "it decodes with PHP's lenient base64_decode, which skips those characters, so it usually "
    "logs one of the other two decryption messages instead (inferred from the code).",
    "Copy the value again, whole, straight from the database (the `value` column of "
    "glpi_configs, or the column that holds the secret), without quotes or escaping.",
    see_also=("troubleshooting/unable-to-decrypt.md",),
    sources=(KEY_SRC,),
)
_define(
    "decrypt-no-nonce", "error", "crypto",
    "Too short for a value GLPI encrypted",
    f"GLPI logs \"{_glpi_words.LOG_DECRYPT_NO_NONCE}\" and uses an empty value. A value "
    "GLPI 9.5+ encrypted decodes to at least 40 bytes (a 24-byte nonce, the ciphertext and a "
    "16-byte tag, so at least 56 base64 characters); this one decodes to fewer than 24.",
    "Check that you copied the whole value. A shorter value was not encrypted by GLPI 9.5+: it "
    "may be plain text, or a value from before GLPI 9.5 (try `glpi-keycheck decrypt --legacy`).",
    see_also=("troubleshooting/unable-to-decrypt.md",),
    sources=(KEY_SRC,),
)
_define(
    "decrypt-failed", "error", "crypto",
    "This key does not decrypt this value",
    f"GLPI logs \"{_glpi_words.LOG_DECRYPT_FAILED}\" and uses an empty value. The "
    "authentication tag does not match: the value was encrypted with another key (a "
    "regenerated key, or another server's), or it was altered (cut short, re-encoded).",
    "Find the glpicrypt.key that was in use when the value was saved (backups, the old server) "
    "and verify again. If that key is gone, the secret is lost: enter it again in GLPI.",
    see_also=("troubleshooting/unable-to-decrypt.md", "howto/move-glpicrypt-key.md"),
    sources=(KEY_SRC,),
)

# --- GLPI's own messages, pasted (glpi-message) -------------------------------------------------
# One finding per cause; checker/glpi_texts.py says which page explains each message, and the
# page's finding names the cause. The finding links that page (see checker/message_report.py).

GROUPS["glpi"] = "GLPI's messages"


def _glpi_cause(code: str, severity: Severity, page: str, title: str, explanation: str,
                fix: str) -> FindingSpec:
    return _define(code, severity, "glpi", title, explanation, fix, see_also=(page,))


_glpi_cause(
    "glpi-message-key-invalid", "error", "troubleshooting/key-invalid.md",
    "GLPI Network did not accept the registration key GLPI sent",
    "GLPI never judges the key itself: it sends it to GLPI Network, which answered that it is "
    "not valid, without a message of its own.",
    "Copy the key again from the GLPI Network portal, check it here, and paste it in Setup > "
    "General > GLPI Network.",
)
_glpi_cause(
    "glpi-message-unable-to-fetch", "error", "troubleshooting/unable-to-fetch.md",
    "GLPI got no usable answer from GLPI Network",
    "GLPI asked GLPI Network about the key and got no answer, or an answer that is not the JSON "
    "it expects (an error page, a proxy's page, a cut connection).",
    "Read GLPI's log for the error message and the response, then follow the page.",
)
_glpi_cause(
    "glpi-message-terminated", "error", "troubleshooting/terminated-subscription.md",
    "The subscription behind this key is terminated",
    "GLPI Network recognises the key, but the subscription it belongs to is no longer running.",
    "Renew the subscription on GLPI Network, then open the GLPI Network tab so GLPI fetches the "
    "new status instead of the one it cached.",
)
_glpi_cause(
    "glpi-message-services-unreachable", "error", "troubleshooting/services-unreachable.md",
    "The GLPI server cannot reach GLPI Network's services",
    "GLPI's HTTPS request to services.glpi-network.com failed before any answer: name "
    "resolution, a firewall, TLS or a missing proxy setting.",
    "Let the GLPI server reach services.glpi-network.com on port 443, or set GLPI's proxy in "
    "Setup > General > System.",
)
_glpi_cause(
    "glpi-message-proxy-failed", "error", "troubleshooting/proxy-connect-failed.md",
    "GLPI cannot connect through the proxy it is set to use",
    "A proxy is set in GLPI, and cURL could not connect to it, or the proxy refused the request.",
    "Check the proxy's name, port, user and password in Setup > General > System.",
)
_glpi_cause(
    "glpi-message-decrypt-failed", "error", "troubleshooting/unable-to-decrypt.md",
    "glpicrypt.key does not decrypt a secret GLPI stored",
    "GLPI could not decrypt a stored value with its current key file: the value was encrypted "
    "with another key, or it is damaged.",
    "Put back the glpicrypt.key that encrypted the secrets, or enter the secrets again.",
)
_glpi_cause(
    "glpi-message-keyfile-missing", "error", "troubleshooting/create-security-key.md",
    "config/glpicrypt.key is missing",
    "GLPI has no key file to encrypt and decrypt its stored secrets with.",
    "Copy glpicrypt.key back from a backup or the old server; create a new one only if no copy "
    "exists, then enter every stored secret again.",
)
_glpi_cause(
    "glpi-message-keyfile-unreadable", "error", "troubleshooting/keyfile-unreadable.md",
    "The web server cannot read config/glpicrypt.key",
    "The key file exists, but the web server user cannot read it (owner, mode or SELinux).",
    "Let the web server user, and only it, read the file.",
)
_glpi_cause(
    "glpi-message-keyfile-invalid", "error", "troubleshooting/invalid-key-file.md",
    "config/glpicrypt.key is not a valid 32-byte key",
    "GLPI needs exactly 32 raw bytes in its key file; this one has another size (often a line "
    "break added, or the key written as text).",
    "Check the file with `glpi-keycheck keyfile config/glpicrypt.key` and restore the original.",
)
_glpi_cause(
    "glpi-message-kernel-secret", "error", "troubleshooting/kernel-secret.md",
    "GLPI 11 reads the key file as a Symfony parameter (reported bug)",
    "GLPI 11 uses the key file's bytes as Symfony's kernel.secret; a key holding \"%name%\" "
    "stops the kernel. Reported in open issues, not confirmed by GLPI's maintainers.",
    "Follow the page; do not edit the key by hand.",
)
_glpi_cause(
    "glpi-message-registration-required", "error", "troubleshooting/registration-required.md",
    "The Marketplace needs a valid GLPI Network registration",
    "GLPI has no registration key, or GLPI Network did not accept the one it has, so the "
    "Marketplace stays offline.",
    "Get a key (a free one is enough) from the GLPI Network portal and paste it in Setup > "
    "General > GLPI Network.",
)
_glpi_cause(
    "glpi-message-superior-offer", "error", "troubleshooting/superior-offer.md",
    "This plugin needs a higher GLPI Network subscription",
    "The plugin is reserved for subscriptions above yours.",
    "Upgrade the subscription, or choose another plugin.",
)
_glpi_cause(
    "glpi-message-marketplace-not-writable", "error", "troubleshooting/marketplace-not-writable.md",
    "GLPI cannot write to the Marketplace directory",
    "The web server user cannot write to the marketplace directory, so plugins cannot be "
    "downloaded or updated there.",
    "Give the web server user write access to the directory, or install plugins by hand.",
)
_glpi_cause(
    "glpi-message-plugin-download", "error", "troubleshooting/plugin-download-fails.md",
    "The Marketplace could not download, update or install a plugin",
    "GLPI's Marketplace stopped on a plugin: no version for your GLPI, a failed download or "
    "extraction, a local source-control directory, or a manual installation.",
    "Follow the page for the message GLPI showed.",
)
_glpi_cause(
    "glpi-message-marketplace-settings", "warning", "howto/restrict-marketplace.md",
    "GLPI's Marketplace settings decide this",
    "GLPI's configuration restricts or replaces parts of the Marketplace (its console commands, "
    "the plugins page).",
    "Change the Marketplace mode in GLPI's configuration if this is not what you want.",
)
_glpi_cause(
    "glpi-message-console", "info", "reference/console-commands.md",
    "A message from GLPI's console commands",
    "GLPI's bin/console printed this while running a command.",
    "Read what the command reference says about it.",
)
_glpi_cause(
    "glpi-message-change-key-done", "info", "howto/secrets-after-key-loss.md",
    "security:change_key wrote a new key and re-encrypted the database",
    "GLPI generated a new glpicrypt.key and re-encrypted the secrets it could read with the "
    "old one.",
    "Back up the new key file now; re-enter any secret the old key could not decrypt.",
)
_glpi_cause(
    "glpi-message-registration", "info", "tutorials/register.md",
    "GLPI's registration tab",
    "The GLPI Network tab shows this while registering or once registered.",
    "Follow the registration tutorial.",
)
_glpi_cause(
    "glpi-message-key-valid", "info", "tutorials/register.md",
    "GLPI Network accepts this registration key",
    "GLPI Network answered that the key is valid: registration works.",
    "Nothing to fix. If the Marketplace still says otherwise, open the GLPI Network tab to "
    "refresh GLPI's cached answer.",
)
_glpi_cause(
    "glpi-message-no-key", "info", "tutorials/register.md",
    "No registration key is saved in GLPI yet",
    "GLPI shows this above an empty key field: it has no registration key (or could not "
    "decrypt the one it stored).",
    "Get a key from the GLPI Network portal and paste it in Setup > General > GLPI Network.",
)
_glpi_cause(
    "glpi-message-plugin-news", "info", "troubleshooting/plugin-download-fails.md",
    "The Marketplace reports a plugin download, update or new version",
    "GLPI's Marketplace says what it did or can do for a plugin; nothing failed.",
    "Nothing to fix.",
)
_glpi_cause(
    "glpi-message-keyfile-created", "info", "troubleshooting/create-security-key.md",
    "GLPI created or can read its key files",
    "GLPI generated its security key file(s), or its requirements check found them readable.",
    "Back up config/glpicrypt.key now, with the database: without it the stored secrets are lost.",
)

# Messages whose cause is narrower than their page's (by glpi_texts entry id).
GLPI_MESSAGE_CAUSES = {
    "registration-key-valid": "glpi-message-key-valid",
    "tab-registration-key-needed": "glpi-message-no-key",
    "tab-registration-key-needed-10": "glpi-message-no-key",
    **dict.fromkeys(("cli-mp-downloaded", "cli-mp-updated-reactivated", "cli-mp-up-to-date",
                     "mp-new-version-update", "mp-new-version-for-plugin", "mp-updates-available"),
                    "glpi-message-plugin-news"),
    **dict.fromkeys(("key-generating", "key-generated", "req-keys-accessible"),
                    "glpi-message-keyfile-created"),
}


def glpi_message_cause(entry_id: str, page: str) -> FindingSpec:
    """The finding that names the cause of GLPI's message `entry_id`, explained on `page`."""
    if entry_id in GLPI_MESSAGE_CAUSES:
        return CATALOGUE[GLPI_MESSAGE_CAUSES[entry_id]]
    for spec in CATALOGUE.values():
        if spec.group == "glpi" and spec.see_also[:1] == (page,) and spec.code not in GLPI_MESSAGE_CAUSES.values():
            return spec
    raise KeyError(f"no finding for GLPI's message {entry_id} ({page})")
