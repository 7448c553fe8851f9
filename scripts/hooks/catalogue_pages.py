"""MkDocs hook: generate the two catalogue reference pages at build time.

- reference/findings.md from `checker.findings.CATALOGUE`, grouped by `GROUPS`;
- reference/scenarios.md from `checker.simulation.scenarios.SCENARIOS`;
- in reference/cli.md, each `<!-- usage: COMMAND -->` marker becomes that subcommand's
  `--help` text, read from the CLI's own argument parser.

The catalogues are the only copy of their text: the pages are never written by hand and never
stored in docs/. Each entry gets a heading whose anchor id is exactly its code or scenario id,
so `reference/findings/#<code>` (a finding's `doc`) and `reference/scenarios/#<id>` resolve.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.structure.files import File

FINDINGS_PAGE = "reference/findings.md"
SCENARIOS_PAGE = "reference/scenarios.md"
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
    _doc_files.clear()
    _doc_files.update(file.src_uri for file in files.documentation_pages())
    for src_uri in (FINDINGS_PAGE, SCENARIOS_PAGE):
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
    if page.file.src_uri == FINDINGS_PAGE:
        return findings_markdown()
    if page.file.src_uri == SCENARIOS_PAGE:
        return scenarios_markdown()
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


_doc_files: set[str] = set()  # source paths of every docs page (filled by on_files)


def url_to_md(url: str) -> str:
    """Site-relative directory URL ("troubleshooting/unable-to-fetch/") to its source path.

    "troubleshooting/" is troubleshooting/index.md; "troubleshooting/index/" is accepted too."""
    path, _, anchor = url.partition("#")
    path = path.strip("/")
    candidates = [f"{path}.md", f"{path}/index.md"] if path else ["index.md"]
    md = next((candidate for candidate in candidates if candidate in _doc_files), candidates[0])
    return md + (f"#{anchor}" if anchor else "")


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
    lines += [f"Simulated GLPI versions: {', '.join(f'`{v}`' for v in versions)}.", "",
              "| Scenario | Title | GLPI versions |", "|---|---|---|"]
    lines += [f"| [`{s.id}`](#{s.id}) | {heading_text(s.title)} | {', '.join(s.versions)} |"
              for s in scenarios.values()]
    lines.append("")
    for scenario in scenarios.values():
        doc_md = url_to_md(scenario.doc)
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
