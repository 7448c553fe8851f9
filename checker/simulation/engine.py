"""`simulate()`: GLPI's registration check played step by step for one GLPI version.

GLPI's side follows GLPI's code: what it reads, sends and receives and what it shows, for a
branch ("10.0": its latest release) or a release ("10.0.7"), whose differences come from
`checker.glpi_versions.CHANGES`. GLPI Network's side is `network_model`, a labelled model. The
admin's journey depends on the scenario: save a key in the web form or the console, open the
GLPI Network tab with a key saved earlier, open the Marketplace only, or run
`php bin/console marketplace:upgrade`. The steps and their order per branch are data
(`steps.STEP_ORDER`); the decisions below read the run's state, never the steps shown.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..glpi_versions import GlpiVersion, parse_glpi_version
from ..keyfile import inspect_keyfile, symfony_parameter_references
from .. import glpi_texts as texts
from ..share import redact
from .glpi_rules import (cache_key, lang_prefix, marketplace_allowed, php_trim,
                         registration_data, registration_message, requires_higher_offer,
                         user_agent)
from .calls import info_request, marketplace_request, offers_request, services_request
from .http import Exchange, Request
from .lanes import Message, exchange_messages
from .network_model import (PLUGINS, PROXY, KeyVerdict, NetworkModel, issue_demo_key,
                            marketplace_api_url)
from .scenarios import Scenario, get_scenario
from .steps import BLANK_PAGE, CONSOLE_UPGRADE_ORDER, STEP_ORDER, SimulationRun, Timeline
from .world import (DAMAGE, INSTALL_MODE, KERNEL_SECRET_DEMO_KEY, KEYFILE_PATH,
                    MARKETPLACE_DIR, SESSION_LANGUAGE, STALE_CACHE_AGE, WRONG_KEYFILE_SIZE,
                    stand_in_ciphertext)

NOTICE = ("GLPI's side follows GLPI's code for this version. GLPI Network's side is a model: "
          "its real rules are not public, so its keys, accounts, offers and some answers are "
          "the model's own.")
TAB = "Setup > General > GLPI Network tab"
LOG = "files/_log/php-errors.log"
BLANK = f"{BLANK_PAGE} (the text is only in {LOG}, and on screen in debug mode)"
HTTP_500_EVERYWHERE = ("every page, the GLPI Network tab included, as HTTP 500; `php bin/console`; "
                       f"and {LOG}")
CONSOLE = "the console: php bin/console marketplace:upgrade, exit status 1"
EMPTY_INFORMATIONS = {"is_valid": False, "validation_message": None, "owner": None,
                      "subscription": None}
KEYFILE_ERRORS = ("missing", "unreadable", "wrong-size")
# GLPI 9.5's uncaught exception per key-file error, when it encrypts or decrypts a secret:
# GLPIKey::get() throws when the file is missing; libsodium refuses a key of the wrong size, the
# same words in sodium_crypto_aead_xchacha20poly1305_ietf_encrypt() and _decrypt().
UNCAUGHT_95 = {"missing": f"Uncaught Exception RuntimeException: {texts.KEYFILE_95_MISSING}",
               "wrong-size": f"Uncaught Exception SodiumException: {texts.SODIUM_KEY_SIZE_95}",
               "unreadable": "Uncaught exception from libsodium (INFERRED: its exact text is not "
                             "documented)"}


def simulate(scenario_id: str, glpi_version: str | GlpiVersion,
             key: str | None = None) -> SimulationRun:
    """Play a scenario for a GLPI branch ("9.5", "10.0", "11.0") or release ("10.0.7"). With
    `key`, the run starts from the admin's pasted key instead of the model's demo key. Bad
    arguments raise ValueError with a message that lists what is accepted."""
    scenario, version = check_arguments(scenario_id, glpi_version, key_given=key is not None)
    run = _Run(scenario, version, key)
    run.play()
    return SimulationRun(scenario.id, scenario.title, version.label, version.release,
                         tuple(run.tl.steps), run.tl.outcome(texts.VALID), scenario.doc, NOTICE)


def check_arguments(scenario_id: str, glpi_version: str | GlpiVersion, *,
                    key_given: bool) -> tuple[Scenario, GlpiVersion]:
    """The scenario and version to play, or a ValueError that says what is accepted. The one
    check of simulate()'s arguments: the CLI and the browser bridge show its words as they are."""
    scenario = get_scenario(scenario_id)
    version = parse_glpi_version(glpi_version)
    if not scenario.applies_to(version):
        applies = ", ".join(scenario.versions) + (f" (from {scenario.since})" if scenario.since else "")
        raise ValueError(f"Scenario {scenario_id!r} does not apply to GLPI {version.label}. "
                         f"It applies to: {applies}.")
    if scenario.needs_key and not key_given:
        raise ValueError(f"Scenario {scenario_id!r} needs your registration key (--key on the "
                         "command line).")
    return scenario, version


