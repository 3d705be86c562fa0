"""Generated content of a section, one function per Block: tables, charts, matrix (HTML)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ledningssystem.model.content import Ledningssystem
from ledningssystem.report.compute import follow_up, status_now
from ledningssystem.report.data import Reports, YearData
from ledningssystem.report.figures import Figure, FigureSet, slug, swedish
from ledningssystem.report.model import SARAH_LABELS, ActionRow, CheckResult
from ledningssystem.report.templates import Block
from ledningssystem.report.visuals import (
    Table,
    render_bar_chart,
    render_risk_matrix,
    render_table,
)
from ledningssystem.urls import Linker

NUM = frozenset({1, 2, 3, 4, 5, 6})


@dataclass(frozen=True)
class BlockContext:
    """What a block needs: the year, its figures, all years, names and links."""

    data: YearData
    figures: FigureSet
    reports: Reports
    content: Ledningssystem
    link: Linker

    def unit_name(self, unit_id: str) -> str:
        return self.content.org_names.get(unit_id, unit_id)

    def role_name(self, role_id: str) -> str:
        role = self.content.roles.get(role_id)
        return role.name if role else role_id

    def process_link(self, process_id: str | None, step_id: str | None = None) -> Markup:
        if not process_id:
            return Markup("–")
        process = self.content.processes.get(process_id)
        if process is None:
            return Markup(escape(process_id))
        if step_id:
            step = next((s for s in process.steps if s.id == step_id), None)
            name = f"{process.name} › {step.name if step else step_id}"
            href = self.link.step(process_id, step_id)
        else:
            name, href = process.name, self.link.process(process_id)
        return Markup('<a href="{}">{}</a>').format(href, name)

    def trend(self, name: str) -> list[tuple[int, Figure]]:
        """The figure `name` in every year that has it, oldest first."""
        return [(y, f[name]) for y, f in self.reports.figures.items() if name in f]


def _cells(figure: Figure | None) -> list[str]:
    if figure is None:
        return ["–", "–", ""]
    return [figure.text(), figure.previous_text(), figure.change()]


def _nothing(what: str) -> str:
    return f'<p class="ls-report-empty">Inga uppgifter om {what} finns för året.</p>'


def _trend_chart(ctx: BlockContext, name: str, title: str) -> str:
    series = ctx.trend(name)
    if len(series) < 2:
        return ""
    items = [(str(year), f.value, f.text()) for year, f in series]
    table = Table(f"{title} (tabell)", ["År", "Antal"], [[i[0], i[2]] for i in items], None, NUM)
    chart_id = f"trend-{slug(name).replace('.', '-')}-{ctx.data.year}"
    return _pair(render_bar_chart(chart_id, title, items), render_table(table))


def _pair(chart: str, table: str) -> str:
    return f'<div class="ls-chart-pair" markdown="0">\n{chart}\n{table}\n</div>'


def _distribution(
    ctx: BlockContext,
    prefix: str,
    choices: Sequence[tuple[str, str]],
    title: str,
    total_label: str | None = None,
) -> str:
    """Chart + table of figures prefix.<id> with last year's value beside each."""
    rows, items = [], []
    for choice_id, name in choices:
        figure = ctx.figures.get(f"{prefix}.{choice_id}")
        if figure is None:
            continue
        rows.append([name, *_cells(figure)])
        if figure.value:
            items.append((name, figure.value, figure.text()))
    previous = ctx.data.year - 1
    head = ["", str(ctx.data.year), str(previous), "Förändring"]
    table = Table(title, head, rows, None, NUM)
    chart_id = f"{slug(prefix).replace('.', '-')}-{ctx.data.year}"
    chart = render_bar_chart(chart_id, title, items) if items else ""
    return _pair(chart, render_table(table))


