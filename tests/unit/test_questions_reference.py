"""The next-question ranking equals the definition worked out jurisdiction by jurisdiction.

`next_questions` decides the hypothetical answers once per distinct open situation, with the
vectorised back end; here every answer is tried in every jurisdiction on its own with the Rete
path (`Engine.decide`), and the scores, jurisdiction counts and order must be the same.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tolka.case import Case
from tolka.questions import answers, next_questions

DAY = dt.date(2025, 9, 1)
CASES = [
    Case({}),
    Case({"psychiatric_contact": True}),
    Case({"psychiatric_contact": True, "lasting_psychiatric_diagnosis": False, "birth_date": dt.date(2006, 3, 1)}),
]


def reference(engine, case: Case, places: list[str]) -> dict[str, tuple[float, int, tuple[str, ...]]]:
    """fact → (score, jurisdictions settled in, supports waiting for it), from each jurisdiction alone."""
    rulebook = engine.rulebook
    baseline = {place: engine.decide(case, place, DAY) for place in places}
    waiting: dict[str, dict[str, None]] = {}
    for place in places:
        for support, decided in baseline[place].items():
            if decided.status == "undetermined":
                for name in decided.missing_facts:
                    waiting.setdefault(name, {})[support] = None
    out = {}
    for name, supports in waiting.items():
        values = answers(rulebook.facts[name], DAY, rulebook)
        settled, settled_in = 0, set()
        for value in values:
            for place in places:
                trial = engine.decide(case.with_fact(name, value), place, DAY)
                for support in supports:
                    if baseline[place].get(support) is None or baseline[place][support].status != "undetermined":
                        continue
                    if trial[support].status != "undetermined":
                        settled += 1
                        settled_in.add(place)
        out[name] = (settled / len(values) if values else 0.0, len(settled_in), tuple(supports))
    return out


@pytest.mark.parametrize("case", CASES, ids=["empty", "contact", "three facts"])
def test_ranking_equals_each_jurisdiction_tried_alone(shipped_engine, case):
    engine = shipped_engine
    swedish = [j.id for j in engine.rulebook.jurisdictions.values() if j.country == "SE"]
    places = list(dict.fromkeys(swedish[::80] + ["SE-0180", "SE-EX-D"]))
    expected = reference(engine, case, places)
    got = next_questions(engine, case, places, DAY, limit=1000)
    settling = [q for q in got if q.fact in expected]
    assert {q.fact: (q.score, q.settles_in, q.waiting) for q in settling} == expected
    scores = [q.score for q in settling]
    assert scores == sorted(scores, reverse=True)  # settling questions ranked by score
