"""Where content lives under the content root: every fixed file and folder name, in one place.

The loaders, the berättelse, the importer and the reviewer's summary all read these names,
so a file moved here moves everywhere.
"""

from __future__ import annotations

SETTINGS_FILE = "ledningssystem.yml"
ORGANISATION_FILE = "roles/organisation.yml"
ROLES_FILE = "roles/roller.yml"
CALENDAR_FILE = "arshjul/arshjul.yml"
DOCS_DIR = "docs"  # hand-written pages; those that show figures follow the narrative rule

REPORTS_DIR = "reports"
REPORT_CONFIG_FILE = "reports/config.yml"
OWN_TEMPLATES_DIR = "reports/mallar"
MAPPINGS_DIR = "reports/mappningar"
