"""What the registration-info step says of the model's verdict on the key it receives, word for
word: a demo key, a key the model never issued, a header broken by a control character, a value
the key checker refuses, a well-formed key only the real server can judge, and the still-encrypted
value GLPI sends when it cannot read its key file. Pure: also runs in Pyodide."""

import pytest

from checker.simulation import simulate

ASKS = ("GLPI asks GLPI Network about the decrypted key: GET …/api/registration/info with the key and the "
        "instance UID in headers. cURL does not check the HTTP status; GLPI needs a JSON body with is_valid. ")
KEY = "eyJvd25lciI6IngiLCJzaWduYXR1cmUiOiJjMmxuIn0="


@pytest.mark.parametrize("scenario, key, status, note", [
    ("valid", None, "ok",
     "The model recognises one of its demo keys (it checks the signature with its own secret)."),
    ("invalid-key", None, "ok",
     "The model did not issue this key (its signature does not match), so it answers is_valid false."),
    ("http-400-html", None, "error",
     "Here the body is not JSON with an is_valid member, so GLPI cannot use the answer. The value holds a "
     "control character, so the header line GLPI hands to cURL is broken. What the real server answers to "
     "that is not documented: the model answers with an HTML \"400 Bad Request\" page (its own choice), "
     "which is not JSON."),
    ("my-key", "not a key", "ok",
     "The key checker says this value is not a usable registration key (unknown: Not a registration key), "
     "so the model answers is_valid false."),
    ("my-key", KEY, "warning",
     "The key is well-formed. The model cannot know what the real GLPI Network server would answer for it: "
     "this run assumes the server accepts it with a running subscription, to show the rest of GLPI's path. "
     "Only the real server can say whether your key is valid."),
    ("keyfile-unreadable", None, "error",
     "The X-Registration-Key header carries the still-encrypted value stored in the database, not the key. "
     "The model rejects it (is_valid false), as any server would (INFERRED: GLPI Network's answer is not "
     "documented)."),
])
@pytest.mark.parametrize("version", ["10.0", "11.0"])
def test_registration_info_says_what_the_model_makes_of_the_key(scenario, key, status, note, version):
    step = simulate(scenario, version, key).step("registration-info")
    assert step.status == status and step.explanation.endswith(" " + note)
    if (scenario, version) == ("keyfile-unreadable", "11.0"):  # 11.0.2+: the tab asked nothing
        assert "This call comes from the Marketplace's isRegistered(): nothing was cached. " in step.explanation
    else:
        assert step.explanation == ASKS + note
