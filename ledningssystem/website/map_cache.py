"""Process maps (SVG and text alternative) from a disk cache keyed on everything they show.

Laying out and routing a map is the dearest renderer of a city-size build (200 processes, each
map drawn on its page and on a page of its own), and most maps do not change between builds.
The key is what a map follows from: the process as validated, the names of the roles and
processes it shows, how many rutiner each step has, the steps that hand over to it, where its
links start from (the page and the URL style), the engine's own files (a changed renderer or
template is a new key) and Jinja's version. Any change gives a new key, never a stale map.
Entries are JSON, written atomically and stamped when used (core.cache_files, which prunes what
no build has used for a week); one that cannot be read, or is cut short (no closing brace), is
rendered again; a read-only disk only means no cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ledningssystem.core.cache_files import read_entry, write_entry
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.model.process import Process
from ledningssystem.core.urls import Linker
from ledningssystem.diagrams.flow import handovers_into
from ledningssystem.website.check_memo import engine_digest

MAP_CACHE_FOLDER = ".cache/processkartor"  # gitignored; safe to delete at any time
_FORMAT = 2  # raise when an entry's shape changes (1: the bare map as .html)


@dataclass(frozen=True)
class MapCache:
    """Rendered maps by map_key in `folder`; without a folder every map is rendered."""

    folder: Path | None = None

    def get(self, key: str, render: Callable[[], str]) -> str:
        """The map stored under `key`, or render() stored from now on."""
        if self.folder is None:
            return render()
        path = self.folder / f"{key}.json"
        kept = _map(read_entry(path))
        if kept is not None:
            return kept
        rendered = render()
        write_entry(path, json.dumps({"map": rendered}, ensure_ascii=False).encode("utf-8"))
        return rendered


def _map(stored: bytes | None) -> str | None:
    """The map an entry holds; None when there is none, or it is cut short or damaged."""
    if stored is None:
        return None
    try:
        kept = json.loads(stored.decode("utf-8"))
    except ValueError:
        return None
    text = kept.get("map") if isinstance(kept, dict) else None
    return text if isinstance(text, str) else None


def map_key(content: Ledningssystem, process: Process, link: Linker) -> str:
    """The digest of everything render_process_map(content, process, link) shows."""
    shown = {
        "process": process.model_dump(mode="json"),
        "roles": {role_id: role.name for role_id, role in content.roles.items()},
        "processes": {p.id: p.name for p in content.processes.values()},
        "routines": [len(content.routines_for(process.id, s.id)) for s in process.steps],
        "from": [
            (other.id, step_id, other.step(step_id).name)  # type: ignore[union-attr]
            for other, step_id in handovers_into(content, process.id)
        ],
        "link": (link.base, link.directory_urls, link.public),
    }
    digest = hashlib.sha256(f"{_FORMAT} {engine_digest()} {jinja2.__version__}".encode())
    digest.update(json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()