def complaints(ctx: BlockContext) -> str:
    rows = ctx.data.complaints
    if rows is None:
        return _nothing("klagomål och synpunkter")
    config = ctx.reports.config.complaints
    # Only sources with complaints this year get a column; the distribution shows them all.
    sources = [(c.id, c.name) for c in config.sources if any(r.source == c.id for r in rows)]
    units = sorted({r.unit for r in rows}, key=ctx.unit_name)
    by_unit = [
        [ctx.unit_name(u)]
        + [swedish(sum(r.count for r in rows if r.unit == u and r.source == s)) for s, _ in sources]
        + [swedish(sum(r.count for r in rows if r.unit == u))]
        for u in units
    ]
    foot = ["Summa"] + [swedish(ctx.figures.value(f"klagomal.fran.{s}")) for s, _ in sources]
    foot.append(swedish(ctx.figures.value("klagomal.total")))
    numeric = frozenset(range(1, len(sources) + 2))
    unit_table = Table(
        f"Klagomål och synpunkter {ctx.data.year} per enhet och avsändare",
        ["Enhet", *[n for _, n in sources], "Summa"],
        by_unit,
        foot,
        numeric,
    )
    total = ctx.figures.get("klagomal.total")
    summary = [["Klagomål och synpunkter", *_cells(total)]]
    for name, label in (
        ("klagomal.besvarade-i-tid", "Besvarade i tid"),
        ("klagomal.andel-i-tid", "Andel besvarade i tid"),
    ):
        if name in ctx.figures:
            summary.append([label, *_cells(ctx.figures[name])])
    parts = [
        render_table(
            Table(
                f"Klagomål {ctx.data.year} i sammandrag",
                ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"],
                summary,
                None,
                NUM,
            )
        ),
        render_table(unit_table),
        _distribution(
            ctx, "klagomal.fran", [(c.id, c.name) for c in config.sources], "Klagomål per avsändare"
        ),
        _distribution(
            ctx,
            "klagomal.kategori",
            [(c.id, c.name) for c in config.categories],
            "Klagomål per kategori (ett klagomål kan ha flera kategorier)",
        ),
        _trend_chart(ctx, "klagomal.total", "Klagomål och synpunkter per år"),
    ]
    return "\n\n".join(p for p in parts if p)


def deviations(ctx: BlockContext, level: str = "individ") -> str:
    rows = ctx.data.deviations
    if rows is None:
        return _nothing("avvikelser")
    kinds = [k for k in ctx.reports.config.deviations if k.level == level]
    parts = []
    summary = []
    for kind in kinds:
        base = f"avvikelser.{kind.id}"
        summary.append(
            [
                kind.name,
                *_cells(ctx.figures.get(f"{base}.total")),
                ctx.figures[f"{base}.utredda"].text(),
                ctx.figures[f"{base}.avslutade"].text(),
                ctx.figures[f"{base}.andel-utredda"].text()
                if f"{base}.andel-utredda" in ctx.figures
                else "–",
            ]
        )
    title = "Avvikelser på individnivå" if level == "individ" else "Organisatoriska avvikelser"
    parts.append(
        render_table(
            Table(
                f"{title} {ctx.data.year}",
                [
                    "",
                    str(ctx.data.year),
                    str(ctx.data.year - 1),
                    "Förändring",
                    "Utredda",
                    "Avslutade",
                    "Andel utredda",
                ],
                summary,
                None,
                NUM,
            )
        )
    )
    for kind in kinds:
        mine = [r for r in rows if r.kind == kind.id]
        if not mine:
            continue
        units = sorted({r.unit for r in mine}, key=ctx.unit_name)
        cats = [c for c in kind.categories if any(r.category == c.id for r in mine)]
        table_rows = [
            [ctx.unit_name(u)]
            + [
                swedish(sum(r.count for r in mine if r.unit == u and r.category == c.id))
                for c in cats
            ]
            + [swedish(sum(r.count for r in mine if r.unit == u))]
            for u in units
        ]
        foot = (
            ["Summa"]
            + [swedish(ctx.figures.value(f"avvikelser.{kind.id}.kategori.{c.id}")) for c in cats]
            + [swedish(ctx.figures.value(f"avvikelser.{kind.id}.total"))]
        )
        parts.append(
            render_table(
                Table(
                    f"{kind.name} {ctx.data.year} per enhet och kategori",
                    ["Enhet", *[c.name for c in cats], "Summa"],
                    table_rows,
                    foot,
                    frozenset(range(1, len(cats) + 2)),
                )
            )
        )
        parts.append(
            _distribution(
                ctx,
                f"avvikelser.{kind.id}.kategori",
                [(c.id, c.name) for c in kind.categories],
                f"{kind.name} per kategori",
            )
        )
        parts.append(_trend_chart(ctx, f"avvikelser.{kind.id}.total", f"{kind.name} per år"))
    return "\n\n".join(p for p in parts if p)


