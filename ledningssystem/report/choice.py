"""A named value in a configured list, and the check that ids in a list are unique."""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.report.unknown import UNKNOWN_ID, UNKNOWN_LABEL


class Choice(ContentModel):
    """A named value in a configured list: a category, a source, a kind."""

    id: Slug = sv("id", "Id som används i datafilerna, t.ex. bemotande.")
    name: Text = sv("namn", "Namnet som visas, t.ex. Bemötande.")


# "Uppgift saknas" after a configured list of choices, shown only where a row is unknown.
UNKNOWN_CHOICE = Choice.model_construct(id=UNKNOWN_ID, name=UNKNOWN_LABEL)


def unique_ids(choices: tuple[Choice, ...], field: str) -> None:
    ids = [c.id for c in choices]
    for i, choice_id in enumerate(ids):
        if choice_id in ids[:i]:
            raise PydanticCustomError(
                "sv_duplicate", f'id "{choice_id}" finns två gånger', {"field": field}
            )
