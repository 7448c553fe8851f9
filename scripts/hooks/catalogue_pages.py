"""MkDocs hook: generate the catalogue reference pages at build time.

- reference/findings.md from `checker.findings.CATALOGUE`, grouped by `GROUPS`;
- reference/scenarios.md from `checker.simulation.scenarios.SCENARIOS`;
- reference/http-calls.md from the simulator's own request builders
  (`checker.simulation.calls.glpi_calls`), per GLPI release range;
- in reference/cli.md, each `<!-- usage: COMMAND -->` marker becomes that subcommand's
  `--help` text, read from the CLI's own argument parser.

The catalogues are the only copy of their text: the pages are never written by hand and never
stored in docs/. Each entry gets a heading whose anchor id is exactly its code or scenario id,
so `reference/findings.md#<code>` (a finding's `doc`) and `reference/scenarios.md#<id>` resolve.
Both catalogues name the pages they link to by their source path (see `checker.pages`).
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File

HTTP_CALLS_PAGE = "reference/http-calls.md"
# Its summary in its readers' words: the meta description, and a search field
# (scripts/hooks/search_description.py).
HTTP_CALLS_DESCRIPTION = (
    "What GLPI sends to GLPI Network, for a privacy or firewall review: every HTTPS request of the "
    "registration check and the Marketplace per GLPI release (/api/registration/info, /offers, "
    "/api/ping), its URL, its headers (X-Registration-Key, the X-Glpi-Network-Uid instance UID, "
    "the User-Agent) and its cache. No hostname, URL or IP address of your server is sent.")
# The same summary in GLPI's other interface languages (scripts/hooks/page_summaries.py).
HTTP_CALLS_SUMMARIES = {
    "fr_FR": "Quelles données GLPI envoie-t-il à GLPI Network ? Pour un audit de confidentialité ou de "
             "pare-feu : chaque requête HTTPS de la vérification d'enregistrement et du Marketplace, par "
             "version (/api/registration/info, /offers, /api/ping), ses en-têtes (X-Registration-Key, "
             "X-Glpi-Network-Uid, User-Agent) et son cache. Ni nom d'hôte, ni URL, ni adresse IP du serveur.",
    "pt_BR": "Quais dados o GLPI envia ao GLPI Network? Para uma revisão de privacidade ou de firewall: cada "
             "requisição HTTPS da verificação de registro e do Marketplace, por versão (/api/registration/info, "
             "/offers, /api/ping), seus cabeçalhos (X-Registration-Key, X-Glpi-Network-Uid, User-Agent) e seu "
             "cache. Nenhum nome de host, URL ou IP do servidor é enviado.",
    "es_ES": "¿Qué datos envía GLPI a GLPI Network? Para una revisión de privacidad o de cortafuegos: cada "
             "petición HTTPS de la comprobación de registro y del Marketplace, por versión "
             "(/api/registration/info, /offers, /api/ping), sus cabeceras (X-Registration-Key, "
             "X-Glpi-Network-Uid, User-Agent) y su caché. No se envía el nombre de host, la URL ni la IP del servidor.",
    "de_DE": "Welche Daten schickt GLPI an GLPI Network? Für eine Datenschutz- oder Firewall-Prüfung: jede "
             "HTTPS-Anfrage der Registrierungsprüfung und des Marketplace je Version (/api/registration/info, "
             "/offers, /api/ping), ihre Header (X-Registration-Key, X-Glpi-Network-Uid, User-Agent) und ihr "
             "Cache. Hostname, URL oder IP-Adresse des Servers werden nicht gesendet.",
    "it_IT": "Quali dati invia GLPI a GLPI Network? Per una verifica di privacy o del firewall: ogni richiesta "
             "HTTPS del controllo di registrazione e del Marketplace, per versione (/api/registration/info, "
             "/offers, /api/ping), le sue intestazioni (X-Registration-Key, X-Glpi-Network-Uid, User-Agent) e "
             "la sua cache. Non vengono inviati nome host, URL o IP del server.",
}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Information"}


def _import_checker(config) -> None:
    """Make the repository's `checker` importable even without an editable install."""
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)


