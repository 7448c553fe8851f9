"""The how-to's SQL (docs_src/sql/) fetches exactly the encrypted values, and `verify` reads its output.

The queries are plain SQL that MySQL/MariaDB and SQLite both run, so they are run here on SQLite
tables shaped like GLPI's, holding values encrypted as GLPI does, plus rows they must skip.
"""

from __future__ import annotations

import io
import os
import sqlite3
import sys

import pytest

from checker.cli import main
from checker.crypto.glpi import encrypt_value
from docs_site import REPO

SQL = REPO / "docs_src" / "sql"
KEY = bytes.fromhex("a72f621a029175008055f103fb977fe185fecdb248e42c18751afb391278d4b6")
OTHER_KEY = bytes(range(32))

CORE_CONFIGS = {
    "9.5": ["glpinetwork_registration_key", "proxy_passwd", "smtp_passwd"],
    "10.0": ["glpinetwork_registration_key", "proxy_passwd", "smtp_passwd",
             "smtp_oauth_client_secret", "smtp_oauth_refresh_token"],
}
CORE_CONFIGS["11"] = CORE_CONFIGS["10.0"]
FIELDS = {
    "9.5": ["glpi_authldaps.rootdn_passwd", "glpi_mailcollectors.passwd"],
    "10.0": ["glpi_authldaps.rootdn_passwd", "glpi_mailcollectors.passwd",
             "glpi_snmpcredentials.auth_passphrase", "glpi_snmpcredentials.priv_passphrase"],
}
FIELDS["11"] = FIELDS["10.0"] + [
    "glpi_apiclients.app_token", "glpi_oauthclients.secret", "glpi_users.api_token",
    "glpi_users.cookie_token", "glpi_users.password_forget_token", "glpi_users.personal_token"]


def glpi_like_database(version: str) -> tuple[sqlite3.Connection, list[tuple[str, str, str]]]:
    """Tables with every encrypted column of `version`, and the rows the query must return."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE glpi_configs (id INTEGER PRIMARY KEY, context TEXT, name TEXT, value TEXT)")
    expected = []
    for name in CORE_CONFIGS[version]:
        value = encrypt_value(f"secret {name}".encode(), KEY)
        db.execute("INSERT INTO glpi_configs (context, name, value) VALUES ('core', ?, ?)", (name, value))
        expected.append(("glpi_configs", name, value))
    # Not secrets, or not core: must not be returned.
    db.execute("INSERT INTO glpi_configs (context, name, value) VALUES ('core', 'url_base', 'https://glpi.example')")
    db.execute("INSERT INTO glpi_configs (context, name, value) VALUES ('plugin:x', 'smtp_passwd', 'x')")
    tables: dict[str, list[str]] = {}
    for field in FIELDS[version]:
        table, column = field.split(".")
        tables.setdefault(table, []).append(column)
    for table, columns in tables.items():
        db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {', '.join(f'{c} TEXT' for c in columns)})")
        for row_id, row_value in ((1, "value"), (2, ""), (3, None)):  # empty and NULL are skipped
            values = [encrypt_value(f"{table}.{c}".encode(), KEY) if row_value else row_value for c in columns]
            db.execute(f"INSERT INTO {table} (id, {', '.join(columns)}) VALUES (?, {', '.join('?' * len(columns))})",
                       (row_id, *values))
            if row_value:
                expected += [(f"{table}.{c}", 1, v) for c, v in zip(columns, values)]
    return db, sorted(expected, key=lambda row: (row[0], str(row[1])))


@pytest.mark.parametrize("version", ["9.5", "10.0", "11"])
def test_query_returns_every_encrypted_value_and_nothing_else(version):
    db, expected = glpi_like_database(version)
    rows = db.execute((SQL / f"encrypted-values-{version}.sql").read_text("utf-8")).fetchall()
    assert sorted(rows, key=lambda row: (row[0], str(row[1]))) == expected


def test_query_output_piped_to_verify_flags_a_value_from_another_key(tmp_path, monkeypatch, capsys):
    db, expected = glpi_like_database("11")
    db.execute("UPDATE glpi_configs SET value = ? WHERE name = 'proxy_passwd'",
               (encrypt_value(b"old proxy password", OTHER_KEY),))
    rows = db.execute((SQL / "encrypted-values-11.sql").read_text("utf-8")).fetchall()
    # What `mysql --batch --skip-column-names ... | cut -f3` gives.
    values = "".join(f"{row[2]}\n" for row in rows).encode()
    key_file = tmp_path / "glpicrypt.key"
    key_file.write_bytes(KEY)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(values), encoding="utf-8"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GLPI_KEYCHECK_DOCS_URL", raising=False)
    status = main(["verify", "--key-file", os.fspath(key_file), "-"])
    out = capsys.readouterr().out
    assert status == 1
    assert f"decrypts {len(rows) - 1} of {len(rows)} values" in out
    failing = [i for i, row in enumerate(rows, 1) if row[1] == "proxy_passwd"][0]
    assert f"value {failing} (" in out and "another key" in out
