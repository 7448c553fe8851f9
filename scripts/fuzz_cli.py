"""Fuzz the `glpi-keycheck` command line with hostile arguments, input, files and terminals.

Usage: python scripts/fuzz_cli.py [--count N] [--seed S] [--subprocess-every K]

Every subcommand runs with random and hostile bytes as arguments (escape sequences, C1 and
bidi controls, bytes that are not UTF-8), standard input, key-file contents and kinds
(directory, FIFO, device, symbolic link), file names, environment (NO_COLOR, TERM, the docs
URL) and standard output (UTF-8, ASCII, Latin-1, a terminal, closed, full, a broken pipe).
Most cases call `checker.cli.main` in this process with those streams; one in K runs the real
`python -m checker` with the bytes as argv and a locale or PYTHONIOENCODING, as a shell would.

Every run must end with exit status 0, 1 or 2 (never the 70 of an internal error), no
Traceback, no control or invisible character from the input on stdout or stderr (a decrypted
secret written into a pipe excepted: it is the exact bytes on purpose), and strict JSON
(no NaN/Infinity) on stdout under --json. Exits 1 on the first broken case, with its seed.
"""

from __future__ import annotations

import argparse
import base64
import errno
import getpass
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fuzz as check_fuzz  # noqa: E402  (the generators of damaged keys)
from checker.cli import main  # noqa: E402
from checker.crypto.glpi import encrypt_value  # noqa: E402
from checker.safe_text import INVISIBLE_LETTERS, unsafe  # noqa: E402
from checker.simulation import SCENARIOS  # noqa: E402

GLPI_KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")   # the only escapes glpi-keycheck writes itself
ALLOWED_EXITS = {0, 1, 2}

HOSTILE = [
    "\x1b[2J\x1b[H\x1b[32mALL GOOD\x1b[0m", "\x1b]0;pwned\x07", "\x9b2J", "\x9b31m", "\x07",
    "\u202e", "\u2066", "\u2069", "\u200b", "\ufeff", "\u3164", "\x00", "\x7f", "\r", "\n",
    "\udcff", "\udc80\udcc3", "\u2028", "é", "✓", "😀", "'; rm -rf / #", "$(id)", "`id`",
    "%s%n", "../../etc/passwd", "-", "--", "=", ":", "\t",
]
COMMANDS = ("check", "keyfile", "generate", "decrypt", "encrypt", "verify", "simulate", "garbage")
ENCODINGS = ("utf-8", "utf-8", "ascii", "latin-1")
OUTPUTS = ("pipe", "pipe", "pipe", "pipe", "tty", "closed", "full", "broken")


# --- streams -----------------------------------------------------------------------------------

