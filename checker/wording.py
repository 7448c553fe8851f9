"""English number phrases that several messages share, so they read right for every number."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """ "1 byte", "0 bytes", "48 bytes": the noun in the plural unless there is exactly one."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def indefinite_article(number: int) -> str:
    """ "an" before a number said with a vowel first: 8, 11, 18, 80-89, 800-899, 11,000…"""
    digits = str(number)
    eleven_or_eighteen = len(digits) % 3 == 2 and digits[:2] in ("11", "18")
    return "an" if digits.startswith("8") or eleven_or_eighteen else "a"


def secret_size(size: int) -> str:
    """ "an empty secret", "a 10-byte secret", "an 82-byte secret"."""
    return "an empty secret" if not size else f"{indefinite_article(size)} {size}-byte secret"
