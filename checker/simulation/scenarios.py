"""The scenarios catalogue: every situation the simulator can play, defined once.

The simulator (checker.simulation.engine), the CLI, the browser and the generated reference page
(docs/reference/scenarios.md) all read this catalogue. Ids are stable: never rename one.
A scenario carries everything that defines it: its texts, the GLPI versions it applies to, the
situation it puts the simulated instance in (`world.Situation`) and whether it needs the
admin's own key. Every cause and fix comes from GLPI's code, issues and pull requests, which
`sources` points at; what is inferred or the model's own says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import glpi_texts as texts
from ..glpi_versions import BRANCHES, parse_glpi_version, releases
from ..pages import is_page_path, page_url
from .world import Situation

VERSIONS = BRANCHES  # the GLPI branches a scenario can apply to

GLPI = "https://github.com/glpi-project/glpi"
NET11 = f"{GLPI}/blob/0042059c82075d3223c145cb3609a83019fc0cd2/src/GLPINetwork.php"
NET95 = f"{GLPI}/blob/13d78f8531f4105a679d6fd4925f0b89690eec8c/inc/glpinetwork.class.php"
KEY11 = f"{GLPI}/blob/0042059c82075d3223c145cb3609a83019fc0cd2/src/GLPIKey.php"
KEY95 = f"{GLPI}/blob/acdbaecda53b2f206390f865d97b8469cc4b4e64/inc/glpikey.class.php"
TPL11 = (f"{GLPI}/blob/01c8c229fa55d97d2a9e82e2a4b9b8501ac8c306/templates/pages/setup/general/"
         "glpinetwork_setup.html.twig")
VIEW10 = f"{GLPI}/blob/0286ddd1bf07e94de99f456246de9af6dbe295e6/src/Marketplace/View.php"
VIEW95 = f"{GLPI}/blob/5ab4694cb61f4f3c184bc3e9b8f2bcabf68d3ea0/inc/marketplace/view.class.php"
CTRL10 = f"{GLPI}/blob/0dd179ccfcb79d35a99d66259a3e7c861fe84ab6/src/Marketplace/Controller.php"
MPFRONT = f"{GLPI}/blob/0a1cefc49b17df1ed0c5a617fc4773336371e9be/front/marketplace.php"
SETCMD = f"{GLPI}/blob/12619d0804227aafb5ff1cfd5fe61eb9c83f2e90/src/Console/Config/SetCommand.php"
DI11 = (f"{GLPI}/blob/a30c163b9f09fe90169b72965fbb1583a7868ac2/dependency_injection/"
        "services.php")
DLCMD = (f"{GLPI}/blob/01694672b3c6990cb44c47e55c44033bb61d3b4f/src/Console/Marketplace/"
         "DownloadCommand.php")
UPGRADECMD = (f"{GLPI}/blob/0949fcadd479310603719f8244fdde75aff4a37c/src/Glpi/Console/Marketplace/"
              "UpgradeCommand.php")


def issue(number: int) -> str:
    return f"{GLPI}/issues/{number}"


def pull(number: int) -> str:
    return f"{GLPI}/pull/{number}"


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    versions: tuple[str, ...]  # GLPI branches
    cause: str
    fix: str
    sources: tuple[str, ...]  # URLs (GLPI issues/PRs/code)
    doc: str  # docs source path of its troubleshooting page, e.g. "troubleshooting/unable-to-fetch.md"
    situation: Situation = field(default_factory=Situation)  # what the simulated instance is in
    needs_key: bool = False  # only playable with the admin's own key
    since: str = ""  # first release it applies to, when not a whole branch (e.g. "11.0.2")

    def applies_to(self, version) -> bool:
        version = parse_glpi_version(version)
        return version.branch in self.versions and (not self.since or version.at_least(self.since))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "versions": list(self.versions),
            "since": self.since,
            # Every branch and release it can be played in, for the page's version select.
            "applies_to": [label for branch in self.versions
                           for label in (branch, *releases(branch)) if self.applies_to(label)],
            "needs_key": self.needs_key,
            "cause": self.cause,
            "fix": self.fix,
            "sources": list(self.sources),
            "doc": page_url(self.doc),
        }


SCENARIOS: dict[str, Scenario] = {}


def _define(id: str, title: str, versions: tuple[str, ...], cause: str, fix: str,
            sources: tuple[str, ...], doc: str, situation: Situation = Situation(), *,
            needs_key: bool = False, since: str = "") -> Scenario:
    assert id not in SCENARIOS, id
    assert versions and set(versions) <= set(VERSIONS), (id, versions)
    assert is_page_path(doc), (id, doc)
    assert not since or parse_glpi_version(since).branch == versions[0], (id, since)
    scenario = Scenario(id, title, versions, cause, fix, sources, doc, situation, needs_key, since)
    SCENARIOS[id] = scenario
    return scenario


def get_scenario(scenario_id: str) -> Scenario:
    """The scenario, or a ValueError that lists the valid ids."""
    try:
        return SCENARIOS[scenario_id]
    except KeyError:
        shown = scenario_id if len(str(scenario_id)) <= 40 else str(scenario_id)[:40] + "…"
        raise ValueError(f"Unknown scenario {shown!r}. Valid scenarios: "
                         f"{', '.join(SCENARIOS)}.") from None


_define(
    "valid", "A valid key with a running subscription", VERSIONS,
    "Nothing is wrong: GLPI decrypts the stored key, GLPI Network answers is_valid true with a "
    "running subscription, and the Marketplace opens.",
    "Nothing to fix. GLPI keeps the answer for one day; opening the GLPI Network tab refreshes it.",
    (NET11, NET95, VIEW10),
    "tutorials/register.md",
)
_define(
    "invalid-key", "GLPI Network says the key is invalid", VERSIONS,
    "GLPI sent the key and GLPI Network answered is_valid false without a message of its own. "
    "GLPI only forwards the key: every check of it happens on the server.",
    "Copy the key again from the GLPI Network portal (services.glpi-network.com) and paste it "
    "in Setup > General > GLPI Network. Check it first with the key checker.",
    (NET11, NET95, VIEW10),
    "troubleshooting/key-invalid.md",
    Situation(account=None),
)
_define(
    "terminated-subscription", "The key belongs to a terminated subscription", VERSIONS,
    "GLPI Network answered is_valid true, but subscription.is_running is false. From GLPI 10.0 "
    f"the Marketplace goes offline with \"{texts.MP_TERMINATED[0]}\"; GLPI 9.5's Marketplace "
    "asks isRegistered(), which reads only is_valid, so it stays open.",
    "Renew the subscription on GLPI Network, then open the GLPI Network tab so GLPI fetches the "
    "new answer instead of the one it cached.",
    (NET11, VIEW10, NET95, VIEW95),
    "troubleshooting/terminated-subscription.md",
    Situation(account="demo-terminated"),
)
_define(
    "server-message", "GLPI Network sends its own message", VERSIONS,
    "The answer carries a validation_message. GLPI shows it verbatim instead of its own text, "
    "green when the key is valid and the subscription running, red otherwise: a message from "
    "GLPI Network does not by itself mean \"invalid\". The real server's messages are not "
    "public: the simulator's wording, and its is_valid false, are the model's.",
    "Do what the message says; if it is unclear, contact GLPI Network support with the message.",
    (NET11, NET95, issue(7411), issue(7423)),
    "troubleshooting/key-invalid.md",
    Situation(failure="server-message"),
)
_define(
    "dns-failure", "The GLPI server cannot resolve services.glpi-network.com", VERSIONS,
    "cURL fails before any HTTP exchange (\"Resolving timed out after 5000 milliseconds\"). The "
    f"services check fails and the registration call returns nothing, so GLPI shows "
    f"\"{texts.UNABLE_TO_FETCH}\" Nothing is cached, so every page retries.",
    "Fix the GLPI server's DNS resolver or firewall so it resolves and reaches "
    "services.glpi-network.com on HTTPS (port 443), or set up the proxy in Setup > General > "
    "System. Pinning the address in /etc/hosts is fragile.",
    (issue(14911), issue(15219), issue(14957), issue(22679), pull(7485)),
    "troubleshooting/services-unreachable.md",
    Situation(failure="dns"),
)
_define(
    "proxy-failure", "GLPI cannot connect through the configured proxy", VERSIONS,
    "A proxy is set in Setup > General > System, and cURL cannot connect to it. GLPI's error "
    f"becomes \"{texts.PROXY_FAILED % '…'}\" and registration fails with "
    f"\"{texts.UNABLE_TO_FETCH}\" The proxy setting applies to every outgoing request.",
    "Check the proxy name, port, user and password in Setup > General > System, and that the "
    "proxy lets the GLPI server reach services.glpi-network.com on port 443.",
    (issue(22020), pull(7485), NET11),
    "troubleshooting/proxy-connect-failed.md",
    Situation(failure="proxy", proxy=True),
)
_define(
    "http-400-html", "The registration call gets an HTML \"400 Bad Request\" page", VERSIONS,
    "The key GLPI sends is damaged (a maintainer's diagnosis: corrupted during a decrypt/encrypt "
    "step of a migration). The server answers with an HTML error page, which is not JSON, so "
    f"GLPI shows \"{texts.UNABLE_TO_FETCH}\" and logs the HTML.",
    f"Click \"{texts.REMOVE_KEY_BUTTON}\" (GLPI 11) or empty the field and save, then paste the key "
    "again from the GLPI Network portal.",
    (issue(11995), NET11),
    "troubleshooting/unable-to-fetch.md",
    Situation(journey="open", damaged_key=True),
)
_define(
    "rate-limited", "GLPI Network answers \"Too Many Attempts.\"", VERSIONS,
    "GLPI Network rate-limits its API. The offers call, made for each plugin card of the "
    "Marketplace, gets {\"message\": \"Too Many Attempts.\"}: GLPI logs "
    f"\"{texts.OFFERS_FETCH_FAILED}\", shows no offer badges, and does not cache the failure, so each card asks "
    "again and the Marketplace is slow.",
    "Wait and reload: a successful answer is cached for one hour. Make sure several GLPI "
    "instances or scripts do not share one public address and hammer the API.",
    (issue(11548), NET11),
    "troubleshooting/too-many-attempts.md",
    Situation(failure="rate-limited"),
)
_define(
    "keyfile-missing", "config/glpicrypt.key is missing", VERSIONS,
    "GLPI cannot encrypt the key it is asked to save. GLPI 9.5 throws an uncaught exception: a "
    "blank page. GLPI 10.0, 11.0.0 and 11.0.1 log a warning and store an empty value, so the "
    "page reloads with an empty field and no message. From 11.0.2 (PR #21614; the first "
    "release is inferred from its merge date) GLPI shows the key-file error on the GLPI "
    "Network tab and nothing else.",
    "Restore the original glpicrypt.key from a backup. If it is lost, create one with "
    "`php bin/console security:change_key` (`glpi:security:change_key` on 9.5), then enter every "
    "encrypted secret again (registration key, SMTP, proxy and LDAP passwords…).",
    (issue(15203), issue(15136), issue(21382), pull(21614), pull(9729), KEY11, KEY95,
     "https://github.com/fametec/glpi/issues/47"),
    "troubleshooting/create-security-key.md",
    Situation(keyfile="missing"),
)
_define(
    "keyfile-unreadable", "config/glpicrypt.key cannot be read by the web server", VERSIONS,
    "The key file exists but PHP cannot read it (owner, mode or SELinux). GLPI 10.0 and 11.0 "
    "then return the stored value unchanged instead of decrypting it, so GLPI sends the "
    "still-encrypted value as the registration key, which GLPI Network can only reject "
    "(inferred: its answer is not documented). From 11.0.2 the tab shows only "
    f"\"{texts.UI11_KEYFILE_UNREADABLE % '…'}\" (PR #21614) and makes no call; "
    "the Marketplace still sends the encrypted value. GLPI 9.5 fails with an uncaught "
    "exception: a blank page (inferred from the code).",
    "Give the web server user read access to glpicrypt.key (owner and mode, SELinux context), "
    "then open the GLPI Network tab again.",
    (pull(21614), issue(11637), KEY11, NET11),
    "troubleshooting/keyfile-unreadable.md",
    Situation(journey="open", keyfile="unreadable"),
)
_define(
    "keyfile-wrong-size", "config/glpicrypt.key is not 32 bytes", VERSIONS,
    "A valid key file holds exactly 32 raw bytes (one more, such as a trailing newline, is "
    "wrong). GLPI 9.5 does not check the size and libsodium throws an uncaught SodiumException "
    "when the key is saved: a blank page. GLPI 10.0 logs "
    f"\"{texts.LOG_KEYFILE_INVALID}\" and stores an empty value. From 11.0.2 GLPI shows the error on the tab and "
    "nothing else (PR #21614).",
    "Copy the file aside first. Restore the original 32-byte file from a backup (copy it as a "
    "file, never through a text editor). If it is lost, regenerate it with `php bin/console "
    "security:change_key` and enter the encrypted secrets again. On 9.5, "
    "`glpi:security:change_key` does not refuse over a bad file: it overwrites it at once, so "
    "keep the copy.",
    (issue(7822), issue(8968), issue(9250), pull(9729), pull(21614), KEY11, KEY95),
    "troubleshooting/invalid-key-file.md",
    Situation(keyfile="wrong-size"),
)
_define(
    "key-regenerated", "glpicrypt.key was replaced: the stored key no longer decrypts", VERSIONS,
    "The key file is valid but is not the one that encrypted the stored registration key (a "
    "reinstall or an upgrade into a fresh directory created a new one). Decryption fails, GLPI "
    f"logs \"{texts.LOG_DECRYPT_FAILED}\" and treats "
    "the registration key as empty: no call to GLPI Network, and the tab asks for a key.",
    "Put the original glpicrypt.key back if you still have it. Otherwise paste the registration "
    "key again and re-enter every other encrypted secret (LDAP, mail collectors, SMTP, proxy).",
    (issue(7838), issue(8188), issue(12999), issue(7746), KEY11),
    "troubleshooting/unable-to-decrypt.md",
    Situation(journey="open", keyfile="replaced"),
)
_define(
    "stale-cache", "The Marketplace still uses yesterday's answer", VERSIONS,
    "GLPI caches a successful answer for one day under registration_<sha1(key)>_<lang>_informations, "
    "so a key pasted again is a new entry: only a change on GLPI Network's side for the same key "
    "goes stale. The Marketplace, the console and the cron job read that cache; only opening the GLPI "
    "Network tab refreshes it. An answer fetched before the subscription was activated or "
    "renewed keeps the Marketplace offline for up to 24 hours.",
    "Open Setup > General > GLPI Network: it always asks GLPI Network again and updates the "
    "cache. Clearing GLPI's cache works too.",
    (NET11, NET95, VIEW10, issue(7645)),
    "troubleshooting/registration-required.md",
    Situation(journey="marketplace", stale_answer=True),
)
_define(
    "higher-offer-required", "The plugin needs a higher GLPI Network offer", VERSIONS,
    "The plugin lists required_offers, and the subscription's offer_reference is not among them "
    "(or the subscription is not running). An empty list requires nothing from 10.0.8 on "
    "(PR #14657); 10.0.0 to 10.0.7 treated it as a requirement. The Marketplace shows \"You need a superior "
    "GLPI-Network offer to access to this plugin (…)\". Offer names are decided by GLPI Network; "
    "the simulator's offer names are the model's.",
    "Subscribe to one of the offers named in the message on GLPI Network, then open the GLPI "
    "Network tab so GLPI fetches the new subscription.",
    (CTRL10, VIEW10, pull(14657)),
    "troubleshooting/superior-offer.md",
    Situation(plugin="exampleadvanced"),
)
_define(
    "marketplace-dir-not-writable", "GLPI cannot write to the marketplace directory", VERSIONS,
    "GLPI_MARKETPLACE_DIR is missing or not writable by the web server user, so GLPI cannot "
    "download plugins into it and says so (with its own typo, \"markeplace\").",
    "Create the directory and give the web server user write access (chown/chmod), or download "
    "and unzip plugin archives by hand.",
    (CTRL10, VIEW10, "https://github.com/glpi-project/docker-images/issues/264"),
    "troubleshooting/marketplace-not-writable.md",
    Situation(marketplace_writable=False),
)
_define(
    "marketplace-disabled", "GLPI_MARKETPLACE_ENABLE turns the Marketplace off", ("10.0", "11.0"),
    "GLPI_MARKETPLACE_ENABLE is 0. The value is read bit by bit: 1 allows the console commands, "
    "2 the web Marketplace, 3 both (the default). With 0 the Marketplace page sends you to the "
    "classic plugins page and the console commands refuse to run.",
    "If this is not intended, set GLPI_MARKETPLACE_ENABLE to 3 (or 2 for the web only) in "
    "config/local_define.php or the environment.",
    (pull(11650), MPFRONT, DLCMD, pull(6933)),
    "howto/restrict-marketplace.md",
    Situation(journey="marketplace", marketplace_enable=0),
    since="10.0.1",
)
_define(
    "cli-trailing-newline", "The key was set from the console with a line end", ("10.0", "11.0"),
    "`php bin/console config:set glpinetwork_registration_key …` stores the value as given, "
    "without the trim the web form does. A key read from a file saved on Windows keeps its "
    "carriage return, which then travels inside the X-Registration-Key header. GLPI's own "
    "HTTP client for the Marketplace (Guzzle) refuses such a value with '\"…\" is not valid "
    "header value' (the log in PR #11567). What GLPI Network answers to the /info call with "
    "it is not documented: the simulator's answer (an HTML 400 page) is its model's.",
    "Set the key again without line ends: paste it in the web form (which trims), or use "
    "`php bin/console config:set glpinetwork_registration_key \"$(tr -d '\\r\\n' < key.txt)\"`.",
    (pull(11567), SETCMD),
    "howto/set-key-cli.md",
    Situation(journey="cli-save", cli_suffix="\r"),
)
_define(
    "keyfile-kernel-secret",
    "Symfony reads part of glpicrypt.key as a parameter: HTTP 500 everywhere (reported, unconfirmed)",
    ("11.0",),
    "GLPI 11 also uses the raw bytes of config/glpicrypt.key as Symfony's kernel.secret. Open "
    "issues #22076 and #23757 report that a key holding \"%\", then bytes that are neither \"%\" "
    "nor whitespace, then \"%\" is read as a reference to another Symfony parameter: the kernel "
    "does not boot, and every page, the GLPI Network tab included, and `php bin/console` fail "
    "with HTTP 500 and 'The parameter \"kernel.secret\" has a dependency on a non-existent "
    "parameter \"…\".', where \"…\" is a piece of the key. The file is a valid 32-byte key for "
    "GLPIKey. A reporter counts about 1 random key in 200. This is reported by users, not "
    "confirmed by GLPI's maintainers (the issues are open).",
    "Back up config/ and the database. Confirm with `glpi-keycheck keyfile config/glpicrypt.key "
    "--glpi-version 11.0` (it names the offsets, never the bytes). GLPI's maintainers have not "
    "confirmed a fix: follow #22076 and #23757. On a fresh install, a reporter got GLPI working "
    "again with a key without that pattern (`glpi-keycheck keyfile --generate NEW_PATH` draws "
    "one), but a new key cannot decrypt the secrets already stored: keep the old file, and enter "
    "every secret again. Mask the error message before posting it: it holds part of your key.",
    (issue(22076), issue(23757), issue(21648), DI11),
    "troubleshooting/kernel-secret.md",
    Situation(journey="open", keyfile="kernel-secret"),
)
_define(
    "tls-ca-bundle", "cURL cannot load its CA bundle: \"error setting certificate file\"",
    VERSIONS,
    "PHP's curl.cainfo (or openssl.cafile) setting names a CA bundle file that does not exist or "
    "that the web server cannot read, so libcurl fails before any HTTPS exchange with \"error "
    "setting certificate file: <path>\". Every call GLPI makes to GLPI Network fails the same "
    "way: the GLPI Network tab shows \"…services website seems not available from your network "
    "or offline\" with \"Error was: error setting certificate file: …\", the registration call "
    "gives \"Unable to fetch registration information.\", nothing is cached and the Marketplace "
    "goes offline. Reported on GLPI 10.0.11 under WAMP (pluginsGLPI/barcode#128).",
    "Fix the path in the php.ini the web server's PHP reads (php --ini, or phpinfo() in the "
    "browser, shows which): curl.cainfo (and openssl.cafile, if set) must name a CA bundle that "
    "exists and that the web server user can read, such as your system's bundle or curl's "
    "cacert.pem. Restart the web server or PHP-FPM, then open the GLPI Network tab again.",
    ("https://github.com/pluginsGLPI/barcode/issues/128", NET11, NET95, pull(7485)),
    "troubleshooting/tls-certificate-file.md",
    Situation(failure="tls-ca-bundle"),
)
_define(
    "marketplace-upgrade-unregistered",
    f"`marketplace:upgrade` stops: \"{texts.UPGRADE_NOT_REGISTERED}\"",
    ("11.0",),
    "`php bin/console marketplace:upgrade` (GLPI 11, PR #21521) first asks isRegistered(), "
    "which reads the registration answer GLPI cached or, when none is cached, asks GLPI Network. "
    "When the key is missing, invalid or cannot be decrypted, the command stops at once with "
    f"\"{texts.UPGRADE_NOT_REGISTERED}\" and exit status 1: no plugin is "
    "downloaded or updated. marketplace:download prints the same message but carries on, then "
    "fails for each plugin.",
    "Register the instance first: paste a valid key in Setup > General > GLPI Network (opening "
    "the tab also refreshes the cached answer), then run the command again.",
    (pull(21521), pull(23442), UPGRADECMD),
    "troubleshooting/registration-required.md",
    Situation(journey="console-upgrade", account=None),
    since="11.0.2",
)
_define(
    "marketplace-upgrade-manual-plugin",
    "`marketplace:upgrade` leaves a plugin installed by hand",
    ("11.0",),
    "`php bin/console marketplace:upgrade` (GLPI 11, PR #21521) only updates plugins whose "
    "directory is in GLPI_MARKETPLACE_DIR. A plugin unpacked by hand into plugins/ is skipped "
    f"with '{texts.UPGRADE_MANUAL % '…'}'",
    "Update that plugin by hand (download its new archive and unpack it over the old "
    "directory), or remove it and install it from the Marketplace so the command manages it.",
    (pull(21521), UPGRADECMD),
    "troubleshooting/plugin-download-fails.md",
    Situation(journey="console-upgrade", installed_plugins=(("exampleplugin", True),
                                                            ("handmadeplugin", False))),
    since="11.0.2",
)
_define(
    "my-key", "Your own key, in place of the demonstration key", VERSIONS,
    "The run starts from the key you pasted, checked first by the key checker. GLPI's side is "
    "simulated exactly; GLPI Network's answer is the model's: a malformed key is rejected, and "
    "for a well-formed key only the real server knows the answer.",
    "Follow the first failing step's fix. If every step passes, register the key in GLPI and "
    "open the GLPI Network tab to get the real server's answer.",
    (NET11, NET95, pull(11567)),
    "troubleshooting/index.md",
    Situation(), needs_key=True,
)