def _pretty(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def _running(informations: dict[str, Any]) -> bool:
    return bool(informations["is_valid"] and (informations["subscription"] or {}).get("is_running"))


class _Run:
    def __init__(self, scenario: Scenario, version: GlpiVersion, key: str | None):
        self.scenario = scenario
        self.version = version
        self.v = version.branch  # "9.5" | "10.0" | "11.0": texts and templates are per branch
        self.s = situation = scenario.situation
        self.tl = Timeline(scenario.doc)
        self.admin_key = key
        self.key_in = key if key is not None else issue_demo_key(situation.account)
        self.model = NetworkModel(failure=situation.failure, assumed_account=situation.account,
                                  plugin=situation.plugin)
        self.lang = lang_prefix(SESSION_LANGUAGE)
        self.ua = user_agent(version.release, self.v, INSTALL_MODE)
        # The value GLPI saves: the web form trims from 10.0.1 (PR #11567), the console never.
        if situation.journey == "cli-save":
            self.saved = self.key_in + situation.cli_suffix
        elif version.has("web-form-trims-key"):
            self.saved = php_trim(self.key_in)
        else:
            self.saved = self.key_in
        self.stored = ""  # glpi_configs.glpinetwork_registration_key
        self.key: str | None = None  # what getRegistrationKey() returns; None: not read yet
        self.keyfile_checked = False
        self.informations: dict[str, Any] | None = None  # what the tab fetched, if it did
        self.cache: dict[str, dict[str, Any]] = {}
        self.cache_shown = False
        self.dead = False  # an uncaught exception ended the page
        self.tab_hidden = False  # GLPI 11.0.2+ showed only the key-file error on the tab

    # --- journeys -------------------------------------------------------------------------

    def play(self) -> None:
        if self.admin_key is not None:
            self.check_key()
        if self.s.damaged_key:
            self.saved += DAMAGE
        if self.s.journey in ("open", "marketplace", "console-upgrade"):
            self.stored = stand_in_ciphertext(self.saved)  # saved earlier, with the original key file
        if self.s.stale_answer:
            self.cache[cache_key(self.saved, self.lang)] = dict(
                EMPTY_INFORMATIONS, validation_message=texts.INVALID)
        if self.s.keyfile == "kernel-secret":
            self.boot_kernel()
        elif self.s.journey == "marketplace":
            self.marketplace_phase()
        elif self.s.journey == "console-upgrade":
            self.console_upgrade()
        else:
            self.tab_phase()
            if not self.dead:
                self.marketplace_phase()
        if self.dead:
            died = self.tl.steps[-1].name
            self.skip_rest(f"Not reached: {died} failed and the page died on an uncaught "
                           "exception.", after=died)

    def plan(self) -> tuple[str, ...]:
        """The steps this journey can take, in GLPI's order."""
        if self.s.journey == "console-upgrade":
            order = CONSOLE_UPGRADE_ORDER
        else:
            order = STEP_ORDER[self.v]
        left_out = set()
        if self.admin_key is None:
            left_out.add("check-key")
        if self.s.keyfile != "kernel-secret":
            left_out.add("boot-kernel")
        if self.s.journey not in ("save", "cli-save"):
            left_out.add("save-key")
        if self.s.journey == "marketplace":
            left_out |= {"services-check", "build-message"}
        return tuple(name for name in order if name not in left_out)

    def skip_rest(self, because: str, *, after: str | None = None,
                  only: tuple[str, ...] | None = None) -> None:
        """Mark as skipped the planned steps not taken yet: those GLPI takes after `after`, or
        only those of `only`, or all of them."""
        plan = self.plan()
        if after is not None:
            plan = plan[plan.index(after) + 1:]
        self.tl.skip([name for name in plan if only is None or name in only], because)

    def tab_phase(self) -> None:
        self.read_keyfile()
        if self.tab_hidden:
            if self.s.journey == "cli-save":
                self.save_key()  # config:set on the console never draws the tab
            self.skip_rest("Not reached: with a key-file error GLPI 11 shows only that error on "
                           "the GLPI Network tab, and returns before the services check and the "
                           "call to GLPI Network (PR #21614); no form, so no key can be saved "
                           "from the tab.",
                           only=("save-key", "services-check", "build-message"))
            return
        if self.s.journey in ("save", "cli-save"):
            self.save_key()
            if self.dead:
                return
        self.decrypt_key()
        if self.dead:
            return
        # Opening the tab sends two requests: the forced /info refresh (only with a key) and the
        # services check, in the branch's order (GLPI 11 asks for /info first).
        informations: dict[str, Any] = dict(EMPTY_INFORMATIONS)
        for name in STEP_ORDER[self.v]:
            if name == "services-check":
                self.services_check()
            elif name == "registration-info":
                informations = self.registration_info()
        self.informations = informations
        self.build_message(informations)
        self.cache_step(informations)

    # --- the admin's key ------------------------------------------------------------------

    def check_key(self) -> None:
        report = self.model.report(self.admin_key)
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
        self.keyfile_checked = True
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
                                 "then fails on the missing key (INFERRED from the code: the "
                                 "exact exception is not documented)",
                   "wrong-size": "GLPI 9.5 does not check the size; libsodium refuses the key "
                                 "with a SodiumException"}[state]
            self.tl.add("read-keyfile", "error",
                        f"{how}. Nothing catches the exception: the page that needs the key dies "
                        "(the next step).", detail=detail, fix=self.scenario.fix, messages=read)
            return
        log = f"{detail}\n\n# GLPI logs ({LOG}):\n{texts.KEYFILE_LOG[state]}"
        on_the_tab = (self.s.journey not in ("marketplace", "console-upgrade")
                      and self.version.has("tab-shows-keyfile-errors"))
        if not on_the_tab:
            later = (" (GLPI 11.0.2 and later also show the error on the GLPI Network tab: PR "
                     "#21614, first release INFERRED from its merge date)" if v == "11.0" else "")
            self.tl.add("read-keyfile", "error",
                        "GLPIKey::get() logs a warning and returns no key; GLPI carries on "
                        "without telling you. Encryption then returns an empty string, and "
                        f"decryption returns the stored value unchanged{later}.",
                        detail=log, fix=self.scenario.fix, messages=read)
            return
        message = texts.KEYFILE_TAB_11[state]
        if state == "unreadable":
            message = message % KEYFILE_PATH
        self.tab_hidden = True
        self.tl.add("read-keyfile", "error",
                    f"GLPI {self.version.release} checks the key file before it draws the GLPI "
                    "Network tab (PR #21614): it shows this error and nothing else, so no key "
                    "can be saved or checked from the tab. The Marketplace, the console and the "
                    "cron job do not check the key file (INFERRED from the code).",
                    detail=log, fix=self.scenario.fix, shows=message,
                    shown_on=f"{TAB} (the form is hidden)",
                    messages=read + (Message("glpi", "admin", "GLPI Network tab",
                                             "the key-file error, no form"),))

    def boot_kernel(self) -> None:
        """GLPI 11's Symfony kernel, which reads the key file as kernel.secret before any GLPI
        code runs. Only played when the key holds %name%: the failure is reported in
        open issues, not confirmed, and the other runs do not depend on it."""
        key = KERNEL_SECRET_DEMO_KEY
        spans = symfony_parameter_references(key)
        report = inspect_keyfile(key, path=KEYFILE_PATH, glpi_version=self.version)
        lines = [f"{KEYFILE_PATH}: {len(key)} bytes, the size GLPIKey needs: GLPIKey accepts it.",
                 "",
                 f"# glpi-keycheck keyfile {KEYFILE_PATH} --glpi-version {self.version.label}"]
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
        elif not self.version.has("web-form-trims-key"):
            how = (f"GLPI {self.version.release} stores the value as typed (the trim came with "
                   "PR #11567, first released in 10.0.1), encrypted with glpicrypt.key.")
            sent = f"POST /front/config.form.php\nupdate=1\nglpinetwork_registration_key={redact(pasted)}"
        else:
            how = ("Config::prepareInputForUpdate() trims the value (PHP trim: spaces, tabs, "
                   "line ends, NUL; PR #11567), then setConfigurationValues() encrypts it with "
                   "glpicrypt.key and stores it.")
            sent = f"POST /front/config.form.php\nupdate=1\nglpinetwork_registration_key={redact(pasted)}"
        # What became of the whitespace: only said when the key is stored (not emptied below).
        if value != php_trim(value):
            whitespace = " The stored value keeps the whitespace or line end around the key."
        elif value != pasted:
            whitespace = (f" GLPI removed {len(pasted) - len(value)} whitespace character(s) around "
                          "the key.")
        else:
            whitespace = ""
        state = self.s.keyfile
        post = (Message("admin", "glpi", "php bin/console config:set", "glpinetwork_registration_key")
                if self.s.journey == "cli-save" else
                Message("admin", "glpi", "POST /front/config.form.php", "glpinetwork_registration_key"))
        if state in ("ok", "replaced"):
            self.stored = stand_in_ciphertext(value)
            status = "warning" if value != php_trim(value) else "ok"
            kept = " (line end kept)" if status == "warning" else ""
            self.tl.add("save-key", status, how + whitespace, messages=(
                post, Message("glpi", "database", "UPDATE glpi_configs", f"the encrypted key{kept}",
                              fails=status == "warning")),
                        detail=f"{sent}\n\n# stored in glpi_configs (context core, name "
                               f"glpinetwork_registration_key):\n{redact(self.stored)}\n# (a "
                               "stand-in of the length GLPIKey::encrypt() gives: base64 of nonce, "
                               "ciphertext and tag; the simulator does not run the cipher)",
                        fix=self.scenario.fix)
            return
        if self.v == "9.5":
            exception = UNCAUGHT_95[state]
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
        # SetCommand prints its line whatever was stored; the web form just reloads.
        after = (". The command still ends with \"Configuration \"glpinetwork_registration_key\" "
                 "updated.\"" if self.s.journey == "cli-save" else
                 " and shows no error. The page reloads with an empty key field.")
        self.tl.add("save-key", "error",
                    f"{how} But GLPIKey::encrypt() has no key, so it returns an empty string (so "
                    f"that no secret is stored in clear): GLPI stores an empty value{after}",
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
        if state in KEYFILE_ERRORS:
            if v == "9.5":
                self.dead = True
                exception = UNCAUGHT_95[state]
                self.tl.add("decrypt-key", "error",
                            "Toolbox::sodiumDecrypt() needs glpicrypt.key to decrypt the stored "
                            "key; GLPI 9.5 does not catch the exception: the page is blank "
                            "(INFERRED from the code).",
                            detail=f"{detail}\n\n# GLPI logs ({LOG}):\n{exception}",
                            fix=self.scenario.fix, shows=exception, shown_on=BLANK,
                            messages=self.decrypt_messages("uncaught exception: blank page",
                                                           fails=True))
                return
            self.key = stored
            also = (" In 10.0 the key field on the tab even displays it (INFERRED from the "
                    "code)." if v == "10.0" else "")
            self.tl.add("decrypt-key", "error",
                        "GLPIKey::decrypt() gets no key from GLPIKey::get() (the previous step), "
                        "so it returns the stored value unchanged: GLPI now holds the STILL-ENCRYPTED value as if it were "
                        f"the registration key, and sends it as such.{also}",
                        detail=f"{detail}\ngetRegistrationKey() returns: {redact(stored)} (the "
                               "encrypted value itself)",
                        fix=self.scenario.fix,
                        messages=self.decrypt_messages("no key: the encrypted value stays as is",
                                                       fails=True))
            return
        # Only a value saved before the key file was replaced fails; one saved in this run was
        # encrypted with the current file.
        if state == "replaced" and self.s.journey not in ("save", "cli-save"):
            self.key = ""
            # 9.5 decrypts with Toolbox::sodiumDecrypt(); GLPIKey::decrypt() came with 10.0.
            decrypt = "Toolbox::sodiumDecrypt()" if v == "9.5" else "GLPIKey::decrypt()"
            self.tl.add("decrypt-key", "error",
                        "XChaCha20-Poly1305 authentication fails: the stored value was encrypted "
                        f"with the previous glpicrypt.key. {decrypt} logs a warning and "
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
                    "glpicrypt.key (XChaCha20-Poly1305, the nonce as additional data): the "
                    "decrypted key is what GLPI sends.",
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

    def log_fetch_failure(self, message: str, exchange: Exchange) -> str:
        """The log lines GLPI writes when a call to GLPI Network fails. 9.5 uses
        Toolbox::logError(message, $error_message, $response): no labels, NULL for no error;
        9.5.0 still said "informations". 10.0+ uses trigger_error with labels."""
        error = self.curl_message(exchange)
        if self.v == "9.5":
            if self.version.release == "9.5.0":
                message = message.replace("information.", "informations.")
            return f"{message} {error or 'NULL'} {exchange.body}".rstrip()
        return f"{message}\nError message:{error}\nResponse:\n{exchange.body}"

    def ping(self) -> tuple[Exchange, str]:
        request, how = services_request(self.version, release=self.version.release,
                                        proxy=self.proxy())
        return self.model.send(request), how

    def services_check(self) -> None:
        exchange, how = self.ping()
        explanation = (f"GLPINetwork::isServicesAvailable(): {how}. Any non-empty body counts as "
                       "available, whatever the HTTP status; an empty body or a cURL error "
                       "does not. This request carries no key and no UID.")
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
        return info_request(key=self.key, user_agent=self.ua, lang=self.lang, proxy=self.proxy())

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
            return ("The X-Registration-Key header carries the still-encrypted value stored in "
                    "the database, not the key. The model rejects it (is_valid false), as any "
                    "server would (INFERRED: GLPI Network's answer is not documented)."), "error"
        if verdict.kind == "model":
            return ("The model recognises one of its demo keys (it checks the signature with "
                    "its own secret)."), "ok"
        if verdict.kind == "forged":
            return ("The model did not issue this key (its signature does not match), so it "
                    "answers is_valid false."), "ok"
        if verdict.kind == "broken-header":
            return ("The value holds a control character, so the header line GLPI hands to cURL "
                    "is broken. What the real server answers to that is not documented: the "
                    "model answers with an HTML \"400 Bad Request\" page (its own choice), which "
                    "is not JSON."), "ok"
        if verdict.kind == "malformed":
            # No problem title: the checker accepts the key once trimmed, but GLPI sends it untrimmed.
            what = "; ".join(verdict.checker_titles) or ("spaces or line breaks around the key, "
                                                         "which GLPI sends as they are")
            return (f"The key checker says this value is not a usable registration key "
                    f"({verdict.checker_kind}: {what}), so the model answers is_valid false."), "ok"
        return ("The key is well-formed. The model cannot know what the real GLPI Network server "
                f"would answer for it: this run assumes the server {assumed}, to show the rest "
                "of GLPI's path. Only the real server can say whether your key is valid."), "warning"

    def received_verdict(self, exchange: Exchange) -> KeyVerdict:
        """The model's reading of the key as the server receives it: the header value, whose
        leading spaces HTTP drops (so the note agrees with the answer shown)."""
        received = exchange.request.header("X-Registration-Key")
        return self.model.verdict(self.key if received is None else received)

    def registration_info(self, *, why: str = "") -> dict[str, Any]:
        if self.key == "":
            self.tl.add("registration-info", "skipped",
                        "GLPI makes no call: the registration key is empty, so "
                        "getRegistrationInformations() answers is_valid false at once." + why)
            return dict(EMPTY_INFORMATIONS)
        exchange, informations, fetched = self.fetch()
        explanation = ("GLPI asks GLPI Network about the decrypted key: GET "
                       "…/api/registration/info with the key and the instance UID in headers."
                       + why + " cURL does not check the HTTP status; GLPI needs a JSON body "
                       "with is_valid.")
        detail = exchange.render()
        if not fetched:
            reason = (f"cURL failed ({exchange.curl_error})" if exchange.curl_error else
                      "the body is not JSON with an is_valid member")
            detail += (f"\n\n# GLPI logs ({LOG}):\n"
                       + self.log_fetch_failure(texts.UNABLE_TO_FETCH, exchange))
            note = ""
            if exchange.curl_error is None:
                note = " " + self.verdict_note(self.received_verdict(exchange))[0]
            self.tl.add("registration-info", "error",
                        f"{explanation} Here {reason}, so GLPI cannot use the answer.{note}",
                        detail=detail, fix=self.scenario.fix,
                        messages=exchange_messages(exchange, fails=True, answer="not JSON with is_valid"))
            return informations
        if self.s.failure == "server-message":
            note, status = ("The model plays a server that sends its own validation_message; the "
                            "wording is the model's (the real server's messages are not public)."), "ok"
        else:
            note, status = self.verdict_note(self.received_verdict(exchange))
        running = _running(informations)
        answer = (f"is_valid: {json.dumps(informations['is_valid'])}" +
                  (", not running" if informations["is_valid"] and not running else ""))
        self.tl.add("registration-info", status, f"{explanation} {note}", detail=detail,
                    fix=self.scenario.fix if status != "ok" else "",
                    messages=exchange_messages(exchange, answer=answer, fails=not running))
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
        running = _running(informations)
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
            how = ("The answer has a validation_message: GLPI shows it verbatim instead of its "
                   "own words. A message from GLPI Network does not mean \"invalid\": its colour "
                   "comes from is_valid and subscription.is_running, as for GLPI's own words.")
        else:
            how = ("No validation_message in the answer, so GLPI picks its own: invalid if "
                   "is_valid is false, terminated if subscription.is_running is false, valid "
                   "otherwise.")
        colour = "green" if running else "red"
        self.tl.add("build-message", "ok" if running else "error",
                    f"{how} Green when the key is valid and the subscription running, red "
                    f"otherwise: here {colour}.", detail="\n".join(lines), fix=self.scenario.fix,
                    shows=message, shown_on=TAB,
                    messages=(Message("glpi", "admin", "GLPI Network tab", colour,
                                      fails=not running),))

    def shown_cache_key(self, key: str) -> str:
        full = cache_key(key, self.lang)
        if self.admin_key is None:
            return full
        # Derived from the admin's key: shortened so a pasted report does not fingerprint it.
        return f"registration_{full.split('_')[1][:8]}…_{self.lang}_informations"

    def cache_step(self, informations: dict[str, Any]) -> None:
        self.cache_shown = True
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
        good = _running(informations)
        # On the console the command's own refusal is what goes wrong; the cache only keeps it.
        sticks = not good and self.s.journey != "console-upgrade"
        self.tl.add("cache", "warning" if sticks else "ok",
                    "GLPI keeps this answer for one day (P1D) in its cache, under a name made "
                    "from sha1 of the key: a key pasted again is a new entry. The Marketplace, "
                    "the console and the cron job read it through isRegistered(); only opening "
                    "the GLPI Network tab asks GLPI Network again." + (
                        "" if good else " So this answer now sticks for up to 24 hours."),
                    detail=f"{key} (one day):\n{_pretty(informations)}",
                    fix=self.scenario.fix if sticks else "",
                    messages=(Message("glpi", "glpi", "cache the answer (one day)",
                                      "" if good else "the bad answer sticks", fails=sticks),))

    # --- isRegistered(), as the Marketplace and the console read it -------------------------

    def registered_informations(self) -> tuple[dict[str, Any], str]:
        """GLPINetwork::getRegistrationInformations() without forcing: the cache first. Emits
        the steps the tab did not already show; returns extra detail for the status step."""
        if not self.keyfile_checked:
            self.read_keyfile()
        if self.key is None:
            before = len(self.tl.steps)
            self.decrypt_key()
            step = self.tl.steps[before]
            where = "For the console" if self.s.journey == "console-upgrade" else "For the Marketplace"
            self.tl.steps[before] = replace(step, explanation=f"{where}: " + step.explanation)
        if self.dead:
            return EMPTY_INFORMATIONS, ""
        caller = ("marketplace:upgrade's" if self.s.journey == "console-upgrade"
                  else "the Marketplace's")
        why = f" This call comes from {caller} isRegistered(): nothing was cached."
        if self.key == "":
            if self.informations is None:
                self.informations = self.registration_info(why="")
                self.cache_step(self.informations)
            return dict(EMPTY_INFORMATIONS), "isRegistered(): no key, so not registered."
        cached = self.cache.get(cache_key(self.key, self.lang))
        if cached is not None:
            if not self.cache_shown:
                self.cache_shown = True
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
        if self.informations is None:
            self.informations = self.registration_info(why=why)
            self.cache_step(self.informations)
            return self.informations, ""
        exchange, informations, _ = self.fetch()
        return informations, ("isRegistered(): nothing cached, so GLPI calls GLPI Network "
                              f"again:\n{exchange.render()}")

    # --- the Marketplace --------------------------------------------------------------------

    def marketplace_enabled(self, *, web: bool) -> bool:
        """GLPI_MARKETPLACE_ENABLE (10.0+): bit 1 the console, bit 2 the web Marketplace."""
        allowed = marketplace_allowed(self.s.marketplace_enable)
        value = f"GLPI_MARKETPLACE_ENABLE = {self.s.marketplace_enable}"
        bit = "web" if web else "cli"
        if allowed[bit]:
            self.tl.add("marketplace-enabled", "ok",
                        "GLPI_MARKETPLACE_ENABLE allows " + ("the web Marketplace (bit 2)." if web
                                                             else "the console commands (bit 1)."),
                        detail=f"{value}\nweb: {allowed['web']}, console: {allowed['cli']}",
                        messages=(Message("glpi", "glpi", value, ("web Marketplace" if web else
                                                                  "console commands") + " allowed"),))
            return True
        shows = texts.CLI_DISALLOWED if not allowed["cli"] else ""
        self.tl.add("marketplace-enabled", "warning" if web else "error",
                    "GLPI_MARKETPLACE_ENABLE is read bit by bit: 1 allows the console "
                    "commands, 2 the web Marketplace. " + (
                        "Without the web bit, front/marketplace.php sends you to the classic "
                        "plugins page without a word" + (", and marketplace console commands stop "
                                                         "with this message (exit status 1)."
                                                         if shows else ".")
                        if web else "Without the console bit, marketplace console commands stop "
                                    "with this message (exit status 1)."),
                    detail=f"{value}\nweb: {allowed['web']}, console: {allowed['cli']}" + (
                        # What a console command prints, only when the console bit is off.
                        "\n$ php bin/console " + ("marketplace:download exampleplugin" if web
                                                  else "marketplace:upgrade") + f"\n{shows}"
                        if shows else ""),
                    fix=self.scenario.fix, shows=shows,
                    shown_on=CONSOLE if not web else (
                        "the console (php bin/console marketplace:…); the web Marketplace "
                        "silently redirects to Setup > Plugins" if shows else
                        "the web Marketplace silently redirects to Setup > Plugins"),
                    messages=(Message("admin", "glpi", "open the Marketplace"),
                              Message("glpi", "glpi", value, "the web bit is off", fails=True),
                              Message("glpi", "admin", "redirect to Setup > Plugins"))
                    if web else (Message("admin", "glpi", "php bin/console marketplace:upgrade"),
                                 Message("glpi", "glpi", value, "the console bit is off",
                                         fails=True),
                                 Message("glpi", "admin", "exit status 1")))
        self.skip_rest("Not reached: the Marketplace is turned off.")
        return False

    def marketplace_phase(self) -> None:
        if self.version.has("marketplace-enable-constant") and not self.marketplace_enabled(web=True):
            return
        exchange, how = self.ping()
        # 9.5's View::checkRegister() asks isRegistered(), which reads only is_valid: no
        # subscription check, no banner for a terminated one (both are 10.0's
        # View::checkRegistrationStatus()), and no "offline mode" (PR #11427).
        checks_running = self.v != "9.5"
        view = "View::checkRegistrationStatus()" if checks_running else "View::checkRegister()"
        offline = ("Not reached: marketplace-status failed, so the Marketplace is in offline mode."
                   if checks_running else
                   "Not reached: marketplace-status failed, so Discover shows only the banner.")
        opened = (Message("admin", "glpi", "open the Marketplace"),) + exchange_messages(exchange)
        banner = Message("glpi", "admin", "Marketplace", "a banner, no plugins", fails=True)
        if not exchange.body:
            shows = "\n".join(texts.MP_SERVICES_DOWN)
            self.tl.add("marketplace-status", "error",
                        f"{view} first checks the services ({how}). They are unreachable, so "
                        "the Marketplace " + ("goes offline with" if checks_running else "shows")
                        + " the \"services unavailable\" banner (not the registration one): "
                        "Discover shows only this banner.",
                        detail=exchange.render(), fix=self.scenario.fix, shows=shows,
                        shown_on="Marketplace", messages=opened + (banner,))
            self.skip_rest(offline, after="marketplace-status")
            return
        informations, extra = self.registered_informations()
        if self.dead:
            return
        subscription = informations["subscription"]
        detail = f"{exchange.render()}\n\n{extra}".rstrip()
        base = (f"{view}: services reachable, then the registration read through "
                + ("getRegistrationInformations() (cache first)." if checks_running else
                   "isRegistered(), which reads only is_valid from getRegistrationInformations() "
                   "(cache first)."))
        if not informations["is_valid"]:
            self.tl.add("marketplace-status", "error",
                        f"{base} It is not valid, so "
                        + ("the Marketplace goes offline (PR #11427): " if checks_running else "")
                        + "Discover shows only this banner, and GLPI sends no marketplace request.",
                        detail=detail, fix=self.scenario.fix,
                        shows="\n".join(texts.MP_NOT_REGISTERED), shown_on="Marketplace",
                        messages=opened + (banner,))
        elif checks_running and not (subscription or {}).get("is_running"):
            self.tl.add("marketplace-status", "error",
                        f"{base} The subscription is not running, so the Marketplace goes offline.",
                        detail=detail, fix=self.scenario.fix,
                        shows="\n".join(texts.MP_TERMINATED), shown_on="Marketplace",
                        messages=opened + (banner,))
        else:
            registered = ("Registered, subscription running." if _running(informations) else
                          "Registered: GLPI 9.5 does not look at subscription.is_running here, so "
                          "the Marketplace opens although the subscription is not running.")
            self.tl.add("marketplace-status", "ok", f"{base} {registered}",
                        detail=detail, messages=opened)
            self.marketplace_online(informations)
            return
        self.skip_rest(offline, after="marketplace-status")

    def marketplace_request(self, url: str, *extra: str) -> Request:
        return marketplace_request(url, key=self.key, user_agent=self.ua, extra=extra,
                                   proxy=self.proxy())

    def marketplace_online(self, informations: dict[str, Any]) -> None:
        url = marketplace_api_url(self.version) + "plugins"
        exchange = self.model.send(self.marketplace_request(url, "X-Range: 0-199"))
        self.tl.add("marketplace-plugins", "ok",
                    "The Discover tab asks the marketplace API for the plugin list, 200 per "
                    "page, with the key and the UID in headers, through GLPI's proxy when one "
                    "is set (cached for one hour" + (", per registration key" if
                                                     self.version.has("marketplace-api-v2")
                                                     else "") + ").",
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
        exchange = self.model.send(offers_request(lang=self.lang, proxy=self.proxy()))
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
                               + self.log_fetch_failure(texts.OFFERS_FETCH_FAILED, exchange),
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
        empty_is_none = self.version.has("empty-required-offers-is-none")
        detail = (f"plugin {plugin['key']}: required_offers = {json.dumps(required)}\n"
                  f"subscription: offer_reference = {json.dumps((subscription or {}).get('offer_reference'))}, "
                  f"is_running = {json.dumps((subscription or {}).get('is_running'))}")
        explanation = ("Controller::requiresHigherOffer(): no required_offers "
                       + ("(absent, null or an empty list, since 10.0.8) " if empty_is_none else
                          "(absent or null; before 10.0.8 an empty list still counts as a "
                          "requirement) ")
                       + "means no; a running subscription whose offer_reference is listed means "
                       "no; anything else means a higher offer is needed.")
        if requires_higher_offer(required, subscription, empty_means_none=empty_is_none):
            names = ", ".join(title for reference, title in titles.items() if reference in required)
            self.tl.add("plugin-access", "error",
                        f"{explanation} Here the subscription's offer is not listed, so the card "
                        "gets a warning button with this tooltip, next to its download button. "
                        "The offer names are the model's.",
                        detail=detail, fix=self.scenario.fix, shows=texts.HIGHER_OFFER % names,
                        shown_on="Marketplace > Discover (tooltip of the warning button on the "
                                 "plugin's card)",
                        messages=(Message("glpi", "admin", "plugin card", "a superior offer is needed",
                                          fails=True),))
            return
        version = plugin["versions"][-1]
        download = self.model.send(self.marketplace_request(version["download_url"], "Accept: */*"))
        how = ("offered as an archive to download by hand (the directory is not writable)"
               if not self.s.marketplace_writable else
               "downloadable with the Download button. The archive request goes through the same "
               "Plugins::request() as the list: GLPI's proxy, and the registration key and the "
               "UID sent to the plugin's download_url host, which may be another server")
        self.tl.add("plugin-access", "ok", f"{explanation} The plugin is {how}.",
                    detail=f"{detail}\n\n# The Download button (Controller::downloadPlugin(), "
                           "then Plugins::downloadArchive()); array_merge_recursive() keeps both "
                           f"Accept values on one line:\n{download.request.render()}",
                    messages=(Message("glpi", "admin", "plugin card",
                                      "manual download" if not self.s.marketplace_writable
                                      else "Download button"),)
                    + (() if not self.s.marketplace_writable else
                       exchange_messages(download, target="plugins")))

    # --- php bin/console marketplace:upgrade (GLPI 11.0, PR #21521) -------------------------

    def console_upgrade(self) -> None:
        if not self.marketplace_enabled(web=False):
            return
        informations, _ = self.registered_informations()
        if self.dead:
            return
        command = "$ php bin/console marketplace:upgrade"
        if not informations["is_valid"]:
            self.tl.add("marketplace-upgrade", "error",
                        "UpgradeCommand checks GLPINetwork::isRegistered() before anything else. "
                        "It is false, so the command stops at once with this message and exit "
                        "status 1: no plugin is downloaded or updated (marketplace:download, by "
                        "contrast, prints the same message and carries on, then fails per "
                        "plugin).",
                        detail=f"{command}\n{texts.UPGRADE_NOT_REGISTERED}",
                        fix=self.scenario.fix, shows=texts.UPGRADE_NOT_REGISTERED, shown_on=CONSOLE,
                        messages=(Message("admin", "glpi", "php bin/console marketplace:upgrade"),
                                  Message("glpi", "glpi", "isRegistered()", "false", fails=True),
                                  Message("glpi", "admin", "missing or invalid key",
                                          "exit status 1", fails=True)))
            return
        lines, manual = [command], []
        for directory, from_marketplace in self.s.installed_plugins:
            if from_marketplace:
                lines.append(texts.UPGRADE_UP_TO_DATE % directory)
            else:
                manual.append(texts.UPGRADE_MANUAL % directory)
                lines.append(manual[-1])
        explanation = ("Registered: the command updates every plugin installed from the "
                       "Marketplace to its latest compatible version and reactivates the active "
                       "ones. A plugin whose directory is not in GLPI_MARKETPLACE_DIR was "
                       "installed by hand: the command says so and leaves it alone.")
        if manual:
            self.tl.add("marketplace-upgrade", "warning", explanation, detail="\n".join(lines),
                        fix=self.scenario.fix, shows="\n".join(manual),
                        shown_on="the console: php bin/console marketplace:upgrade",
                        messages=(Message("admin", "glpi", "php bin/console marketplace:upgrade"),
                                  Message("glpi", "admin", "installed manually: not updated",
                                          fails=True)))
            return
        self.tl.add("marketplace-upgrade", "ok", explanation, detail="\n".join(lines),
                    messages=(Message("admin", "glpi", "php bin/console marketplace:upgrade"),
                              Message("glpi", "admin", "plugins up to date")))
