"""Citations as an answer shows them: each provision with its law, link and verified mark, and the
provisions in force on the evaluation date (a replaced section is cited by the one in force then)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tolka.model import outcome as O
from tolka.rulebook import Rulebook


def citation(rulebook: Rulebook, provision_id: str) -> O.Citation:
    """One provision as cited in any output (built once per rulebook)."""

    def compute() -> O.Citation:
        law, provision = rulebook.provisions[provision_id]
        return O.Citation.model_construct(
            provision=provision_id,
            text=rulebook.citation(provision_id),
            law=law.title.en,
            law_kind=law.kind,
            url=provision.source_url or law.source_url,
            verified=provision.verified and law.verified,
        )

    return rulebook._cached(("citation", provision_id), compute)


def citations_at(rulebook: Rulebook, provision_ids: Iterable[str], day: dt.date) -> list[O.Citation]:
    """The citations as in force on `day` (a replaced provision is cited by its predecessor)."""
    ids = dict.fromkeys(q for p in provision_ids for q in rulebook.provisions_at(p, day))
    return [citation(rulebook, q) for q in ids]