class _FullDisk(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


class _BrokenPipe(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


class _Terminal(io.TextIOWrapper):
    def isatty(self):
        return True


class _Stdin:
    def __init__(self, data: bytes, tty: bool):
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self):
        return self._tty


def _stream(kind: str, encoding: str):
    if kind == "closed":
        return None, None
    if kind == "full":
        return io.TextIOWrapper(io.BufferedWriter(_FullDisk()), encoding=encoding), None
    if kind == "broken":
        return io.TextIOWrapper(io.BufferedWriter(_BrokenPipe()), encoding=encoding), None
    buffer = io.BytesIO()
    cls = _Terminal if kind == "tty" else io.TextIOWrapper
    return cls(buffer, encoding=encoding, errors="strict", write_through=True), buffer


# --- cases -------------------------------------------------------------------------------------

@dataclass
class Case:
    argv: list[str]
    stdin: bytes = b""
    stdin_tty: bool = False
    output: str = "pipe"
    encoding: str = "utf-8"
    env: dict[str, str] = field(default_factory=dict)
    secret_prompt: object = None        # what getpass returns, or EOFError
    subprocess: bool = False
    locale: str | None = None

    def describe(self) -> str:
        return (f"argv={self.argv!r:.400} stdin={self.stdin[:120]!r} tty={self.stdin_tty} "
                f"output={self.output} encoding={self.encoding} env={self.env} "
                f"locale={self.locale} subprocess={self.subprocess}")


def to_bytes(text: str) -> bytes:
    """What a shell would pass: surrogateescape'd bytes back as bytes, other surrogates raw."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def hostile(rng: random.Random, text: str = "") -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(HOSTILE) + text[at:]
    return text


def text_value(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.45:
        value = check_fuzz.damaged_key(rng)
    elif choice < 0.6:
        value = check_fuzz.real_key(rng)
    elif choice < 0.7:
        value = check_fuzz.random_unicode(rng)
    elif choice < 0.8:
        value = base64.b64encode(json.dumps(rng.choice([
            {"\x1b[2J\x1b[H\x1b[32mALL GOOD\x1b[0m": 1, "signature": "c2ln"},
            {"signature": "c2ln", "n": "\u202e\u2066"}, {"signature": "c2ln", "big": 1}])).encode()).decode()
        if rng.random() < 0.5:
            value = base64.b64encode(rng.choice([
                b'{"signature":"x","a":NaN}', b'{"signature":"x","a":1e999}', b'"\\ud800"',
                b'{"signature":"x","n":' + b"9" * 5000 + b"}", b'{"signature":"x","\\udbff":1}',
                b"[" * 600 + b"]" * 600])).decode()
    else:
        value = hostile(rng, rng.choice(["", "Registration key: ", "\x1b[2J All good: "]) + check_fuzz.real_key(rng))
    if rng.random() < 0.3:
        value = hostile(rng, value)
    return value[:rng.choice([200, 2000, 70000])]


def stdin_bytes(rng: random.Random) -> bytes:
    choice = rng.random()
    if choice < 0.5:
        return to_bytes(text_value(rng))
    if choice < 0.7:
        return check_fuzz.random_bytes(rng)
    if choice < 0.8:
        return b""
    if choice < 0.9:
        return "\n".join(encrypted_value(rng) for _ in range(rng.randint(1, 4))).encode("utf-8", "surrogatepass") + b"\nNULL\n"
    return check_fuzz.mutated_bytes(rng)


def encrypted_value(rng: random.Random) -> str:
    plaintext = rng.choice([b"MyP4ssw0rD", b"\x1b[2Jgotcha", b"\xff\xfe", "\u202eabc".encode(), b"", rng.randbytes(20)])
    value = encrypt_value(plaintext, GLPI_KEY)
    return value if rng.random() < 0.7 else check_fuzz.substitute(rng, value)


def glpi_version(rng: random.Random) -> str:
    return rng.choice(["9.5", "10.0", "11.0", "11.0.4", "abc", "v11", "11,0", "12.0", "", "9" * 5000,
                       hostile(rng, "11.0")])


def key_file(rng: random.Random, folder: Path) -> str:
    """A path to something that may or may not be a usable glpicrypt.key."""
    name = rng.choice(["glpicrypt.key", "glpi.key", "my key;echo PWNED", "clé.key", hostile(rng, "k")])
    name = name.replace("/", "_").replace("\x00", "_") or "k"
    path = folder / name
    kind = rng.random()
    try:
        if kind < 0.35:
            path.write_bytes(GLPI_KEY)
        elif kind < 0.6:
            path.write_bytes(rng.choice([GLPI_KEY + b"\n", GLPI_KEY.hex().encode(), b"", rng.randbytes(rng.randint(0, 70)),
                                         base64.b64encode(GLPI_KEY), b"x" * 70000, b"%ab%" + GLPI_KEY[4:]]))
        elif kind < 0.68:
            path.mkdir(exist_ok=True)
            return str(path)
        elif kind < 0.74:
            os.mkfifo(path)
            return str(path)
        elif kind < 0.8:
            return rng.choice(["/dev/null", "/dev/zero", str(folder / "missing" / "glpicrypt.key"), str(folder)])
        elif kind < 0.86:
            path.symlink_to(folder / "nowhere")
            return str(path)
        else:
            path.write_bytes(GLPI_KEY)
        path.chmod(rng.choice([0o600, 0o644, 0o666, 0o000, 0o400]))
    except (OSError, ValueError):
        return str(folder / "unwritable-name")
    return str(path)


def build_case(rng: random.Random, folder: Path) -> Case:
    command = rng.choice(COMMANDS)
    case = Case(argv=[])
    case.output = rng.choice(OUTPUTS)
    case.encoding = rng.choice(ENCODINGS)
    if rng.random() < 0.2:
        case.env["NO_COLOR"] = rng.choice(["", "1"])
    if rng.random() < 0.1:
        case.env["TERM"] = rng.choice(["dumb", "xterm"])
    if rng.random() < 0.1:
        case.env["GLPI_KEYCHECK_DOCS_URL"] = hostile(rng, "https://help.example.org/").replace("\x00", "")
    json_flag = ["--json"] if rng.random() < 0.4 else []
    if command == "check":
        json_flag = rng.choice([json_flag, ["--report"]])
        use_stdin = rng.random() < 0.4
        case.argv = ["check", *json_flag] + (["-"] if use_stdin and rng.random() < 0.7 else [] if use_stdin else [text_value(rng)])
        case.stdin = stdin_bytes(rng)
        case.stdin_tty = use_stdin and rng.random() < 0.1
    elif command == "keyfile":
        case.argv = ["keyfile", *json_flag, key_file(rng, folder)]
        if rng.random() < 0.3:
            case.argv += ["--glpi-version", glpi_version(rng)]
        if rng.random() < 0.2:
            case.argv.append("--strict")
    elif command == "generate":
        name = rng.choice(["new.key", "my key;echo PWNED", "clé.key", hostile(rng, "n"), "missing/dir/k"])
        target = rng.choice([str(folder / name.replace("\x00", "_")), key_file(rng, folder)])
        case.argv = ["keyfile", "--generate", target]
    elif command == "decrypt":
        legacy = rng.random() < 0.3
        case.argv = ["decrypt"] + (["--legacy"] if legacy else [])
        if not legacy or rng.random() < 0.3:
            case.argv += ["--key-file", key_file(rng, folder)]
        value = rng.choice([encrypted_value(rng), "", "!!!", "-", text_value(rng)])
        case.argv.append(value)
        case.stdin = stdin_bytes(rng)
    elif command == "encrypt":
        case.argv = ["encrypt", "--key-file", key_file(rng, folder)]
        how = rng.random()
        if how < 0.4:
            case.argv.append(text_value(rng))
        elif how < 0.7:
            case.argv.append("-")
            case.stdin = stdin_bytes(rng)
        else:
            case.stdin_tty = True
            case.secret_prompt = rng.choice([EOFError, "", "s3cret", hostile(rng, "x")])
        if rng.random() < 0.2:
            case.argv.append("--keep-newline")
    elif command == "verify":
        values = [rng.choice([encrypted_value(rng), "-", "", text_value(rng)]) for _ in range(rng.randint(1, 4))]
        case.argv = ["verify", *json_flag, "--key-file", key_file(rng, folder)] + (["--show"] if rng.random() < 0.4 else []) + values
        case.stdin = stdin_bytes(rng)
    elif command == "simulate":
        if rng.random() < 0.2:
            case.argv = ["simulate", "--list", *json_flag]
        else:
            scenario = rng.choice(list(SCENARIOS) + [hostile(rng, "dns")])
            case.argv = ["simulate", "--scenario", scenario, *json_flag]
            if rng.random() < 0.6:
                case.argv += ["--glpi-version", rng.choice(["9.5", "10.0", "11.0", glpi_version(rng)])]
            if rng.random() < 0.4 or scenario == "my-key":
                case.argv += ["--key", rng.choice([text_value(rng), "-"])]
                case.stdin = stdin_bytes(rng)
    else:
        case.argv = [rng.choice(["--help", "--version", "bogus", hostile(rng, "--x"), "check", "simulate", ""])]
        case.argv += [hostile(rng, rng.choice(["--json", "--bogus", "x"])) for _ in range(rng.randint(0, 3))]
    return case


# --- running and judging ---------------------------------------------------------------------

@contextmanager
def _patched(case: Case):
    saved = sys.stdin, sys.stdout, sys.stderr, dict(os.environ), getpass.getpass
    try:
        sys.stdin = _Stdin(case.stdin, case.stdin_tty)
        for name in ("NO_COLOR", "TERM", "GLPI_KEYCHECK_DOCS_URL"):
            os.environ.pop(name, None)
        os.environ.update(case.env)

        def prompt(_text=""):
            if case.secret_prompt is EOFError:
                raise EOFError
            return case.secret_prompt
        getpass.getpass = prompt
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr, env, getpass.getpass = saved
        os.environ.clear()
        os.environ.update(env)


def run_in_process(case: Case) -> tuple[int, str, str]:
    out, out_buffer = _stream(case.output, case.encoding)
    err_buffer = io.BytesIO()
    err = io.TextIOWrapper(err_buffer, encoding=case.encoding, errors="strict", write_through=True)
    with _patched(case):
        sys.stdout, sys.stderr = out, err
        try:
            code = main(list(case.argv))
        except SystemExit as exit:  # a leak past main() is a defect of its own
            code = f"SystemExit({exit.code!r}) escaped main()"
        except BaseException as error:  # noqa: BLE001  the whole point
            code = f"{type(error).__name__} escaped main()"
        try:
            if out is not None:
                out.flush()
        except (OSError, ValueError):
            pass
    stdout = out_buffer.getvalue().decode(case.encoding, "surrogateescape") if out_buffer is not None else ""
    return code, stdout, err_buffer.getvalue().decode(case.encoding)


def run_subprocess(case: Case) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "GLPI_KEYCHECK_DOCS_URL")
           and not k.startswith(("LC_", "PYTHONIOENCODING"))}
    env.update({k: to_bytes(v).decode("utf-8", "replace").replace("\x00", "") for k, v in case.env.items()})
    env["PYTHONPATH"] = str(ROOT)
    if case.locale:
        env["LANG"] = env["LC_ALL"] = case.locale
    if case.encoding != "utf-8":
        env["PYTHONIOENCODING"] = case.encoding
    argv = [sys.executable, "-m", "checker"] + [to_bytes(arg.replace("\x00", "")) for arg in case.argv]
    stdout_target = {"closed": None, "full": "/dev/full"}.get(case.output, subprocess.PIPE)
    kwargs = {}
    if case.output == "closed":
        kwargs["preexec_fn"] = lambda: os.close(1)
    handle = open(stdout_target, "wb") if stdout_target == "/dev/full" else None
    try:
        result = subprocess.run(argv, input=case.stdin, stdout=handle or (subprocess.PIPE if stdout_target else None),
                                stderr=subprocess.PIPE, env=env, timeout=60, cwd=tempfile.gettempdir(), **kwargs)
    finally:
        if handle:
            handle.close()
    encoding = _child_encoding(tuple(sorted((k, v) for k, v in env.items() if k in ("LANG", "LC_ALL", "PYTHONIOENCODING"))))
    return result.returncode, _decode(result.stdout, encoding), _decode(result.stderr, encoding)


_ENCODINGS: dict[tuple, str] = {}


def _child_encoding(settings: tuple) -> str:
    """The encoding a child Python writes with under these settings (a locale that is not
    installed falls back to UTF-8): asked once."""
    if settings not in _ENCODINGS:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING"))}
        env.update(dict(settings))
        answer = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
                                capture_output=True, env=env, timeout=60)
        _ENCODINGS[settings] = answer.stdout.decode().strip() or "utf-8"
    return _ENCODINGS[settings]


def _decode(data: bytes | None, encoding: str) -> str:
    try:
        return (data or b"").decode(encoding, "surrogateescape")
    except LookupError:
        return (data or b"").decode("utf-8", "surrogateescape")


def problems(case: Case, code, stdout: str, stderr: str) -> list[str]:
    found = []
    if code not in ALLOWED_EXITS:
        found.append(f"exit status {code}")
    if "Traceback" in stderr or "Traceback" in stdout:
        found.append("a Traceback was printed")
    secret_into_pipe = case.argv[:1] == ["decrypt"] and case.output != "tty" and code == 0
    checked = [("stderr", stderr)] + ([] if secret_into_pipe else [("stdout", OUR_COLOURS.sub("", stdout))])
    for name, text in checked:
        flat = text.replace("\n", "")
        if flat.isprintable() and not INVISIBLE_LETTERS.search(flat):
            continue
        raw = sorted({f"U+{ord(ch):04X}" for ch in flat if unsafe(ch)})
        if raw:
            found.append(f"raw control or invisible characters on {name}: {', '.join(raw[:8])}")
    if "--json" in case.argv and stdout.strip() and code in (0, 1) and case.output in ("pipe", "tty"):
        try:
            json.loads(stdout, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
        except ValueError as error:
            found.append(f"--json output is not strict JSON: {error}")
    if code == 1 and case.output in ("closed", "full") and not case.subprocess and not stderr.strip():
        found.append("an output failure without a message on stderr")
    return found


def run(count: int, seed: int, *, subprocess_every: int = 50, out=sys.stdout) -> dict:
    rng = random.Random(seed)
    exits: Counter = Counter()
    commands: Counter = Counter()
    outputs: Counter = Counter()
    started = time.perf_counter()
    in_subprocess = 0
    memory = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="glpi-keycheck-fuzz-", dir=memory) as tmp:
        for index in range(count):
            folder = Path(tmp) / str(index)
            folder.mkdir()
            case = build_case(rng, folder)
            if subprocess_every and index % subprocess_every == subprocess_every - 1:
                case.subprocess = True
                case.locale = rng.choice([None, "C", "C.UTF-8", "fr_FR.ISO-8859-1", "POSIX"])
                if case.output in ("broken", "tty"):
                    case.output = "pipe"
                case.stdin_tty = False
                in_subprocess += 1
                code, stdout, stderr = run_subprocess(case)
            else:
                code, stdout, stderr = run_in_process(case)
            found = problems(case, code, stdout, stderr)
            if found:
                raise AssertionError(f"case #{index} (seed {seed}): {case.describe()}\n  "
                                     + "\n  ".join(found) + f"\n  stderr: {stderr[:600]!r}")
            exits[code] += 1
            commands[case.argv[0] if case.argv and case.argv[0] in COMMANDS else "(other)"] += 1
            outputs[case.output] += 1
            shutil.rmtree(folder, ignore_errors=True)
    wall = time.perf_counter() - started
    figures = {"count": count, "seed": seed, "wall_seconds": wall, "subprocess_runs": in_subprocess,
               "exits": dict(exits), "commands": dict(commands), "outputs": dict(outputs)}
    print(f"fuzz-cli: {count:,} runs (seed {seed}, {in_subprocess:,} as real processes) in {wall:.1f} s, "
          "every run clean", file=out)
    print("  exit statuses: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(exits.items())), file=out)
    print("  commands: " + ", ".join(f"{k} {v:,}" for k, v in commands.most_common()), file=out)
    print("  standard output: " + ", ".join(f"{k} {v:,}" for k, v in outputs.most_common()), file=out)
    return figures


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="runs (default 100000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--subprocess-every", type=int, default=100,
                        help="one run in K is a real process (default 100; 0: never)")
    args = parser.parse_args(argv)
    return check_fuzz.run_seeded(
        "fuzz-cli", lambda seed: run(args.count, seed, subprocess_every=args.subprocess_every), args)


if __name__ == "__main__":
    sys.exit(main_())