def organisational(ctx: BlockContext) -> str:
    return deviations(ctx, "organisation")


def sarah(ctx: BlockContext) -> str:
    rows = ctx.data.sarah
    if rows is None:
        return _nothing("lex Sarah")
    f = ctx.figures
    summary = [
        [label, *_cells(f.get(name))]
        for name, label in (
            ("lex-sarah.rapporter", "Rapporter"),
            ("lex-sarah.utredningar", "Utredningar"),
            ("lex-sarah.avslutade", "Avslutade utredningar"),
            ("lex-sarah.pagaende", "Pågående"),
            ("lex-sarah.anmalda-ivo", "Anmälda till IVO"),
        )
    ]
    head = ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"]
    parts = [
        render_table(Table(f"Lex Sarah {ctx.data.year}", head, summary, None, NUM)),
        _distribution(
            ctx,
            "lex-sarah.bedomning",
            [(a.value, label) for a, label in SARAH_LABELS.items()],
            "Avslutade lex Sarah-utredningar per bedömning",
        ),
        _distribution(
            ctx,
            "lex-sarah.kategori",
            [(c.id, c.name) for c in ctx.reports.config.sarah.categories],
            "Lex Sarah-utredningar per kategori",
        ),
    ]
    return "\n\n".join(p for p in parts if p)


def maria(ctx: BlockContext) -> str:
    rows = ctx.data.maria
    if rows is None:
        return _nothing("lex Maria")
    table_rows = [
        [r.id or "–", ctx.unit_name(r.unit), r.event or "–", "Ja" if r.reported_ivo else "Nej"]
        for r in rows
    ]
    head = ["", str(ctx.data.year), str(ctx.data.year - 1), "Förändring"]
    summary = [
        [label, *_cells(ctx.figures.get(name))]
        for name, label in (
            ("lex-maria.utredningar", "Utredda händelser"),
            ("lex-maria.anmalda-ivo", "Anmälda till IVO"),
        )
    ]
    parts = [render_table(Table(f"Lex Maria {ctx.data.year}", head, summary, None, NUM))]
    if table_rows:
        parts.append(
            render_table(
                Table(
                    "Utredda händelser enligt lex Maria",
                    ["Händelse", "Enhet", "Beskrivning", "Anmäld till IVO"],
                    table_rows,
                )
            )
        )
    return "\n\n".join(parts)


def incidents(ctx: BlockContext) -> str:
    rows = ctx.data.incidents
    if rows is None:
        return _nothing("personuppgiftsincidenter")
    table_rows = [
        [ctx.unit_name(r.unit), swedish(r.count), swedish(r.reported_imy)]
        for r in sorted(rows, key=lambda r: ctx.unit_name(r.unit))
    ]
    foot = [
        "Summa",
        ctx.figures["personuppgiftsincidenter.total"].text(),
        ctx.figures["personuppgiftsincidenter.anmalda-imy"].text(),
    ]
    return render_table(
        Table(
            f"Personuppgiftsincidenter {ctx.data.year}",
            ["Enhet", "Incidenter", "Anmälda till IMY"],
            table_rows,
            foot,
            NUM,
        )
    )


