"""MkDocs hook: a Content-Security-Policy on every built page, and no inline script left.

Admins paste secrets into this site, so a hostile key must never be able to run a script. The
policy allows scripts from the site's own origin only, plus 'wasm-unsafe-eval' so the Pyodide
runtime can compile its WebAssembly; nothing needs 'unsafe-inline' or 'unsafe-eval'.

Material for MkDocs writes a few small inline <script> blocks into each page (its storage
helpers, the palette and tab restore). Rather than allow them by hash, this hook moves each one
to a content-addressed file, assets/inline/<sha256 prefix>.js, and points a classic
<script src> at it in the same place, so they still run in the same order before first paint.
The policy is then the same on every page and never changes with the pages or Material's
version: the web server can send it as a header, word for word (docs/deploy/*.conf), adding
`frame-ancestors 'none'`, which a <meta> policy cannot carry.

The build fails when a page holds something the policy would silently break: an inline event
handler attribute (onclick=...) or a javascript: URL.

`mkdocs serve` injects its live-reload code as an inline script, which this policy blocks: the
preview works, but reload it by hand (or use `make serve`, which serves a real build).
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

try:
    from mkdocs.exceptions import PluginError
    from mkdocs.utils import get_relative_url
except ImportError:  # imported by tests without MkDocs hooks running
    PluginError = RuntimeError  # type: ignore[misc,assignment]
    get_relative_url = None  # type: ignore[assignment]

# The one policy. Tests and docs/deploy/ compare against these two strings.
POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",   # Material's icons are data: SVGs in its CSS
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
HEADER_POLICY = POLICY + "; frame-ancestors 'none'"  # header only: <meta> cannot carry it

INLINE_DIR = "assets/inline"
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SRC_ATTRIBUTE = re.compile(r"\ssrc\s*=", re.IGNORECASE)
TYPE_ATTRIBUTE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# An attribute named on... inside a tag (outside text: text never holds a raw "<tag ... on...=").
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)

META = (f'<meta http-equiv="Content-Security-Policy" content="{html.escape(POLICY)}">'
        '<meta name="referrer" content="no-referrer">')

# Inline scripts seen during this build: file name -> body (written after the build).
_extracted: dict[str, str] = {}


def script_file_name(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:20] + ".js"


def externalize(output: str, prefix: str) -> tuple[str, dict[str, str]]:
    """Replace each inline executable <script> by one loading the same code from a file.

    `prefix` is how the page reaches the site root ("../" for /checker/, "/keycheck/" for 404).
    Returns the new HTML and the files to write ({name: body}).
    """
    files: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        attributes, body = match.group(1), match.group(2)
        script_type = (TYPE_ATTRIBUTE.search(attributes) or [None, ""])[1].lower()
        if SRC_ATTRIBUTE.search(attributes) or script_type not in EXECUTABLE_TYPES:
            return match.group(0)  # already a file, or data (Material's JSON __config)
        if not body.strip():
            return ""
        name = script_file_name(body)
        files[name] = body
        return f'<script{attributes} src="{prefix}{INLINE_DIR}/{name}"></script>'

    return SCRIPT.sub(replace, output), files


def add_policy(output: str, where: str) -> str:
    """Put the policy first in <head>, so it covers every script and style after it."""
    head = HEAD_OPEN.search(output)
    if not head:
        raise PluginError(f"csp: {where} has no <head>; cannot add the Content-Security-Policy.")
    return output[:head.end()] + META + output[head.end():]


def refuse_unsafe(output: str, where: str) -> None:
    for pattern, what in ((EVENT_HANDLER, "an inline event handler attribute"),
                          (JAVASCRIPT_URL, "a javascript: URL")):
        found = pattern.search(output)
        if found:
            raise PluginError(f"csp: {where} holds {what} ({found.group(0)[:80]!r}), which the "
                              "Content-Security-Policy blocks. Bind events from a script file instead.")


def secure(output: str, prefix: str, where: str) -> str:
    output, files = externalize(output, prefix)
    _extracted.update(files)
    refuse_unsafe(SCRIPT.sub("", output), where)
    return add_policy(output, where)


# --- MkDocs entry points ----------------------------------------------------------------------

def on_pre_build(config, **kwargs) -> None:
    _extracted.clear()


def on_post_page(output, page, config, **kwargs):
    prefix = get_relative_url(".", page.url)
    prefix = "" if prefix == "." else prefix.rstrip("/") + "/"
    return secure(output, prefix, page.file.src_uri)


def on_post_template(output, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output
    # Theme pages such as 404.html are served at any URL, so Material links them absolutely.
    return secure(output, urlsplit(config["site_url"] or "/").path or "/", template_name)


def on_post_build(config, **kwargs) -> None:
    target = Path(config["site_dir"]) / INLINE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, body in _extracted.items():
        (target / name).write_text(body, encoding="utf-8")
