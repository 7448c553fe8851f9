"""Fuzz `checker.check` with generated and damaged inputs; every report must be valid.

Usage: .venv/bin/python scripts/fuzz.py (or make fuzz; the checker must be installed) [--count N] [--seed S]

Inputs are real-shaped registration keys damaged the ways paste_repair.py knows how to undo
(and ways it does not), other GLPI secrets, random bytes, random Unicode and huge texts.
Each input must give a report without raising, and the report must be one a user can trust:
known kind, status and severities, findings straight from the catalogue with every field
filled in, and `ok`/`warning` only for a registration key with its repaired text. Prints the
worst-case time per input and the throughput; exits 1 on the first broken report.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import time
from collections import Counter
from typing import Callable

from checker.check import check
from checker.base64_strict import is_canonical
from checker.limits import MAX_INPUT as MAX_INPUT_CHARS
from checker.findings import CATALOGUE
from checker.paste_repair import (BIDI_CONTROLS, INVISIBLE, NO_BREAK_SPACES,
                                  QUOTE_PAIRS)
from checker.report import KINDS, SEVERITIES, Report
from checker.identify import LOOKALIKES

STATUSES = ("ok", "warning", "error")
Input = str | bytes

# --- real-shaped material --------------------------------------------------------------------


def real_key(rng: random.Random) -> str:
    """base64 of a JSON object with a signature, as GLPI documents the registration key."""
    document: dict = {}
    for name in rng.sample(["email", "subscription", "ctime", "uid", "offer", "name", "expires"],
                           rng.randint(0, 5)):
        document[name] = rng.choice([
            "admin@example.org", "standard", rng.randint(0, 2**40), None, True,
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(0, 40))),
            [1, 2, {"a": "b"}], "\u00e9t\u00e9 \u2603 <b>x</b>",
        ])
    signature = base64.b64encode(rng.randbytes(rng.choice([0, 1, 64, 256, 512]))).decode()
    document["signature"] = signature
    items = list(document.items())
    rng.shuffle(items)
    separators = rng.choice([(",", ":"), (", ", ": ")])
    ensure_ascii = rng.random() < 0.5
    # base64 of ASCII JSON seldom holds "+" or "/" (only "~", "?" and ">" at one position make
    # them), yet real keys do, and the alphabet and URL-encoding repairs act on them: pad until
    # the key holds both, most of the time.
    wanted = {"+", "/"} if rng.random() < 0.8 else set()
    for extra in range(200):
        document = dict(items + ([("pad", ("~?" * extra)[:extra])] if extra else []))
        key = base64.b64encode(json.dumps(document, separators=separators,
                                          ensure_ascii=ensure_ascii).encode()).decode()
        if wanted <= set(key):
            break
    return key


def other_secret(rng: random.Random) -> Input:
    """Secrets that are not a registration key but get pasted as one."""
    choice = rng.randrange(8)
    if choice == 0:
        return rng.randbytes(32)                                    # raw glpicrypt.key
    if choice == 1:
        return rng.randbytes(32).hex()                              # hex key file
    if choice == 2:
        return base64.b64encode(rng.randbytes(32)).decode()         # base64 key file
    if choice == 3:
        return base64.b64encode(rng.randbytes(24 + 16 + rng.randint(0, 200))).decode()  # encrypted
    if choice == 4:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(40))
    if choice == 5:
        part = lambda n: base64.urlsafe_b64encode(rng.randbytes(n)).decode().rstrip("=")  # noqa: E731
        return "eyJ" + part(20) + "." + part(40) + "." + part(32)  # JWT
    if choice == 6:
        return base64.b64encode(json.dumps(rng.choice([[1, 2], "text", 3, None, {"no": "sig"},
                                                        {"signature": ""}, {"signature": 5}])).encode()).decode()
    depth = rng.choice([10, 1000, 100000])                          # deeply nested JSON
    return base64.b64encode(("[" * depth + "]" * depth).encode()).decode()


# --- damage, one function per way a paste goes wrong ------------------------------------------

def _insert(rng: random.Random, text: str, piece: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:]


def wrap_lines(rng, text):
    width = rng.choice([1, 7, 64, 76, 80])
    ending = rng.choice(["\n", "\r\n", "\r"])
    indent = rng.choice(["", "  ", "\t", "> "])
    return ending.join(indent + text[i:i + width] for i in range(0, len(text), width))


def surround_whitespace(rng, text):
    return rng.choice([" ", "\n", "\t", "\r\n", "  \n "]) + text + rng.choice(["", "\n", " ", "\r\n\r\n"])


def quote(rng, text):
    opening = rng.choice(list(QUOTE_PAIRS))
    closing = rng.choice([QUOTE_PAIRS[opening], opening, ""])
    if rng.random() < 0.1:
        return "```" + rng.choice(["", "text", "json"]) + "\n" + text + "\n```"
    return opening + text + closing


def label(rng, text):
    return rng.choice(["Registration key: ", "key=", "GLPI Network key :", "Clé d'enregistrement : ",
                       "token: ", "Authorization: Bearer ", "registration_key = "]) + text


def invisible(rng, text):
    for _ in range(rng.randint(1, 4)):
        text = _insert(rng, text, rng.choice(list(INVISIBLE) + list(NO_BREAK_SPACES)))
    return text


def bidi(rng, text):
    return _insert(rng, text, rng.choice(sorted(BIDI_CONTROLS)))


def lookalike(rng, text):
    ascii_to_lookalike = {ascii: fake for fake, ascii in LOOKALIKES.items()}
    positions = [i for i, ch in enumerate(text) if ch in ascii_to_lookalike]
    if not positions:
        return text + "\u0430"
    at = rng.choice(positions)
    fake = ascii_to_lookalike[text[at]] if rng.random() < 0.8 else chr(0xFF21 + rng.randrange(26))
    return text[:at] + fake + text[at + 1:]


def url_encode(rng, text):
    table = {"+": "%2B", "/": "%2F", "=": "%3D"}
    return "".join(table[ch] if ch in table and rng.random() < 0.7 else ch for ch in text)


def url_safe(rng, text):
    return text.translate(str.maketrans("+/", "-_"))


def mixed_alphabets(rng, text):
    return _insert(rng, text, rng.choice("-_"))


def drop_padding(rng, text):
    return text.rstrip("=")


def misplace_padding(rng, text):
    return _insert(rng, text, "=" * rng.randint(1, 3))


def truncate(rng, text):
    return text[:rng.randint(0, len(text))] if text else text


def several_values(rng, text):
    return text + rng.choice([" ", "\n", "\t"]) + rng.choice([text, real_key(rng), "abc", "=="])


def substitute(rng, text):
    if not text:
        return text
    at = rng.randrange(len(text))
    return text[:at] + chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x110000)])) + text[at + 1:]


def delete_span(rng, text):
    if not text:
        return text
    start = rng.randrange(len(text))
    return text[:start] + text[start + rng.randint(1, 8):]


def duplicate_span(rng, text):
    if not text:
        return text
    start = rng.randrange(len(text))
    return text[:start] + text[start:start + rng.randint(1, 30)] * rng.randint(2, 5) + text[start:]


def html_payload(rng, text):
    return rng.choice(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=x>',
                       '{{7*7}}', '${7*7}', "'; DROP TABLE glpi_configs; --"]) + text


def lone_surrogate(rng, text):
    return _insert(rng, text, chr(rng.randrange(0xD800, 0xE000)))


def control_chars(rng, text):
    return _insert(rng, text, chr(rng.choice([0, 1, 7, 8, 0x1B, 0x7F, 0x85, 0x2028, 0x2029])))


DAMAGES: tuple[Callable[[random.Random, str], str], ...] = (
    wrap_lines, surround_whitespace, quote, label, invisible, bidi, lookalike, url_encode, url_safe,
    mixed_alphabets, drop_padding, misplace_padding, truncate, several_values, substitute,
    delete_span, duplicate_span, html_payload, lone_surrogate, control_chars,
)


def damaged_key(rng: random.Random) -> str:
    text = real_key(rng)
    for damage in rng.sample(DAMAGES, rng.choice([1, 1, 2, 3, 5])):
        text = damage(rng, text)
    return text


def random_bytes(rng: random.Random) -> bytes:
    data = rng.randbytes(rng.choice([0, 1, 3, 31, 32, 33, 100, 1000]))
    if rng.random() < 0.3:
        data = real_key(rng).encode() + data            # a key file with junk appended
    return data


def random_unicode(rng: random.Random) -> str:
    length = rng.choice([1, 2, 10, 100, 1000])
    ranges = [(0, 0x80), (0x80, 0x800), (0x400, 0x500), (0x2000, 0x2070), (0xFF00, 0xFFF0),
              (0x1F300, 0x1F700), (0, 0x110000)]
    low, high = rng.choice(ranges)
    return "".join(chr(rng.randrange(low, high)) for _ in range(length))


def base64_of_junk(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(rng.randint(0, 300))).decode()


def huge(rng: random.Random) -> Input:
    size = rng.choice([MAX_INPUT_CHARS - 1, MAX_INPUT_CHARS, MAX_INPUT_CHARS + 1, 1_000_000])
    filler = rng.choice(["A", "=", " ", "\u200b", "\u0430", "eyJ", real_key(rng) + "\n"])
    text = (filler * (size // len(filler) + 1))[:size]
    return text.encode() if rng.random() < 0.2 else text


def mutated_bytes(rng: random.Random) -> bytes:
    data = bytearray(damaged_key(rng).encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 4)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


# Weights: most inputs are damaged real keys, since that is what admins paste.
GENERATORS: tuple[tuple[str, Callable[[random.Random], Input], int], ...] = (
    ("real key", real_key, 8),
    ("damaged key", damaged_key, 60),
    ("other secret", other_secret, 8),
    ("random bytes", random_bytes, 6),
    ("random unicode", random_unicode, 8),
    ("base64 of junk", base64_of_junk, 4),
    ("mutated bytes", mutated_bytes, 5),
    ("huge", huge, 1),
)


# --- what a valid report is --------------------------------------------------------------------

def problems(report: object) -> list[str]:
    """Everything wrong with this report; empty when a user can trust it."""
    if not isinstance(report, Report):
        return [f"check returned {type(report).__name__}, not a Report"]
    found = []
    if report.kind not in KINDS:
        found.append(f"kind {report.kind!r} not in {KINDS}")
    if report.status not in STATUSES:
        found.append(f"status {report.status!r} not in {STATUSES}")
    for finding in report.findings:
        spec = CATALOGUE.get(finding.code)
        if spec is None:
            found.append(f"finding code {finding.code!r} not in the catalogue")
            continue
        if finding.severity not in SEVERITIES or finding.severity != spec.severity:
            found.append(f"{finding.code}: severity {finding.severity!r}, catalogue says {spec.severity!r}")
        for name in ("title", "detail", "fix", "doc"):
            value = getattr(finding, name)
            if not isinstance(value, str) or not value.strip():
                found.append(f"{finding.code}: empty {name}")
        if finding.doc != spec.doc:
            found.append(f"{finding.code}: doc {finding.doc!r} is not its catalogue anchor {spec.doc!r}")
    severities = {finding.severity for finding in report.findings}
    if report.status in ("ok", "warning"):
        if report.kind != "registration-key":
            found.append(f"status {report.status} for kind {report.kind}")
        if not isinstance(report.normalized, str) or not is_canonical(report.normalized) or not report.normalized:
            found.append(f"status {report.status} without a canonical repaired key: {report.normalized!r:.80}")
        if "error" in severities:
            found.append(f"status {report.status} with an error finding")
        if (report.status == "warning") != ("warning" in severities):
            found.append(f"status {report.status} but finding severities {sorted(severities)}")
    elif "error" not in severities:
        found.append(f"status error without any error finding to explain it ({report.codes()})")
    try:
        json.dumps(report.to_dict(), allow_nan=False)
    except (TypeError, ValueError) as error:
        found.append(f"to_dict() is not JSON: {error}")
    return found


def check_one(value: Input) -> tuple[list[str], float, Report | None]:
    started = time.perf_counter()
    try:
        report = check(value)
    except Exception as error:  # the whole point: any exception is a bug to report
        return [f"raised {type(error).__name__}: {error}"], time.perf_counter() - started, None
    elapsed = time.perf_counter() - started
    found = problems(report)
    if not found and report.status in ("ok", "warning"):
        # The repaired key must itself check clean: a repair the checker would undo is no repair.
        again = check(report.normalized)
        if again.status != "ok" or again.normalized != report.normalized:
            found.append(f"repaired key checks as {again.status} ({again.codes()})")
    return found, elapsed, report


def run(count: int, seed: int, *, out=sys.stdout) -> dict:
    """Check `count` inputs; returns the figures, raises AssertionError on a broken report."""
    rng = random.Random(seed)
    names = [name for name, _, _ in GENERATORS]
    weights = [weight for _, _, weight in GENERATORS]
    makers = {name: make for name, make, _ in GENERATORS}
    per_generator: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    worst = (0.0, "", "")
    total = 0.0
    started = time.perf_counter()
    for index in range(count):
        name = rng.choices(names, weights)[0]
        value = makers[name](rng)
        found, elapsed, report = check_one(value)
        if found:
            raise AssertionError(
                f"input #{index} (seed {seed}, {name}) {value!r:.300}:\n  " + "\n  ".join(found))
        total += elapsed
        if elapsed > worst[0]:
            worst = (elapsed, name, f"{len(value):,} {'bytes' if isinstance(value, bytes) else 'chars'}")
        per_generator[name] += 1
        statuses[report.status] += 1
        codes.update(report.codes())
    wall = time.perf_counter() - started
    figures = {
        "count": count, "seed": seed, "wall_seconds": wall, "check_seconds": total,
        "throughput_per_second": count / total if total else float("inf"),
        "worst_seconds": worst[0], "worst_generator": worst[1], "worst_size": worst[2],
        "per_generator": dict(per_generator), "statuses": dict(statuses),
        "codes_seen": sorted(codes),
    }
    print(f"fuzz: {count:,} inputs (seed {seed}), every report valid", file=out)
    print(f"  time in check: {total:.2f} s; wall: {wall:.2f} s; "
          f"throughput: {figures['throughput_per_second']:,.0f} inputs/s", file=out)
    print(f"  worst case: {worst[0] * 1000:.1f} ms ({worst[1]}, {worst[2]})", file=out)
    print("  inputs: " + ", ".join(f"{n} {per_generator[n]:,}" for n in names), file=out)
    print("  verdicts: "
          + ", ".join(f"{s} {statuses[s]:,}" for s in STATUSES)
          + f"; {len(codes)} of {len(CATALOGUE)} finding codes seen", file=out)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to check (default 100000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    args = parser.parse_args(argv)
    return run_seeded("fuzz", lambda seed: run(args.count, seed), args)


def run_seeded(name: str, run_with_seed, args: argparse.Namespace) -> int:
    """Run with the given seed (or one from the clock); on a failure, say how to replay it."""
    seed = args.seed if args.seed is not None else int(time.time())
    try:
        run_with_seed(seed)
    except AssertionError as failure:
        print(f"{name}: FAILED\n{failure}", file=sys.stderr)
        print(f"reproduce: python scripts/{name.replace('-', '_')}.py --count {args.count} --seed {seed}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