def risks(ctx: BlockContext) -> str:
    rows = ctx.data.risks
    if rows is None:
        return _nothing("riskanalyser")
    scale = ctx.reports.config.risk
    ordered = sorted(rows, key=lambda r: (-r.value, r.process, r.id))
    table_rows = [
        [
            Markup(escape(r.risk)),
            ctx.process_link(r.process, r.step),
            f"{r.likelihood} × {r.consequence} = {r.value}",
            scale.classify(r.value).name,
            Markup(escape(r.action or "–")),
            r.status.value if r.status else "–",
            ctx.role_name(r.owner) if r.owner else "–",
        ]
        for r in ordered
    ]
    register = Table(
        f"Riskregister {ctx.data.year}, högst riskvärde först",
        [
            "Risk",
            "Process och aktivitet",
            "S × K = riskvärde",
            "Klass",
            "Åtgärd",
            "Status",
            "Ansvarig",
        ],
        table_rows,
    )
    classes = [(c.id, c.name) for c in scale.classes]
    return "\n\n".join(
        [
            render_risk_matrix(scale, rows),
            render_table(register),
            _distribution(ctx, "risker.klass", classes, "Risker per klass"),
        ]
    )


def self_checks(ctx: BlockContext) -> str:
    rows = ctx.data.self_checks
    if rows is None:
        return _nothing("egenkontroller")
    ordered = sorted(rows, key=lambda r: (r.process, r.date, r.id))
    marks = {
        CheckResult.PASSED: "✔ Godkänd",
        CheckResult.FAILED: "✘ Ej godkänd",
        CheckResult.NOT_DONE: "○ Ej genomförd",
    }
    table_rows = [
        [
            ctx.process_link(r.process, r.step),
            r.check,
            r.date.isoformat(),
            Markup('<span class="ls-check ls-check--{}">{}</span>').format(
                slug(r.result.value), marks[r.result]
            ),
            r.action or "–",
        ]
        for r in ordered
    ]
    results = [(slug(r.value), r.value.capitalize()) for r in CheckResult]
    return "\n\n".join(
        [
            render_table(
                Table(
                    f"Egenkontroller {ctx.data.year} per processteg",
                    ["Process och steg", "Kontroll", "Datum", "Resultat", "Åtgärd"],
                    table_rows,
                )
            ),
            _distribution(ctx, "egenkontroller", results, "Egenkontroller per resultat"),
        ]
    )


def indicators(ctx: BlockContext) -> str:
    rows = ctx.data.indicators
    if rows is None:
        return _nothing("indikatorer")
    sources = {c.id: c.name for c in ctx.reports.config.indicators.sources}
    table_rows = []
    for r in rows:
        figure = ctx.figures[f"indikatorer.{r.id}"]
        earlier = sorted(r.earlier.items())
        history = ", ".join(
            f"{y}: {swedish(v, r.decimals)}" for y, v in earlier if y != ctx.data.year - 1
        )
        target = swedish(r.target, r.decimals) if r.target is not None else "–"
        reached = "–"
        if r.target is not None:
            ok = r.value >= r.target if r.higher_is_better else r.value <= r.target
            reached = "Ja" if ok else "Nej"
        comparison = (
            f"{swedish(r.comparison, r.decimals)} ({r.comparison_name or 'jämförelse'})"
            if r.comparison is not None
            else "–"
        )
        table_rows.append(
            [
                r.name,
                sources.get(r.source, r.source),
                figure.text(),
                figure.previous_text(),
                figure.change() or "–",
                target,
                reached,
                comparison,
                history or "–",
            ]
        )
    return render_table(
        Table(
            f"Indikatorer {ctx.data.year}",
            [
                "Indikator",
                "Källa",
                str(ctx.data.year),
                str(ctx.data.year - 1),
                "Förändring",
                "Mål",
                "Mål nått",
                "Jämförelse",
                "Tidigare år",
            ],
            table_rows,
            None,
            frozenset({2, 3, 4, 5}),
        )
    )