def on_config(config):
    _import_checker(config)
    # `mkdocs serve` rebuilds when a catalogue changes, not only when docs/ does.
    checker_dir = str(Path(config.config_file_path).resolve().parent / "checker")
    if checker_dir not in config.watch:
        config.watch.append(checker_dir)
    return config


# Titles of the pages the generated ones link to, read from the nav (filled by on_nav).
_nav_titles: dict[str, str] = {}
_docs_dir = "docs"


def on_files(files, config):
    from checker.pages import FINDINGS_PAGE, SCENARIOS_PAGE

    for src_uri in (FINDINGS_PAGE, SCENARIOS_PAGE, HTTP_CALLS_PAGE):
        if files.get_file_from_path(src_uri) is not None:
            raise RuntimeError(f"docs/{src_uri} is generated from a catalogue; delete the hand-written copy")
        # The content is filled in by on_page_markdown, once the nav gives the linked pages' titles.
        files.append(File.generated(config, src_uri, content=f"# {src_uri}\n"))
    return files


def on_nav(nav, config, files):
    global _docs_dir
    _docs_dir = config.docs_dir
    _nav_titles.clear()
    for page in nav.pages:
        if page.title:
            _nav_titles[page.file.src_uri] = page.title
    return nav


def on_page_markdown(markdown, page, config, files):
    from checker.pages import FINDINGS_PAGE, SCENARIOS_PAGE

    if page.file.src_uri in (FINDINGS_PAGE, SCENARIOS_PAGE):
        # Out of the search box: each entry restates, in a line, the page it links to, and these
        # hundred-odd short entries outranked those pages for plain questions. Both catalogues stay
        # in the navigation, and the checker and the CLI link each finding's page directly.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if page.file.src_uri == FINDINGS_PAGE:
        return findings_markdown()
    if page.file.src_uri == SCENARIOS_PAGE:
        return scenarios_markdown()
    if page.file.src_uri == HTTP_CALLS_PAGE:
        # The canonical answer to "what does GLPI send": its plain words are on other pages too.
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": 1.2}
        page.meta["description"] = HTTP_CALLS_DESCRIPTION
        page.meta["summaries"] = HTTP_CALLS_SUMMARIES
        return http_calls_markdown()
    if page.file.src_uri == CLI_PAGE:
        return USAGE_MARKER.sub(lambda match: usage_block(match.group(1)), markdown)
    return markdown


# --- CLI usage -----------------------------------------------------------------------------------

CLI_PAGE = "reference/cli.md"
USAGE_MARKER = re.compile(r"^<!-- usage: ([\w-]+) -->$", re.M)
HELP_WIDTH = "88"  # argparse wraps to $COLUMNS: fix it so the page does not depend on the terminal


def subcommand_parsers() -> dict:
    import argparse

    from checker.cli import build_parser

    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def usage_block(command: str) -> str:
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_WIDTH
    try:
        parsers = subcommand_parsers()
        if command not in parsers:
            raise RuntimeError(f"{CLI_PAGE}: no `glpi-keycheck {command}` command (have: {', '.join(parsers)})")
        text = parsers[command].format_help().rstrip()
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return f"```text\n$ glpi-keycheck {command} --help\n{text}\n```"


# --- Text helpers ------------------------------------------------------------------------------

