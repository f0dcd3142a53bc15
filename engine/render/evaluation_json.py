"""The evaluation answer as JSON data, built in one place so that `tolka evaluate --format json` and
`POST /api/evaluate` give the same bytes for the same request (plan and explanations included)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tolka.explain import explain_all, explanation_data
from tolka.plan import action_plan, plan_data
from tolka.render.json_out import to_data

if TYPE_CHECKING:
    from tolka.case import Case
    from tolka.evaluate import Engine
    from tolka.model.outcome import Evaluation
    from tolka.plausible import CaseWarning


def evaluation_data(
    engine: Engine,
    case: Case,
    result: Evaluation,
    *,
    plan: bool,
    explain: bool,
    lang: str,
    warnings: Sequence[CaseWarning] = (),
) -> dict[str, Any]:
    """The answer contract for `result`: the case's plausibility `warnings` if any, with `plan` the
    action plan, with `explain` per support the sentences with citations and what would change the
    answer, in `lang`."""
    data = to_data(result)
    if warnings:
        data["warnings"] = [{"facts": list(w.facts), "message": w.message} for w in warnings]
    if plan:
        data["plan"] = plan_data(action_plan(engine.rulebook, result))
    if explain:
        data["explanations"] = {
            support: explanation_data(e).model_dump(mode="json")
            for support, e in explain_all(engine, case, result, lang).items()
        }
    return data
