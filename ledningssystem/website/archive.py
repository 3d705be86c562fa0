"""`make paket`: the built site as one .zip to upload to the intranet's web server.

Entries are sorted and dated from SOURCE_DATE_EPOCH (the last commit, set by the Makefile),
so one commit always gives the same archive, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the oldest date a zip entry can hold


class ArchiveError(Exception):
    """The site to pack is missing or empty (Swedish message)."""


def write_site_archive(site_dir: Path, target: Path) -> int:
    """Write every file under `site_dir` into the zip `target`, paths relative to the site's
    root (index.html at the top); returns the number of files."""
    if not (site_dir / "index.html").is_file():
        raise ArchiveError(
            f"{site_dir} innehåller ingen byggd webbplats (index.html saknas); kör make build först"
        )
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    stamp = _timestamp()
    partial = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)  # never a half-written archive under the real name
    return len(files)


def _timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else _EARLIEST
    moment = max(moment, _EARLIEST)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
