"""Builds as `make serve` runs them, driven from a test: `python -m tests.preview_build ROOT SITE`.

Reads edits from stdin, one per line ("path<TAB>old text<TAB>new text"; an empty old text
appends), and prints as one JSON line the site's files after the first build and, after each
edit's rebuild, the files whose bytes changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _dirty_build(root: Path, site: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)


def main() -> None:
    root, site = Path(sys.argv[1]), Path(sys.argv[2])
    os.chdir(root)
    logging.basicConfig(level=logging.ERROR)
    _dirty_build(root, site)
    before = _digests(site)
    print(json.dumps(sorted(before)), flush=True)
    for line in sys.stdin:
        path, old, new = line.rstrip("\n").split("\t")
        file = root / path
        text = file.read_text(encoding="utf-8")
        text = text.replace(old, new, 1) if old else text + new + "\n"
        file.write_text(text, encoding="utf-8")
        _dirty_build(root, site)
        after = _digests(site)
        print(json.dumps(sorted(k for k in after if before.get(k) != after[k])), flush=True)
        before = after


if __name__ == "__main__":
    main()
