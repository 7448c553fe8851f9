"""Package the help centre to carry to a server without Internet access.

    python scripts/dist_site.py https://glpi.example.org/keycheck/ [--out dist] [--site-dir DIR]

Builds the site for its address (`mkdocs build --strict`, SITE_URL set), then writes
`OUT/glpi-keycheck-site-YYYY-MM-DD.tar.gz`, a folder of the same name inside, and next to it
`….tar.gz.sha256` in `sha256sum` format, so `sha256sum -c` checks the copy on the server.
The SHA-256 is also printed. `--site-dir` packages a site already built for that address.

The archive is reproducible: sorted names, owner root, one fixed time (SOURCE_DATE_EPOCH when
set, else midnight UTC of the day, which also dates the name), gzip without a time stamp.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import os
import sys
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from local_site import build_site  # noqa: E402

NAME = "glpi-keycheck-site"


class DistError(Exception):
    pass


def site_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise DistError(f"SITE_URL must be the address the site will have, such as "
                        f"https://glpi.example.org/keycheck/ (got {value!r}).")
    return value if value.endswith("/") else value + "/"


def build_time() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc)
        except ValueError:
            raise DistError(f"SOURCE_DATE_EPOCH must be a number of seconds (got {epoch!r}).") from None
    today = datetime.now(timezone.utc).date()
    return datetime(today.year, today.month, today.day, tzinfo=timezone.utc)


def write_archive(site: Path, archive: Path, folder: str, mtime: int) -> None:
    if not (site / "index.html").is_file():
        raise DistError(f"{site} holds no built site (no index.html).")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        paths = sorted(site.rglob("*"), key=lambda path: path.relative_to(site).as_posix())
        for path in [site, *paths]:
            relative = path.relative_to(site).as_posix()
            info = tar.gettarinfo(str(path), arcname=folder if relative == "." else f"{folder}/{relative}")
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = mtime
            info.mode = 0o755 if info.isdir() else 0o644
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            elif info.isdir():
                tar.addfile(info)
    with archive.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                                  compresslevel=9) as packed:
        packed.write(buffer.getvalue())


def make_dist(url: str, out: Path, site_dir: Path | None = None) -> tuple[Path, str]:
    url = site_url(url)
    when = build_time()
    folder = f"{NAME}-{when:%Y-%m-%d}"
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{folder}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        if site_dir is None:
            site_dir = Path(scratch) / "site"
            built = build_site(site_dir, url, quiet=True, strict=True)
            if built.returncode != 0:
                raise DistError("mkdocs build --strict failed:\n" + built.stderr[-3000:])
        write_archive(site_dir, archive, folder, int(when.timestamp()))
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (out / f"{archive.name}.sha256").write_text(f"{digest}  {archive.name}\n", encoding="ascii")
    return archive, digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_url", help="the address the site will be served at, e.g. https://glpi.example.org/keycheck/")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="folder for the archive (default: dist)")
    parser.add_argument("--site-dir", type=Path, help="package this already built site instead of building one")
    args = parser.parse_args(argv)
    try:
        archive, digest = make_dist(args.site_url, args.out, args.site_dir)
    except DistError as error:
        print(f"dist: {error}", file=sys.stderr)
        return 2
    size = archive.stat().st_size
    print(f"{archive} ({size / 1e6:.1f} MB), built for {site_url(args.site_url)}")
    print(f"SHA-256 {digest}")
    print(f"written to {archive}.sha256; on the server: sha256sum -c {archive.name}.sha256")
    return 0


if __name__ == "__main__":
    sys.exit(main())
