"""Put a freshly built site in place by renames, so an interrupted swap never leaves half a site.

`rm -rf site && mv site.tmp site` deletes file by file: killed halfway, it leaves a site
with pages missing that may then be published. Here the old site is renamed aside (one
atomic rename), the new one renamed in, and only then is the old one deleted. Killed at any
moment, `site/` is either the whole old site, the whole new one, or absent (with both
complete copies beside it) – never partial.

Usage (the Makefile's build and public targets): python -m ledningssystem.website.swap NEW TARGET
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` with the complete folder `new`, by rename."""
    old = target.with_name(target.name + ".old")
    if old.exists():  # left by an interrupted swap: a complete copy of an older site
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[0]).is_dir():
        print("Användning: python -m ledningssystem.website.swap NY_MAPP MÅLMAPP", file=sys.stderr)
        return 2
    swap_in(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