def reviews(ctx: BlockContext) -> str:
    rows = ctx.data.reviews
    if rows is None:
        return _nothing("granskningar")
    kinds = {c.id: c.name for c in ctx.reports.config.reviews.kinds}
    table_rows = [
        [
            r.subject,
            kinds.get(r.kind, r.kind),
            r.date.isoformat() if r.date else "–",
            r.finding,
            r.action or "–",
        ]
        for r in rows
    ]
    return render_table(
        Table(
            f"Externa granskningar {ctx.data.year}",
            ["Granskning", "Typ", "Datum", "Iakttagelse", "Åtgärd"],
            table_rows,
        )
    )


def _action_rows(ctx: BlockContext, rows: Sequence[ActionRow]) -> list[list[str]]:
    return [
        [
            r.title,
            ctx.role_name(r.owner),
            r.due.isoformat(),
            r.status.value.capitalize(),
            ctx.process_link(r.process),
            r.comment or "–",
        ]
        for r in rows
    ]


def actions(ctx: BlockContext) -> str:
    rows = ctx.data.actions
    if rows is None:
        return _nothing("förbättringsåtgärder")
    open_rows = sorted(rows, key=lambda r: (r.due, r.id))
    return render_table(
        Table(
            f"Förbättringsområden och åtgärder {ctx.data.year}",
            ["Åtgärd", "Ansvarig", "Klart senast", "Status", "Process", "Kommentar"],
            _action_rows(ctx, open_rows),
        )
    )


def follow_up_block(ctx: BlockContext) -> str:
    previous = ctx.reports.previous(ctx.data.year)
    if previous is None or previous.actions is None:
        return (
            f'<p class="ls-report-empty">Det finns inga förbättringsområden från '
            f"{ctx.data.year - 1} i portalen att följa upp.</p>"
        )
    table_rows = []
    for before, now in follow_up(previous.actions, ctx.data.actions or ()):
        current = status_now(before, now)
        status = current.value.capitalize() if current else "Ingen uppföljning i år"
        if now is None and current is not None:
            status += f" (redan {previous.year})"
        table_rows.append(
            [
                before.title,
                ctx.role_name(before.owner),
                before.due.isoformat(),
                before.status.value.capitalize(),
                status,
                (now.comment if now and now.comment else "–"),
            ]
        )
    done = ctx.figures.get("uppfoljning.genomforda")
    total = ctx.figures.get("uppfoljning.total")
    caption = f"Uppföljning av förbättringsområden från {previous.year}"
    if done and total:
        caption += f": {done.text()} av {total.text()} genomförda"
    return render_table(
        Table(
            caption,
            [
                "Förbättringsområde",
                "Ansvarig",
                "Klart senast",
                f"Status {previous.year}",
                f"Status nu ({ctx.data.year})",
                "Kommentar",
            ],
            table_rows,
        )
    )


def key_figures(ctx: BlockContext) -> str:
    names = ctx.data.meta.key_figures
    if names is None:
        names = tuple(n for n in ctx.reports.config.key_figures if n in ctx.figures)
    items = [ctx.figures[n] for n in names if n in ctx.figures]
    lines = "\n".join(
        f'<li data-figur="{escape(f.name)}">{escape(f.summary())}</li>' for f in items
    )
    return (
        f'<div class="ls-key-figures" markdown="0">\n<h3>Nyckeltal {ctx.data.year}</h3>\n'
        f"<ul>\n{lines}\n</ul>\n</div>"
    )


RENDERERS: dict[Block, Callable[[BlockContext], str]] = {
    Block.KEY_FIGURES: key_figures,
    Block.COMPLAINTS: complaints,
    Block.DEVIATIONS: deviations,
    Block.ORGANISATIONAL: organisational,
    Block.SARAH: sarah,
    Block.MARIA: maria,
    Block.INCIDENTS: incidents,
    Block.RISKS: risks,
    Block.SELF_CHECKS: self_checks,
    Block.INDICATORS: indicators,
    Block.REVIEWS: reviews,
    Block.ACTIONS: actions,
    Block.FOLLOW_UP: follow_up_block,
}
