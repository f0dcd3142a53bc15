"""Explanations in plain Swedish, Norwegian or English: why each outcome holds, and what would change it.

Every sentence carries its citation: a rule's provisions, or a reading's source (its URL and date,
or for a national default the provisions it rests on). An outcome `not_eligible_as_a_rule` adds when
an individual assessment can grant it, its provisions and the facts that would support it. For
`not_eligible` and `undetermined` outcomes (and the first) the explanation adds *what would change
the answer*: the single changes — of one fact the support's rules read, or of one reading — that
give a different status, found by evaluating them (never guessed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tolka.case import Case
from tolka.citations import citations_at
from tolka.document import full_years
from tolka.evaluate import Engine
from tolka.i18n import translator
from tolka.jurisdictions import ResolvedReading, resolve_readings
from tolka.model.contract import ExplanationOut, SentenceOut
from tolka.model.outcome import Outcome, ReadingUsed, RuleReason
from tolka.questions import answers
from tolka.render.labels import COUNTRY, STATUS, WORDS, as_language, fact_value_label, word
from tolka.render.report import citation_text, contested_sentences, possible_text, unverified_sentences
from tolka.render.source_note import source_date

EXPLAINED = (
    "not_eligible",
    "not_eligible_as_a_rule",
    "undetermined",
    "not_offered",
)  # outcomes with "what would change"


@dataclass
class Sentence:
    text: str
    citations: list[str]  # never empty: a provision, or a source (URL and date)


@dataclass
class Explanation:
    support: str
    status: str
    why: list[Sentence]
    readings: list[Sentence]
    marks: list[Sentence]
    would_change: list[Sentence] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # the questions still open: facts, then local readings

    def sentences(self) -> list[Sentence]:
        return self.why + self.readings + self.marks + self.would_change


def reading_sentence(reading: ReadingUsed, holder_name: str, language: str) -> Sentence:
    """A reading in one sentence, cited by its source (URL and date) or, for a national default, its basis."""
    _ = translator(as_language(language))
    value = reading.value_label.get(language) if reading.value_label else str(reading.value)
    question = reading.question.get(language)
    if reading.basis in ("local", "inherited"):
        if reading.example:
            text = _(
                "{holder} (an anonymised example unit) reads “{question}” as “{value}”.",
                holder=holder_name,
                question=question,
                value=value,
            )
        else:
            text = _("{holder} reads “{question}” as “{value}”.", holder=holder_name, question=question, value=value)
        source = reading.source
        citations = []
        if source is not None:  # a local reading always has one; the type allows a default's None
            when = source_date(source, language)
            citations.append(f"{source.url or source.document} ({when})")
    else:
        if reading.value is None:
            text = _("No local reading is known and there is no national position on “{question}”.", question=question)
        else:
            text = _(
                "No local reading is known here; the national default “{value}” applies to “{question}”.",
                value=value,
                question=question,
            )
        citations = [c.text for c in reading.rests_on]
        if not citations and reading.rests_on_note:
            citations = [reading.rests_on_note.get(language)]
    return Sentence(text, citations)


def explain_outcome(engine: Engine, outcome: Outcome, language: str) -> Explanation:
    """Why the outcome holds, in sentences with citations (no counterfactuals)."""
    _ = translator(as_language(language))
    rulebook = engine.rulebook
    name = rulebook.supports[outcome.support].name.get(language)
    all_citations = list(
        dict.fromkeys(c.text for r in outcome.reasons.rules if r.role in ("decisive", "default") for c in r.citations)
    )
    why = [
        Sentence(
            _("{support}: {status}.", support=name, status=word(STATUS, outcome.status, language)),
            all_citations or ["—"],
        )
    ]
    by_rule = {reason.rule: reason for reason in outcome.reasons.rules}
    waiting_on: dict[str, None] = {}  # facts and points the open rules wait on, first seen first
    waiting_cites: dict[str, None] = {}
    for reason in outcome.reasons.rules:
        cites = [citation_text(c, language) for c in reason.citations]
        if reason.role in ("decisive", "default"):
            if reason.explanation:
                why.append(Sentence(reason.explanation.get(language), cites))
            elif "status" in reason.sets:  # route-only rules are explained by the plan
                why.append(Sentence(rule_sentence(reason, language), cites))
        elif reason.role == "defeated":
            overriding = [by_rule[rule] for rule in reason.defeated_by if rule in by_rule]
            by = "; ".join(c for r in overriding for c in (citation_text(x, language) for x in r.citations)) or "—"
            otherwise = word(STATUS, reason.sets.get("status"), language) if "status" in reason.sets else None
            text = (
                _(
                    "Under {law} the status would otherwise be “{status}”, but a more specific rule ({by}) "
                    "comes first.",
                    law=", ".join(cites) or "—",
                    status=otherwise,
                    by=by,
                )
                if otherwise
                else _("A more specific rule ({by}) comes first.", by=by)
            )
            why.append(Sentence(text, cites))
        elif reason.role == "unknown" and reason.missing_facts:
            # A rule waits on facts about the person or on local practice (an interpretation point).
            # One sentence for all of them: several open rules often wait on the same questions.
            waiting_on.update(dict.fromkeys(reason.missing_facts))
            waiting_cites.update(dict.fromkeys(cites))
    # Rules still waiting on facts matter only while the answer is open: a settled status (and legal
    # status) is not followed by "that depends on …", which would contradict it.
    if waiting_on and (len(outcome.status_possible) > 1 or len(outcome.legal_status_possible) > 1):
        questions = " ".join(
            (rulebook.facts.get(name) or rulebook.points[name]).question.get(language) for name in waiting_on
        )
        why.append(
            Sentence(_("That depends on what is not yet known: {missing}", missing=questions), list(waiting_cites))
        )
        why.append(Sentence(possible_text(outcome, language), list(waiting_cites) or all_citations or ["—"]))
    why += discretion_sentences(engine, outcome, language)
    readings = []
    for reading in outcome.reasons.readings:
        readings.append(reading_sentence(reading, holder_name(rulebook, reading.jurisdiction, language), language))
    marks = [Sentence(text, all_citations or ["—"]) for text in unverified_sentences(outcome, language)]
    marks += [Sentence(text, all_citations or ["—"]) for text in contested_sentences(outcome, language)]
    missing = [rulebook.facts[name].question.get(language) for name in outcome.missing_facts]
    missing += [rulebook.points[point].question.get(language) for point in outcome.missing_readings]
    return Explanation(outcome.support, outcome.status, why, readings, marks, missing=missing)


def holder_name(rulebook, jurisdiction_id: str, language: str) -> str:
    """A jurisdiction by its name (a country by its name in `language`), never by its id."""
    if jurisdiction_id in COUNTRY:
        return word(COUNTRY, jurisdiction_id, language)
    holder = rulebook.jurisdictions.get(jurisdiction_id)
    return holder.name if holder else jurisdiction_id


def rule_sentence(reason: RuleReason, language: str) -> str:
    """A rule without an explanation of its own, by what it provides and where: never by its id."""
    _ = translator(as_language(language))
    law = ", ".join(citation_text(c, language) for c in reason.citations)
    status = word(STATUS, reason.sets["status"], language)
    if not law:
        return _("A rule of the rulebook gives: {status}.", status=status)
    return _("Under {law}: {status}.", law=law, status=status)


def discretion_sentences(engine: Engine, outcome: Outcome, language: str) -> list[Sentence]:
    """When an individual assessment can grant what the main rule refuses, and the facts that bear on it."""
    rulebook = engine.rulebook
    sentences = []
    for item in outcome.discretion:
        cites = [citation_text(c, language) for c in item.citations]
        sentences.append(Sentence(word(WORDS, "assessment_when", language).format(when=item.when.get(language)), cites))
        facts = "; ".join(
            f"{fact.question.get(language)} "
            + (
                word(WORDS, "not_known_yet", language)
                if fact.value is None
                else fact_value_label(rulebook, fact.fact, fact.value, language)
            )
            for fact in item.supporting_facts
        )
        sentences.append(Sentence(f"{word(WORDS, 'supporting_facts', language)}: {facts}", cites))
        sentences.append(Sentence(word(WORDS, f"supported_{item.supported}", language), cites))
    return sentences


def _nearest_day_first(current: dt.date, candidates: Sequence[object]) -> list[dt.date]:
    """The date answers, the nearest to `current` first."""
    days = [d for d in candidates if isinstance(d, dt.date)]
    return sorted(days, key=lambda d: abs((d - current).days))


def _facts_read(engine: Engine, support: str, jurisdiction_id: str, day: dt.date) -> list[str]:
    rules = engine.rulebook.rules_by_support(jurisdiction_id, day).get(support, [])
    return list(dict.fromkeys(name for rule in rules for name in rule.facts()))


def _points_read(engine: Engine, support: str, jurisdiction_id: str, day: dt.date) -> list[str]:
    rules = engine.rulebook.rules_by_support(jurisdiction_id, day).get(support, [])
    return list(dict.fromkeys(point for rule in rules for point in rule.points()))


class Trials:
    """Decisions for single-fact changes of one case, shared by the outcomes being explained."""

    def __init__(self, engine: Engine, case: Case, jurisdiction_id: str, day: dt.date) -> None:
        self.engine, self.case, self.jurisdiction_id, self.day = engine, case, jurisdiction_id, day
        self.memo: dict = {}  # rulesets that do not read the changed fact are not run again
        self.decisions: dict[tuple[str, object], dict] = {}

    def decide(self, name: str, value: object):
        key = (name, value)
        if key not in self.decisions:
            self.decisions[key] = self.engine.decide(
                self.case.with_fact(name, value), self.jurisdiction_id, self.day, self.memo
            )
        return self.decisions[key]


def what_would_change(
    engine: Engine,
    case: Case,
    jurisdiction_id: str,
    day: dt.date,
    outcome: Outcome,
    language: str,
    limit: int = 6,
    trials: Trials | None = None,
) -> list[Sentence]:
    """Single changes of a fact or a reading that give the support a different status."""
    _ = translator(as_language(language))
    rulebook = engine.rulebook
    trials = trials or Trials(engine, case, jurisdiction_id, day)
    sentences: list[Sentence] = []
    seen: set[tuple[str, str]] = set()
    for name in _facts_read(engine, outcome.support, jurisdiction_id, day):
        fact = rulebook.facts[name]
        current = case.facts.get(name)
        candidates = answers(fact, day, rulebook)
        if isinstance(current, dt.date):  # the nearest other date is the most telling change
            candidates = _nearest_day_first(current, candidates)
        for value in candidates:
            if case.facts.get(name) == value:
                continue
            decided = trials.decide(name, value)[outcome.support]
            if decided.status in (outcome.status, "undetermined") or (name, decided.status) in seen:
                continue
            seen.add((name, decided.status))
            if isinstance(value, dt.date):
                years = full_years(value, day)
                shown = _.ngettext("{date} ({n} year)", "{date} ({n} years)", years, date=value.isoformat())
            else:
                shown = fact_value_label(rulebook, name, value, language)
            question = fact.question.get(language).rstrip("?")
            deciding = decided.decisions["status"].deciding
            cites = [citation_text(c, language) for c in _citations(engine, deciding, day)]
            sentences.append(
                Sentence(
                    _(
                        "If the answer to “{question}” were {value}, the status would be {status}.",
                        question=question,
                        value=shown,
                        status=word(STATUS, decided.status, language),
                    ),
                    cites or ["—"],
                )
            )
            break  # the first value of a fact that changes the status is enough
        if len(sentences) >= limit:
            return sentences
    readings = resolve_readings(rulebook, jurisdiction_id, day)
    holder = rulebook.jurisdictions[jurisdiction_id].name
    for point_id in _points_read(engine, outcome.support, jurisdiction_id, day):
        point = rulebook.points[point_id]
        for value in point.value_ids:
            if readings[point_id].value == value:
                continue
            swapped: dict[str, ResolvedReading] = dict(readings)
            swapped[point_id] = ResolvedReading(point_id, value, "local", jurisdiction_id)
            result = engine.evaluate(case, jurisdiction_id, day, readings=swapped)
            changed = next(o for o in result.outcomes if o.support == outcome.support)
            if changed.status in (outcome.status, "undetermined"):
                continue
            cites = [
                citation_text(c, language)
                for r in changed.reasons.rules
                if r.role in ("decisive", "default")
                for c in r.citations
            ]
            sentences.append(
                Sentence(
                    _(
                        "If {holder} read “{question}” as “{value}”, the status would be {status}.",
                        holder=holder,
                        question=point.question.get(language).rstrip("?"),
                        value=point.label(value, language),
                        status=word(STATUS, changed.status, language),
                    ),
                    cites or ["—"],
                )
            )
            break
        if len(sentences) >= limit:
            break
    return sentences


def _citations(engine: Engine, rules, day: dt.date):
    return [c for rule in rules for c in citations_at(engine.rulebook, rule.rule.cites, day)]


# duplicates: `explain` takes what `what_would_change` does (it calls it); alike by necessity.
def explain(
    engine: Engine,
    case: Case,
    jurisdiction_id: str,
    day: dt.date,
    outcome: Outcome,
    language: str,
    trials: Trials | None = None,
) -> Explanation:
    """The full explanation of one outcome, with what would change it where it is no or not settled."""
    explanation = explain_outcome(engine, outcome, language)
    if outcome.status in EXPLAINED:
        explanation.would_change = what_would_change(
            engine, case, jurisdiction_id, day, outcome, language, trials=trials
        )
    return explanation


def explain_all(engine: Engine, case: Case, evaluation, language: str) -> dict[str, Explanation]:
    """Explanations of every outcome of an evaluation (single-fact trials computed once)."""
    jurisdiction_id, day = evaluation.jurisdiction.id, dt.date.fromisoformat(evaluation.evaluation_date)
    trials = Trials(engine, case, jurisdiction_id, day)
    return {o.support: explain(engine, case, jurisdiction_id, day, o, language, trials) for o in evaluation.outcomes}


def explanation_data(explanation: Explanation) -> ExplanationOut:
    """An explanation as the JSON contract gives it: each sentence with what it rests on as `cited` text."""

    def sentences(items: list[Sentence]) -> list[SentenceOut]:
        return [SentenceOut(text=s.text, cited=s.citations) for s in items]

    return ExplanationOut(
        support=explanation.support,
        status=explanation.status,
        why=sentences(explanation.why),
        readings=sentences(explanation.readings),
        marks=sentences(explanation.marks),
        would_change=sentences(explanation.would_change),
    )
