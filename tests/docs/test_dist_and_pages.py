"""`make dist`'s archive, and the pages that offer the help centre's ways in: the home page's
first actions, the glossary's tooltips, and the hosting page's needs."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tarfile

import pytest
import yaml

from docs_site import DOCS, REPO

DIST = REPO / "scripts" / "dist_site.py"
EPOCH = "1767312000"  # 2026-01-02 00:00 UTC


def run_dist(*args: str, env_epoch: str | None = EPOCH) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", **({"SOURCE_DATE_EPOCH": env_epoch} if env_epoch else {})}
    return subprocess.run([sys.executable, str(DIST), *args], capture_output=True, text=True, env=env, timeout=300)


def test_dist_archive_is_dated_checksummed_and_reproducible(site, tmp_path):
    first = run_dist("https://glpi.example.org/keycheck", "--site-dir", str(site), "--out", str(tmp_path / "a"))
    assert first.returncode == 0, first.stderr
    archive = tmp_path / "a" / "glpi-keycheck-site-2026-01-02.tar.gz"
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert f"SHA-256 {digest}" in first.stdout
    assert "built for https://glpi.example.org/keycheck/" in first.stdout  # trailing / added
    checksum = archive.parent / (archive.name + ".sha256")
    assert checksum.read_text() == f"{digest}  {archive.name}\n"  # the format `sha256sum -c` reads
    verified = subprocess.run(["sha256sum", "-c", checksum.name], cwd=checksum.parent, capture_output=True, text=True)
    assert verified.returncode == 0 and "OK" in verified.stdout
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        members = tar.getmembers()
    assert "glpi-keycheck-site-2026-01-02/index.html" in names
    assert "glpi-keycheck-site-2026-01-02/checker/index.html" in names
    assert all(name.startswith("glpi-keycheck-site-2026-01-02") for name in names)
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, int(EPOCH))}
    again = run_dist("https://glpi.example.org/keycheck/", "--site-dir", str(site), "--out", str(tmp_path / "b"))
    assert again.returncode == 0
    assert (tmp_path / "b" / archive.name).read_bytes() == archive.read_bytes()


@pytest.mark.parametrize("url", ["glpi.example.org/keycheck/", "ftp://glpi.example.org/", "https://x/?a=1"])
def test_dist_refuses_an_address_a_site_cannot_have(tmp_path, url):
    result = run_dist(url, "--site-dir", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "SITE_URL must be the address the site will have" in result.stderr
    assert "Traceback" not in result.stderr


def test_dist_refuses_a_folder_without_a_site(tmp_path):
    result = run_dist("https://glpi.example.org/", "--site-dir", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "no built site" in result.stderr


def test_make_dist_needs_the_address():
    result = subprocess.run(["make", "-s", "-n", "dist"], cwd=REPO, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    # -n prints the recipe: the guard on SITE_URL comes before the build.
    assert 'test -n ""' in result.stdout and "make dist SITE_URL=" in result.stdout


# --- pages ------------------------------------------------------------------------------------

def nav_titles() -> dict[str, str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # no !ENV resolution needed
    titles: dict[str, str] = {}

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for title, target in item.items():
                    if isinstance(target, list):
                        walk(target)
                    else:
                        titles[target] = title
    walk(config["nav"])
    return titles


def test_hosting_page_says_what_a_build_needs_under_its_sidebar_title():
    text = (DOCS / "howto" / "deploy-offline.md").read_text()
    title = nav_titles()["howto/deploy-offline.md"]
    assert f"\n# {title}\n" in text and f"title: {title}\n" in text
    for need in ("a clone of the glpi-keycheck repository", "Node.js 20", "PyPI", "npm", "Internet access **once**",
                 "make dist SITE_URL=https://glpi.example.org/keycheck/", "sha256sum -c"):
        assert need in text
    assert "tests/" not in text and "test suite" not in text  # written for admins


def test_home_page_offers_actions_first(pages):
    home = (DOCS / "index.md").read_text()
    first_screen = home[: home.index("## What the registration key is for")]
    assert "## What do you see?" in first_screen and "++slash++" in first_screen
    assert 'role="search"' in first_screen and 'name="q"' in first_screen
    assert "(checker.md){ .md-button" in first_screen
    assert "(checker.md#simulate-glpis-registration-check){ .md-button" in first_screen
    # Each common message is GLPI's exact text, found on the page it links to.
    messages = re.findall(r'^- \["(.+?)"\]\((troubleshooting/[a-z-]+\.md)\)', first_screen, re.MULTILINE)
    assert len(messages) >= 5
    for message, page in messages:
        assert message in (DOCS / page).read_text(), (message, page)
    find_your_way = home[home.index("## Find your way"):]
    assert "checker.md#simulate-glpis-registration-check" in find_your_way
    assert "howto/deploy-offline.md" in find_your_way


@pytest.mark.parametrize("url,term", [
    ("", "Teclib"), ("explanation/key-vs-keyfile/", "ciphertext"),
    ("explanation/key-vs-keyfile/", "XChaCha20-Poly1305"), ("howto/deploy-offline/", "Pyodide"),
])
def test_terms_are_explained_where_they_appear(pages, url, term):
    abbreviations = [e for e in pages[url].elements if e.tag == "abbr"]
    assert any(e.attrs.get("title") for e in abbreviations), url
    html = pages[url].path.read_text()
    assert re.search(r'<abbr title="[^"]{20,}">' + re.escape(term) + "</abbr>", html), term


def test_terms_written_as_code_are_explained_too(pages):
    html = pages["reference/http-calls/"].path.read_text()
    assert re.search(r'<abbr title="[^"]*GLPI Network[^"]*"><code>is_valid</code></abbr>', html)


def test_the_glossary_itself_never_shows_on_a_page(pages):
    for url, page in pages.items():
        assert "*[" not in page.text, url
