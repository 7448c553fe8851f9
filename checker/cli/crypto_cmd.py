"""`glpi-keycheck decrypt | encrypt | verify`: GLPI's encrypted values, with a key file.

Decryption and encryption happen in `checker.crypto`; this module reads the key file and the
values, prints, and picks the exit status. A secret is printed only when asked for
(`decrypt`, or `verify --show`).
"""

from __future__ import annotations

import getpass
import sys

from ..crypto.backend import BackendUnavailable, get_backend
from ..crypto.glpi import DecryptResult, decrypt_value, encrypt_value
from ..crypto.legacy import decrypt_legacy_bytes
from ..crypto.php_base64 import php_lenient_decode
from ..findings import spec
from ..wording import counted, secret_size
from .inputs import InputError, UsageError, read_text_argument
from .keyfile_cmd import read_key, read_keyfile
from .output import is_tty, json_text, shown, write, write_bytes, write_error
from .render import MARKS, Painter, docs_url

VALUE_PREVIEW = 12  # characters of an encrypted value shown to tell values apart
MYSQL_NULL = "NULL"  # what `mysql -N` prints for a NULL column


def register(subparsers) -> None:
    decrypt = subparsers.add_parser(
        "decrypt", help="decrypt a value GLPI stored, with its glpicrypt.key",
        description="Decrypt a value as GLPI does (XChaCha20-Poly1305, nonce as additional data) "
                    "and print the secret: the exact bytes when piped, a line on a terminal. "
                    "With --legacy, use GLPI's pre-9.5 scheme (key: --key-file glpi.key, or "
                    "GLPI's built-in key). Exit status: 0 decrypted, 1 not, 2 wrong usage.")
    decrypt.add_argument("value", nargs="?", metavar="VALUE", help="the stored value, or - for standard input")
    decrypt.add_argument("--key-file", metavar="PATH", help="glpicrypt.key (with --legacy: glpi.key, optional)")
    decrypt.add_argument("--legacy", action="store_true", help="the value dates from before GLPI 9.5")
    decrypt.set_defaults(run=run_decrypt)

    encrypt = subparsers.add_parser(
        "encrypt", help="encrypt a secret as GLPI stores it",
        description="Print the value GLPI would store for a secret, encrypted with this key file. "
                    "Prefer standard input or the prompt to an argument: arguments show in shell "
                    "history and process lists. One line break at the end of standard input is "
                    "dropped (see --keep-newline). Exit status: 0 done, 1 bad key file or input, "
                    "2 wrong usage.")
    encrypt.add_argument("plaintext", nargs="?", metavar="PLAINTEXT",
                         help="the secret, or - for standard input (asked for when absent on a terminal)")
    encrypt.add_argument("--key-file", metavar="PATH", required=True, help="glpicrypt.key")
    encrypt.add_argument("--keep-newline", action="store_true",
                         help="keep a line break that ends standard input as part of the secret")
    encrypt.set_defaults(run=run_encrypt)

    verify = subparsers.add_parser(
        "verify", help="check which values a key file decrypts",
        description="Say for each value whether this key decrypts it, without printing the "
                    "secrets (only their length) unless --show. VALUE - reads one value per line "
                    "from standard input, e.g. from `mysql -N -e 'SELECT …'`. Exit status: 0 every "
                    "non-empty value decrypts, 1 otherwise, 2 wrong usage.")
    verify.add_argument("values", nargs="+", metavar="VALUE", help="stored values, or - for standard input")
    verify.add_argument("--key-file", metavar="PATH", required=True, help="glpicrypt.key")
    verify.add_argument("--show", action="store_true", help="also print the decrypted secrets")
    verify.add_argument("--json", action="store_true", help="print the results as JSON")
    verify.set_defaults(run=run_verify)


