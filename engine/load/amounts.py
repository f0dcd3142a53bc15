"""Linking amount calculations: every step type-checked against money and periods, with file and line.

Runs after the rules are linked (it needs the vocabulary with definitions, the parameters and the
supports). Checks, each as an error located at the step's or key's line: the support exists, is
financial and of the calculation's country; citations exist; each step's formula parses and
type-checks (tolka.expr.formula_check); the last step is money of the country's currency in the declared
period; all calculations of one support count in one period; `exception_to` names a calculation of
the same support; `amount(…)` references between supports form no circle; versions do not overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from functools import partial

from tolka.errors import CycleError, ExpressionTypeError, Phrase, RulebookError, SchemaError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.formula import parse_formula
from tolka.expr.formula_check import FormulaScope, check
from tolka.expr.logic import Truth
from tolka.expr.money import BASES, CURRENCY, NUMBER, MoneyType
from tolka.expr.parser import parse
from tolka.expr.typecheck import EVALUATION_DATE, Vocabulary, date_term, lower
from tolka.expr.typed_formula import Typed
from tolka.i18n import N_
from tolka.load.parameters import step_key
from tolka.model.amount import AmountEntry, AmountFormula
from tolka.model.origin import Entry, Origin
from tolka.periods import DateTerm
from tolka.rulebook import Rulebook

Report = Callable[[RulebookError, Origin], None]
Cites = Callable[[Iterable[str], Origin, Phrase], None]  # reports ids that are no provision


def parameter_type(rulebook: Rulebook, country: str, parameter_id: str) -> MoneyType | None:
    """The type of a parameter's values in a formula; None for an unknown or other-country parameter."""
    parameter = rulebook.parameters.get(parameter_id)
    if parameter is None or parameter.country != country:
        return None
    if parameter.unit in ("SEK", "NOK"):
        return MoneyType("money", parameter.unit, parameter.period)
    if parameter.unit in BASES:
        return MoneyType("multiple", parameter.unit, parameter.period)
    return NUMBER


def _amount_type(rulebook: Rulebook, types: Mapping[str, MoneyType], country: str, support: str) -> MoneyType | None:
    """The amount type of a support of `country` that has calculations; None for any other."""
    return (
        types.get(support) if support in rulebook.supports and rulebook.supports[support].country == country else None
    )


def _support_periods(rulebook: Rulebook, entries: list[Entry[AmountFormula]], report: Report) -> dict[str, MoneyType]:
    """Each support's amount type; a support whose calculations disagree on the period is an error."""
    types: dict[str, MoneyType] = {}
    for entry in entries:
        formula = entry.item
        support = rulebook.supports.get(formula.support)
        country = (entry.scope or "").split("-", 1)[0]
        if support is None:
            report(
                UnknownNameError(
                    N_("amount {amount}: unknown support `{support}`"), amount=formula.id, support=formula.support
                ),
                entry.at("support"),
            )
            continue
        if support.category != "financial" or support.country != country:
            report(
                SchemaError(
                    N_("amount {amount}: `{support}` is a {category} support of {support_country}"),
                    hint=N_("amounts belong to financial supports of the file's country ({country})"),
                    amount=formula.id,
                    support=support.id,
                    category=support.category,
                    support_country=support.country,
                    country=country,
                ),
                entry.at("support"),
            )
            continue
        own = MoneyType("money", CURRENCY[country], formula.counted)
        if types.setdefault(support.id, own) != own:
            report(
                SchemaError(
                    N_("amount {amount} counts {support} {counted}, another calculation of it {other}"),
                    hint=N_("every calculation of one support counts in the same period; convert in the last step"),
                    amount=formula.id,
                    support=support.id,
                    counted=formula.counted,
                    other=types[support.id].period,
                ),
                entry.at("period"),
            )
    return types


def _steps(
    entry: Entry[AmountFormula], scope: FormulaScope, expected: MoneyType, report: Report
) -> tuple[Typed, ...] | None:
    formula = entry.item
    checked: list[Typed] = []
    steps: dict[str, MoneyType] = {}
    for index, step in enumerate(formula.steps):
        origin = entry.at(step_key(index))
        try:
            typed = check(parse_formula(step.value), FormulaScope(**{**scope.__dict__, "steps": dict(steps)}))
        except RulebookError as exc:
            exc.within(Phrase(N_("amount {amount}, step `{step}`"), amount=formula.id, step=step.id))
            report(exc, origin)
            return None
        steps[step.id] = typed.type
        checked.append(typed)
    result = checked[-1].type
    if result != expected:
        report(
            ExpressionTypeError(
                N_("amount {amount}: the last step `{step}` gives {result}, but the calculation counts {expected}"),
                hint=N_("convert it: {period}(…)") if result.kind == "money" else N_("multiply it by an amount"),
                amount=formula.id,
                step=formula.steps[-1].id,
                result=result,
                expected=expected,
                period=expected.period,
            ),
            entry.at(step_key(len(formula.steps) - 1)),
        )
        return None
    return tuple(checked)


