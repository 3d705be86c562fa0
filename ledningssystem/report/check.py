"""Cross-checks of one year's data: ids that must exist, scales, and totals against their parts."""

from __future__ import annotations

from collections.abc import Iterable

from ledningssystem.errors import ContentError
from ledningssystem.messages import did_you_mean
from ledningssystem.model.base import ContentModel
from ledningssystem.model.content import Ledningssystem
from ledningssystem.report.config import ReportConfig
from ledningssystem.report.data import YearData
from ledningssystem.report.figures import FigureSet, swedish
from ledningssystem.report.model import ReportStatus
from ledningssystem.yaml_lines import LineMap

_LISTED = 10  # longer lists of allowed values drown the message; "Se …" names the place
SUM_WORDS = {"summa", "totalt", "total", "alla"}


class _Checker:
    def __init__(self, content: Ledningssystem):
        self.content = content
        self.errors: list[ContentError] = []
        # When the organisation itself failed to load, its errors are reported already.
        self.units: Iterable[str] | None = (
            content.org_names if content.organisation.board.id else None
        )

    def fail(self, row: ContentModel, field: str, message: str, hint: str = "") -> None:
        self.errors.append(
            ContentError(row.origin.file, row.origin.line(field), field, message, hint)
        )

    def known(
        self,
        row: ContentModel,
        field: str,
        value: str | None,
        known: Iterable[str] | None,
        what: str,
        where: str,
    ) -> None:
        if value is None or known is None or value in self.content.unusable_ids:
            return
        known = list(known)
        if value not in known:
            listed = f"Tillåtna värden: {', '.join(known)}." if len(known) <= _LISTED else ""
            hint = did_you_mean(value, known).strip() or listed
            self.fail(row, field, f'{what} "{value}" finns inte', f"{hint} Se {where}.".strip())

    def unit(self, row: ContentModel, value: str) -> None:
        if value in SUM_WORDS:
            self.fail(
                row,
                "enhet",
                "en summarad rad hör inte hemma i datafilen; portalen räknar summorna själv",
                "Ta bort raden. Vill du kontrollera en summa, skriv den under kontrollsummor "
                "i report.yml.",
            )
            return
        self.known(row, "enhet", value, self.units, "enheten", "roles/organisation.yml")

    def role(self, row: ContentModel, field: str, value: str | None) -> None:
        self.known(row, field, value, self.content.roles, "rollen", "roles/roller.yml")

    def process(self, row: ContentModel, process_id: str, step_id: str | None) -> None:
        self.known(row, "process", process_id, self.content.processes, "processen", "processes/")
        process = self.content.processes.get(process_id)
        if process is not None and step_id is not None:
            self.known(
                row,
                "steg",
                step_id,
                [s.id for s in process.steps],
                f'steget i processen "{process_id}":',
                process.origin.file,
            )

    def unique(self, rows: Iterable[ContentModel]) -> None:
        seen: set[str] = set()
        for row in rows:
            row_id = getattr(row, "id", "")
            if row_id and row_id in seen:
                self.fail(row, "id", f'id "{row_id}" finns redan i filen', "Ge raden ett eget id.")
            seen.add(row_id)


