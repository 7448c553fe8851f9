"""`simulate()`: GLPI's registration check played step by step for one GLPI version family.

GLPI's side follows GLPI's code (glpi-facts §2, §4, §5): what it reads, sends, receives and
shows. GLPI Network's side is `network_model`, a labelled model. The admin's journey depends on
the scenario: save a key in the web form or the console, open the GLPI Network tab with a key
saved earlier, or open the Marketplace only.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..keyfile import inspect_keyfile, symfony_parameter_references
from .. import glpi_texts as texts
from .glpi_rules import (cache_key, lang_prefix, marketplace_allowed, php_trim,
                         registration_data, registration_message, requires_higher_offer,
                         user_agent)
from .http import Exchange, Request, redact
from .lanes import Message, exchange_messages
from .network_model import (MARKETPLACE_API_URL, NETWORK_API_URL, PLUGINS, PROXY,
                            REGISTRATION_API_URL, KeyVerdict, NetworkModel, issue_demo_key,
                            judge_key)
from .scenarios import REQUIRES_KEY, VERSIONS, Scenario, get_scenario
from .steps import BLANK_PAGE, SimulationRun, Timeline
from .world import (DAMAGE, INSTANCE_UID, INSTALL_MODE, KERNEL_SECRET_DEMO_KEY, KEYFILE_PATH,
                    MARKETPLACE_DIR, RELEASES, SESSION_LANGUAGE, SITUATIONS, STALE_CACHE_AGE,
                    WRONG_KEYFILE_SIZE, Situation, stand_in_ciphertext)

NOTICE = ("GLPI's side follows GLPI's code for this version. GLPI Network's side is a model: "
          "its real rules are not public, so its keys, accounts, offers and some answers are "
          "the model's own.")
TAB = "Setup > General > GLPI Network tab"
LOG = "files/_log/php-errors.log"
BLANK = f"{BLANK_PAGE} (the text is only in {LOG}, and on screen in debug mode)"
HTTP_500_EVERYWHERE = ("every page, the GLPI Network tab included, as HTTP 500; `php bin/console`; "
                       f"and {LOG}")
EMPTY_INFORMATIONS = {"is_valid": False, "validation_message": None, "owner": None,
                      "subscription": None}


def simulate(scenario_id: str, glpi_version: str, key: str | None = None) -> SimulationRun:
    """Play a scenario for a GLPI version family ("9.5", "10.0" or "11.0"). With `key`, the run
    starts from the admin's pasted key instead of the model's demo key."""
    scenario = get_scenario(scenario_id)
    if glpi_version not in VERSIONS:
        raise ValueError(f"Unknown GLPI version {glpi_version!r}. Valid versions: "
                         f"{', '.join(VERSIONS)}.")
    if glpi_version not in scenario.versions:
        raise ValueError(f"Scenario {scenario_id!r} does not apply to GLPI {glpi_version}. "
                         f"It applies to: {', '.join(scenario.versions)}.")
    if scenario_id in REQUIRES_KEY and key is None:
        raise ValueError(f"Scenario {scenario_id!r} needs your key (pass key=…).")
    run = _Run(scenario, glpi_version, SITUATIONS[scenario_id], key)
    run.play()
    default = texts.VALID
    return SimulationRun(scenario.id, scenario.title, glpi_version, RELEASES[glpi_version],
                         tuple(run.tl.steps), run.tl.outcome(default), scenario.doc, NOTICE)


def _pretty(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


class _Run:
    def __init__(self, scenario: Scenario, version: str, situation: Situation, key: str | None):
        self.scenario = scenario
        self.v = version
        self.s = situation
        self.tl = Timeline(scenario.doc)
        self.admin_key = key
        self.key_in = key if key is not None else issue_demo_key(situation.account)
        self.model = NetworkModel(failure=situation.failure, assumed_account=situation.account,
                                  plugin=situation.plugin)
        self.lang = lang_prefix(SESSION_LANGUAGE)
        self.ua = user_agent(RELEASES[version], version, INSTALL_MODE)
        # The value GLPI saves: the web form trims since 10.0, the console never does.
        if situation.journey == "cli-save":
            self.saved = self.key_in + situation.cli_suffix
        else:
            self.saved = self.key_in if version == "9.5" else php_trim(self.key_in)
        self.stored = ""  # glpi_configs.glpinetwork_registration_key
        self.key: str | None = None  # what getRegistrationKey() returns
        self.cache: dict[str, dict[str, Any]] = {}
        self.dead = False  # an uncaught exception ended the page
        self.offline_note = ""

    # --- journeys -------------------------------------------------------------------------

    def play(self) -> None:
        if self.admin_key is not None:
            self.check_key()
        if self.s.damaged_key:
            self.saved += DAMAGE
        if self.s.journey in ("open", "marketplace"):
            self.stored = stand_in_ciphertext(self.saved)  # saved earlier, with the original key file
        if self.s.stale_answer:
            self.cache[cache_key(self.saved, self.lang)] = dict(
                EMPTY_INFORMATIONS, validation_message=texts.INVALID)
        if self.s.keyfile == "kernel-secret":
            self.boot_kernel()
        elif self.s.journey == "marketplace":
            self.marketplace_phase()
        else:
            self.tab_phase()
            if not self.dead:
                self.marketplace_phase()
        if self.dead:
            died = self.tl.steps[-1].name
            self.tl.skip(self.plan(), f"Not reached: {died} failed and the page died on an "
                                      "uncaught exception.")

    def plan(self) -> list[str]:
        names = ["read-keyfile"]
        if self.s.journey in ("save", "cli-save"):
            names.append("save-key")
        names.append("decrypt-key")
        calls = ["services-check", "registration-info"]
        names += calls[::-1] if self.v == "11.0" else calls
        names += ["build-message", "cache"]
        if self.v != "9.5":
            names.append("marketplace-enabled")
        return names + ["marketplace-status", "marketplace-plugins", "marketplace-dir", "offers",
                        "plugin-access"]

    def tab_phase(self) -> None:
        self.read_keyfile()
        if self.v == "11.0" and self.s.keyfile in ("missing", "unreadable", "wrong-size"):
            tab_only = ["services-check", "build-message"]
            if self.s.journey in ("save", "cli-save"):
                tab_only.insert(0, "save-key")
            self.tl.skip(tab_only,
                         "Not reached: after a key-file error GLPI 11 shows only that error on "
                         "the GLPI Network tab (no form, no call to GLPI Network).")
            return
        if self.s.journey in ("save", "cli-save"):
            self.save_key()
            if self.dead:
                return
        self.decrypt_key()
        if self.dead:
            return
        if self.v == "11.0":
            informations = self.registration_info()
            self.services_check()
        else:
            self.services_check()
            informations = self.registration_info()
        self.build_message(informations)
        self.cache_step(informations)

    # --- the admin's key ------------------------------------------------------------------

    def check_key(self) -> None:
        from ..check import check

        report = check(self.admin_key)
        problems = [f for f in report.findings if f.severity != "info"]
        verdict = {"ok": "a well-formed registration key",
                   "warning": "a well-formed registration key once repaired",
                   "error": "not a usable registration key"}[report.status]
        titles = "; ".join(f.title for f in problems) or "no problem found"
        self.tl.add(
            "check-key", report.status,
            f"The key checker reads what you pasted: {verdict} (kind: {report.kind}; "
            f"{titles}). GLPI itself never checks a key: it stores and sends what it is given, "
            "and only GLPI Network judges it. The run goes on with your key exactly as pasted.",
            detail=f"{len(self.admin_key)} characters, starting {redact(self.admin_key)}",
            fix=problems[0].fix if problems else "", doc=problems[0].doc if problems else "",
            messages=(Message("admin", "admin", "glpi-keycheck reads the pasted key", report.kind,
                              fails=report.status != "ok"),))

    # --- glpicrypt.key ----------------------------------------------------------------------

    def read_keyfile(self) -> None:
        state, v = self.s.keyfile, self.v
        if state in ("ok", "replaced"):
            extra = (" It is a valid key file, but not the one that encrypted the values "
                     "stored in the database: it was replaced (reinstall, or an upgrade into a "
                     "fresh directory)." if state == "replaced" else "")
            self.tl.add("read-keyfile", "ok",
                        "GLPI reads its encryption key from GLPI_CONFIG_DIR/glpicrypt.key: 32 raw "
                        "bytes, the size XChaCha20-Poly1305 needs." + extra,
                        detail=f"{KEYFILE_PATH}: 32 bytes", messages=self.keyfile_read("32 bytes"))
            return
        size = {"missing": "does not exist", "unreadable": "exists; the web server user cannot "
                "read it (owner, mode or SELinux)",
                "wrong-size": f"{WRONG_KEYFILE_SIZE} bytes (32 plus a trailing newline)"}[state]
        detail = f"{KEYFILE_PATH}: {size}"
        read = self.keyfile_read({"missing": "no such file", "unreadable": "permission denied",
                                  "wrong-size": f"{WRONG_KEYFILE_SIZE} bytes"}[state], fails=True)
        if v == "9.5":
            how = {"missing": "GLPIKey::get() throws a RuntimeException when the file is missing",
                   "unreadable": "GLPIKey::get() does not check the read; PHP warns and libsodium "
                                 "then fails on the missing key",
                   "wrong-size": "GLPI 9.5 does not check the size; libsodium refuses the key "
                                 "with a SodiumException"}[state]
            self.tl.add("read-keyfile", "error",
                        f"{how}. Nothing catches the exception: the page that needs the key dies "
                        "(the next step).", detail=detail, fix=self.scenario.fix, messages=read)
        elif v == "10.0":
            self.tl.add("read-keyfile", "error",
                        "GLPIKey::get() logs a warning and returns no key; GLPI carries on "
                        "without telling you. Encryption then returns an empty string, and "
                        "decryption returns the stored value unchanged.",
                        detail=f"{detail}\n\n# GLPI logs ({LOG}):\n{texts.KEYFILE_LOG[state]}",
                        fix=self.scenario.fix, messages=read)
        else:
            message = texts.KEYFILE_TAB_11[state]
            if state == "unreadable":
                message = message % KEYFILE_PATH
            self.tl.add("read-keyfile", "error",
                        "GLPI 11 checks the key file before it draws the GLPI Network tab (PR "
                        "#21614): it shows this error and hides the form, so no key can be saved "
                        "or checked from the tab.",
                        detail=f"{detail}\n\n# GLPI logs ({LOG}):\n{texts.KEYFILE_LOG[state]}",
                        fix=self.scenario.fix, shows=message, shown_on=f"{TAB} (the form is hidden)",
                        messages=read + (Message("glpi", "admin", "GLPI Network tab",
                                                 "the key-file error, no form"),))

    def boot_kernel(self) -> None:
        """GLPI 11's Symfony kernel, which reads the key file as kernel.secret before any GLPI
        code runs (§5.14). Only played when the key holds %name%: the failure is reported in
        open issues, not confirmed, and the other runs do not depend on it."""
        key = KERNEL_SECRET_DEMO_KEY
        spans = symfony_parameter_references(key)
        report = inspect_keyfile(key, path=KEYFILE_PATH, glpi_version=self.v)
        lines = [f"{KEYFILE_PATH}: {len(key)} bytes, the size GLPIKey needs: GLPIKey accepts it.",
                 "",
                 f"# glpi-keycheck keyfile {KEYFILE_PATH} --glpi-version {self.v}"]
        lines += [f"{finding.severity} {finding.code}: {finding.detail}" for finding in report.findings
                  if finding.severity != "info"]
        start, end = spans[0]
        lines += ["", f"# GLPI logs ({LOG}):", texts.KERNEL_SECRET_LOG % texts.KERNEL_SECRET,
                  f"# In GLPI's message, \"…\" is the key's bytes {start + 2} to {end - 1} (between "
                  "the two \"%\"). The simulator never shows key bytes; mask them before posting "
                  "the real message."]
        self.dead = True
        self.tl.add("boot-kernel", "error",
                    "Before any GLPI page or console command runs, GLPI 11 boots its Symfony "
                    "kernel, whose kernel.secret is the raw content of config/glpicrypt.key "
                    "(dependency_injection/services.php). Symfony reads \"%name%\" in a parameter "
                    "value as a reference to another parameter, and this key holds such a "
                    "sequence, so the kernel stops on an uncaught ParameterNotFoundException: "
                    "every page answers HTTP 500, and `php bin/console` fails the same way. The "
                    "key file itself is a valid 32-byte key for GLPIKey. Reported in open issues "
                    "#22076 and #23757; GLPI's maintainers have not confirmed it.",
                    detail="\n".join(lines), fix=self.scenario.fix, shows=texts.KERNEL_SECRET,
                    shown_on=HTTP_500_EVERYWHERE,
                    messages=(Message("glpi", "keyfile", "kernel.secret = glpicrypt.key"),
                              Message("keyfile", "glpi", "32 bytes holding %…%",
                                      "read as a parameter reference", fails=True),
                              Message("glpi", "admin", "HTTP 500", "on every page and command")))

    def save_key(self) -> None:
        pasted, value = self.key_in + self.s.cli_suffix, self.saved
        if self.s.journey == "cli-save":
            how = ("`php bin/console config:set` stores the value through "
                                  "Config::setConfigurationValues(): encrypted, but not trimmed.")
            sent = (f"$ php bin/console config:set glpinetwork_registration_key "
                    f"\"$(cat key.txt)\"   # key.txt ends with CR LF; $(…) drops only the LF\n"
                    f"value: {redact(pasted)}")
        elif self.v == "9.5":
            how = ("GLPI 9.5 stores the value as typed (the trim came with PR "
                                  "#11567 in 10.0), encrypted with glpicrypt.key.")
            sent = f"POST /front/config.form.php\nupdate=1\nglpinetwork_registration_key={redact(pasted)}"
        else:
            how = ("Config::prepareInputForUpdate() trims the value (PHP trim: spaces, tabs, "
                   "line ends, NUL; PR #11567), then setConfigurationValues() encrypts it with "
                   "glpicrypt.key and stores it.")
            sent = f"POST /front/config.form.php\nupdate=1\nglpinetwork_registration_key={redact(pasted)}"
        if value != php_trim(value):
            how += " The stored value keeps the whitespace or line end around the key."
        elif value != pasted:
            how += f" GLPI removed {len(pasted) - len(value)} whitespace character(s) around the key."
        state = self.s.keyfile
        post = (Message("admin", "glpi", "php bin/console config:set", "glpinetwork_registration_key")
                if self.s.journey == "cli-save" else
                Message("admin", "glpi", "POST /front/config.form.php", "glpinetwork_registration_key"))
        if state in ("ok", "replaced"):
            self.stored = stand_in_ciphertext(value)
            status = "warning" if value != php_trim(value) else "ok"
            kept = " (line end kept)" if status == "warning" else ""
            self.tl.add("save-key", status, how, messages=(
                post, Message("glpi", "database", "UPDATE glpi_configs", f"the encrypted key{kept}",
                              fails=status == "warning")),
                        detail=f"{sent}\n\n# stored in glpi_configs (context core, name "
                               f"glpinetwork_registration_key):\n{redact(self.stored)}\n# (a "
                               "stand-in of the length GLPIKey::encrypt() gives: base64 of nonce, "
                               "ciphertext and tag; the simulator does not run the cipher)",
                        fix=self.scenario.fix)
            return
        if self.v == "9.5":
            exception = {"missing": f"Uncaught Exception RuntimeException: {texts.KEYFILE_95_MISSING}",
                         "wrong-size": f"Uncaught Exception SodiumException: {texts.SODIUM_KEY_SIZE_95}",
                         "unreadable": "Uncaught exception from libsodium (its exact text is not "
                                       "documented)"}[state]
            note = (f" (with the sodium_compat library: \"{texts.SODIUM_KEY_SIZE_95_COMPAT}\")"
                    if state == "wrong-size" else "")
            self.dead = True
            self.tl.add("save-key", "error",
                        "Encrypting the key needs glpicrypt.key, and the exception from the "
                        f"previous step is not caught: the browser gets a blank page{note}. "
                        "Nothing is saved.",
                        detail=f"{sent}\n\n# GLPI logs ({LOG}):\n{exception}",
                        fix=self.scenario.fix, shows=exception, shown_on=BLANK,
                        messages=(post, Message("glpi", "keyfile", "encrypt with glpicrypt.key",
                                                "uncaught exception", fails=True),
                                  Message("glpi", "admin", "blank page")))
            return
        self.stored = ""
        self.tl.add("save-key", "error",
                    f"{how} But GLPIKey::encrypt() has no key, so it returns an empty string (so "
                    "that no secret is stored in clear): GLPI stores an empty value and shows "
                    "no error. The page reloads with an empty key field.",
                    detail=f"{sent}\n\n# stored in glpi_configs: '' (empty)",
                    fix=self.scenario.fix,
                    messages=(post, Message("glpi", "database", "UPDATE glpi_configs",
                                            "'' (empty: no key to encrypt with)", fails=True)))

    def keyfile_read(self, answer: str, *, fails: bool = False) -> tuple[Message, ...]:
        return (Message("glpi", "keyfile", "read glpicrypt.key"),
                Message("keyfile", "glpi", answer, fails=fails))

    def decrypt_messages(self, note: str, *, fails: bool) -> tuple[Message, ...]:
        return (Message("glpi", "database", "SELECT glpinetwork_registration_key"),
                Message("database", "glpi", "the encrypted key"),
                Message("glpi", "keyfile", "decrypt with glpicrypt.key", note, fails=fails))

    def decrypt_key(self) -> None:
        stored, state, v = self.stored, self.s.keyfile, self.v
        if stored == "":
            self.key = ""
            self.tl.add("decrypt-key", "error",
                        "GLPINetwork::getRegistrationKey() decrypts the stored value. It is empty, "
                        "so GLPI has no registration key and will not call GLPI Network.",
                        detail="stored value: '' (empty)", fix=self.scenario.fix,
                        messages=(Message("glpi", "database", "SELECT glpinetwork_registration_key"),
                                  Message("database", "glpi", "'' (empty)", "no key", fails=True)))
            return
        detail = f"stored value: {redact(stored)}"
        if state in ("missing", "unreadable", "wrong-size"):
            if v == "9.5":
                self.dead = True
                exception = "Uncaught exception from libsodium (its exact text is not documented)"
                self.tl.add("decrypt-key", "error",
                            "Decrypting the stored key needs glpicrypt.key; GLPI 9.5 does not "
                            "catch the failure: the page is blank.",
                            detail=f"{detail}\n\n# GLPI logs ({LOG}):\n{exception}",
                            fix=self.scenario.fix, shows=exception, shown_on=BLANK,
                            messages=self.decrypt_messages("uncaught exception: blank page",
                                                           fails=True))
                return
            self.key = stored
            also = " In 10.0 the key field on the tab even displays it." if v == "10.0" else ""
            self.tl.add("decrypt-key", "error",
                        "GLPIKey::decrypt() cannot read glpicrypt.key, so it returns the stored "
                        "value unchanged: GLPI now holds the STILL-ENCRYPTED value as if it were "
                        f"the registration key, and sends it as such.{also}",
                        detail=f"{detail}\ngetRegistrationKey() returns: {redact(stored)} (the "
                               "encrypted value itself)",
                        fix=self.scenario.fix,
                        messages=self.decrypt_messages("no key: the encrypted value stays as is",
                                                       fails=True))
            return
        if state == "replaced":
            self.key = ""
            self.tl.add("decrypt-key", "error",
                        "XChaCha20-Poly1305 authentication fails: the stored value was encrypted "
                        "with the previous glpicrypt.key. GLPIKey::decrypt() logs a warning and "
                        "returns an empty string, so GLPI behaves as if no key were set.",
                        detail=f"{detail}\n\n# GLPI logs ({LOG}):\n{texts.DECRYPT_FAILED[v]}",
                        fix=self.scenario.fix,
                        messages=self.decrypt_messages("fails: another key encrypted it",
                                                       fails=True))
            return
        self.key = self.saved
        if self.s.damaged_key:
            self.tl.add("decrypt-key", "warning",
                        "Decryption succeeds, but the value it gives is not the key as issued: it "
                        "was damaged before it was encrypted (the maintainer's diagnosis in "
                        "#11995: a decrypt/encrypt step during a migration). The model stands in "
                        "for the damage with two stray bytes.",
                        detail=f"{detail}\ngetRegistrationKey() returns: {redact(self.key)}",
                        fix=self.scenario.fix,
                        messages=self.decrypt_messages("gives a damaged key", fails=True))
            return
        self.tl.add("decrypt-key", "ok",
                    "GLPINetwork::getRegistrationKey() decrypts the stored value with "
                    "glpicrypt.key (XChaCha20-Poly1305, the nonce as additional data).",
                    detail=f"{detail}\ngetRegistrationKey() returns: {redact(self.key)}",
                    messages=self.decrypt_messages("the key", fails=False))

    # --- calls to GLPI Network --------------------------------------------------------------

    def proxy(self) -> str | None:
        return PROXY if self.s.proxy else None

    def curl_message(self, exchange: Exchange) -> str:
        if exchange.curl_error is None:
            return ""
        template = texts.PROXY_FAILED if self.s.proxy else texts.CONNECTION_FAILED
        return template % exchange.curl_error

    def ping(self) -> tuple[Exchange, str]:
        if self.v == "11.0":
            url, how = NETWORK_API_URL.rstrip("/") + "/ping", "GET GLPI_NETWORK_API_URL/ping"
        else:
            url, how = REGISTRATION_API_URL, "GET GLPI_NETWORK_REGISTRATION_API_URL itself"
        request = Request(url, (f"User-Agent: GLPI/{RELEASES[self.v]}",), proxy=self.proxy())
        return self.model.send(request), how

    def services_check(self) -> None:
        exchange, how = self.ping()
        explanation = (f"GLPINetwork::isServicesAvailable(): {how}. Any non-empty body counts as "
                       "available, whatever the HTTP status; an empty body or a cURL error "
                       "does not.")
        if exchange.body:
            self.tl.add("services-check", "ok", explanation, detail=exchange.render(),
                        messages=exchange_messages(exchange))
            return
        shows = f"{texts.SERVICES_DOWN[self.v]}\n{texts.ERROR_WAS % exchange.curl_error}"
        self.tl.add("services-check", "error",
                    explanation + " cURL failed, so GLPI shows a warning with the raw cURL error "
                    "(added by PR #7485).",
                    detail=f"{exchange.render()}\n\n# GLPI logs ({LOG}):\n{self.curl_message(exchange)}",
                    fix=self.scenario.fix, shows=shows, shown_on=TAB,
                    messages=exchange_messages(exchange, fails=True))

    def info_request(self) -> Request:
        return Request(REGISTRATION_API_URL.rstrip("/") + "/info", (
            "Accept:application/json",
            f"Accept-Language: {self.lang}",
            "Content-Type:application/json",
            f"User-Agent:{self.ua}",
            f"X-Registration-Key:{self.key}",
            f"X-Glpi-Network-Uid:{INSTANCE_UID}",
        ), proxy=self.proxy())

    def fetch(self) -> tuple[Exchange, dict[str, Any], bool]:
        """getRegistrationInformations() past its cache: the call, and what GLPI makes of it."""
        exchange = self.model.send(self.info_request())
        data = registration_data(exchange.body) if exchange.curl_error is None else None
        if data is None:
            return exchange, dict(EMPTY_INFORMATIONS, validation_message=texts.UNABLE_TO_FETCH), False
        informations = {"is_valid": data["is_valid"],
                        "validation_message": registration_message(data),
                        "owner": data.get("owner"), "subscription": data.get("subscription")}
        self.cache[cache_key(self.key, self.lang)] = informations
        return exchange, informations, True

    def verdict_note(self, verdict: KeyVerdict) -> tuple[str, str]:
        """What the model makes of the key it receives, said plainly; and a step status."""
        assumed = {None: "rejects it (is_valid false)",
                   "demo-running": "accepts it with a running subscription",
                   "demo-terminated": "accepts it, with a terminated subscription"}[self.s.account]
        if self.key == self.stored:
            lead = ("The X-Registration-Key header carries the still-encrypted value stored in "
                    "the database, not the key. ")
        else:
            lead = ""
        if lead:
            return lead + "The model rejects it (is_valid false), as any server would.", "error"
        if verdict.kind == "model":
            return lead + "The model recognises one of its demo keys (it checks the signature with "\
                "its own secret).", "ok"
        if verdict.kind == "forged":
            return lead + "The model did not issue this key (its signature does not match), so it "\
                "answers is_valid false.", "ok"
        if verdict.kind == "broken-header":
            return lead + "The value holds a control character, which breaks the HTTP request. The "\
                "model answers as the web server did in #11995: an HTML error page.", "ok"
        if verdict.kind == "malformed":
            what = "; ".join(verdict.checker_titles) or verdict.checker_kind
            return (lead + f"The key checker says this value is not a usable registration key "
                    f"({verdict.checker_kind}: {what}), so the model answers is_valid false."), "ok"
        return ("The key is well-formed. The model cannot know what the real GLPI Network server "
                f"would answer for it: this run assumes the server {assumed}, to show the rest "
                "of GLPI's path. Only the real server can say whether your key is valid."), "warning"

    def registration_info(self, *, why: str = "") -> dict[str, Any]:
        if self.key == "":
            self.tl.add("registration-info", "skipped",
                        "GLPI makes no call: the registration key is empty, so "
                        "getRegistrationInformations() answers is_valid false at once." + why)
            return dict(EMPTY_INFORMATIONS)
        exchange, informations, fetched = self.fetch()
        explanation = ("GLPI asks GLPI Network about the key: GET …/api/registration/info with "
                       "the key and the instance UID in headers." + why + " cURL does not check "
                       "the HTTP status; GLPI needs a JSON body with is_valid.")
        detail = exchange.render()
        if not fetched:
            reason = (f"cURL failed ({exchange.curl_error})" if exchange.curl_error else
                      "the body is not JSON with an is_valid member")
            detail += (f"\n\n# GLPI logs ({LOG}):\n{texts.UNABLE_TO_FETCH}\nError message:"
                       f"{self.curl_message(exchange)}\nResponse:\n{exchange.body}")
            note = ""
            if exchange.curl_error is None:
                note = " " + self.verdict_note(judge_key(self.key))[0]
            self.tl.add("registration-info", "error",
                        f"{explanation} Here {reason}, so GLPI cannot use the answer.{note}",
                        detail=detail, fix=self.scenario.fix,
                        messages=exchange_messages(exchange, fails=True, answer="not JSON with is_valid"))
            return informations
        if self.s.failure == "server-message":
            note, status = ("The model plays a server that sends its own validation_message; the "
                            "wording is the model's (the real server's messages are not public)."), "ok"
        else:
            note, status = self.verdict_note(judge_key(self.key))
        running = bool((informations["subscription"] or {}).get("is_running"))
        answer = (f"is_valid: {json.dumps(informations['is_valid'])}" +
                  (", not running" if informations["is_valid"] and not running else ""))
        self.tl.add("registration-info", status, f"{explanation} {note}", detail=detail,
                    fix=self.scenario.fix if status != "ok" else "",
                    messages=exchange_messages(exchange, answer=answer,
                                               fails=not (informations["is_valid"] and running)))
        return informations

    # --- what the tab shows, and what GLPI keeps --------------------------------------------

    def build_message(self, informations: dict[str, Any]) -> None:
        lines: list[str] = []
        if self.key == "":
            shows = texts.NO_KEY_INTRO[self.v]
            field = "password field" if self.v == "11.0" else "text area"
            self.tl.add("build-message", "error",
                        f"GLPI has no key to show: the tab draws its empty form again, with an "
                        f"empty {field} under this invitation, and no error.",
                        detail=f"{shows}\nRegistration key: [empty]", fix=self.scenario.fix,
                        shows=shows, shown_on=TAB,
                        messages=(Message("glpi", "admin", "GLPI Network tab", "an empty form",
                                          fails=True),))
            return
        message = informations["validation_message"]
        subscription, owner = informations["subscription"], informations["owner"]
        running = bool(informations["is_valid"] and subscription and subscription.get("is_running"))
        if self.v == "11.0":
            lines.append(message)
            if informations["is_valid"]:
                lines += [f"Subscription: {subscription['title']}",
                          f"Period: From {subscription['begin_date']} to {subscription['end_date']}",
                          f"Registered by: {owner['name']}"]
            lines.append(f"[{texts.REMOVE_KEY_BUTTON}]")
        else:
            lines += [f"Registration key: [{redact(self.key)}]", message,
                      f"Subscription: {subscription['title'] if subscription else 'Unknown'}",
                      f"Registered by: {owner['name'] if owner else 'Unknown'}"]
        if message == texts.UNABLE_TO_FETCH:
            how = "The call failed, so GLPI shows its generic failure message."
        elif self.s.failure == "server-message":
            how = "The answer has a validation_message: GLPI shows it verbatim."
        else:
            how = ("No validation_message in the answer, so GLPI picks its own: invalid if "
                   "is_valid is false, terminated if subscription.is_running is false, valid "
                   "otherwise.")
        self.tl.add("build-message", "ok" if running else "error",
                    f"{how} Green when the key is valid and the subscription running, red "
                    "otherwise.", detail="\n".join(lines), fix=self.scenario.fix,
                    shows=message, shown_on=TAB,
                    messages=(Message("glpi", "admin", "GLPI Network tab",
                                      "green" if running else "red", fails=not running),))

    def shown_cache_key(self, key: str) -> str:
        full = cache_key(key, self.lang)
        if self.admin_key is None:
            return full
        # Derived from the admin's key: shortened so a pasted report does not fingerprint it.
        return f"registration_{full.split('_')[1][:8]}…_{self.lang}_informations"

    def cache_step(self, informations: dict[str, Any], *, stored_now: bool = True) -> None:
        if self.key == "":
            self.tl.add("cache", "skipped",
                        "No key, so nothing was fetched and nothing is cached.")
            return
        key = self.shown_cache_key(self.key)
        if informations["validation_message"] == texts.UNABLE_TO_FETCH:
            self.tl.add("cache", "warning",
                        "Failures are not cached: every page that needs the registration (the "
                        "Marketplace, the console, the cron job) calls GLPI Network again.",
                        detail=f"{key}: not written", fix=self.scenario.fix,
                        messages=(Message("glpi", "glpi", "nothing cached",
                                          "a failure: every page asks again"),))
            return
        good = bool(informations["is_valid"] and (informations["subscription"] or {}).get("is_running"))
        self.tl.add("cache", "ok" if good else "warning",
                    "GLPI keeps this answer for one day (P1D) in its cache. The Marketplace, the "
                    "console and the cron job read it through isRegistered(); only opening the "
                    "GLPI Network tab asks GLPI Network again." + (
                        "" if good else " So this answer now sticks for up to 24 hours."),
                    detail=f"{key} (one day):\n{_pretty(informations)}",
                    fix="" if good else self.scenario.fix,
                    messages=(Message("glpi", "glpi", "cache the answer (one day)",
                                      "" if good else "the bad answer sticks"),))

    # --- the Marketplace --------------------------------------------------------------------

    def registered_informations(self) -> tuple[dict[str, Any], str]:
        """GLPINetwork::getRegistrationInformations() without forcing: the cache first. Emits
        the steps the tab did not already show; returns extra detail for the status step."""
        names = self.tl.names()
        if "read-keyfile" not in names:
            self.read_keyfile()
        if "decrypt-key" not in names:
            before = len(self.tl.steps)
            self.decrypt_key()
            step = self.tl.steps[before]
            self.tl.steps[before] = replace(step, explanation="For the Marketplace: " + step.explanation)
        if self.dead:
            return EMPTY_INFORMATIONS, ""
        why = " This call comes from the Marketplace's isRegistered(): nothing was cached."
        if self.key == "":
            if "registration-info" not in self.tl.names():
                self.registration_info(why="")
            if "cache" not in self.tl.names():
                self.cache_step(EMPTY_INFORMATIONS)
            return dict(EMPTY_INFORMATIONS), "isRegistered(): no key, so not registered."
        key = cache_key(self.key, self.lang)
        cached = self.cache.get(key)
        if cached is not None:
            if "cache" not in self.tl.names():
                self.tl.add("cache", "warning" if self.s.stale_answer else "ok",
                            f"isRegistered() finds an answer GLPI cached {STALE_CACHE_AGE} ago "
                            "(the model's age; it lives one day) and uses it without asking GLPI "
                            "Network. Since then the key became valid on GLPI Network, but GLPI "
                            "will not know until the cache expires or someone opens the GLPI "
                            "Network tab.",
                            detail=f"{self.shown_cache_key(self.key)}:\n{_pretty(cached)}",
                            fix=self.scenario.fix,
                            messages=(Message("glpi", "glpi", "read the cached answer",
                                              f"from {STALE_CACHE_AGE} ago: is_valid false",
                                              fails=self.s.stale_answer),))
                return cached, ""
            return cached, "isRegistered(): answer read from the cache written above."
        if "registration-info" not in self.tl.names():
            informations = self.registration_info(why=why)
            if "cache" not in self.tl.names():
                self.cache_step(informations)
            return informations, ""
        exchange, informations, _ = self.fetch()
        return informations, ("isRegistered(): nothing cached, so GLPI calls GLPI Network "
                              f"again:\n{exchange.render()}")

    def marketplace_phase(self) -> None:
        rest = ["marketplace-status", "marketplace-plugins", "marketplace-dir", "offers",
                "plugin-access"]
        if self.v != "9.5":
            allowed = marketplace_allowed(self.s.marketplace_enable)
            value = f"GLPI_MARKETPLACE_ENABLE = {self.s.marketplace_enable}"
            if not allowed["web"]:
                shows = texts.CLI_DISALLOWED if not allowed["cli"] else ""
                self.tl.add("marketplace-enabled", "warning",
                            "GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console "
                            "commands, 2 the web Marketplace. Without the web bit, "
                            "front/marketplace.php sends you to the classic plugins page "
                            "without a word" + (", and marketplace console commands stop with "
                                                "this message (exit status 1)." if shows else "."),
                            detail=f"{value}\nweb: {allowed['web']}, console: {allowed['cli']}\n"
                                   "$ php bin/console marketplace:download exampleplugin\n"
                                   f"{shows}",
                            fix=self.scenario.fix, shows=shows,
                            shown_on="the console (php bin/console marketplace:…); the web "
                                     "Marketplace silently redirects to Setup > Plugins",
                            messages=(Message("admin", "glpi", "open the Marketplace"),
                                      Message("glpi", "glpi", value, "the web bit is off", fails=True),
                                      Message("glpi", "admin", "redirect to Setup > Plugins")))
                self.tl.skip(rest, "Not reached: the Marketplace is turned off.")
                return
            self.tl.add("marketplace-enabled", "ok",
                        "GLPI_MARKETPLACE_ENABLE allows the web Marketplace (bit 2).",
                        detail=f"{value}\nweb: {allowed['web']}, console: {allowed['cli']}",
                        messages=(Message("glpi", "glpi", value, "web Marketplace allowed"),))
        exchange, how = self.ping()
        opened = (Message("admin", "glpi", "open the Marketplace"),) + exchange_messages(exchange)
        banner = Message("glpi", "admin", "Marketplace", "a banner, no plugins", fails=True)
        if not exchange.body:
            shows = "\n".join(texts.MP_SERVICES_DOWN)
            self.tl.add("marketplace-status", "error",
                        f"View::checkRegistrationStatus() first checks the services ({how}). They "
                        "are unreachable, so the Marketplace goes offline: the Discover tab shows "
                        "only this banner.",
                        detail=exchange.render(), fix=self.scenario.fix, shows=shows,
                        shown_on="Marketplace", messages=opened + (banner,))
            self.tl.skip(rest, "Not reached: marketplace-status failed, so the Marketplace is in offline mode.")
            return
        informations, extra = self.registered_informations()
        if self.dead:
            return
        subscription = informations["subscription"]
        detail = f"{exchange.render()}\n\n{extra}".rstrip()
        base = ("View::checkRegistrationStatus(): services reachable, then the registration "
                "read through getRegistrationInformations() (cache first).")
        if not informations["is_valid"]:
            self.tl.add("marketplace-status", "error",
                        f"{base} It is not valid, so the Marketplace goes offline (PR #11427): "
                        "Discover shows only this banner, and GLPI sends no marketplace request.",
                        detail=detail, fix=self.scenario.fix,
                        shows="\n".join(texts.MP_NOT_REGISTERED), shown_on="Marketplace",
                        messages=opened + (banner,))
        elif not (subscription or {}).get("is_running"):
            self.tl.add("marketplace-status", "error",
                        f"{base} The subscription is not running, so the Marketplace goes offline.",
                        detail=detail, fix=self.scenario.fix,
                        shows="\n".join(texts.MP_TERMINATED), shown_on="Marketplace",
                        messages=opened + (banner,))
        else:
            self.tl.add("marketplace-status", "ok", f"{base} Registered, subscription running.",
                        detail=detail, messages=opened)
            self.marketplace_online(informations)
            return
        self.tl.skip(rest[1:], "Not reached: marketplace-status failed, so the Marketplace is in offline mode.")

    def marketplace_online(self, informations: dict[str, Any]) -> None:
        url = MARKETPLACE_API_URL[self.v] + "plugins"
        request = Request(url, ("Accept: application/json", f"User-Agent: {self.ua}",
                                f"X-Registration-Key: {self.key}",
                                f"X-Glpi-Network-Uid: {INSTANCE_UID}", "X-Range: 0-199"),
                          client="Guzzle", proxy=self.proxy())
        exchange = self.model.send(request)
        self.tl.add("marketplace-plugins", "ok",
                    "The Discover tab asks the marketplace API for the plugin list, 200 per "
                    "page, with the key and the UID in headers (cached for one hour).",
                    detail=exchange.render(), messages=exchange_messages(exchange))
        if self.s.marketplace_writable:
            self.tl.add("marketplace-dir", "ok",
                        "GLPI_MARKETPLACE_DIR exists and the web server can write to it, so GLPI "
                        "can download and extract plugins there.",
                        detail=f"{MARKETPLACE_DIR}: directory, writable",
                        messages=(Message("glpi", "glpi", "is marketplace/ writable?", "yes"),))
        else:
            shows = "\n".join(texts.MP_NOT_WRITABLE).replace("%s", MARKETPLACE_DIR)
            self.tl.add("marketplace-dir", "warning",
                        "Controller::hasWriteAccess() checks that GLPI_MARKETPLACE_DIR is a "
                        "directory the web server can write to. It is not, so GLPI shows this "
                        "warning and offers plugin archives for manual download only.",
                        detail=f"{MARKETPLACE_DIR}: not writable by the web server user",
                        fix=self.scenario.fix, shows=shows, shown_on="Marketplace",
                        messages=(Message("glpi", "glpi", "is marketplace/ writable?", "no",
                                          fails=True),
                                  Message("glpi", "admin", "Marketplace", "a warning")))
        titles = self.offers_step()
        self.plugin_access(informations, titles)

    def offers_step(self) -> dict[str, str]:
        request = Request(REGISTRATION_API_URL.rstrip("/") + "/offers",
                          ("Accept:application/json", f"Accept-Language: {self.lang}"),
                          proxy=self.proxy())
        exchange = self.model.send(request)
        explanation = ("Each plugin card looks up offer titles: GLPINetwork::getOffers() calls "
                       "…/api/registration/offers with only Accept and Accept-Language: no "
                       "registration key, no instance UID. A good answer is cached for one hour "
                       f"(glpi_network_offers_{self.lang}).")
        try:
            offers = json.loads(exchange.body)
        except ValueError:
            offers = None
        if not isinstance(offers, list):
            self.tl.add("offers", "warning",
                        f"{explanation} This answer is not a list, so GLPI logs a warning, shows "
                        "no offer badges, and caches nothing: the next card asks again, which "
                        "makes the Marketplace slow.",
                        detail=f"{exchange.render()}\n\n# GLPI logs ({LOG}):\n"
                               f"{texts.OFFERS_FETCH_FAILED}\nError message:\nResponse:\n{exchange.body}",
                        fix=self.scenario.fix, shows=texts.OFFERS_FETCH_FAILED,
                        shown_on=f"{LOG} (the Marketplace shows no offer badges and is slow)",
                        messages=exchange_messages(exchange, fails=True, answer="not a list"))
            return {}
        self.tl.add("offers", "ok", explanation, detail=exchange.render(),
                    messages=exchange_messages(exchange))
        return {offer["offer_reference"]: offer["title"] for offer in offers}

    def plugin_access(self, informations: dict[str, Any], titles: dict[str, str]) -> None:
        plugin = PLUGINS[self.s.plugin]
        required = plugin["required_offers"]
        subscription = informations["subscription"]
        detail = (f"plugin {plugin['key']}: required_offers = {json.dumps(required)}\n"
                  f"subscription: offer_reference = {json.dumps((subscription or {}).get('offer_reference'))}, "
                  f"is_running = {json.dumps((subscription or {}).get('is_running'))}")
        explanation = ("Controller::requiresHigherOffer(): no required_offers means no; a running "
                       "subscription whose offer_reference is listed means no; anything else, "
                       "even an empty list, means a higher offer is needed.")
        if requires_higher_offer(required, subscription):
            names = ", ".join(title for reference, title in titles.items() if reference in required)
            self.tl.add("plugin-access", "error",
                        f"{explanation} Here the subscription's offer is not listed, so the card "
                        "gets a warning button with this tooltip. The offer names are the model's.",
                        detail=detail, fix=self.scenario.fix, shows=texts.HIGHER_OFFER % names,
                        shown_on="Marketplace > Discover (tooltip of the warning button on the "
                                 "plugin's card)",
                        messages=(Message("glpi", "admin", "plugin card", "a superior offer is needed",
                                          fails=True),))
            return
        how = ("offered as an archive to download by hand (the directory is not writable)"
               if not self.s.marketplace_writable else "downloadable with the Download button")
        self.tl.add("plugin-access", "ok", f"{explanation} The plugin is {how}.", detail=detail,
                    messages=(Message("glpi", "admin", "plugin card",
                                      "manual download" if not self.s.marketplace_writable
                                      else "Download button"),))
