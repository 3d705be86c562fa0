"""Reading reports/ file by file: the settings, the templates, each year folder and its texts.

load.py puts the pieces together and checks them; this module only reads and validates
each file on its own, collecting every problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ledningssystem.core.file_names import (
    DOCS_DIR,
    OWN_TEMPLATES_DIR,
    REPORT_CONFIG_FILE,
    REPORTS_DIR,
)
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.reading import renders_macros
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.config_additions import ADDITIONS_KEY, add_to_defaults
from ledningssystem.report.data import KINDS, Narrative, YearData
from ledningssystem.report.files import FileReader
from ledningssystem.report.meta import ReportMeta, ReportStatus
from ledningssystem.report.own_kinds import ROWS_KEY, OwnKind, OwnRow
from ledningssystem.report.own_kinds_config import own_entries, read_own_kinds
from ledningssystem.report.required_files import missing_files
from ledningssystem.report.section_templates import ReportTemplate

BUILTIN_DIR = Path(__file__).parent
YEAR_DIR = re.compile(r"^\d{4}$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
FIGURE_CALL = re.compile(r"\{\{[^}]*\bfigure\(")


class ReportReader(FileReader):
    """Reads reports/: configuration, templates and year folders."""

    # --- configuration and templates ---------------------------------------------------

    def config(self) -> ReportConfig:
        standard = self.yaml(BUILTIN_DIR / "standard.yml", "ledningssystem/report/standard.yml")
        data: dict[str, Any] = dict(standard[0]) if standard else {}
        lines = standard[1] if standard else LineMap()
        file = "ledningssystem/report/standard.yml"
        standard_origin = (file, lines)
        own_data: dict[str, Any] = {}
        own_path = self.root / REPORT_CONFIG_FILE
        if own_path.exists():
            own = self.yaml(own_path)
            if own and own[0] is not None and not isinstance(own[0], dict):
                self.add(
                    REPORT_CONFIG_FILE,
                    1,
                    "",
                    "filen ska vara en samling inställningar (namn: värde)",
                )
            elif own and own[0]:
                own_data = dict(own[0])
                additions = own_data.pop(ADDITIONS_KEY, None)
                data.update(own_data)
                if isinstance(additions, dict):
                    data = add_to_defaults(data, additions)
                elif additions is not None:
                    self.add(
                        REPORT_CONFIG_FILE,
                        own[1].line((ADDITIONS_KEY,)),
                        ADDITIONS_KEY,
                        "ska vara en samling inställningar (namn: värde)",
                        "Se exemplet överst i reports/config.yml.",
                    )
                lines = own[1]  # errors point into the organisation's own file
                file = REPORT_CONFIG_FILE
        self.config_origin = (file, lines)
        # räknas comes from the organisation's file only when that file sets it.
        own_counted = file == REPORT_CONFIG_FILE and "räknas" in data and "räknas" in own_data
        self.counted_origin = self.config_origin if own_counted else standard_origin
        # The standard nyckeltal name kinds a förvaltning may not have (HSL, lex Maria): only
        # a list the organisation wrote itself is checked for names no year has.
        self.own_key_figures = file == REPORT_CONFIG_FILE and "nyckeltal" in own_data
        data, entries, named = own_entries(data)  # read kind by kind, after the rest
        built = self.validate(ReportConfig, data, file, lines)
        config = built or ReportConfig.model_validate(standard[0] if standard else {})
        config = read_own_kinds(self, entries, config, file, lines)
        self.lost_own_kinds = frozenset(named - {k.id for k in config.own})
        return config

    def templates(self) -> dict[str, ReportTemplate]:
        found: dict[str, ReportTemplate] = {}
        paths = [
            (p, f"ledningssystem/report/builtin_templates/{p.name}")
            for p in sorted((BUILTIN_DIR / "builtin_templates").glob("*.yml"))
        ]
        paths += [(p, self.rel(p)) for p in sorted((self.root / OWN_TEMPLATES_DIR).glob("*.yml"))]
        for path, file in paths:
            parsed = self.yaml(path, file)
            if parsed is None:
                continue
            template = self.validate(ReportTemplate, parsed[0], file, parsed[1])
            if template is None:
                continue
            if template.id in found and file.startswith(REPORTS_DIR):
                self.add(
                    file,
                    parsed[1].line(("id",)),
                    "id",
                    f'mallen "{template.id}" finns redan',
                    "Ge din mall ett eget id.",
                )
                continue
            found[template.id] = template
        return found

    # --- year folders ------------------------------------------------------------------

    def year_folders(self) -> list[Path]:
        base = self.root / REPORTS_DIR
        if not base.is_dir():
            return []
        folders = []
        for path in sorted(p for p in base.iterdir() if p.is_dir()):
            if path.name in {"mallar", "mappningar"} or path.name.startswith("."):
                continue
            if not YEAR_DIR.match(path.name):
                self.add(
                    self.rel(path),
                    None,
                    "",
                    "okänd mapp i reports/",
                    "En berättelse ligger i en mapp som heter som året, t.ex. reports/2025/; "
                    "egna mallar ligger i reports/mallar/.",
                )
                continue
            folders.append(path)
        return folders

    def year(
        self, folder: Path, templates: dict[str, ReportTemplate], own: tuple[OwnKind, ...] = ()
    ) -> YearData | None:
        meta_path = folder / "report.yml"
        rel_folder = self.rel(folder)
        if not meta_path.exists():
            self.add(
                f"{rel_folder}/report.yml",
                None,
                "",
                "filen saknas",
                "Varje årsmapp behöver en report.yml med år, typ, nämnd, förvaltning, "
                "status och mall. Se Kvalitetsberättelsen i portalens skrivguide.",
            )
            return None
        parsed = self.yaml(meta_path)
        if parsed is None:
            return None
        file = self.rel(meta_path)
        meta: ReportMeta | None = self.validate(ReportMeta, parsed[0], file, parsed[1])
        if meta is None:
            return None
        if str(meta.year) != folder.name:
            self.add(
                file,
                parsed[1].line(("år",)),
                "år",
                f"året {meta.year} stämmer inte med mappens namn {folder.name}",
                f"Skriv år: {folder.name} eller byt namn på mappen.",
            )
            return None
        template = templates.get(meta.template)
        if template is None:
            self.add(
                file,
                parsed[1].line(("mall",)),
                "mall",
                f'mallen "{meta.template}" finns inte',
                (
                    did_you_mean(meta.template, templates).strip()
                    + " Tillgängliga mallar: "
                    + ", ".join(sorted(templates))
                    + "."
                ).strip(),
            )
            return None
        rows = {attr: self.rows(folder, stem, key, model) for attr, stem, key, model in KINDS}
        for stem, section in missing_files(meta, template, rows):
            self.add(
                f"{self.rel(folder)}/{stem}.csv",
                None,
                "",
                f'filen saknas: avsnittet "{section}" visar {stem}, och {meta.year} är fastställd',
                f"Skriv årets rader i {stem}.csv eller {stem}.yml, eller skriv "
                f"ingen_data: [{stem}] i report.yml om året inte har uppgiften.",
            )
        narratives = self.narratives(folder, template)
        own_rows = self.own_rows(folder, meta, own)
        return YearData(
            meta.year, rel_folder, meta, template, narratives=narratives, own=own_rows, **rows
        )

    def own_rows(
        self, folder: Path, meta: ReportMeta, own: tuple[OwnKind, ...]
    ) -> dict[str, tuple[OwnRow, ...]]:
        """Each own kind's rows; a kind with neither a file nor ingen_data is an error."""
        found: dict[str, tuple[OwnRow, ...]] = {}
        for kind in (k for k in own if k.applies_to(meta.year)):
            rows = self.rows(folder, kind.id, ROWS_KEY, kind.row_model())
            if rows is not None:
                found[kind.id] = rows
            elif kind.id not in meta.no_data and meta.status is ReportStatus.APPROVED:
                # A draft may lack it still (its page says so); a fastställd year may not.
                self.add(
                    f"{self.rel(folder)}/{kind.id}.csv",
                    None,
                    "",
                    f"filen saknas: {kind.name} är en egen uppgift i {REPORT_CONFIG_FILE}",
                    f"Skriv årets rader i {kind.id}.csv eller {kind.id}.yml, eller skriv "
                    f"ingen_data: [{kind.id}] i report.yml om året inte har uppgiften.",
                )
        return found

    def pages_with_figures(self) -> list[tuple[str, str]]:
        """(file, text) of every docs/ page that shows figures, front matter blanked out."""
        found = []
        for path in sorted((self.root / DOCS_DIR).rglob("*.md")):
            text = self.text(path)
            if text is None:
                continue
            front = FRONT_MATTER.match(text)
            if front is None or not renders_macros(text):
                continue
            body = re.sub(r"[^\n]", " ", front.group(0)) + text[front.end() :]
            if FIGURE_CALL.search(body):
                found.append((self.rel(path), body))
        return found

    def narratives(self, folder: Path, template: ReportTemplate) -> dict[str, Narrative]:
        found: dict[str, Narrative] = {}
        ids = [s.id for s in template.walk()]
        for path in sorted((folder / "text").glob("*")):
            file = self.rel(path)
            if path.suffix != ".md" or path.stem not in ids:
                self.add(
                    file,
                    None,
                    "",
                    f'mallen "{template.id}" har inget avsnitt "{path.stem}"',
                    (
                        did_you_mean(path.stem, ids).strip()
                        + " Texten ska heta som ett avsnitts id, med .md på slutet."
                    ).strip(),
                )
                continue
            text = self.text(path)
            if text is not None:
                found[path.stem] = Narrative(file, text)
        return found
