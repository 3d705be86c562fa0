"""Groups of enheter reported as one row (`enhetsgrupper:` in reports/config.yml).

Real berättelser count some enheter only together ("8 avvikelser rör enheterna barn och
unga 1 och 2") or say that some rows concern one of a few units without saying which. A
group names those enheter; a row may name the group (or a member) as its unit. In a table
per enhet the group is one row, figures `<slag>.grupp.<id>`; in a table per avdelning each
member's rows count on its avdelning, and rows on the group count on the avdelning the
members share, or stay the group's own row when they span several.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ledningssystem.core.errors import ContentError
from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.core.yaml_lines import LineMap

GROUPS_KEY = "enhetsgrupper"
GROUPS_HELP = (
    "Enheter som redovisas tillsammans, som en rad, t.ex. "
    "{id: barn-och-unga, namn: Barn och unga 1 och 2, enheter: [bou-1, bou-2]}."
)
GROUP_SEGMENT = "grupp"  # <slag>.grupp.<id>, beside <slag>.enhet.<id>


class UnitGroup(ContentModel):
    """Enheter reported together, e.g. Barn och unga 1 och 2."""

    id: Slug = sv("id", "Gruppens id, t.ex. barn-och-unga. Rader kan ange det som enhet.")
    name: Text = sv("namn", "Namnet på raden i tabellerna, t.ex. Barn och unga 1 och 2.")
    members: tuple[Slug, ...] = sv(
        "enheter", "Enheternas id i roles/organisation.yml, minst två.", min_length=2
    )
    start: int | None = sv(
        "från_år", "Första året gruppen gäller; fastställda år före det berörs inte.", default=None
    )

    def applies_to(self, year: int) -> bool:
        return self.start is None or year >= self.start


def groups_of_year(groups: Iterable[UnitGroup], year: int) -> tuple[UnitGroup, ...]:
    return tuple(g for g in groups if g.applies_to(year))


def check_groups(
    groups: tuple[UnitGroup, ...],
    levels: Mapping[str, str],
    names: Mapping[str, str],
    file: str,
    lines: LineMap,
) -> list[ContentError]:
    """Every member an enhet of the organisation, in one group only; no id taken twice."""
    errors = []
    owner: dict[str, str] = {}
    example = next((n for n, level in levels.items() if level == "enhet"), "barn-och-unga")
    for i, group in enumerate(groups):
        where = (GROUPS_KEY, i)
        if group.id in levels:
            errors.append(
                ContentError(
                    file,
                    lines.line((*where, "id")),
                    f"{GROUPS_KEY} › id",
                    f'"{group.id}" är redan id för {names.get(group.id, group.id)} i '
                    "roles/organisation.yml",
                    "Ge gruppen ett eget id, t.ex. " + f"{group.id}-gemensamt.",
                )
            )
        for j, member in enumerate(group.members):
            line = lines.line((*where, "enheter", j))
            field = f"{GROUPS_KEY} › {group.id} › enheter"
            if levels.get(member) != "enhet":
                what = (
                    "finns inte bland enheterna i roles/organisation.yml"
                    if member not in levels
                    else f"är en {levels[member]} i roles/organisation.yml, inte en enhet"
                )
                errors.append(
                    ContentError(
                        file,
                        line,
                        field,
                        f'"{member}" {what}',
                        f"Skriv id:t för en enhet, t.ex. {example}, eller lägg till enheten "
                        "i roles/organisation.yml.",
                    )
                )
            elif owner.setdefault(member, group.id) != group.id:
                errors.append(
                    ContentError(
                        file,
                        line,
                        field,
                        f'enheten "{member}" hör redan till gruppen {owner[member]}',
                        "En enhet kan bara höra till en grupp: ta bort den ur den ena.",
                    )
                )
    return errors
