"""The reviewer's summary of a branch, in Swedish Markdown (fits a pull request comment).

The summary is a list of sections from SECTION_PROVIDERS; each provider looks at the
ChangeSet and returns a Section (or None), possibly with problems that stop the review.
A later feature adds its own provider (e.g. changed figures of the yearly report) here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ledningssystem.core.file_names import ROLES_FILE
from ledningssystem.doccontrol.changes import ChangeSet, DocumentChange
from ledningssystem.doccontrol.document_meta import DocumentMeta, version_key
from ledningssystem.doccontrol.facts_review import fact_changes_markdown
from ledningssystem.render.format import markdown_literal
from ledningssystem.report.review import figures_section


@dataclass(frozen=True)
class Section:
    """A heading and its Markdown; problems are listed first and fail the check."""

    title: str
    markdown: str
    problems: tuple[str, ...] = ()


SectionProvider = Callable[[ChangeSet], Section | None]


@dataclass(frozen=True)
class ChangeSummary:
    markdown: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def problem_prefix(change: DocumentChange) -> str:
    """How a problem names its document in the summary: `path` (title)."""
    return f"`{change.path}` ({markdown_literal(change.title)})"


def document_problems(change: DocumentChange) -> list[str]:
    """Why a document change cannot be approved as it is (empty when it can)."""
    name = problem_prefix(change)
    before, after = change.before, change.after
    if after is not None and not after.meta.readable:
        return [
            f"{name}: filen kan inte läsas. Kontrollera uppgifterna överst i filen (`make check`)."
        ]
    if before is None or after is None or not before.meta.readable:
        return []
    old, new = before.meta, after.meta
    problems = []
    if old.version_key and new.version_key and new.version_key < old.version_key:
        problems.append(
            f"{name}: versionen har gått bakåt, från {old.version} till {new.version}. "
            "En ny version ska ha ett högre nummer än den förra."
        )
    if old.status == "gällande" and new.status == "gällande" and _needs_version(change):
        bumped = bool(old.version_key and new.version_key and new.version_key > old.version_key)
        new_date = bool(new.valid_from and (not old.valid_from or new.valid_from > old.valid_from))
        if not bumped:
            problems.append(
                f"{name}: innehållet i ett gällande dokument har ändrats men versionen är "
                f"fortfarande {new.version}. Höj versionen (t.ex. till {next_version(old.version)})"
                + ("" if new_date else " och sätt ett nytt gäller_från")
                + "."
            )
        elif not new_date:
            problems.append(
                f"{name}: den nya versionen {new.version} har samma gäller_från som den förra "
                f"({old.valid_from.isoformat() if old.valid_from else '–'}). Sätt datumet då den "
                "nya versionen börjar gälla."
            )
    problems += _approval_problems(name, old, new)
    return problems


def _needs_version(change: DocumentChange) -> bool:
    # An editorial change (redaktionell_ändring: "…") keeps the version: it is listed instead.
    return change.content_changed and not change.editorial


def _approval_problems(name: str, old: DocumentMeta, new: DocumentMeta) -> list[str]:
    """A new version of a gällande document must have its own approval, not the last one's."""
    if old.status != "gällande" or new.status != "gällande" or not old.approved_on:
        return []
    if not (old.version_key and new.version_key and new.version_key > old.version_key):
        return []
    if new.approved_on and new.approved_on > old.approved_on:
        return []
    return [
        f"{name}: den nya versionen {new.version} har fastställd_datum "
        f"{new.approved_on.isoformat() if new.approved_on else '–'}, men version {old.version} "
        f"fastställdes {old.approved_on.isoformat()}. En ny version ska fastställas på nytt: "
        "sätt fastställd_datum till dagen då den nya versionen fastställdes."
    ]


def next_version(version: str) -> str:
    """The next minor version: 1.0 → 1.1, 1.9 → 1.10, 2 → 2.1."""
    key = version_key(version)
    if key is None:
        return "1.1"
    parts = version.split(".")
    if len(parts) == 1:
        return f"{parts[0]}.1"
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def documents_section(changes: ChangeSet) -> Section | None:
    """New, changed, retired and deleted processes and rutiner, with the version rules."""
    docs = changes.documents
    added = [d for d in docs if d.before is None]
    deleted = [d for d in docs if d.after is None]
    retired = [d for d in docs if d.before and d.after and _became(d, "upphörd")]
    changed = [d for d in docs if d.before and d.after and d not in retired]
    problems = tuple(p for d in docs for p in document_problems(d))
    counts = [
        _count(len(added), "nytt", "nya"),
        _count(len(changed), "ändrat", "ändrade"),
        _count(len(retired), "upphört", "upphörda"),
        _count(len(deleted), "borttaget", "borttagna"),
    ]
    parts = [
        f"{', '.join(counts[:3])} och {counts[3]} dokument."
        if docs
        else "Grenen ändrar inga processer eller rutiner."
    ]
    if added:
        parts.append(
            _table(
                "Nya dokument",
                ("Dokument", "Typ", "Status", "Version", "Ägare"),
                [
                    (_doc(d), d.kind, d.after.meta.status, d.after.meta.version, _owner(changes, d))
                    for d in added
                    if d.after
                ],
            )
        )
    if changed:
        parts.append(
            _table(
                "Ändrade dokument",
                ("Dokument", "Typ", "Version", "Status", "Gäller från", "Ändring"),
                [(_doc(d), d.kind, *_versions(d), _what(d)) for d in changed],
            )
        )
    if retired:
        parts.append(
            _table(
                "Upphörda dokument",
                ("Dokument", "Typ", "Version", "Ägare"),
                [
                    (_doc(d), d.kind, d.after.meta.version, _owner(changes, d))
                    for d in retired
                    if d.after
                ],
            )
        )
    if deleted:
        parts.append(
            _table(
                "Borttagna dokument",
                ("Dokument", "Typ", "Senaste status"),
                [(_doc(d), d.kind, d.before.meta.status) for d in deleted if d.before],
            )
            + "\n\nEtt dokument som har gällt bör hellre få status `upphörd` än tas bort, "
            "så att portalen visar vad som gällde."
        )
    return Section("Dokument", "\n\n".join(parts), problems)


