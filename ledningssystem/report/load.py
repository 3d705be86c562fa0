"""Read reports/: configuration, templates, and every year folder with its data files.

Each data file is CSV (semicolon or comma separated, first row = column names)
or YAML (a list under one key). Every problem becomes a ContentError with file,
line and field; nothing is published while any remains.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ledningssystem.core.errors import ContentError
from ledningssystem.core.file_names import (
    DOCS_DIR,
    OWN_TEMPLATES_DIR,
    REPORT_CONFIG_FILE,
    REPORTS_DIR,
)
from ledningssystem.core.messages import did_you_mean
from ledningssystem.core.model.content import Ledningssystem
from ledningssystem.core.yaml_lines import LineMap
from ledningssystem.report.check import check_year
from ledningssystem.report.check_figures import check_config_key_figures, check_year_figures
from ledningssystem.report.completeness import check_completeness_keys, mark_preliminary
from ledningssystem.report.compute import compute_figures
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.config_additions import ADDITIONS_KEY, add_to_defaults
from ledningssystem.report.data import KINDS, Narrative, Reports, YearData
from ledningssystem.report.figure_call import NO_REPORT_FOR_YEAR
from ledningssystem.report.figures import FigureSet
from ledningssystem.report.files import FileReader
from ledningssystem.report.history_file import History, check_history, read_history, with_history
from ledningssystem.report.levels import OrgTree
from ledningssystem.report.literal_counts import lexicon, literal_counts
from ledningssystem.report.meta import ReportMeta
from ledningssystem.report.narrative import resolve_figures
from ledningssystem.report.seal_check import check_seal
from ledningssystem.report.section_templates import ReportTemplate

BUILTIN_DIR = Path(__file__).parent
YEAR_DIR = re.compile(r"^\d{4}$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
RENDERS_MACROS = re.compile(r"^render_macros:\s*(?:true|ja|yes)\s*$", re.MULTILINE | re.IGNORECASE)
FIGURE_CALL = re.compile(r"\{\{[^}]*\bfigure\(")


def load_reports(root: Path, content: Ledningssystem) -> tuple[Reports, list[ContentError]]:
    """All berättelser under root/reports with their figures, and every problem found."""
    reader = _ReportReader(root)
    config = reader.config()
    templates = reader.templates()
    years, failed, unread = _read_years(reader, templates, config, content)
    history = read_history(reader)
    figures = _figures(years, config, content, history)
    if not unread and not failed:  # otherwise a missing figure may only be a consequence
        reader.errors += check_config_key_figures(config, figures, *reader.config_origin)
        if history is not None:
            reader.errors += check_history(history, figures)
    for year, data in years.items():
        if year not in failed:
            reader.errors += check_year_figures(data, figures[year])
    texts = _narratives(reader, config, years, figures, unread)
    ordered = {year: years[year] for year in sorted(years)}
    return Reports(config, templates, ordered, figures, texts, history), reader.errors


def _figures(
    years: dict[int, YearData],
    config: ReportConfig,
    content: Ledningssystem,
    history: History | None,
) -> dict[int, FigureSet]:
    """Each year's figures with last year's values, from its folder or reports/historik.yml."""
    tree = OrgTree(content.organisation)
    figures: dict[int, FigureSet] = {}
    for year in sorted(years):
        previous = years.get(year - 1)
        computed = compute_figures(years[year], config, previous, content.org_names, tree)
        figures[year] = mark_preliminary(
            with_history(computed.with_previous(figures.get(year - 1)), history), years[year]
        )
    return figures


def _read_years(
    reader: _ReportReader,
    templates: dict[str, ReportTemplate],
    config: ReportConfig,
    content: Ledningssystem,
) -> tuple[dict[int, YearData], set[int], set[int]]:
    """The year folders that could be read; the years with errors; the years not read at all."""
    years: dict[int, YearData] = {}
    failed: set[int] = set()  # years with errors: their totals are not compared
    unread: set[int] = set()  # years that could not be read at all
    for folder in reader.year_folders():
        before = len(reader.errors)
        data = reader.year(folder, templates)
        if data is None:
            unread.add(int(folder.name))
            continue
        reader.errors += check_year(data, config, content)
        reader.errors += check_completeness_keys(data)
        reader.errors += check_seal(folder, data.folder, data.meta)  # fastställd = frozen
        years[data.year] = data
        if len(reader.errors) > before:
            failed.add(data.year)
    return years, failed, unread


def _narratives(
    reader: _ReportReader,
    config: ReportConfig,
    years: dict[int, YearData],
    figures: dict[int, FigureSet],
    unread: set[int],
) -> dict[tuple[int, str], str]:
    """Every section text with its figures filled in; bad calls and literal counts are errors,
    and so are literal counts on docs/ pages that show figures (the latest year's)."""
    texts: dict[tuple[int, str], str] = {}
    for year, data in years.items():
        counted = lexicon(config, figures[year])
        for section_id, narrative in data.narratives.items():
            text, problems = resolve_figures(narrative, figures, year)
            texts[(year, section_id)] = text
            # Figures of an unreadable year are missing; its own error says why.
            problems = [p for p in problems if not _for_unread(p, year, unread)]
            reader.errors += problems
            reader.errors += literal_counts(narrative.file, narrative.text, figures[year], counted)
    if years:
        latest = figures[max(years)]
        for file, text in reader.pages_with_figures():
            reader.errors += literal_counts(file, text, latest, lexicon(config, latest))
    return texts


def _for_unread(problem: ContentError, year: int, unread: set[int]) -> bool:
    """A figure() problem that is only a consequence of a year folder that could not be read."""
    if year - 1 in unread and problem.message.startswith("figuren "):
        return True  # comparisons with last year
    return any(problem.message == f"{NO_REPORT_FOR_YEAR} {other} i reports/" for other in unread)


def load_report_config(root: Path) -> tuple[ReportConfig, list[ContentError]]:
    """Only the settings (standard.yml and reports/config.yml), e.g. for an import."""
    reader = _ReportReader(root)
    return reader.config(), reader.errors


class _ReportReader(FileReader):
    """Reads reports/: configuration, templates and year folders."""

    # --- configuration and templates ---------------------------------------------------

    def config(self) -> ReportConfig:
        standard = self.yaml(BUILTIN_DIR / "standard.yml", "ledningssystem/report/standard.yml")
        data: dict[str, Any] = dict(standard[0]) if standard else {}
        lines = standard[1] if standard else LineMap()
        file = "ledningssystem/report/standard.yml"
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
        built = self.validate(ReportConfig, data, file, lines)
        return built or ReportConfig.model_validate(standard[0] if standard else {})

    def templates(self) -> dict[str, ReportTemplate]:
        found: dict[str, ReportTemplate] = {}
        paths = [
            (p, f"ledningssystem/report/builtin_templates/{p.name}")
            for p in sorted((BUILTIN_DIR / "templates").glob("*.yml"))
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

    def year(self, folder: Path, templates: dict[str, ReportTemplate]) -> YearData | None:
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
        narratives = self.narratives(folder, template)
        return YearData(meta.year, rel_folder, meta, template, narratives=narratives, **rows)

    def pages_with_figures(self) -> list[tuple[str, str]]:
        """(file, text) of every docs/ page that shows figures, front matter blanked out."""
        found = []
        for path in sorted((self.root / DOCS_DIR).rglob("*.md")):
            text = self.text(path)
            if text is None:
                continue
            front = FRONT_MATTER.match(text)
            if front is None or not RENDERS_MACROS.search(front.group(0)):
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
