"""Compare `checker.php_json` with PHP's own json_decode($text, true) on generated texts.

Usage: .venv/bin/python scripts/fuzz_php_json.py [--count N] [--seed S]   (needs `php` on PATH:
apt install php-cli)

Texts are JSON documents built from the pieces PHP and Python disagree on (surrogate escapes,
integers at PHP_INT_MAX, numbers past a float, duplicate keys, nesting at PHP's depth limit of
512), then damaged with stray brackets, quotes, control characters and bytes that are not UTF-8
(a lone surrogate in the str, as surrogateescape makes it). For every text both must agree: the
same error message (json_last_error_msg()), or the same value. Prints the count compared and
exits 1 on the first disagreement. Not part of `make test`: the checker must not need PHP.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import random
import shutil
import subprocess
import sys

from fuzz import run_seeded

from checker.php_json import PHPInfinity, php_json_decode

# One base64 text a line in, one JSON result a line out. JSON_FORCE_OBJECT writes every array
# as an object ({"0": ...}), so lists and PHP's integer keys compare the same way.
PHP_ORACLE = r"""
while (($line = fgets(STDIN)) !== false) {
    $value = json_decode(base64_decode(trim($line)), true);
    echo json_last_error()
        ? json_encode(["error" => json_last_error_msg()])
        : json_encode(["value" => $value], JSON_PRESERVE_ZERO_FRACTION | JSON_FORCE_OBJECT | JSON_PARTIAL_OUTPUT_ON_ERROR),
        "\n";
}
"""
ATOMS = ['"\\ud800"', '"\\udc00\\ud800"', '"\\ud83d\\ude00"', '"\\u0000"', "1e999", "-1e-999",
         "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
         "0.1e1", "1E+2", '"\\u00e9\\/"', '"\\""', "true", "false", "null", '""', "-0", "1" * 30]
KEYS = ['"a"', '"b"', '"a"', '"0"', '""', '"\\u00e9"', '"\\ud800"']
DAMAGE = ["{", "}", "[", "]", ":", ",", '"', "\\", " ", "\x00", "\x1f", "\udcff", "é", "-", "0", "e", "\\u"]


def document(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > 4 or roll < 0.4:
        return rng.choice(ATOMS)
    if roll < 0.7:
        return "[" + ",".join(document(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    members = (f"{rng.choice(KEYS)}:{document(rng, depth + 1)}" for _ in range(rng.randint(0, 3)))
    return "{" + ",".join(members) + "}"


def damaged(rng: random.Random) -> str:
    text = document(rng)
    for _ in range(rng.choice([0, 0, 1, 2])):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(DAMAGE) + text[at + rng.randint(0, 1):]
    return text


def at_the_depth_limit() -> list[str]:
    texts = []
    for depth in (510, 511, 512):
        for opener, closer in (("[", "]"), ('{"a":', "}")):
            texts += [opener * depth + "1" + closer * depth, opener * (depth - 1) + "{}" + closer * (depth - 1),
                      opener * depth + '"\\ud800"', opener * depth + "\udcff"]
    return texts


def as_php_encodes(value):
    """Our value as PHP's json_encode writes it back: INF fails and becomes 0 (partial output)."""
    if isinstance(value, PHPInfinity) or (isinstance(value, float) and math.isinf(value)):
        return 0
    if isinstance(value, list):
        return {str(index): as_php_encodes(item) for index, item in enumerate(value)}
    if isinstance(value, dict):
        return {name: as_php_encodes(item) for name, item in value.items()}
    return value


def same(ours, theirs) -> bool:
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, dict):
        return list(ours) == list(theirs) and all(same(ours[name], theirs[name]) for name in ours)
    return ours == theirs


def php_results(texts: list[str]) -> list[dict]:
    lines = "".join(base64.b64encode(text.encode("utf-8", "surrogateescape")).decode() + "\n" for text in texts)
    run = subprocess.run(["php", "-r", PHP_ORACLE], input=lines, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def run(count: int, seed: int) -> None:
    rng = random.Random(seed)
    texts = [damaged(rng) for _ in range(count)] + at_the_depth_limit()
    for text, php in zip(texts, php_results(texts), strict=True):
        value, error = php_json_decode(text)
        if "error" in php:
            assert error == php["error"], f"{text[:200]!r}: PHP fails with {php['error']!r}, we say {error!r}"
        else:
            assert error is None, f"{text[:200]!r}: PHP decodes it, we fail with {error!r}"
            assert same(as_php_encodes(value), php["value"]), \
                f"{text[:200]!r}: PHP reads {php['value']!r}, we read {value!r}"
    print(f"fuzz_php_json: {len(texts)} texts, php_json agrees with PHP's json_decode on all (seed {seed})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000, help="generated texts (default 5000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    args = parser.parse_args(argv)
    if shutil.which("php") is None:
        print("fuzz_php_json: needs the php command (apt install php-cli)", file=sys.stderr)
        return 2
    sys.setrecursionlimit(10_000)  # as_php_encodes() walks values 511 containers deep
    return run_seeded("fuzz_php_json", lambda seed: run(args.count, seed), args)


if __name__ == "__main__":
    sys.exit(main())