def approvers_section(changes: ChangeSet) -> Section | None:
    """The roles that must approve: each document's owner, and who approves a new version."""
    reasons: dict[str, dict[str, list[str]]] = {}
    for d in changes.documents:
        for owner in d.owners:
            reasons.setdefault(owner, {}).setdefault("äger", []).append(d.title)
        after = d.after.meta if d.after else None
        if after and after.status == "gällande" and after.approved_by and _new_version(d):
            reasons.setdefault(after.approved_by, {}).setdefault("fastställer", []).append(d.title)
    if not reasons:
        return None
    rows = []
    for role_id in sorted(reasons, key=lambda r: changes.role_name(r).casefold()):
        found = changes.handles(role_id)
        handles = " ".join(found) if found else "saknar `git:` i roller"
        why = "; ".join(f"{verb} {', '.join(titles)}" for verb, titles in reasons[role_id].items())
        rows.append((changes.role_name(role_id), handles, why))
    table = _table("", ("Roll", "Git-användare", "Varför"), rows).lstrip()
    return Section("Ska godkänna", table)


def other_files_section(changes: ChangeSet) -> Section | None:
    """Changed files that are not processes or rutiner (roles, legal register, settings …)."""
    others = [f for f in changes.files if f.path not in changes.documents_by_path]
    if not others:
        return None
    labels = {"A": "ny", "D": "borttagen", "R": "nytt namn"}
    lines = [
        f"- `{f.path}` ({labels.get(f.status, 'ändrad')}"
        + (f", från `{f.old_path}`" if f.old_path else "")
        + ")"
        for f in others
    ]
    if any(f.path == ROLES_FILE for f in others):
        lines.append(
            f"\nRollerna i `{ROLES_FILE}` avgör vem som tillfrågas som granskare: kontrollera "
            "ändrade Git-användare (`git:`) särskilt."
        )
    return Section("Övriga filer", "\n".join(lines))


def facts_section(changes: ChangeSet) -> Section | None:
    """Facts written once that the branch changes, and the documents that show them."""
    text = fact_changes_markdown(changes)
    return Section("Ändrade fakta", text) if text else None


SECTION_PROVIDERS: tuple[SectionProvider, ...] = (
    documents_section,
    approvers_section,
    other_files_section,
    facts_section,
    figures_section,  # ledningssystem/report/review.py: what a data change does to the figures
)


def summarise(
    changes: ChangeSet, providers: Sequence[SectionProvider] = SECTION_PROVIDERS
) -> ChangeSummary:
    """The whole summary: heading, verdict, problems, then every provider's section."""
    sections = [s for s in (provider(changes) for provider in providers) if s]
    problems = [p for s in sections for p in s.problems]
    lines = [
        "## Ändringar i ledningssystemet",
        "",
        f"Grenen jämförd med `{changes.base}` från där den utgick "
        f"(`{changes.base_sha[:8]}` → `{changes.head_sha[:8]}`).",
        "",
    ]
    if problems:
        count = len(problems)
        lines += [f"**Granskningen stoppar: {count} fel måste rättas.**"]
        lines += ["", "### Måste rättas", ""] + [f"- {p}" for p in problems]
    else:
        lines += ["**Inga fel i dokumentstyrningen.**"]
    for section in sections:
        lines += ["", f"### {section.title}", "", section.markdown]
    return ChangeSummary("\n".join(lines).rstrip() + "\n", problems)


def _became(d: DocumentChange, status: str) -> bool:
    return bool(d.after and d.after.meta.status == status) and not (
        d.before and d.before.meta.status == status
    )


def _new_version(d: DocumentChange) -> bool:
    if d.before is None or d.after is None:
        return True
    old, new = d.before.meta, d.after.meta
    return old.version != new.version or old.status != new.status


def _versions(d: DocumentChange) -> tuple[str, str, str]:
    old, new = d.before.meta, d.after.meta  # type: ignore[union-attr]

    def pair(a: object, b: object) -> str:
        a, b = a or "–", b or "–"
        return str(a) if a == b else f"{a} → {b}"

    return (
        pair(old.version, new.version),
        pair(old.status, new.status),
        pair(old.valid_from, new.valid_from),
    )


def _what(d: DocumentChange) -> str:
    what = "innehåll" if d.content_changed else "bara dokumentuppgifter"
    if d.editorial and d.content_changed:
        what = f"redaktionell ändring: {d.editorial}"
    if d.file.old_path:
        what += f", nytt filnamn (från `{d.file.old_path}`)"
    return what


def _doc(d: DocumentChange) -> str:
    return f"{markdown_literal(d.title)} (`{d.path}`)"


def _owner(changes: ChangeSet, d: DocumentChange) -> str:
    return ", ".join(changes.role_name(o) for o in d.owners) or "–"


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = [f"**{title}**", ""] if title else []
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_cell(str(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    # "dokument" is neuter: ett nytt dokument, två nya dokument.
    return f"{n} {one if n == 1 else many}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
