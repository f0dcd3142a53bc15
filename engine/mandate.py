"""The manager's question: is this support mandated here, on what basis, and how do others read it?

The legal status of a support is evaluated for an unspecified person (an empty case). Where it
depends on the person (IPS is recommended by national guidance for schizophrenia-like conditions)
or on a reading nobody has published, the answer lists each variant instead of guessing. Every
other jurisdiction of the country with a known reading on a point that bears on the legal status is
answered the same way and counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tolka.case import Case
from tolka.decisions import still_possible
from tolka.errors import UnknownIdError
from tolka.evaluate import Engine
from tolka.i18n import translator
from tolka.jurisdictions import jurisdiction, resolve_readings
from tolka.model.outcome import Outcome
from tolka.render.labels import COUNTRY, as_language, word
from tolka.suggest import known
from tolka.variants import Variant, legal_status_variants


@dataclass
class LegalStatusAnswer:
    jurisdiction: str
    legal_status: str | None  # decided for anyone; None when it depends on the person or a reading
    variants: list[Variant] | None
    # The legal statuses the resolver leaves open for anyone (a sound superset of the variants').
    resolver_possible: list[str | None]

    @property
    def possible_values(self) -> list[str | None]:
        """The legal statuses it can take: one when decided, one per distinct variant otherwise."""
        if self.legal_status is not None or not self.variants:
            return [self.legal_status]
        return sorted({v.value for v in self.variants}, key=str)

    @property
    def mandated_by_law_possible(self) -> bool:
        """False when no person and no reading can make it mandated by law here."""
        return "mandated_by_law" in self.resolver_possible

    @property
    def depends_on(self) -> list[str]:
        """The facts and readings that choose between the possible values."""
        return (
            sorted({name for v in self.variants or [] for name, _ in v.facts + v.readings})
            if self.legal_status is None
            else []
        )

    @property
    def summary(self) -> str:
        """A stable key for grouping jurisdictions that answer alike (data ids, not words)."""
        values = " / ".join(str(v) if v is not None else "undetermined" for v in self.possible_values)
        return f"{values} (depends on {', '.join(self.depends_on)})" if self.depends_on else values


@dataclass
class HereAnswer(LegalStatusAnswer):
    """The answer for the jurisdiction asked about, with the outcome its reasons are shown from."""

    outcome: Outcome


@dataclass
class MandateView:
    support: str
    evaluation_date: str
    rulebook_fingerprint: str
    here: HereAnswer
    points: list[str]  # the interpretation points that bear on the legal status
    others: dict[str, list[str]] = field(default_factory=dict)  # summary → jurisdictions with a known reading
    other_answers: dict[str, LegalStatusAnswer] = field(default_factory=dict)  # summary → the first such answer
    without_reading: int = 0  # jurisdictions of the country where every such point has the national default


def legal_status_points(engine: Engine, support: str, day: dt.date) -> list[str]:
    points: dict[str, None] = {}
    for entry in engine.rulebook.rules:
        if entry.rule.support == support and entry.rule.then.legal_status and entry.validity.in_force(day):
            points.update(dict.fromkeys(entry.points()))
    return list(points)


def mandate(engine: Engine, support: str, jurisdiction_id: str, day: dt.date, lang: str = "en") -> MandateView:
    """Is `support` mandated in `jurisdiction_id` on `day`, on what basis, and how do others read it?"""
    rulebook = engine.rulebook
    # Unknown ids are refused with message ids, worded by whoever reports them (CLI or API).
    known("support", support, rulebook.supports, "tolka supports")
    place = jurisdiction(rulebook, jurisdiction_id)
    offered = rulebook.supports[support]
    if offered.country != place.country:
        _ = translator(as_language(lang))
        raise UnknownIdError(
            _(
                "{support} is a support of {country}, not of {place}",
                support=offered.name.get(lang),
                country=word(COUNTRY, offered.country, lang),
                place=place.name,
            ),
            hint=_("`tolka supports --country {country}` lists the supports there", country=place.country),
        )
    points = legal_status_points(engine, support, day)
    # The answer depends only on the support's situation (its rules in force and the readings they
    # read): it is worked out once per distinct situation, from decisions alone (no outcomes), and
    # the situations are decided together (tolka.variants.legal_status_variants).
    others: list[tuple[str, int]] = []  # (jurisdiction, situation) of those with a known reading
    plans = {0: engine.support_situations(place.id, day)[support]}  # situation → plan; the place asked first
    without_reading = 0
    for other in rulebook.jurisdictions.values():
        if other.country != place.country or other.id == place.id or other.kind == "country":
            continue
        readings = resolve_readings(rulebook, other.id, day)
        if not any(readings[p].basis in ("local", "inherited") for p in points if p in readings):
            without_reading += 1
            continue
        plan = engine.support_situations(other.id, day)[support]
        plans.setdefault(plan.situation + 1, plan)
        others.append((other.id, plan.situation + 1))
    found = dict(zip(plans, legal_status_variants(engine, Case({}), list(plans.values()), day), strict=True))
    decided, _, here_variants = found[0]
    outcome = engine.evaluate(Case({}), place.id, day, supports=(support,)).outcomes[0]
    here = HereAnswer(place.id, decided.legal_status, here_variants, outcome.legal_status_possible, outcome)
    view = MandateView(support, day.isoformat(), rulebook.fingerprint, here, points, without_reading=without_reading)
    answers: dict[int, LegalStatusAnswer] = {}
    for other_id, situation in others:
        answer = answers.get(situation)
        if answer is None:  # named after the first jurisdiction in the situation
            plan = plans[situation]
            decided, pattern, variants = found[situation]
            truths = dict(zip(plan.keys, pattern, strict=True))
            possible = still_possible(rulebook, support, plan.rules, truths, decided, "legal_status")
            answer = answers[situation] = LegalStatusAnswer(other_id, decided.legal_status, variants, possible)
        view.others.setdefault(answer.summary, []).append(other_id)
        view.other_answers.setdefault(answer.summary, answer)
    return view
