"""The documented nginx and Apache configurations, exactly as docs/deploy/ holds them, serve the
help centre under a sub-path of a GLPI-like server, and the checker works through both.

`served` is parametrized over the two servers (deploy_servers.py starts them, one at a time), so
each test runs against both. Where the servers answer differently, or a check has only been
written for one of them so far, the test says which: a per-server table, `served.server`, or
an explicit `served` parameter. (Parametrize `served` only on its own, indirectly: mixed with
other arguments it loses its module scope and the servers restart between tests.)
"""

from __future__ import annotations

import base64
import gzip
import importlib.util
import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from deploy_servers import SUB_PATH, Served, serve_with_apache, serve_with_nginx

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_MS = 60_000

_spec = importlib.util.spec_from_file_location("csp_hook", ROOT / "scripts/hooks/csp.py")
CSP = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CSP)

KEY = base64.b64encode(json.dumps({"subscription": "standard", "signature": "c2lnbmF0dXJl" * 20}).encode()).decode()


@pytest.fixture(scope="module", params=["nginx", "apache"])
def served(request, tmp_path_factory) -> Served:
    if request.param == "nginx":
        started = serve_with_nginx(tmp_path_factory.mktemp("nginx"))
    else:
        started = serve_with_apache()  # its own world-readable tmp dir: see deploy_servers.py
    with started as served:
        yield served


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, gzip_ok: bool = True):
    """(status, headers, body as sent) without following redirects."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# --- the checker through the server, in the browser -------------------------------------------
# First in the module on purpose: pytest orders tests around pytest-playwright's session-scoped
# browser parameter, and from here each server starts once instead of twice (~2-3 s each).

CSP_VIOLATIONS = """window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation",
        (event) => window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI));"""


def test_the_checker_works_through_the_server(browser, served):
    # CSP violations, gzipped wasm, instant navigation and the deep 404 page: only checked
    # through nginx so far.
    deeper = served.server == "nginx"
    context = browser.new_context(base_url=served.origin)
    if deeper:
        context.add_init_script(CSP_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    wasm_encodings: list[str | None] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: response.url.endswith(".wasm") and wasm_encodings.append(
        response.headers.get("content-encoding")))
    try:
        page.goto(SUB_PATH + "checker/")
        page.wait_for_selector("[data-checker][data-state=ready]", timeout=READY_TIMEOUT_MS)
        assert page.evaluate("window.__glpiKeycheck.path") == "snapshot"  # restored through the server
        page.fill("[data-checker-input]", KEY)
        page.wait_for_selector("[data-checker-result][data-status=ok][data-kind=registration-key]")
        page.locator("[data-simulator-run]").click()
        page.locator("[data-simulator] [data-simulator-outcome]").wait_for()
        if deeper:
            # Instant navigation works under the sub-path (the sitemap matches the served URL).
            page.evaluate("window.__sameDocument = true")
            page.locator("a[href$='troubleshooting/unable-to-fetch/']").first.evaluate("link => link.click()")
            page.wait_for_url(lambda url: f"{SUB_PATH}troubleshooting/unable-to-fetch/" in url)  # toc may add a #fragment
            page.locator("[data-simulator-preset] [data-simulator-run]:not([disabled])").click()
            page.locator("[data-simulator-preset] [data-simulator-outcome]").wait_for()
            assert page.evaluate("window.__sameDocument") is True
            assert page.evaluate("window.__cspViolations") == []
        assert problems == []
        if deeper:
            assert wasm_encodings == ["gzip"]
        assert all(url.startswith(served.url) for url in requests), \
            [url for url in requests if not url.startswith(served.url)]
        if deeper:
            # The 404 page, served at any depth, finds its scripts under the sub-path.
            page.goto(SUB_PATH + "no/such/page/")
            assert page.evaluate("() => typeof window.__md_get") == "function"
            assert page.locator("[data-md-component=search]").count() == 1
            assert page.evaluate("window.__cspViolations") == []
    finally:
        context.close()


# --- the headers the documentation promises --------------------------------------------------

def test_pages_carry_the_policy_header_and_revalidate(served):
    status, headers, body = fetch(served.url + "checker/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Encoding"] == "gzip"
    assert b"data-checker" in gzip.decompress(body)


JAVASCRIPT = {  # the Content-Types accepted for a .js file
    "nginx": ("text/javascript", "application/javascript"),  # whatever mime.types says
    "apache": ("text/javascript",),
}
RUNTIME_TYPES = {".wasm": ("application/wasm",), ".mjs": ("text/javascript",)}


def check_runtime_file(served: Served, path: str) -> None:
    status, headers, body = fetch(served.url + path)
    assert status == 200
    assert headers["Content-Type"] in RUNTIME_TYPES.get(Path(path).suffix, JAVASCRIPT[served.server])
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    if served.server == "nginx":  # through Apache, Vary is only checked to name Accept-Encoding
        assert headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (served.site_dir / path).read_bytes()
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY  # the worker runs under it too
    assert headers["Cache-Control"] == "no-cache"
    if served.server == "nginx":  # only checked through nginx so far
        # Without Accept-Encoding: gzip, the same bytes, uncompressed.
        assert fetch(served.url + path, gzip_ok=False)[2] == (served.site_dir / path).read_bytes()


@pytest.mark.parametrize("path", [
    "assets/pyodide/pyodide.asm.wasm",
    "assets/pyodide/pyodide.asm.mjs",
    "assets/pyodide/pyodide.mjs",
    "assets/checker/worker.js",
    "assets/checker/snapshot-delta.mjs",  # the worker imports it: a module needs a JavaScript type
])
def test_runtime_files_have_their_type_and_are_gzipped(served, path):
    check_runtime_file(served, path)


@pytest.mark.parametrize("served", ["nginx"], indirect=True)  # only checked through nginx so far
def test_the_vendored_crypto_library_has_its_type_and_is_gzipped(served):
    check_runtime_file(served, "assets/vendor/noble-ciphers/chacha.js")


def test_the_snapshot_is_compressed_typed_and_cached_for_a_year(served):
    build = json.loads((served.site_dir / "assets/checker/build.json").read_text())
    path = "assets/py/" + build["snapshot"]["name"]
    raw = (served.site_dir / path).read_bytes()
    status, headers, body = fetch(served.url + path)
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert len(body) < len(raw) / 4 and gzip.decompress(body) == raw
    assert headers["Cache-Control"] == BUNDLE_CACHE_CONTROL[served.server]  # its name carries its digest
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    status, headers, body = fetch(served.url + path, gzip_ok=False)  # a client without gzip
    assert status == 200 and "Content-Encoding" not in headers and body == raw


BUNDLE_CACHE_CONTROL = {
    "nginx": "max-age=31536000",                       # `expires 1y;`
    "apache": "public, max-age=31536000, immutable",   # `Header set Cache-Control ...`
}


def test_hashed_material_bundles_are_cached_for_a_year(served):
    bundles = sorted((served.site_dir / "assets/javascripts").glob("bundle.*.min.js"))
    assert bundles
    status, headers, _ = fetch(served.url + f"assets/javascripts/{bundles[0].name}")
    assert status == 200 and headers["Cache-Control"] == BUNDLE_CACHE_CONTROL[served.server]


def test_sub_path_redirects_and_404_page(served):
    status, headers, _ = fetch(served.origin + SUB_PATH.rstrip("/"))
    assert status == 301 and headers["Location"].endswith(SUB_PATH)
    if served.server == "nginx":  # `absolute_redirect off`: a path, not a host and port (Apache sends a URL)
        assert headers["Location"] == SUB_PATH
        status, headers, _ = fetch(served.url + "checker")
        assert (status, headers["Location"]) == (301, SUB_PATH + "checker/")
    status, headers, body = fetch(served.url + "no-such-page/", gzip_ok=False)
    assert status == 404
    assert headers["Content-Security-Policy"] == CSP.HEADER_POLICY
    assert f'href="{SUB_PATH}assets/stylesheets/' in body.decode()  # the site's own 404 page
    # It leads on, under the sub-path, from any depth: troubleshooting, the checker, search.
    for target in ("troubleshooting/", "checker/"):
        assert f'href="{SUB_PATH}{target}"' in body.decode(), target
    assert 'role="search"' in body.decode()
    if served.server == "nginx":  # only nginx's stand-in server block has a PHP location
        # GLPI's own locations keep working beside it.
        assert fetch(served.origin + "/index.php")[0] == 418


# --- the page shows exactly these files -------------------------------------------------------

@pytest.mark.parametrize("name", ["nginx.conf", "apache.conf"])
def test_the_how_to_shows_the_tested_files_verbatim(name):
    page = (ROOT / "docs/howto/deploy-offline.md").read_text()
    config = (ROOT / "docs/deploy" / name).read_text()
    block = f'title="{name}"'
    assert block in page, f"docs/howto/deploy-offline.md has no code block titled {name}"
    start = page.index("\n", page.index(block)) + 1
    shown = page[start:page.index("\n```", start) + 1]
    assert shown == config, f"the {name} block in deploy-offline.md differs from docs/deploy/{name}"
    assert f'"{CSP.HEADER_POLICY}"' in config
