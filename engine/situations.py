"""What a support's decision depends on in one jurisdiction on one day, besides the case.

The engine groups jurisdictions by these situations (tolka.evaluate.Engine.situation_groups): two
jurisdictions whose rules in force and readings are equal decide every case alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from tolka.expr.logic import Truth
from tolka.resolve import RuleTruth
from tolka.rulebook import RuleEntry


@dataclass(frozen=True)
class SupportSituation:
    """One support in one jurisdiction on one day: what its decision depends on, besides the case."""

    support: str
    situation: int  # equal for jurisdictions whose rules in force and readings they read are equal
    rules: list[RuleEntry]  # the support's rules in force, rulebook order
    keys: tuple[str, ...]  # their keys
    # The Rete rulesets holding those rules, each with its scopes that apply here and the values of
    # the readings it reads here: for one case and day, all its firings depend on.
    rulesets: tuple[tuple[int, tuple[str, ...], tuple], ...]
    # Per rule: where its truth value comes from — (key, position in `rulesets`, None), or
    # (key, -1, truth value) for a rule whose condition reads nothing.
    sources: tuple[tuple[str, int, RuleTruth | None], ...]
    # Every point the rules read (sorted) with its value here: the vector back end's `Situation.readings`.
    readings: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Layout:
    """The part of a support's situation fixed by its rules in force (see Engine._layout)."""

    keys: tuple[str, ...]
    points: tuple[str, ...]  # sorted
    rulesets: tuple[tuple[int, tuple[str, ...]], ...]  # position of each ruleset, and its reading keys
    sources: tuple[tuple[str, int, RuleTruth | None], ...]


TruthPattern = tuple[tuple[Truth, tuple[str, ...]], ...]  # per rule of a situation: truth value, missing keys

# support → its distinct situations, each with the jurisdictions in it (see Engine.situation_groups)
SituationGroups = dict[str, list[tuple["SupportSituation", list[str]]]]