def need_cryptography(command: str) -> None:
    """GLPI's cipher comes from the `cryptography` package: say in one line how to get it."""
    try:
        get_backend()
    except BackendUnavailable:
        raise InputError(
            f"{command} needs the Python package cryptography, which this Python lacks. Install it: "
            "`apt install python3-cryptography` (Debian, Ubuntu), `dnf install python3-cryptography` "
            "(RHEL, Rocky, AlmaLinux, Fedora) or `python3 -m pip install cryptography`. "
            "check, keyfile and simulate work without it.") from None


# --- decrypt -----------------------------------------------------------------------------------

def run_decrypt(args) -> int:
    if args.legacy:
        legacy_key = _read_legacy_key(args.key_file) if args.key_file else None
        value = _one_value(read_text_argument(args.value, "value"), args.value)
        if not php_lenient_decode(value):
            said = "is empty" if not value else "holds no base64 characters"
            raise InputError(f"Nothing to decrypt: the value {said}, so GLPI's legacy decryption "
                             "gives an empty string.")
        write_error("the legacy scheme has no integrity check: with the wrong key it "
                    "prints garbage, not an error.")
        _print_secret(decrypt_legacy_bytes(value, legacy_key))
        return 0
    if not args.key_file:
        raise UsageError("decrypt needs --key-file PATH (the glpicrypt.key), unless --legacy.")
    need_cryptography("decrypt")
    key = read_key(args.key_file)
    result = decrypt_value(_one_value(read_text_argument(args.value, "value"), args.value), key)
    if not result.ok:
        raise InputError(_failure_line(result))
    _print_secret(result.plaintext or b"")
    return 0


def _read_legacy_key(path: str) -> bytes:
    found = read_keyfile(path)
    if found.content is None:
        raise InputError(f"{path}: cannot read the legacy key file ({found.read_error}"
                         + (f": {found.error_detail}" if found.error_detail else "") + ").")
    if not found.content:
        raise InputError(f"{path} is empty: an empty glpi.key is no key.")
    return found.content  # GLPI uses the whole file, line breaks included


