#!/usr/bin/env python3
"""Time `checker.check` per call: median and p99 for a well-formed ~1 KiB key, a damaged key,
a 2 KiB log excerpt holding GLPI's messages and 64 KiB of junk. Prints figures; asserts
nothing (speed is read, not unit-tested).

    .venv/bin/python scripts/bench_core.py [--rounds N]  (make bench; the checker must be installed)
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import sys
import time

from checker.check import check

TARGET_MEDIAN_US = 50.0  # issue #2: a well-formed 1 KiB key in ≤ 50 µs median
TARGET_LOG_MEDIAN_US = 2000.0  # issue #12: GLPI's messages in a 2 KiB log excerpt in ≤ 2 ms median


def sample_key(size: int = 1024) -> str:
    rng = random.Random(7)
    signature = base64.b64encode(rng.randbytes(256)).decode()
    document = {"email": "admin@example.org", "subscription": "standard", "signature": signature}
    document["pad"] = "x" * max(0, (size * 3 // 4) - len(json.dumps(document)) - 10)
    return base64.b64encode(json.dumps(document).encode()).decode()


def damaged(key: str) -> str:
    wrapped = "\r\n".join(key[i:i + 76] for i in range(0, len(key), 76))
    return "Registration key: \u201c" + wrapped.replace("+", "-").replace("/", "_").rstrip("=") + "\u201d\n"


def junk(size: int = 64 * 1024) -> str:
    rng = random.Random(11)
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/ \n!") for _ in range(size))


def log_excerpt(size: int = 2048) -> str:
    """A php-errors.log / glpiphplog excerpt: two of GLPI's messages among ordinary lines."""
    lines = [
        "[2026-11-29 10:00:01] glpiphplog.WARNING:   *** User Warning: Unable to decrypt string. "
        "It may have been crypted with another key. in /var/www/glpi/src/GLPIKey.php at line 213",
        "[2026-11-29 10:00:02] glpi.ERROR: La clé d'enregistrement est invalide.",
    ]
    filler = "[2026-11-29 10:00:03] glpi.INFO: user admin logged in from 10.0.0.1 (session kept)"
    text = "\n".join(lines)
    while len(text) < size:
        text += "\n" + filler
    return text[:size]


def measure(value: str, rounds: int) -> list[float]:
    for _ in range(min(200, rounds)):  # warm-up
        check(value)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        check(value)
        timings.append((time.perf_counter_ns() - start) / 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5000)
    args = parser.parse_args()
    key = sample_key()
    cases = [("well-formed key", key, args.rounds), ("damaged key", damaged(key), args.rounds),
             ("2 KiB log excerpt", log_excerpt(), max(200, args.rounds // 10)),
             ("64 KiB junk", junk(), max(50, args.rounds // 50))]
    print(f"checker.check, CPython {sys.version.split()[0]}")
    print(f"{'input':<18}{'chars':>8}{'calls':>8}{'median µs':>12}{'p99 µs':>10}")
    for name, value, rounds in cases:
        timings = sorted(measure(value, rounds))
        median = statistics.median(timings)
        p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
        print(f"{name:<18}{len(value):>8}{rounds:>8}{median:>12.1f}{p99:>10.1f}")
        if name == "well-formed key":
            verdict = "meets" if median <= TARGET_MEDIAN_US else "MISSES"
            print(f"  -> {verdict} the {TARGET_MEDIAN_US:.0f} µs median target")
        if name == "2 KiB log excerpt":
            kind = check(value).kind
            verdict = "meets" if median <= TARGET_LOG_MEDIAN_US and kind == "glpi-message" else "MISSES"
            print(f"  -> {verdict} the {TARGET_LOG_MEDIAN_US / 1000:.0f} ms median target "
                  f"(recognised as {kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
