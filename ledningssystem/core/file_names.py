"""Where content lives under the content root: every fixed file and folder name, in one place.

The loaders, the berättelse, the importer and the reviewer's summary all read these names,
so a file moved here moves everywhere.
"""

from __future__ import annotations

from pathlib import Path

SETTINGS_FILE = "ledningssystem.yml"
ORGANISATION_FILE = "roles/organisation.yml"
ROLES_FILE = "roles/roller.yml"
CALENDAR_FILE = "arshjul/arshjul.yml"
DOCS_DIR = "docs"  # hand-written pages; those that show figures follow the narrative rule

REPORTS_DIR = "reports"
REPORT_CONFIG_FILE = "reports/config.yml"
OWN_TEMPLATES_DIR = "reports/mallar"
MAPPINGS_DIR = "reports/mappningar"


def content_paths(root: Path) -> list[Path]:
    """The files and folders the content is read from (to watch for changes)."""
    names = [SETTINGS_FILE, "roles", "processes", "routines", "requirements", "arshjul", "reports"]
    return [root / name for name in names if (root / name).exists()]