def _one_value(text: str, argument: str | None) -> str:
    """decrypt reads one value; several lines on standard input are several values."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if argument in (None, "-") and len(lines) > 1:
        raise InputError(f"Standard input holds {len(lines)} values (one a line); decrypt reads one. "
                         "To check several, use `glpi-keycheck verify --key-file PATH -`.")
    return text.strip()


def _print_secret(plaintext: bytes) -> None:
    """Exact bytes into a pipe; on a terminal, a line, with control characters escaped."""
    out = sys.stdout
    if not is_tty(out):
        write_bytes(plaintext)
        return
    try:
        text = plaintext.decode("utf-8")
    except UnicodeDecodeError:
        write(shown(plaintext.decode("utf-8", "surrogateescape")))
        write_error("the secret is not UTF-8 text: bytes that are not are shown as \\xNN. "
                    "Pipe the output to a file for the exact bytes.")
        return
    write(shown(text))
    if shown(text) != text:  # a secret could hold escape sequences that drive the terminal
        write_error("the secret holds control or invisible characters, shown as \\ escapes. "
                    "Pipe the output to a file for the exact bytes.")


def _failure_line(result: DecryptResult) -> str:
    finding = spec(result.code).finding(result.detail)
    return f"{finding.title}: {result.message} {result.detail} Fix: {finding.fix}"


# --- encrypt -----------------------------------------------------------------------------------

def run_encrypt(args) -> int:
    need_cryptography("encrypt")
    key = read_key(args.key_file)
    if args.plaintext is None and is_tty(sys.stdin):
        try:
            secret = getpass.getpass("Secret to encrypt (not shown): ")
        except EOFError:  # Ctrl-D at the prompt
            raise InputError("No secret entered (end of input): nothing was encrypted.") from None
        except UnicodeDecodeError:
            raise InputError("The secret typed is not text in this terminal's encoding.") from None
        if not secret:
            raise InputError("No secret entered: nothing was encrypted.")
    else:
        secret = read_text_argument(args.plaintext, "secret")
        if args.plaintext in (None, "-") and not args.keep_newline:
            secret = secret[:-2] if secret.endswith("\r\n") else secret.removesuffix("\n")
    try:
        plaintext = secret.encode("utf-8")
    except UnicodeEncodeError as error:  # bytes the terminal could not decode
        raise InputError(f"The secret is not UTF-8 text (character {error.start + 1}).") from None
    write(encrypt_value(plaintext, key))
    return 0


# --- verify ------------------------------------------------------------------------------------

def run_verify(args) -> int:
    need_cryptography("verify")
    key = read_key(args.key_file)
    values = _collect_values(args.values)
    results = [decrypt_value(value, key) for value in values]
    checked = [r for r in results if r.error_code != "decrypt-empty-value"]
    matched = [r for r in checked if r.ok]
    all_match = bool(checked) and len(matched) == len(checked)
    if args.json:
        write(json_text({
            "key_file": args.key_file,
            "all_match": all_match,
            "checked": len(checked),
            "decrypted": len(matched),
            "results": [{"index": i, "value_preview": _preview(v), **r.to_dict(show_plaintext=args.show)}
                        for i, (v, r) in enumerate(zip(values, results), start=1)],
        }))
    else:
        write(_render_verify(args.key_file, values, results, show=args.show, all_match=all_match,
                             checked=len(checked), matched=len(matched)))
    return 0 if all_match else 1


def _collect_values(arguments: list[str]) -> list[str]:
    values: list[str] = []
    if arguments.count("-") > 1:
        write_error(f"\"-\" given {arguments.count('-')} times: standard input is read once.")
    stdin_read = False
    for argument in arguments:
        if argument == "-":
            if stdin_read:
                continue
            stdin_read = True
            lines = read_text_argument("-", "values").splitlines()
            values += ["" if line.strip() == MYSQL_NULL else line.strip() for line in lines if line.strip()]
        else:
            values.append(argument.strip())
    if not values:
        raise InputError("No value to verify.")
    return values


def _preview(value: str) -> str:
    return value if len(value) <= VALUE_PREVIEW else value[:VALUE_PREVIEW] + "…"


def _quoted(text: str) -> str:
    """In double quotes, with every control or invisible character escaped for display."""
    return '"' + shown(text).replace('"', '\\"') + '"'


def _render_verify(key_file: str, values: list[str], results: list[DecryptResult], *, show: bool,
                   all_match: bool, checked: int, matched: int) -> str:
    paint = Painter(sys.stdout)
    lines = []
    for index, (value, result) in enumerate(zip(values, results), start=1):
        label = f"value {index} ({_quoted(_preview(value))}, {len(value)} characters)"
        if result.ok:
            said = f"decrypts: {secret_size(len(result.plaintext or b''))}"
            if show:
                said += ": " + _quoted((result.plaintext or b"").decode("utf-8", "surrogateescape"))
            lines.append(f"{paint(MARKS['ok'], 'ok')} {label} {said}")
        elif result.error_code == "decrypt-empty-value":
            lines.append(f"{paint(MARKS['skipped'], 'skipped')} {label} is empty: nothing to decrypt")
        else:
            finding = spec(result.code).finding(result.detail)
            lines.append(f"{paint(MARKS['error'], 'error')} {label}: {finding.title}  [{finding.code}]")
            lines.append(f"      GLPI: {shown(result.message)}")
            lines.append(f"      {shown(result.detail)}")
            lines.append(f"      More: {docs_url(finding.doc)}")
    if all_match:
        summary = f"{shown(key_file)} decrypts all {counted(checked, 'value')}."
    elif not checked:
        summary = "Every value is empty: nothing was checked."
    else:
        summary = f"{shown(key_file)} decrypts {matched} of {counted(checked, 'value')}."
    status = "ok" if all_match else "error"
    return "\n".join([f"{paint(MARKS[status], status)} {paint(summary, 'bold')}", ""] + lines)
