"""The one GLPI version parser: branches, the releases that exist, and clear refusals."""

import pytest

from checker.glpi_versions import CHANGES, LATEST, GlpiVersion, accepted, parse_glpi_version


@pytest.mark.parametrize("text, branch, patch, release", [
    ("9.5", "9.5", None, f"9.5.{LATEST['9.5']}"),
    ("10.0", "10.0", None, f"10.0.{LATEST['10.0']}"),
    ("11.0", "11.0", None, f"11.0.{LATEST['11.0']}"),
    ("9.5.0", "9.5", 0, "9.5.0"),
    ("10.0.7", "10.0", 7, "10.0.7"),
    ("11.0.2", "11.0", 2, "11.0.2"),
    ("11.0.8", "11.0", 8, "11.0.8"),
])
def test_branches_and_releases(text, branch, patch, release):
    version = parse_glpi_version(text)
    assert (version.branch, version.patch, version.release, version.label) == (branch, patch, release, text)


@pytest.mark.parametrize("text", ["abc", "v11", "11,0", "12.0", "9.4", "9.4.6", "11", "11.1",
                                  "10.0.99", "11.0.9", "9.5.14", " 10.0", "10.0 ", "10.0.07",
                                  "010.0", "１１.０", "11.0.", "11..0", "", "1" * 5000,
                                  "\x1b[2J11.0", "11.0\u202e"])
def test_anything_else_is_refused_with_what_is_accepted(text):
    with pytest.raises(ValueError) as raised:
        parse_glpi_version(text)
    message = str(raised.value)
    assert accepted() in message and len(message) < 400
    assert "\x1b" not in message and "\u202e" not in message  # the input is escaped, never raw


def test_not_text_is_refused():
    with pytest.raises(ValueError):
        parse_glpi_version(11.0)


def test_accepted_names_every_branch_and_its_last_release():
    assert accepted().startswith("9.5, 10.0, 11.0")
    for branch, last in LATEST.items():
        assert f"{branch}.0 to {branch}.{last}" in accepted()


@pytest.mark.parametrize("change, before, first", [
    ("web-form-trims-key", "10.0.0", "10.0.1"),
    ("marketplace-enable-constant", "10.0.0", "10.0.1"),
    ("empty-required-offers-is-none", "10.0.7", "10.0.8"),
    ("marketplace-api-v2", "10.0.7", "10.0.8"),
    ("tab-shows-keyfile-errors", "11.0.1", "11.0.2"),
    ("services-ping", "11.0.3", "11.0.4"),
])
def test_each_change_starts_at_its_release(change, before, first):
    assert not parse_glpi_version(before).has(change)
    assert parse_glpi_version(first).has(change)
    assert parse_glpi_version(first.rsplit(".", 1)[0]).has(change)  # a branch plays its latest


def test_9_5_has_none_of_the_later_changes():
    assert not any(parse_glpi_version("9.5").has(change) for change in CHANGES)


def test_a_parsed_version_passes_through():
    version = GlpiVersion("10.0", 3)
    assert parse_glpi_version(version) is version and str(version) == "10.0.3"


def test_accepted_is_one_sentence_listing_branches_then_release_ranges():
    assert accepted() == (
        "9.5, 10.0, 11.0 (a branch's latest behaviour) or a release of one: "
        f"9.5.0 to 9.5.{LATEST['9.5']}, 10.0.0 to 10.0.{LATEST['10.0']}, 11.0.0 to 11.0.{LATEST['11.0']}")


@pytest.mark.parametrize("given, message", [
    (11.0, "The GLPI version must be text. Accepted: {}."),
    ("x" * 24, "Unknown GLPI version '" + "x" * 24 + "'. Accepted: {}."),
    ("x" * 25, "Unknown GLPI version '" + "x" * 24 + "…'. Accepted: {}."),  # cut, and says so
    ("12.0", "Unknown GLPI version '12.0'. Accepted: {}."),
    ("10.0.99", "GLPI 10.0.99 has not been released: the newest 10.0 release is "
                f"10.0.{LATEST['10.0']}. Accepted: {{}}."),
])
def test_each_refusal_says_what_was_given_and_what_is_accepted(given, message):
    with pytest.raises(ValueError) as raised:
        parse_glpi_version(given)
    assert str(raised.value) == message.format(accepted())


@pytest.mark.parametrize("branch", list(LATEST))
def test_releases_run_from_the_first_to_the_newest(branch):
    from checker.glpi_versions import releases
    listed = releases(branch)
    assert listed[0] == f"{branch}.0" and listed[-1] == f"{branch}.{LATEST[branch]}"
    assert len(listed) == LATEST[branch] + 1
