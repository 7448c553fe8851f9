"""GLPI versions the checker knows: a branch ("9.5", "10.0", "11.0") or one of its releases.

One parser for every command and the browser bridge. A branch alone means that branch's latest
release (its newest behaviour); a full release ("10.0.7", "11.0.2") turns on the differences
that depend on the patch level (see `GlpiVersion.has`).

Releases that exist, per branch (nothing newer is accepted, so "10.0.99" is an error):
- 9.5.0 (2020-07-07) to 9.5.13: 9.5.13 is the last 9.5 release (admins upgrading to it in
  June 2023: https://github.com/fusioninventory/fusioninventory-for-glpi/issues/3435); 9.5
  support ended on 2023-06-30 (https://github.com/glpi-project/glpi/pull/15459).
- 10.0.0 (2022-04-20) to 10.0.25: 10.0.25 is the newest 10.0 release a public advisory names
  (fixed "in 10.0.25 and 11.0.7", CVE-2026-42318).
- 11.0.0 (2025-10-01; 11.0.1 on 2025-10-09, GLPI's CHANGELOG.md) to 11.0.8, shipped in 2026.
Extend `LATEST` when GLPI ships a new release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LATEST = {"9.5": 13, "10.0": 25, "11.0": 8}  # the newest release of each branch: X.Y.<n>
BRANCHES = tuple(LATEST)

# When a behaviour the simulator models arrived, as the first release that has it. Merge dates
# are GLPI's; the release is the first one published after the merge (INFERRED where marked).
CHANGES = {
    # PR #11567 (merged 2022-05-12, after 10.0.0 of 2022-04-20): the web form trims the key.
    "web-form-trims-key": "10.0.1",
    # PR #11650 (merged 2022-05-21, after 10.0.0): the GLPI_MARKETPLACE_ENABLE switch.
    "marketplace-enable-constant": "10.0.1",
    # PR #14657 (aimed at 10.0.8): an empty required_offers means no offer required; the
    # Marketplace API moved to /api/marketplace/ and its plugin list is cached per key.
    "empty-required-offers-is-none": "10.0.8",
    "marketplace-api-v2": "10.0.8",
    # PR #21614 (merged 2025-10-23, after 11.0.1 of 2025-10-09): the GLPI Network tab shows
    # key-file read errors and nothing else. First release 11.0.2: INFERRED from the dates.
    "tab-shows-keyfile-errors": "11.0.2",
    # PR #22140 (merged 2025-12-01): the services check pings GLPI_NETWORK_API_URL/ping;
    # 11.0.0 to 11.0.3 pinged GLPI_NETWORK_REGISTRATION_API_URL.
    "services-ping": "11.0.4",
    # PR #21521 (merged 2025-10-16, after 11.0.1): `marketplace:upgrade`. First release 11.0.2:
    # INFERRED from the dates.
    "marketplace-upgrade-command": "11.0.2",
}

_SHAPE = re.compile(r"(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)(?:\.(0|[1-9][0-9]?))?", re.ASCII)
_SHOWN_CHARS = 24  # of a rejected version in the error message


@dataclass(frozen=True)
class GlpiVersion:
    branch: str  # "9.5" | "10.0" | "11.0"
    patch: int | None = None  # None: the branch alone, i.e. its latest release

    @property
    def label(self) -> str:
        """As the user gave it: "10.0" or "10.0.7"."""
        return self.branch if self.patch is None else f"{self.branch}.{self.patch}"

    @property
    def release(self) -> str:
        """The release whose behaviour is played: the given one, or the branch's latest."""
        return f"{self.branch}.{LATEST[self.branch] if self.patch is None else self.patch}"

    @property
    def major(self) -> int:
        return int(self.branch.split(".")[0])

    def key(self) -> tuple[int, int, int]:
        return _numbers(self.release)

    def at_least(self, release: str) -> bool:
        return self.key() >= _numbers(release)

    def has(self, change: str) -> bool:
        """Does this release have the behaviour `change` (a key of CHANGES)?"""
        return self.at_least(CHANGES[change])

    def __str__(self) -> str:
        return self.label


def _numbers(release: str) -> tuple[int, int, int]:
    major, minor, patch = (int(part) for part in release.split("."))
    return major, minor, patch


def releases(branch: str) -> tuple[str, ...]:
    """Every release of `branch`, oldest first."""
    return tuple(f"{branch}.{patch}" for patch in range(LATEST[branch] + 1))


def accepted() -> str:
    """What the parser accepts, for help texts and error messages."""
    ranges = ", ".join(f"{b}.0 to {b}.{n}" for b, n in LATEST.items())
    return (f"{', '.join(BRANCHES)} (a branch's latest behaviour) or a release of one: {ranges}")


def parse_glpi_version(text: object) -> GlpiVersion:
    """A GLPI branch or release, or a ValueError that says what is accepted."""
    if isinstance(text, GlpiVersion):
        return text
    if not isinstance(text, str):
        raise ValueError(f"The GLPI version must be text. Accepted: {accepted()}.")
    match = _SHAPE.fullmatch(text) if len(text) <= 8 else None
    branch = f"{match.group(1)}.{match.group(2)}" if match else None
    if match is None or branch not in LATEST:
        shown = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
        raise ValueError(f"Unknown GLPI version {shown!r}. Accepted: {accepted()}.")
    patch = int(match.group(3)) if match.group(3) is not None else None
    if patch is not None and patch > LATEST[branch]:
        raise ValueError(f"GLPI {text} has not been released: the newest {branch} release is "
                         f"{branch}.{LATEST[branch]}. Accepted: {accepted()}.")
    return GlpiVersion(branch, patch)
