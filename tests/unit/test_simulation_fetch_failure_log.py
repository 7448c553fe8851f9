"""The line GLPI writes to files/_log/php-errors.log when the call to GLPI Network fails, per
branch: 9.5's Toolbox::logError(message, error, response) on one line ("informations" in
9.5.0), 10.0+'s labelled trigger_error() text."""

import pytest

from simulation_view import played, step

CONNECTION = ("Connection failed. If you use a proxy, please configure it. (Resolving timed out "
              "after 5000 milliseconds)")


@pytest.mark.parametrize("version, logged", [
    ("9.5.0", f"Unable to fetch registration informations. {CONNECTION}"),
    ("9.5", f"Unable to fetch registration information. {CONNECTION}"),
    ("10.0", f"Unable to fetch registration information.\nError message:{CONNECTION}\nResponse:\n"),
    ("11.0", f"Unable to fetch registration information.\nError message:{CONNECTION}\nResponse:\n"),
])
def test_a_call_that_fails_in_curl_is_logged_per_branch(version, logged):
    detail = step(played("dns-failure", version), "registration-info")["detail"]
    assert detail.endswith(f"\n\n# GLPI logs (files/_log/php-errors.log):\n{logged}")
