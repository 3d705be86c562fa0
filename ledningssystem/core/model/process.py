"""Processes: styr-, huvud- and stödprocesser with ordered steps and RACI."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from ledningssystem.core.model.base import ContentModel, Slug, Text, sv
from ledningssystem.core.model.document import ControlledDocument


class ProcessType(StrEnum):
    STEERING = "styrprocess"
    CORE = "huvudprocess"
    SUPPORT = "stödprocess"


class Responsibility(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


END = "slut"  # `nästa: [slut]`: the flow ends here (no step may have this id)


class FlowTo(ContentModel):
    """Where one outgoing flow of a step goes: a step, an end, or another process."""

    step: Slug | None = sv("steg", "Stegets id, t.ex. utreda.", default=None)
    process: Slug | None = sv(
        "process", "En annan process som flödet lämnas över till, t.ex. lex-sarah.", default=None
    )
    end: str | None = sv(
        "slut", "Flödet slutar här; texten säger hur, t.ex. Ärendet avslutas.", default=None
    )
    condition: str = sv(
        "villkor", "När flödet går hit, vid ett beslut: t.ex. Skyddsbehov finns.", default=""
    )

    @model_validator(mode="after")
    def _one_target(self) -> Self:
        given = [v for v in (self.step, self.process, self.end) if v is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "sv_flow_target",
                "ange precis ett av steg, process eller slut, "
                't.ex. {steg: utreda, villkor: "Skyddsbehov finns"} eller {process: lex-sarah}',
                {},
            )
        return self

    @property
    def kind(self) -> Literal["step", "process", "end"]:
        if self.step is not None:
            return "step"
        return "process" if self.process is not None else "end"


def _short_flow(value: Any) -> Any:
    """`nästa: [utreda, slut]`: a bare id is a step, the word slut an end."""
    if isinstance(value, str):
        return {"slut": ""} if value.strip() == END else {"steg": value}
    return value


Flow = Annotated[FlowTo, BeforeValidator(_short_flow, json_schema_input_type=Slug | FlowTo)]


class Step(ContentModel):
    """A delprocess or aktivitet: who performs it, who is R/A/C/I, which rutiner support it."""

    id: Slug = sv("id", "Stegets id inom processen, t.ex. utreda.")
    name: Text = sv("namn", "Stegets namn, t.ex. Utreda behov.")
    performer: Slug = sv("utförare", "Rollen som utför steget: dess simbana i processkartan.")
    description: str = sv("beskrivning", "Vad som görs i steget (Markdown).", default="")
    responsibility: dict[Slug, Responsibility] = sv(
        "ansvar", "Ansvarsfördelning roll → R, A, C eller I. Exakt en A och minst en R."
    )
    routines: tuple[Slug, ...] = sv("rutiner", "Rutiner som stöder steget.", default=())
    next: tuple[Flow, ...] = sv(
        "nästa",
        "Vart flödet går, om inte till steget nedanför: steg-id, slut, "
        "{steg: id, villkor: text}, {slut: text} eller {process: id}.",
        default=(),
    )
    parallel: bool = sv(
        "parallellt",
        "Alla nästa steg görs samtidigt (parallell grind) i stället för ett av dem (beslut).",
        default=False,
    )
    group: str = sv("delprocess", "Delprocess som steget hör till, för gruppering.", default="")

    @model_validator(mode="after")
    def _check_raci(self) -> Self:
        letters = list(self.responsibility.values())
        accountable = letters.count(Responsibility.ACCOUNTABLE)
        if accountable != 1:
            raise PydanticCustomError(
                "sv_raci_a",
                "steget har {count} roller med A; exakt en roll ska vara ytterst ansvarig (A)",
                {"count": accountable, "field": "ansvar"},
            )
        if Responsibility.RESPONSIBLE not in letters:
            raise PydanticCustomError(
                "sv_raci_r",
                "steget saknar en roll med R; minst en roll ska utföra steget (R)",
                {"field": "ansvar"},
            )
        return self

    @model_validator(mode="after")
    def _check_flows(self) -> Self:
        if self.id == END:
            raise PydanticCustomError(
                "sv_step_end_id",
                'id "slut" betyder processens slut i nästa; ge steget ett annat id',
                {"field": "id"},
            )
        targets = [flow.step or f"process {flow.process}" for flow in self.next if flow.end is None]
        repeated = sorted({t for t in targets if targets.count(t) > 1})
        if repeated:
            raise PydanticCustomError(
                "sv_flow_repeated",
                "{target} står två gånger i nästa; varje väg ska stå en gång",
                {"target": repeated[0], "field": "nästa"},
            )
        conditions = [flow.condition for flow in self.next if flow.condition]
        if conditions and (len(self.next) < 2 or self.parallel):
            raise PydanticCustomError(
                "sv_flow_condition",
                "villkor hör till ett beslut: minst två vägar i nästa och inte parallellt",
                {"field": "nästa"},
            )
        return self


class Process(ControlledDocument):
    """A recurring chain of activities that produces value for someone."""

    id: Slug = sv("id", "Processens id, t.ex. avvikelsehantering.")
    name: Text = sv("namn", "Processens namn.")
    type: ProcessType = sv("typ", "styrprocess, huvudprocess eller stödprocess.")
    order: int = sv("ordning", "Plats i processkartan (lägre först).", default=100)
    purpose: Text = sv("syfte", "Varför processen finns.")
    start: Text = sv("start", "Vad som startar processen.")
    end: Text = sv("slut", "Vad som avslutar processen.")
    customers: tuple[Text, ...] = sv("kunder", "Vem processen är till för.", default=())
    units: tuple[Slug, ...] = sv("enheter", "Organisationsdelar där processen gäller.")
    requirements: tuple[Slug, ...] = sv("lagkrav", "Lagkrav som processen uppfyller.", default=())
    description: str = sv("beskrivning", "Fri beskrivning av processen (Markdown).", default="")
    steps: tuple[Step, ...] = sv("steg", "Processens steg i ordning.", min_length=1)
    lanes: Literal["utförare", "alla"] = sv(
        "simbanor",
        "utförare: en simbana per roll som utför steg; alla: även roller som bara har C eller I.",
        default="utförare",
    )

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)