def prose(text: str) -> str:
    """Catalogue text as Markdown: code spans kept, anything else HTML-escaped (e.g. `<path>`)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # unbalanced back quotes: escape everything
        return html.escape(text, quote=False)
    return "`".join(part if index % 2 else html.escape(part, quote=False)
                    for index, part in enumerate(parts))


def heading_text(text: str) -> str:
    # "{" would be read by attr_list as the start of an attribute list.
    return prose(text).replace("{", "&#123;").replace("}", "&#125;")


def link_from(page: str, target_md: str) -> str:
    """A relative Markdown link from generated `page` to `target_md`, both docs-relative paths."""
    return posixpath.relpath(target_md, posixpath.dirname(page))


def page_title(md_path: str) -> str:
    """The linked page's title: from the nav, else the page's first "# " heading, else its path."""
    path = md_path.partition("#")[0]
    if path in _nav_titles:
        return _nav_titles[path]
    source = Path(_docs_dir) / path
    if source.is_file():
        for line in source.read_text("utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return path


GITHUB_ITEM = re.compile(r"^https://github\.com/([\w.-]+/[\w.-]+)/(pull|issues|blob|tree|commit)/(.+)$")


def source_label(url: str) -> str:
    """"glpi-project/glpi PR #11567" rather than a bare URL; other URLs are shown as they are."""
    match = GITHUB_ITEM.match(url)
    if not match:
        return url
    repo, kind, rest = match.groups()
    if kind == "pull":
        return f"{repo} PR #{rest}"
    if kind == "issues":
        return f"{repo} issue #{rest}"
    if kind in ("blob", "tree"):
        ref, _, path = rest.partition("/")
        short_ref = ref[:10] if re.fullmatch(r"[0-9a-f]{40}", ref) else ref
        return f"{repo}: {path or ref}" + (f" ({short_ref})" if path else "")
    return f"{repo} commit {rest[:10]}"


def sources_list(sources) -> list[str]:
    return [f"- [{html.escape(source_label(url), quote=False)}]({url})" for url in sources]


# --- Findings ----------------------------------------------------------------------------------

def findings_markdown() -> str:
    from checker.findings import CATALOGUE, GROUPS
    from checker.pages import FINDINGS_PAGE

    lines = [
        "# Findings",
        "",
        "Every problem or fact the checker can report, with its stable code. The command line "
        "prints the code in brackets and links here (`More: reference/findings/#<code>`); the "
        "browser checker links to the same anchors.",
        "",
        "This page is generated from the checker's findings catalogue when the site is built, so "
        "it always matches what the checker says.",
        "",
        "| Severity | Meaning |",
        "|---|---|",
        "| Error | The input cannot work as it is. |",
        "| Warning | The input was damaged; the checker repaired it and shows the repaired value. |",
        "| Information | A fact worth knowing; nothing to fix. |",
        "",
    ]
    for group, group_title in GROUPS.items():
        specs = [spec for spec in CATALOGUE.values() if spec.group == group]
        if not specs:
            continue
        lines += [f"## {heading_text(group_title)} {{#group-{group}}}", ""]
        for spec in specs:
            lines += [
                f"### `{spec.code}`: {heading_text(spec.title)} {{#{spec.code}}}",
                "",
                f"**Severity:** {SEVERITY_LABELS.get(spec.severity, spec.severity)}",
                "",
                prose(spec.explanation),
                "",
                f"**Fix:** {prose(spec.fix)}",
                "",
            ]
            if spec.see_also:
                links = ", ".join(f"[{page_title(path)}]({link_from(FINDINGS_PAGE, path)})"
                                  for path in spec.see_also)
                lines += [f"**See also:** {links}", ""]
            if spec.sources:
                lines += ["**Sources:**", "", *sources_list(spec.sources), ""]
    return "\n".join(lines)


# --- Scenarios ---------------------------------------------------------------------------------

def try_it_command(scenario) -> str:
    """The CLI line that plays this scenario in its newest version; a scenario that needs the
    reader's own key gets `--key -`, which reads it from standard input."""
    version = scenario.versions[-1]
    command = f"glpi-keycheck simulate --scenario {scenario.id} --glpi-version {version}"
    return command + " --key -" if scenario.needs_key else command


