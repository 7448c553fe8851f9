"""Facts about GLPI that the help centre once got wrong, guarded where code can check them.

Each test reads the Markdown sources (and the findings catalogue, which the CLI and the browser
print), so it runs without building the site. The GLPI source behind each fact is cited in the
test's docstring.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.findings import CATALOGUE
from docs_site import DOCS, REPO

PAGES = sorted(p for p in DOCS.rglob("*.md") if "assets" not in p.parts)
TROUBLESHOOTING = sorted(p for p in (DOCS / "troubleshooting").glob("*.md") if p.name != "index.md")
FINDING_TEXTS = {code: " ".join((spec.title, spec.explanation, spec.fix)) for code, spec in CATALOGUE.items()}


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def lines_of(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))


def page_texts() -> list[tuple[str, str]]:
    """(where, text) for every page and every finding: all the prose users read."""
    return ([(rel(p), p.read_text(encoding="utf-8")) for p in PAGES]
            + [(f"finding {code}", text) for code, text in FINDING_TEXTS.items()])


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces folded, as a reader sees it."""
    return re.sub(r"\s+", " ", text)


def paragraphs(text: str) -> list[str]:
    return [flat(block) for block in re.split(r"\n\s*\n", text)]


# --- Sources that do not move --------------------------------------------------------------

