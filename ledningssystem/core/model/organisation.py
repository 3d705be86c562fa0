"""The organisation: nämnd → förvaltning → avdelningar → enheter."""

from __future__ import annotations

from collections.abc import Iterator

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv


class Unit(ContentModel):
    """An enhet: the level where most rutiner are applied."""

    id: Slug = sv("id", "Enhetens id, t.ex. hemtjanst-norr.")
    name: Text = sv("namn", "Enhetens namn.")
    description: str = sv("beskrivning", "Kort beskrivning av enheten.", default="")


class Division(ContentModel):
    """An avdelning or verksamhetsområde."""

    id: Slug = sv("id", "Avdelningens id, t.ex. ifo.")
    name: Text = sv("namn", "Avdelningens namn.")
    description: str = sv("beskrivning", "Kort beskrivning av avdelningen.", default="")
    units: tuple[Unit, ...] = sv("enheter", "Avdelningens enheter.", default=())


class Body(ContentModel):
    """The nämnd or the förvaltning: a named node with an id."""

    id: Slug = sv("id", "Id, t.ex. socialnamnden.")
    name: Text = sv("namn", "Namn, t.ex. Socialnämnden.")


class Organisation(ContentModel):
    """The whole tree, from the nämnd down to the enheter."""

    municipality: Text = sv("kommun", "Kommunens namn.")
    board: Body = sv("nämnd", "Nämnden som ansvarar för ledningssystemet.")
    administration: Body = sv("förvaltning", "Förvaltningen som leds av förvaltningschefen.")
    divisions: tuple[Division, ...] = sv("avdelningar", "Avdelningar med sina enheter.")

    @classmethod
    def empty(cls) -> Organisation:
        """A placeholder without ids, for content whose organisation file is missing or broken:
        checks that need the organisation skip it (its own error is reported already)."""
        blank = Body.model_construct(id="", name="")
        return cls.model_construct(municipality="", board=blank, administration=blank, divisions=())

    def nodes(self) -> Iterator[tuple[str, str, str]]:
        """Every organisational node as (id, name, level), top down."""
        yield self.board.id, self.board.name, "nämnd"
        yield self.administration.id, self.administration.name, "förvaltning"
        for division in self.divisions:
            yield division.id, division.name, "avdelning"
            for unit in division.units:
                yield unit.id, unit.name, "enhet"

    def node_names(self) -> dict[str, str]:
        return {node_id: name for node_id, name, _ in self.nodes()}

    def lineage(self, node_id: str) -> list[str]:
        """`node_id` and the nodes above it, nearest first (enhet → avdelning → … → nämnd)."""
        for division in self.divisions:
            if node_id in {u.id for u in division.units}:
                return [node_id, division.id, self.administration.id, self.board.id]
            if node_id == division.id:
                return [node_id, self.administration.id, self.board.id]
        if node_id == self.administration.id:
            return [node_id, self.board.id]
        return [node_id]