def scenarios_markdown() -> str:
    from checker.pages import SCENARIOS_PAGE
    from checker.simulation.scenarios import SCENARIOS as scenarios, VERSIONS as versions

    lines = [
        "# Scenarios",
        "",
        "The situations the simulator reproduces, each with the GLPI versions it applies to, its "
        "cause, its fix, the sources it is built from and the troubleshooting page that tells "
        "more. Play one in the browser on its troubleshooting page, or with "
        "[`glpi-keycheck simulate`](cli.md#simulate).",
        "",
        "This page is generated from the checker's scenarios catalogue when the site is built.",
        "",
    ]
    from checker.glpi_versions import CHANGES, LATEST

    ranges = ", ".join(f"`{b}.0` to `{b}.{n}`" for b, n in LATEST.items())
    changes = ", ".join(sorted({release for release in CHANGES.values()}, key=lambda r: tuple(
        int(part) for part in r.split("."))))
    lines += [f"Simulated GLPI versions: {', '.join(f'`{v}`' for v in versions)}, each playing "
              f"its latest release, or any release of theirs ({ranges}): the simulator applies "
              f"what changed inside a branch, at {changes} (see "
              "[HTTP calls](http-calls.md) for the requests per release).", "",
              "| Scenario | Title | GLPI versions |", "|---|---|---|"]
    lines += [f"| [`{s.id}`](#{s.id}) | {heading_text(s.title)} | {', '.join(s.versions)} |"
              for s in scenarios.values()]
    lines.append("")
    for scenario in scenarios.values():
        doc_md = scenario.doc
        lines += [
            f"## `{scenario.id}`: {heading_text(scenario.title)} {{#{scenario.id}}}",
            "",
            f"**GLPI versions:** {', '.join(scenario.versions)}"
            + (f" (from {scenario.since})" if scenario.since else ""),
            "",
            f"**Cause:** {prose(scenario.cause)}",
            "",
            f"**Fix:** {prose(scenario.fix)}",
            "",
            f"**Read more:** [{page_title(doc_md)}]({link_from(SCENARIOS_PAGE, doc_md)})",
            "",
            f"**Try it:** `{try_it_command(scenario)}`",
            "",
        ]
        if scenario.sources:
            lines += ["**Sources:**", "", *sources_list(scenario.sources), ""]
    return "\n".join(lines)


# --- HTTP calls ------------------------------------------------------------------------------

GLPI_BLOB = "https://github.com/glpi-project/glpi/blob"
GLPI_PR = "https://github.com/glpi-project/glpi/pull"
GLPI_ISSUE = "https://github.com/glpi-project/glpi/issues"


def _tab_order(version) -> list[str]:
    from checker.simulation.steps import STEP_ORDER

    names = {"services-check": "the services check", "registration-info": "registration info"}
    return [names[step] for step in STEP_ORDER[version.branch] if step in names]


def _signature(version) -> tuple:
    from checker.simulation.calls import glpi_calls

    calls = tuple((c.name, c.request.render(), c.cache, c.lifetime, c.expects, c.purpose, c.note)
                  for c in glpi_calls(version))
    return calls, tuple(_tab_order(version)), version.has("tab-shows-keyfile-errors")


def release_ranges() -> list[tuple[str, str, object]]:
    """Consecutive releases of a branch whose calls are the same: (first, last, a version)."""
    from checker.glpi_versions import LATEST, GlpiVersion

    ranges: list[list] = []
    for branch, last in LATEST.items():
        previous = None
        for patch in range(last + 1):
            version = GlpiVersion(branch, patch)
            signature = _signature(version)
            if previous is not None and previous[3] == signature:
                previous[1] = version.release
                continue
            previous = [version.release, version.release, version, signature]
            ranges.append(previous)
    return [(first, last, version) for first, last, version, _ in ranges]


def _cell(text: str) -> str:
    return prose(text).replace("|", "\\|")


