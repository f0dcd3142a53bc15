"""Citations follow the evaluation date everywhere: rules, routes, appeals and readings' basis.

A default or route written under one Social Services Act is cited by the provision in force on the
day (SoL 2001:453 up to 2025-06-30, SoL 2025:400 from 2025-07-01), through `replaces` in both
directions; the end of studiestartsstöd rests on the repealing act itself.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import REPO
from tolka.answer import reading_used
from tolka.jurisdictions import resolve_readings
from tolka.load import load_rulebook

RULEBOOK = load_rulebook(REPO)
DAYS = [dt.date(2025, 6, 30), dt.date(2025, 7, 1)]


def _in_force(provision_id: str, day: dt.date) -> bool:
    return RULEBOOK.provision_period(provision_id).in_force(day)


def test_the_sol_map_works_both_ways():
    assert RULEBOOK.provision_at("sol2025.12.1", DAYS[0]) == "sol2001.4.1"
    # the old section was split: after the reform it is cited by every successor
    assert {"sol2025.11.1", "sol2025.12.1"} <= set(RULEBOOK.provisions_at("sol2001.4.1", DAYS[1]))
    assert RULEBOOK.provision_at("sol2025.12.1", DAYS[1]) == "sol2025.12.1"


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_every_default_reading_rests_on_provisions_in_force_that_day(day):
    resolved = resolve_readings(RULEBOOK, "SE", day)
    checked = 0
    for point, reading in resolved.items():
        if reading.default is None:
            continue
        used = reading_used(RULEBOOK, reading, "SE", day)
        for citation in used.rests_on:
            chain = RULEBOOK.lineage(citation.provision) + RULEBOOK.successors(citation.provision)
            if any(_in_force(p, day) for p in chain):
                assert _in_force(citation.provision, day), (point, citation.text, day)
                checked += 1
    assert checked > 0


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_routes_and_appeals_cite_what_is_in_force(day):
    from tolka.citations import citations_at

    for versions in RULEBOOK.routes.values():
        for route in versions:
            if not route.in_force(day):
                continue
            cited = route.cites + (route.appeal.cites if route.appeal else ())
            for citation in citations_at(RULEBOOK, cited, day):
                chain = RULEBOOK.lineage(citation.provision) + RULEBOOK.successors(citation.provision)
                if any(_in_force(p, day) for p in chain):
                    assert _in_force(citation.provision, day), (route.id, citation.text, day)


def test_the_end_of_studiestartsstod_rests_on_the_repealing_act():
    (entry,) = [e for e in RULEBOOK.rules if e.id == "se.sss.abolished"]
    assert entry.rule.cites == ("sfs-2025-1545.p1-2",)
    assert RULEBOOK.citation("sfs-2025-1545.p1-2").startswith("Lag (2025:1545) om upphävande")
    assert entry.validity.valid_from == dt.date(2026, 1, 1)
