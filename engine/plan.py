"""The action plan: from outcomes, the ordered list of what to apply for, where, and who helps.

Steps come from the routes of the supports that are open (eligible, eligible after a decision or
application) or still undetermined: one step per route, so one application covers every support it
leads to. Applications and needs-assessed decisions come first (money and decisions take longest),
then direct contacts, referrals and school decisions. Each step says what the body decides and cites
the route's provisions. An outcome `not_eligible_as_a_rule` adds a step "ask for an individual
assessment": what it can be granted on, by which route, citing the provision that leaves room, and
the facts behind an exception still to find out. Undetermined outcomes add "find out" steps: the
facts to ask the person and the local readings to ask the municipality about. The team section says
which role typically does what for this person (from the rulebook's `team` roles).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tolka.model.common import Text
from tolka.model.outcome import Citation, Evaluation, Outcome
from tolka.rulebook import Rulebook

OPEN = ("eligible", "eligible_after_decision", "eligible_after_application")
ROUTE_ORDER = {
    "application": 0,
    "needs_assessed_decision": 0,
    "automatic": 1,
    "direct_contact": 2,
    "referral": 3,
    "school_decision": 4,
}


@dataclass
class Step:
    route: str
    name: Text
    body: str
    body_name: Text
    decides: Text
    how: Text | None
    supports: list[str]
    appealable: bool | None
    citations: list[Citation]
    tentative: bool  # true when every support behind the step is still undetermined


@dataclass
class AssessmentStep:
    """Ask for an individual assessment of a support the main rule refuses."""

    support: str
    name: Text  # the support's name
    when: list[Text]  # when an assessment can grant it (one per deciding rule)
    route: str | None
    route_name: Text | None
    body_name: Text | None
    citations: list[Citation]
    find_out: list[tuple[str, Text]]  # facts that would support the exception, still unknown


@dataclass
class TeamWork:
    role: str
    name: Text
    tasks: list[tuple[Text, list[str]]]  # task, supports it concerns
    source: str


@dataclass
class Plan:
    steps: list[Step]
    ask_person: list[tuple[str, Text]]  # facts to find out (with the question), most common first
    ask_locally: list[str]  # interpretation points whose local reading is unknown
    team: list[TeamWork] = field(default_factory=list)
    assessments: list[AssessmentStep] = field(default_factory=list)
    # What a reader sees instead of ids: each support's name, each interpretation point's question.
    names: dict[str, Text] = field(default_factory=dict)
    point_questions: dict[str, Text] = field(default_factory=dict)

    def support_names(self, supports: list[str], language: str) -> str:
        """The supports by name, in `language`, separated by commas."""
        return ", ".join(self.names[s].get(language) if s in self.names else s for s in supports)


def action_plan(rulebook: Rulebook, evaluation: Evaluation) -> Plan:
    """The ordered steps, open questions and team tasks for one evaluation."""
    steps: dict[str, Step] = {}
    for outcome in evaluation.outcomes:
        if outcome.route is None or outcome.status not in OPEN + ("undetermined",):
            continue
        route = outcome.route
        step = steps.get(route.id)
        if step is None:
            step = steps[route.id] = Step(
                route.id,
                route.name,
                route.body,
                route.body_name,
                route.decides,
                route.how,
                [],
                route.appeal.appealable if route.appeal else None,
                route.citations,
                True,
            )
        step.supports.append(outcome.support)
        step.tentative = step.tentative and outcome.status == "undetermined"
    kinds = {route_id: rulebook.routes[route_id][0].kind for route_id in steps}
    ordered = sorted(steps.values(), key=lambda s: (s.tentative, ROUTE_ORDER.get(kinds[s.route], 9)))
    ask_locally = _ask_locally(evaluation.outcomes)
    return Plan(
        ordered,
        _ask_person(rulebook, evaluation.outcomes),
        ask_locally,
        _team(rulebook, evaluation),
        _assessments(evaluation.outcomes),
        {o.support: o.name for o in evaluation.outcomes},
        {point: rulebook.points[point].question for point in ask_locally},
    )


def _assessments(outcomes: list[Outcome]) -> list[AssessmentStep]:
    steps = []
    for outcome in outcomes:
        if not outcome.discretion:
            continue
        route = outcome.route
        find_out = {f.fact: f.question for d in outcome.discretion for f in d.supporting_facts if f.value is None}
        steps.append(
            AssessmentStep(
                outcome.support,
                outcome.name,
                [d.when for d in outcome.discretion],
                route.id if route else None,
                route.name if route else None,
                route.body_name if route else None,
                list({c.text: c for d in outcome.discretion for c in d.citations}.values()),
                list(find_out.items()),
            )
        )
    return steps


def _ask_person(rulebook: Rulebook, outcomes: list[Outcome]) -> list[tuple[str, Text]]:
    """Facts still to find out: those open outcomes wait on, then those an assessment would weigh."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        for name in outcome.missing_facts:
            counts[name] = counts.get(name, 0) + 1
    for outcome in outcomes:
        for item in outcome.discretion:
            for fact in item.supporting_facts:
                if fact.value is None:
                    counts.setdefault(fact.fact, 0)
    return [(name, rulebook.facts[name].question) for name in sorted(counts, key=lambda name: -counts[name])]


def _ask_locally(outcomes: list[Outcome]) -> list[str]:
    return list(dict.fromkeys(point for outcome in outcomes for point in outcome.missing_readings))


def _team(rulebook: Rulebook, evaluation: Evaluation) -> list[TeamWork]:
    status = {o.support: o.status for o in evaluation.outcomes}
    work = []
    for role in rulebook.team.values():
        if role.country != evaluation.jurisdiction.country:
            continue
        tasks = []
        for task in role.tasks:
            concerned = [s for s in task.supports if status.get(s) in task.statuses]
            if concerned:
                tasks.append((task.task, concerned))
        if tasks:
            work.append(TeamWork(role.id, role.name, tasks, role.source))
    return work


def plan_data(plan: Plan) -> dict:
    """The plan as plain data (JSON, the API)."""
    return {
        "steps": [
            {
                "route": step.route,
                "name": step.name.model_dump(exclude_none=True),
                "body": step.body,
                "decides": step.decides.model_dump(exclude_none=True),
                "supports": step.supports,
                "appealable": step.appealable,
                "citations": [c.model_dump(mode="json") for c in step.citations],
                "tentative": step.tentative,
            }
            for step in plan.steps
        ],
        "assessments": [
            {
                "support": step.support,
                "when": [w.model_dump(exclude_none=True) for w in step.when],
                "route": step.route,
                "citations": [c.model_dump(mode="json") for c in step.citations],
                "find_out": [name for name, _ in step.find_out],
            }
            for step in plan.assessments
        ],
        "ask_person": [name for name, _ in plan.ask_person],
        "ask_locally": plan.ask_locally,
        "team": [
            {
                "role": work.role,
                "name": work.name.model_dump(exclude_none=True),
                "tasks": [
                    {"task": task.model_dump(exclude_none=True), "supports": supports} for task, supports in work.tasks
                ],
                "source": work.source,
            }
            for work in plan.team
        ],
    }