def _code(text: str) -> str:
    return "`" + text.replace("`", "") + "`"


def calls_table(version) -> list[str]:
    from checker.simulation.calls import glpi_calls

    lines = ["| Call | Request | Headers, exactly as GLPI sets them | Cache key (lifetime) | GLPI expects |",
             "|---|---|---|---|---|"]
    for call in glpi_calls(version):
        request = call.request
        headers = "<br>".join(_code(line) for line in request.header_lines)
        cache = f"{_code(call.cache)} ({call.lifetime})" if call.cache else "not cached"
        purpose = _cell(call.purpose) + (f"; {_cell(call.note)}" if call.note else "")
        client = "cURL" if request.client == "cURL" else "Guzzle"
        lines.append(f"| **{call.name}**: {purpose} | {_code('GET ' + request.url)} ({client}) | "
                     f"{headers} | {cache} | {_cell(call.expects)} |")
    return lines


def http_calls_markdown() -> str:
    from checker import glpi_texts as texts
    from checker.simulation.network_model import REGISTRATION_API_URL

    lines = [
        "# HTTP calls to GLPI Network",
        "",
        "Does GLPI phone home? What GLPI sends to GLPI Network, and when: which URLs it contacts on "
        "the Internet, which data and "
        "information about your instance leave the server, for a privacy review or a firewall "
        "rule. Every request GLPI "
        "makes for registration and the Marketplace, per GLPI release: the URL, the headers "
        "exactly as GLPI sets them, the cache key and what GLPI needs from the answer. All are HTTPS `GET` requests. The URLs are the defaults of "
        "constants you can override (see [Marketplace constants](marketplace-constants.md#glpi-network-urls)).",
        "",
        "This page is generated when the site is built from the simulator's own request "
        "builders: the simulator (`glpi-keycheck simulate`) sends exactly these requests, so the "
        "two always agree. Header lines are shown as GLPI hands them to its HTTP client: "
        "`Accept:application/json` without a space for the registration calls (cURL), "
        "`Accept: application/json` for the Marketplace (Guzzle). Placeholders:",
        "",
        "- **`<key>`** is the stored registration key, decrypted, sent unchanged.",
        "- **`<UID>`** is `glpi_network_uuid` from `glpi_configs`: 40 random characters generated "
        "the first time it is needed and never rotated, not encrypted. A copy of the database "
        "carries the same UID. (The 9.x generator uses `0-9a-z`; the alphabet in 10.0 and 11 was "
        "not re-checked.)",
        "- **`<language>`** is the first part of the session language, for example `fr`; "
        "**`<language code>`** is the language's code from GLPI's language list.",
        "- **`<UA>`** is `GLPI/<version> (installation-mode:<mode>[; <extra>])`: the version "
        "without its stability suffix from 10.0 (`11.0.0-rc1` gives `11.0.0`; 9.5 sends it as "
        "is), the mode from `GLPI_INSTALL_MODE` (`TARBALL`, `GIT`, `DOCKER` in the official image, "
        "`CLOUD`), and `GLPI_USER_AGENT_EXTRA_COMMENTS` if set.",
        "- **Nothing else identifies the instance.** No URL, hostname or IP address of your GLPI "
        "is sent. `/info` and every Marketplace request carry `X-Registration-Key` and "
        "`X-Glpi-Network-Uid`; `/offers` and the services check carry neither.",
        "",
    ]
    for first, last, version in release_ranges():
        span = first if first == last else f"{first} to {last}"
        anchor = "glpi-" + first.replace(".", "-")
        order = _tab_order(version)
        lines += [f"## GLPI {span} {{#{anchor}}}", "",
                  f"Opening the GLPI Network tab sends two requests, in this order: {order[0]}, "
                  f"then {order[1]} (registration info only when a key is stored; the tab always "
                  "asks again instead of reading the cache)."
                  + (" When glpicrypt.key has a read error, the tab shows only that error and "
                     f"sends neither ([PR #21614]({GLPI_PR}/21614); the first release with it is "
                     "inferred from its merge date)." if version.has("tab-shows-keyfile-errors")
                     else ""), ""]
        lines += calls_table(version) + [""]
    lines += [
        "## How GLPI sends them",
        "",
        "The registration calls go through `Toolbox::callCurl`, which honours the proxy set in "
        "**Setup > General > System**, gives up connecting after **5 seconds** (since "
        f"[PR #8443]({GLPI_PR}/8443), December 2020; 9.5.0 to about 9.5.3 had no such limit, "
        "inferred from the date), follows redirects, and does not look at the HTTP status: any "
        "non-empty body is returned. An HTML error page therefore counts as \"services "
        "available\", and only fails the JSON check of `/info`. Before "
        f"[PR #22140]({GLPI_PR}/22140) the 11.0.x services check asked "
        f"`{REGISTRATION_API_URL}`, which answered with a 404 page: a non-empty body, so it "
        f"counted as available ([#22679]({GLPI_ISSUE}/22679)).",
        "",
        "The Marketplace requests go through GLPI's Guzzle client (5-second connect timeout, "
        "GLPI's proxy when one is set). **Without a valid registration GLPI sends no Marketplace "
        "request**: it answers itself with an empty list. The Marketplace API also refuses to "
        "serve archives without a registration key header, which is why manual downloads go "
        "through GLPI's `front/marketplace.download.php`.",
        "",
        "### Fields GLPI reads from `/info`",
        "",
        "| Field | Use |",
        "|---|---|",
        f"| `is_valid` | required; false gives \"{texts.INVALID}\" |",
        "| `validation_message` | optional; shown word for word instead of GLPI's own message, "
        "green when the key is valid and the subscription running, red otherwise |",
        "| `owner.name` | shown as **Registered by** |",
        "| `subscription.title` | shown as **Subscription** |",
        "| `subscription.begin_date`, `subscription.end_date` | shown as **Period** (GLPI 11's tab "
        "only; 9.5 and 10.0 show Subscription and Registered by) |",
        f"| `subscription.is_running` | false gives \"{texts.TERMINATED}\" |",
        "| `subscription.offer_reference` | compared with a plugin's `required_offers` in the "
        "Marketplace |",
        "",
        "### Caching",
        "",
        "The `/info` cache key holds `sha1` of the key, so a key pasted again is a new entry; "
        "only a change on GLPI Network's side for the same key goes stale (up to a day). The "
        "Marketplace, the console commands and the `checkAllUpdates` task use the cached `/info` "
        "answer (`GLPINetwork::isRegistered()`); opening the GLPI Network tab always asks again. "
        "A failed fetch is not cached.",
        "",
        "## Messages GLPI shows",
        "",
        "Registration, on the GLPI Network tab:",
        "",
        f"- \"{texts.VALID}\"",
        f"- \"{texts.INVALID}\"",
        f"- \"{texts.TERMINATED}\"",
        f"- \"{texts.UNABLE_TO_FETCH}\" (GLPI 9.5.0 and its release candidates: \"Unable to fetch "
        f"registration informations.\", [#7423]({GLPI_ISSUE}/7423), [#7645]({GLPI_ISSUE}/7645))",
        f"- 9.5/10.0: \"{texts.SERVICES_DOWN['10.0']}\"; 11.x: \"{texts.SERVICES_DOWN['11.0']}\", "
        f"followed by \"{texts.ERROR_WAS % '<cURL error>'}\".",
        "",
        "cURL errors, from `Toolbox::callCurl`:",
        "",
        f"- Without a proxy in GLPI: \"{texts.CONNECTION_FAILED}\", for example \"(Resolving timed "
        f"out after 5000 milliseconds)\" ([#22679]({GLPI_ISSUE}/22679)).",
        f"- With a proxy: \"{texts.PROXY_FAILED}\".",
        "",
        "In GLPI's log (`files/_log/php-errors.log`) these failures are followed by the cURL error "
        "and the response body, labelled `Error message:` and `Response:` in 10.0 and 11.x; 9.5 "
        "writes them without labels.",
        "",
        f"Rate limiting, in GLPI's log: \"{texts.OFFERS_FETCH_FAILED}\" with \"Too Many Attempts.\" "
        f"([#11548]({GLPI_ISSUE}/11548), 10.0.0); the response body logged in "
        f"[#7645]({GLPI_ISSUE}/7645) (9.5.0) was `{{\"message\": \"Too Many Attempts.\"}}`.",
        "",
        "Marketplace banners are listed in [Marketplace constants](marketplace-constants.md#messages).",
        "",
        "## Sources",
        "",
        f"- [`src/GLPINetwork.php`]({GLPI_BLOB}/0042059c82075d3223c145cb3609a83019fc0cd2/src/GLPINetwork.php) "
        f"(11.x), [10.0 copy]({GLPI_BLOB}/0ab3a231e4e53d6034df145d9052ee4b71aec8b1/src/GLPINetwork.php), "
        f"[`inc/glpinetwork.class.php`]({GLPI_BLOB}/13d78f8531f4105a679d6fd4925f0b89690eec8c/inc/glpinetwork.class.php) "
        "(9.5): the registration calls, headers, fields, messages, cache.",
        f"- [`src/Toolbox.php`]({GLPI_BLOB}/0042059c82075d3223c145cb3609a83019fc0cd2/src/Toolbox.php): "
        "`callCurl`, `doCallCurl`: proxy, timeout, redirects, cURL messages.",
        f"- [`src/Config.php`]({GLPI_BLOB}/0042059c82075d3223c145cb3609a83019fc0cd2/src/Config.php): "
        "`getUuid` (UID).",
        f"- [`src/Marketplace/Api/Plugins.php`]({GLPI_BLOB}/0ab3a231e4e53d6034df145d9052ee4b71aec8b1/src/Marketplace/Api/Plugins.php) "
        f"(10.0) and [`src/Glpi/Marketplace/Api/Plugins.php`]({GLPI_BLOB}/1499532749b995a84383abfc0be9d4fe01d8c27d/src/Glpi/Marketplace/Api/Plugins.php) "
        "(11.x): Marketplace requests, paging, cache, proxy, archive downloads.",
        f"- [`src/Marketplace/Controller.php`]({GLPI_BLOB}/0dd179ccfcb79d35a99d66259a3e7c861fe84ab6/src/Marketplace/Controller.php) "
        "(10.0): downloads, `checkAllUpdates`.",
        f"- [`inc/based_config.php`]({GLPI_BLOB}/011dbb9d612af11e550fc11694978ca15c1cad1b/inc/based_config.php) "
        f"(10.0), [`SystemConfigurator.php`]({GLPI_BLOB}/04611a52e33c7536c3000f926b9101e365a04658/src/Glpi/Application/SystemConfigurator.php) "
        "(11): default URLs.",
        f"- [PR #7485]({GLPI_PR}/7485) (cURL error on the page), [PR #8443]({GLPI_PR}/8443) "
        f"(5-second timeout), [PR #11567]({GLPI_PR}/11567) (the key trimmed on save, 10.0.1), "
        f"[PR #14657]({GLPI_PR}/14657) (`/api/marketplace/`, cache per key, 10.0.8), "
        f"[PR #21614]({GLPI_PR}/21614) (key-file errors on the tab), [PR #22140]({GLPI_PR}/22140) "
        f"(`/api/ping`); issues [#22679]({GLPI_ISSUE}/22679), [#11548]({GLPI_ISSUE}/11548), "
        f"[#7645]({GLPI_ISSUE}/7645).",
        "",
    ]
    return "\n".join(lines)
