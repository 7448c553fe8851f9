"""Names for the two landmarks Material leaves unnamed: the search dialog and the page-load
progress bar (axe: aria-dialog-name, aria-progressbar-name). The build fails when Material's
markup changes, so an upgrade cannot silently drop them."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

LABELS = {
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    '<div class="md-progress" data-md-component="progress" role="progressbar">':
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page">',
}


def _label(output: str, where: str) -> str:
    for markup, labelled in LABELS.items():
        if markup not in output:
            raise PluginError(f"accessible_theme: Material's markup changed, {markup!r} not found in {where}")
        output = output.replace(markup, labelled)
    return output


def on_post_page(output: str, page, config) -> str:
    return _label(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    # 404.html is rendered as a template, not a page.
    return _label(output, template_name) if template_name == "404.html" else output