def check_year(data: YearData, config: ReportConfig, content: Ledningssystem) -> list[ContentError]:
    """Every reference and scale problem in one year's data."""
    check = _Checker(content)
    meta = data.meta
    org = content.organisation
    if org.board.id and meta.board != org.board.id:
        check.fail(
            meta,
            "nämnd",
            f'nämnden "{meta.board}" finns inte',
            f'Nämnden i roles/organisation.yml har id "{org.board.id}".',
        )
    if org.administration.id and meta.administration != org.administration.id:
        check.fail(
            meta,
            "förvaltning",
            f'förvaltningen "{meta.administration}" finns inte',
            f'Förvaltningen i roles/organisation.yml har id "{org.administration.id}".',
        )
    check.role(meta, "sammanställd_av", meta.compiled_by)
    complaints = config.complaints
    for complaint in data.complaints or ():
        check.unit(complaint, complaint.unit)
        check.known(
            complaint,
            "från",
            complaint.source,
            [c.id for c in complaints.sources],
            "källan",
            "klagomål › källor i reports/config.yml",
        )
        for category in complaint.categories:
            check.known(
                complaint,
                "kategorier",
                category,
                [c.id for c in complaints.categories],
                "kategorin",
                "klagomål › kategorier i reports/config.yml",
            )
    for deviation in data.deviations or ():
        check.unit(deviation, deviation.unit)
        kind = config.deviation_kind(deviation.kind)
        check.known(
            deviation,
            "typ",
            deviation.kind,
            [k.id for k in config.deviations],
            "avvikelsetypen",
            "avvikelser i reports/config.yml",
        )
        if kind is not None:
            check.known(
                deviation,
                "kategori",
                deviation.category,
                [c.id for c in kind.categories],
                f'kategorin för "{kind.id}"',
                "avvikelser i reports/config.yml",
            )
    for sarah in data.sarah or ():
        check.unit(sarah, sarah.unit)
        check.known(
            sarah,
            "kategori",
            sarah.category,
            [c.id for c in config.sarah.categories],
            "kategorin",
            "lex_sarah › kategorier i reports/config.yml",
        )
    for maria in data.maria or ():
        check.unit(maria, maria.unit)
    for incident in data.incidents or ():
        check.unit(incident, incident.unit)
    _risks(check, data, config)
    for self_check in data.self_checks or ():
        check.process(self_check, self_check.process, self_check.step)
    for indicator in data.indicators or ():
        check.known(
            indicator,
            "källa",
            indicator.source,
            [c.id for c in config.indicators.sources],
            "källan",
            "indikatorer › källor i reports/config.yml",
        )
    for review in data.reviews or ():
        check.known(
            review,
            "typ",
            review.kind,
            [k.id for k in config.reviews.kinds],
            "granskningstypen",
            "granskningar › typer i reports/config.yml",
        )
    for action in data.actions or ():
        check.role(action, "ansvarig", action.owner)
        if action.process:
            check.process(action, action.process, None)
    for rows in (
        data.risks,
        data.self_checks,
        data.indicators,
        data.reviews,
        data.actions,
        data.sarah,
        data.maria,
        data.complaints,
    ):
        check.unique(rows or ())
    return check.errors


def _risks(check: _Checker, data: YearData, config: ReportConfig) -> None:
    scale = config.risk
    for row in data.risks or ():
        check.process(row, row.process, row.step)
        check.role(row, "ansvarig", row.owner)
        on_scale = True
        for field, value, steps in (
            ("sannolikhet", row.likelihood, scale.likelihood),
            ("konsekvens", row.consequence, scale.consequence),
        ):
            if not 1 <= value <= len(steps):
                on_scale = False
                check.fail(
                    row,
                    field,
                    f"{field} {value} ligger utanför skalan 1–{len(steps)}",
                    f"Skalan är {', '.join(f'{i} {s}' for i, s in enumerate(steps, 1))}.",
                )
        if on_scale and scale.action_from and row.value >= scale.action_from and not row.action:
            check.fail(
                row,
                "åtgärd",
                f"risken har riskvärde {row.value} och måste ha en åtgärd",
                f"Risker med värde {scale.action_from} eller mer kräver en åtgärd.",
            )


def check_year_figures(data: YearData, figures: FigureSet) -> list[ContentError]:
    """Key-figure names and control totals (sums from the diarium) against computed figures."""
    meta = data.meta
    names = list(figures.figures)
    errors: list[ContentError] = []

    def fail(path: tuple[str | int, ...], field: str, message: str, hint: str = "") -> None:
        errors.append(ContentError(meta.origin.file, meta.origin.line(*path), field, message, hint))

    for i, name in enumerate(meta.key_figures or ()):
        if name not in figures:
            fail(
                ("nyckeltal", i),
                f"nyckeltal nr {i + 1}",
                f'figuren "{name}" finns inte',
                did_you_mean(name, names).strip(),
            )
    for name, expected in meta.control_totals.items():
        figure = figures.get(name)
        field = f"kontrollsummor › {name}"
        if figure is None:
            fail(
                ("kontrollsummor", name),
                field,
                f'figuren "{name}" finns inte',
                did_you_mean(name, names).strip(),
            )
        elif figure.value != expected:
            fail(
                ("kontrollsummor", name),
                field,
                f"summan {expected} stämmer inte med delarna: datafilerna ger "
                f"{swedish(figure.value)}",
                "Rätta antalen i datafilerna eller kontrollsumman.",
            )
    if meta.status is ReportStatus.APPROVED and not data.narratives:
        fail(
            ("status",),
            "status",
            "en fastställd berättelse saknar text",
            f"Skriv texterna i {data.folder}/text/.",
        )
    return errors


def check_config_key_figures(
    config: ReportConfig, figures: dict[int, FigureSet], file: str, lines: LineMap
) -> list[ContentError]:
    """Key figures in config.yml that no year has: most likely a misspelt name."""
    if not figures:
        return []
    known = {name for year in figures.values() for name in year.figures}
    return [
        ContentError(
            file,
            lines.line(("nyckeltal", i)),
            f"nyckeltal nr {i + 1}",
            f'figuren "{name}" finns inte för något år',
            did_you_mean(name, known).strip(),
        )
        for i, name in enumerate(config.key_figures)
        if name not in known
    ]
