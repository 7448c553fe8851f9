"""The search box, as an admin uses it: commands pasted with their options."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("typed", "page_url"), [
    # lunr read "--force" as an operator and refused the whole query: no result at all.
    ("php bin/console glpi:marketplace:download --force", "reference/console-commands/"),
    ("glpi-keycheck check --report", "reference/cli/"),
])
def test_commands_typed_into_the_search_box_find_their_page(browser, site, typed, page_url):
    context = browser.new_context(base_url=site.url)
    page = context.new_page()
    try:
        page.goto("/")
        box = page.locator(".md-search__input")
        box.fill(typed)
        box.press("End")  # Material searches on keyup (fill() types no key)
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
        assert any(urlsplit(link).path.endswith("/" + page_url) for link in links[:3]), links[:5]
    finally:
        context.close()
