"""MkDocs hook: Material's search worker reads a command's options typed into the search box.

Admins paste commands: `php bin/console glpi:marketplace:download --force`. Lunr's query syntax
read "--force" as an error, and the search box showed nothing at all. search_worker_queries.js,
prepended to the built worker, keeps the option's word before lunr parses the query. Whatever
runs the site's worker (the search box, tests/docs/site_search.py) gets the same reading.
"""

from __future__ import annotations

from pathlib import Path

PREFIX_PATH = Path(__file__).with_name("search_worker_queries.js")


def on_post_build(config):
    prefix = PREFIX_PATH.read_text("utf-8")
    workers = Path(config.site_dir) / "assets" / "javascripts" / "workers"
    found = [path for path in workers.glob("search.*.js") if not path.name.endswith(".map")]
    if not found:
        raise SystemExit("search_worker_queries hook: Material's search worker was not found")
    for worker in found:
        script = worker.read_text("utf-8")
        if not script.startswith(prefix):  # a dirty rebuild may keep the worker already prefixed
            worker.write_text(prefix + script, "utf-8")