# The ref after /blob/ or /tree/ (code that builds a URL from a variable is not a link).
GITHUB_FILE_LINK = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+/(?:blob|tree)/([\w.-]+)(?=[/)\s#>]|$)")


def code_comment_and_text_files() -> list[Path]:
    """Files whose prose or comments cite sources: docs, the checker, scripts, tests."""
    files = list(PAGES)
    files += list((REPO / "checker").rglob("*.py"))
    files += list((REPO / "scripts").rglob("*.py"))
    files += [p for p in (REPO / "tests").rglob("*.py") if p.name != Path(__file__).name]
    return files


def test_every_github_code_link_is_pinned_at_a_commit():
    """A link to `/blob/main/…` or `/blob/11.0/bugfixes/…` shows tomorrow's code, not the code a
    page describes: every link to a file on GitHub names a 40-hex commit."""
    unpinned = []
    for path in code_comment_and_text_files():
        for number, line in lines_of(path):
            for ref in GITHUB_FILE_LINK.findall(line):
                if not re.fullmatch(r"[0-9a-f]{40}", ref):
                    unpinned.append(f"{rel(path)}:{number}: /{ref}/")
    for code, spec in CATALOGUE.items():
        for url in spec.sources:
            for ref in GITHUB_FILE_LINK.findall(url):
                if not re.fullmatch(r"[0-9a-f]{40}", ref):
                    unpinned.append(f"finding {code}: {url}")
    assert not unpinned, "GitHub links not pinned at a commit:\n" + "\n".join(unpinned)


def test_no_citation_of_documents_outside_the_repository():
    """Readers can open only what the site and the repository hold: a section number of a
    document they cannot see, or a path beside the repository, tells them nothing. Cite GLPI's
    URLs at a commit instead. A public standard's section ("draft-irtf-… §2.2") is fine."""
    section = re.compile(r"§\s?\d")
    standard = re.compile(r"draft-[\w-]+|RFC\s?\d+", re.IGNORECASE)
    beside_the_repository = re.compile(r"\.\./shared/|\bshared/reference/")
    found = [f"{rel(path)}:{number}: {line.strip()}"
             for path in code_comment_and_text_files()
             for number, line in lines_of(path)
             if beside_the_repository.search(line)
             or (section.search(line) and (path.suffix == ".md" or not standard.search(line)))
             or (path.suffix == ".md" and "§" in line)]
    assert not found, "citations of documents outside the repository:\n" + "\n".join(found)


# --- GLPI's own words ------------------------------------------------------------------------

def test_plugin_download_failure_is_quoted_as_glpi_writes_it():
    """Controller::downloadPlugin(): __('Unable to download plugin archive.') in 9.5, 10.0, 11."""
    wrong = [where for where, text in page_texts() if "Unable to download plugin file" in text]
    assert not wrong, f"a paraphrase, not GLPI's words: {wrong}"
    assert "Unable to download plugin archive." in (DOCS / "troubleshooting/plugin-download-fails.md").read_text()


def test_95_confirmation_prompt_is_quoted_with_its_space():
    """9.5's AbstractCommand asks "Do you want to continue ?"; 10.0 and later drop the space."""
    text = (DOCS / "reference/console-commands.md").read_text()
    assert "Do you want to continue ?" in text
    assert "Do you want to continue?" in text


def test_php8_libsodium_key_size_message_is_given_next_to_php7s():
    """php-src ext/sodium: PHP 8 says "Argument #4 ($key) must be …_KEYBYTES bytes long"."""
    for page in ("troubleshooting/invalid-key-file.md", "troubleshooting/blank-page-on-save.md"):
        text = flat((DOCS / page).read_text())
        assert "secret key size should be" in text, page
        assert "Argument #4 ($key) must be SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES bytes long" in text, page
    assert "Argument #4 ($key)" in FINDING_TEXTS["keyfile-wrong-size"]


def test_create_key_failure_quotes_both_wordings():
    """9.5: 'You have to run "php bin/console glpi:security:change_key" command…'; later 10.0 and
    11: 'You have to run the "%s" command…' (GLPI 11 fills in php bin/console security:change_key)."""
    text = (DOCS / "reference/console-commands.md").read_text()
    assert 'You have to run "php bin/console glpi:security:change_key" command to manually create this file.' in text
    assert 'You have to run the "%s" command to manually create this file.' in text


def test_informations_spelling_is_always_tied_to_950():
    """Only GLPI 9.5.0 (and its release candidates) wrote "registration informations"."""
    wrong = [f"{where}: {paragraph}" for where, text in page_texts()
             for paragraph in paragraphs(text)
             if "registration informations" in paragraph and "9.5.0" not in paragraph]
    assert not wrong, "\n".join(wrong)


# --- Behaviour that changed between releases -----------------------------------------------

def test_web_form_trim_is_dated_1001():
    """PR #11567 (trim on web save) was merged 2022-05-12, after 10.0.0: first release 10.0.1."""
    version_10 = re.compile(r"\b10\.0\b(?!\.\d)")
    wrong = [f"{where}: {line.strip()}" for where, text in page_texts()
             for line in re.split(r"(?<=[.;])\s+|\n", text)
             if ("11567" in line or "trim" in line.lower()) and version_10.search(line)
             and "10.0.1" not in line]
    assert not wrong, "trim on save dated 10.0 instead of 10.0.1:\n" + "\n".join(wrong)


def test_empty_required_offers_is_no_higher_offer_from_1008():
    """Controller::requiresHigherOffer(): `empty()` in 10.0.8+ and 11 (PR #14657); only
    10.0.0–10.0.7 counted `[]` as "a higher offer is required"."""
    tiers = (DOCS / "reference/tiers.md").read_text()
    row = next(line for line in tiers.splitlines() if line.startswith("| `[]`"))
    assert "10.0.8" in row and "no" in row and "10.0.7" in row
    for where, text in page_texts():
        for line in text.splitlines():
            if "`[]`" in line and re.search(r"higher offer (is )?required", line):
                assert "10.0.7" in line or "10.0.0 to" in line or "10.0.8" in line, f"{where}: {line}"


def test_change_key_refusal_is_never_claimed_for_95():
    """GLPIKey::generate() in 9.5 (inc/glpikey.class.php) writes the new key file before it
    migrates anything and never checks the old one: the refusal exists from 10.0 on. Every text
    that mentions the refusal also warns 9.5 users."""
    refusal = re.compile(r"Unable to change security key!|refuses? to (run|read)")
    for where, text in page_texts():
        if refusal.search(text) and "change_key" in text:
            assert "9.5" in text, where
            assert re.search(r"overwrit|writes (a|the) new key over", flat(text)), f"{where}: no 9.5 overwrite warning"


def test_95_users_are_told_to_back_up_the_key_file_before_change_key():
    for page in ("howto/secrets-after-key-loss.md", "reference/console-commands.md"):
        text = (DOCS / page).read_text()
        assert "cp -p config/glpicrypt.key" in text, page


def test_period_is_only_said_of_glpi_11s_tab():
    """Only GLPI 11's template shows the subscription period; 9.5 and 10.0 show Subscription and
    Registered by."""
    wrong = [f"{rel(p)}:{n}: {line.strip()}" for p in PAGES for n, line in lines_of(p)
             if "**Period**" in line and "11" not in line]
    assert not wrong, "\n".join(wrong)


def test_services_check_url_follows_the_11_0_x_change():
    """PR #22140: the services check moved to …/api/ping in 11.0.x; 11.0.0–11.0.3 still asked
    …/api/registration/."""
    for page in ("troubleshooting/services-unreachable.md", "howto/proxy.md",
                 "reference/marketplace-constants.md"):
        text = (DOCS / page).read_text()
        assert "22140" in text and "11.0.0 to 11.0.3" in text, page
    wrong = [f"{rel(p)}:{n}" for p in PAGES for n, line in lines_of(p)
             if re.search(r"\b11\.x\b.*/api/ping|/api/ping.*\(11\.x\)", line)]
    assert not wrong, f"/api/ping attributed to all of 11.x: {wrong}"


def test_five_second_timeout_is_credited_to_pr_8443():
    """The 5-second connect timeout came with PR #8443 (December 2020), after 9.5.0."""
    for p in PAGES:
        text = p.read_text()
        if re.search(r"5 seconds|5-second|5 s connect", text) and "Toolbox" in text + "callCurl":
            assert "8443" in text, rel(p)


def test_issue_7714_is_said_to_be_fixed():
    for p in PAGES:
        text = p.read_text()
        if "7714" in text:
            assert "7715" in text, rel(p)


def test_marketplace_downloads_use_the_proxy_and_send_the_key():
    """Glpi\\Marketplace\\Api\\Plugins: GLPI's proxy for every request; the archive GET to the
    plugin's download_url carries X-Registration-Key and X-Glpi-Network-Uid."""
    proxy = (DOCS / "howto/proxy.md").read_text()
    assert "UNCONFIRMED: Marketplace downloads" not in proxy
    assert "X-Registration-Key" in proxy and "download_url" in proxy
    explanation = (DOCS / "explanation/key-vs-keyfile.md").read_text()
    assert "every GLPI Network request" not in explanation


def test_a_server_message_is_not_equated_with_invalid():
    """GLPINetwork: a validation_message is shown in green when the key is valid and the
    subscription running."""
    for page in ("troubleshooting/key-invalid.md", "troubleshooting/index.md"):
        assert "green" in (DOCS / page).read_text(), page


def test_the_info_cache_is_per_key():
    """Cache key registration_<sha1(key)>_<lang>_informations: a re-pasted key is a new entry."""
    text = (DOCS / "troubleshooting/registration-required.md").read_text()
    assert "keep the Marketplace locked for up to 24 hours\nafter you fixed it" not in text
    assert "new**\ncache entry" in text or "new** cache entry" in text


def test_setup_plugins_opens_the_classic_list_by_default():
    """marketplace_replace_plugins defaults to MP_REPLACE_ASK: the classic list with a prompt."""
    text = (DOCS / "tutorials/register.md").read_text()
    assert "The Marketplace opens with the **Installed** and **Discover** tabs." not in text
    assert "marketplace_replace_plugins" in text


def test_no_advice_to_copy_the_key_into_the_project_config_dir():
    text = (DOCS / "howto/move-glpicrypt-key.md").read_text()
    assert "Keep the file\nthere even if" not in text and "Keep the file there even if" not in text


# --- Inferences are labelled -----------------------------------------------------------------

@pytest.mark.parametrize("code", ["key-signature-missing", "key-well-formed", "base64-bad-padding"])
def test_findings_do_not_say_glpi_judges_the_key(code):
    """GLPI never checks a key's shape and never judges what GLPI Network "can accept"."""
    text = FINDING_TEXTS[code]
    assert "cannot accept" not in text
    assert "never checks more than" not in text
    assert "GLPI's own format check" not in text


def test_rejection_of_a_ciphertext_key_is_labelled_inferred():
    assert "inferred" in FINDING_TEXTS["keyfile-unreadable"]
    assert "which rejects it" not in FINDING_TEXTS["keyfile-unreadable"]


# --- New pages are reachable -----------------------------------------------------------------

NEW_PAGES = ["tls-certificate-file.md", "item-not-found.md", "marketplace-after-redeploy.md",
             "marketplace-no-keyfile-95.md", "change-key-registration-key-95.md"]


@pytest.mark.parametrize("name", NEW_PAGES)
def test_new_troubleshooting_page_is_in_the_nav_and_the_index(name):
    assert f"troubleshooting/{name}" in (REPO / "mkdocs.yml").read_text()
    assert f"]({name})" in (DOCS / "troubleshooting/index.md").read_text()


def test_move_howto_covers_db_configure():
    text = (DOCS / "howto/move-glpicrypt-key.md").read_text()
    assert "db:configure" in text and "--reconfigure" in text