def _defeats(entries: Iterable[AmountEntry], report: Report) -> dict[str, frozenset[str]]:
    by_id = {entry.id: entry for entry in entries}
    graph = {entry.id: list(entry.formula.exception_to) for entry in by_id.values()}
    for entry in by_id.values():
        for target in entry.formula.exception_to:
            if target not in by_id or by_id[target].support != entry.support:
                report(
                    UnknownNameError(
                        N_("amount {amount} is an exception to `{target}`, which is no calculation of {support}"),
                        amount=entry.id,
                        target=target,
                        support=entry.support,
                    ),
                    entry.origin,
                )
    out: dict[str, frozenset[str]] = {}

    def closure(ident: str, seen: tuple[str, ...]) -> frozenset[str]:
        if ident in out:
            return out[ident]
        found: set[str] = set()
        for target in graph.get(ident, []):
            if target in seen:
                report(
                    CycleError(
                        N_("amount calculations are exceptions to each other: {circle}"), circle=" → ".join(seen)
                    ),
                    by_id[ident].origin,
                )
                continue
            found |= {target} | closure(target, (*seen, target))
        out[ident] = frozenset(found)
        return out[ident]

    return {ident: closure(ident, (ident,)) for ident in by_id}


def _amount_cycles(entries: list[AmountEntry], report: Report) -> None:
    graph: dict[str, set[str]] = {}
    for entry in entries:
        graph.setdefault(entry.support, set()).update(entry.amounts_read())

    def visit(support: str, path: tuple[str, ...]) -> None:
        for other in sorted(graph.get(support, ())):
            if other in path:
                cycle = " → ".join((*path[path.index(other) :], other))
                first = next(e for e in entries if e.support == support)
                report(CycleError(N_("amounts refer to each other in a circle: {circle}"), circle=cycle), first.origin)
                continue
            visit(other, (*path, other))

    for support in sorted(graph):
        visit(support, (support,))


def link_amounts(
    rulebook: Rulebook, raw: list[Entry[AmountFormula]], vocabulary: Vocabulary, report: Report, cites: Cites
) -> list[AmountEntry]:
    """The checked calculations of the rulebook, in file order; errors go to `report`."""
    types = _support_periods(rulebook, raw, report)
    versions: dict[str, int] = {}
    for entry in raw:
        versions[entry.item.id] = versions.get(entry.item.id, 0) + 1
    built: list[AmountEntry] = []
    for entry in raw:
        formula = entry.item
        if formula.support not in types:
            continue
        cites(formula.cites, entry.origin, Phrase(N_("amount {amount} cites"), amount=formula.id))
        for index, step in enumerate(formula.steps):
            what = Phrase(N_("amount {amount}, step {step} cites"), amount=formula.id, step=step.id)
            cites(step.cites, entry.at(step_key(index)), what)
        country = (entry.scope or "").split("-", 1)[0]
        scope = FormulaScope(
            vocabulary=vocabulary,
            country=country,
            parameter_type=partial(parameter_type, rulebook, country),
            amount_type=partial(_amount_type, rulebook, types, country),
            steps={},
        )
        condition: A.Expr = A.Const(Truth.TRUE)
        if formula.when is not None:
            try:
                condition = lower(parse(formula.when), vocabulary)
            except RulebookError as exc:
                report(exc, entry.at("when"))
                continue
        starts = None
        if formula.starts is not None:
            try:
                starts = start_term(formula.starts, vocabulary)
            except RulebookError as exc:
                report(exc, entry.at("starts"))
                continue
        steps = _steps(entry, scope, types[formula.support], report)
        if steps is None:
            continue
        key = f"{formula.id}@{formula.valid_from}" if versions[formula.id] > 1 and formula.valid_from else formula.id
        built.append(
            AmountEntry(
                formula,
                key,
                entry.scope or country,
                entry.origin,
                condition,
                steps,
                types[formula.support],
                starts=starts,
            )
        )
    defeats = _defeats(built, report)
    _amount_cycles(built, report)
    return [replace(e, defeats=defeats.get(e.id, frozenset())) for e in built]


def start_term(text: str, vocabulary: Vocabulary) -> DateTerm:
    """`starts:` — a date fact or calendar term, checked as the condition language checks one."""
    parsed = parse(f"{EVALUATION_DATE} >= {text}")
    if not isinstance(parsed, A.Compare) or isinstance(parsed.right, A.Lit):
        raise ExpressionTypeError(
            N_("`starts: {text}` is not a date term"),
            hint=N_("a date fact or e.g. start_of_second_half_year(turns(birth_date, 19))"),
            text=text,
        )
    return date_term(parsed.right, vocabulary)
