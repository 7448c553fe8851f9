"""The findings catalogue: every problem or fact the checker can report, defined once.

Code, CLI, browser and the generated reference page (docs/reference/findings.md) all read
this catalogue. A finding's `doc` is its anchor on that page, so every code has a home.
Codes are stable: never rename one, add a new one instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .report import Finding, Severity

FINDINGS_PAGE = "reference/findings/"


@dataclass(frozen=True)
class FindingSpec:
    code: str
    severity: Severity
    group: str
    title: str
    explanation: str
    fix: str
    see_also: tuple[str, ...] = ()  # docs pages (paths under docs/) that tell more
    sources: tuple[str, ...] = ()

    @property
    def doc(self) -> str:
        return f"{FINDINGS_PAGE}#{self.code}"

    def finding(self, detail: str, *, fix: str | None = None, title: str | None = None) -> Finding:
        """An instance of this finding; `detail` says what was seen in this input."""
        return Finding(
            code=self.code,
            severity=self.severity,
            title=title or self.title,
            detail=detail,
            fix=fix or self.fix,
            doc=self.doc,
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
            *, see_also: tuple[str, ...] = (), sources: tuple[str, ...] = ()) -> FindingSpec:
    assert code not in CATALOGUE, code
    assert group in GROUPS, group
    spec = FindingSpec(code, severity, group, title, explanation, fix, see_also, sources)
    CATALOGUE[code] = spec
    return spec


def spec(code: str) -> FindingSpec:
    return CATALOGUE[code]


GLPI = "https://github.com/glpi-project/glpi"

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
    "The paste starts or ends with whitespace. GLPI's web form trims it since GLPI 10.0 "
    "(PR #11567), but `php bin/console config:set` does not, and before the trim a trailing "
    "line break made every GLPI Network request fail with \"is not valid header value\".",
    "Paste the repaired key shown here, without the surrounding whitespace.",
    see_also=("howto/set-key-cli.md",),
    sources=(f"{GLPI}/pull/11567",),
)
_define(
    "paste-line-breaks", "warning", "paste",
    "Line breaks inside the key",
    "The key was split over several lines (mail clients wrap long lines at 64 or 76 columns, "
    "terminals and editors wrap or indent them). GLPI does not remove whitespace inside a key: "
    "it sends it as is in the X-Registration-Key header, which then is not a valid header value.",
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
    sources=(f"{GLPI}/blob/main/src/GLPINetwork.php",),
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
    "which PHP's strict base64 decoder rejects, as GLPI's own format check does.",
    "Copy the key again from the GLPI Network portal.",
)
_define(
    "key-not-utf8", "error", "format",
    "Decoded key is not text",
    "The base64 decodes, but not to UTF-8 text. A GLPI Network registration key decodes to a "
    "JSON text.",
    "Check you copied the registration key, not another secret.",
    sources=(f"{GLPI}/blob/main/src/GLPINetwork.php",),
)
_define(
    "key-not-json", "error", "format",
    "Decoded key is not JSON",
    "GLPI documents the registration key as \"a base64 encoded JSON string\". This one decodes "
    "to text that is not JSON, so it is damaged or not a registration key.",
    "Copy the key again from the GLPI Network portal.",
    sources=(f"{GLPI}/blob/main/src/GLPINetwork.php",),
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
    "one has none, so GLPI Network cannot accept it.",
    "Copy the key again from the GLPI Network portal.",
    sources=(f"{GLPI}/blob/main/src/GLPINetwork.php",),
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
    "This is a well-formed GLPI Network registration key. GLPI itself never checks more than "
    "this: it sends the key to GLPI Network, and only GLPI Network can tell whether it is valid "
    "for a subscription.",
    "Paste it in Setup > General > GLPI Network, save, and read the status GLPI shows.",
    see_also=("tutorials/register.md",),
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
    "40 characters of lowercase letters and digits: the shape GLPI gives the GLPI Network "
    "instance UID (glpi_network_uuid) and also its API and application tokens, which GLPI "
    "generates the same way. The checker cannot tell those apart, but none of them is a "
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
