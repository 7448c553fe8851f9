"""The kernel.secret step word for word: what the key file check prints, what GLPI logs and
where the masked bytes sit, the arrows of the diagram, and the facts the explanation states.
Pure: also runs in Pyodide."""

from checker import glpi_texts as texts
from checker.keyfile import inspect_keyfile
from checker.simulation import simulate
from checker.simulation.lanes import Message
from checker.simulation.world import KERNEL_SECRET_DEMO_KEY, KEYFILE_PATH


def step(version="11.0"):
    return simulate("keyfile-kernel-secret", version).step("boot-kernel")


def test_detail_shows_the_key_file_check_the_log_line_and_where_the_masked_bytes_are():
    warning, = [f for f in inspect_keyfile(KERNEL_SECRET_DEMO_KEY, glpi_version="11.0").findings
                if f.severity != "info"]
    assert step().detail.splitlines() == [
        f"{KEYFILE_PATH}: 32 bytes, the size GLPIKey needs: GLPIKey accepts it.",
        "",
        f"# glpi-keycheck keyfile {KEYFILE_PATH} --glpi-version 11.0",
        f"warning keyfile-kernel-secret-percent: {warning.detail}",
        "",
        "# GLPI logs (files/_log/php-errors.log):",
        texts.KERNEL_SECRET_LOG % texts.KERNEL_SECRET,
        '# In GLPI\'s message, "…" is the key\'s bytes 12 to 17 (between the two "%"). The simulator never '
        "shows key bytes; mask them before posting the real message.",
    ]


def test_a_release_names_itself_in_the_key_file_command():
    assert "--glpi-version 11.0.3\n" in step("11.0.3").detail


def test_arrows_show_the_kernel_reading_the_key_file_and_every_page_failing():
    assert step().messages == (
        Message("glpi", "keyfile", "kernel.secret = glpicrypt.key"),
        Message("keyfile", "glpi", "32 bytes holding %…%", "read as a parameter reference", fails=True),
        Message("glpi", "admin", "HTTP 500", "on every page and command"))


def test_explanation_states_the_mechanism_and_that_it_is_unconfirmed():
    explanation = step().explanation
    for fact in ("Before any GLPI page or console command runs, GLPI 11 boots its Symfony kernel",
                 "kernel.secret is the raw content of config/glpicrypt.key (dependency_injection/services.php)",
                 'Symfony reads "%name%" in a parameter value as a reference to another parameter',
                 "uncaught ParameterNotFoundException: every page answers HTTP 500, and `php bin/console` "
                 "fails the same way",
                 "The key file itself is a valid 32-byte key for GLPIKey.",
                 "Reported in open issues #22076 and #23757; GLPI's maintainers have not confirmed it."):
        assert fact in explanation, fact
