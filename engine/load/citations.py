"""What the rulebook cites: provisions that exist, that are in force when what cites them is, and date
limits written with the law's own wording.

Used by every step of linking that reads a `cites` list; needs only the laws, so it runs once
`tolka.load.catalogues.laws` has filled `Rulebook.provisions`.
"""

from __future__ import annotations

from collections.abc import Iterable

from tolka.errors import CitationOutOfForceWarning, LimitWordingError, Phrase, TolkaError, UnknownNameError
from tolka.expr import ast as A
from tolka.expr.parser import parse
from tolka.expr.printer import to_text
from tolka.expr.typecheck import EVALUATION_DATE
from tolka.i18n import N_
from tolka.load.collector import Collector
from tolka.model.common import Validity, earliest, latest
from tolka.model.limit import Limit
from tolka.model.origin import Origin
from tolka.rulebook import Rulebook


def check_cites(book: Rulebook, errors: Collector, ids: Iterable[str], origin: Origin, what: Phrase) -> None:
    """Report every id in `ids` that is not a provision of any law (`what` cites them: "rule x cites")."""
    for ident in ids:
        if ident not in book.provisions:
            errors.add(
                UnknownNameError(
                    N_("{what} `{provision}`, which is not a provision of any law"),
                    hint=N_("provisions are declared under a law in rules/<country>/laws/"),
                    what=what,
                    provision=ident,
                ),
                origin,
            )


def check_in_force(
    book: Rulebook,
    errors: Collector,
    what: Phrase,
    cites: Iterable[str],
    declared: Validity,
    origin: Origin,
    chain: bool = False,
) -> None:
    """Warn where a citation is not in force for part of what cites it.

    A rule holds only while what it cites (or a provision that provision replaces) is in force,
    so a cut it did not declare is silent: the warning asks for the date to be written. Routes and
    defaults are cited at the evaluation date through `replaces` in both directions (`chain`). A
    start is taken for granted where nothing is declared and the law itself starts later (a rule is
    as old as its law); a provision that came into force after its law (a new section) is not.
    """
    for provision_id in dict.fromkeys(cites):
        if provision_id not in book.provisions:
            continue
        members = book.lineage(provision_id) + (book.successors(provision_id) if chain else [])
        periods = [book.provision_period(p) for p in members]
        starts, ends = [p.valid_from for p in periods], [p.valid_to for p in periods]
        start = earliest(starts)
        end = latest(ends)
        law_starts = [book.provisions[p][0].in_force_from for p in members]
        section_start = start is not None and all(s is None or s < start for s in law_starts)
        before = start is not None and (
            (declared.valid_from is not None and declared.valid_from < start)
            or (declared.valid_from is None and section_start)
        )
        after = end is not None and (declared.valid_to is None or declared.valid_to > end)
        if before or after:
            message = (
                N_("{what} ({period}) cites {citation}, which is not in force before {start} or after {end}")
                if before and after
                else N_("{what} ({period}) cites {citation}, which is not in force before {start}")
                if before
                else N_("{what} ({period}) cites {citation}, which is not in force after {end}")
            )
            errors.add(
                CitationOutOfForceWarning(
                    message,
                    hint=N_(
                        "give it the dates of the provision (valid_from/valid_to, a new version for the other "
                        "period), or cite the provision in force then (`replaces` links an old section to its "
                        "successor)"
                    ),
                    what=what,
                    period=declared.period,
                    citation=book.citation(provision_id),
                    start=start.isoformat() if start is not None else "",
                    end=end.isoformat() if end is not None else "",
                ),
                origin,
            )


def check_limits(
    book: Rulebook, errors: Collector, what: Phrase, when: str, limits: tuple[Limit, ...], origin: Origin
) -> None:
    """Every date comparison in a condition has a `limits` entry with the law's wording, and vice versa."""
    compared = _date_comparisons(parse(when))
    listed: list[A.Compare] = []
    for limit in limits:
        check_cites(book, errors, [limit.provision], origin, Phrase(N_("{what}: a limit cites"), what=what))
        try:
            (comparison,) = _date_comparisons(parse(limit.condition))
        except (TolkaError, ValueError):
            errors.add(
                LimitWordingError(
                    N_("{what}: the limit's term `{term}` is not a date term"),
                    hint=N_("write e.g. `term: start_of_quarter_after(turns(birth_date, 16))`"),
                    what=what,
                    term=limit.term,
                ),
                origin,
            )
            continue
        listed.append(comparison)
        if comparison not in compared:
            errors.add(
                LimitWordingError(
                    N_("{what} lists the limit `{condition}`, which its condition does not contain"),
                    hint=N_("the condition must compare the evaluation date with the same term, in the same direction"),
                    what=what,
                    condition=limit.condition,
                ),
                origin,
            )
    for comparison in compared:
        if comparison not in listed:
            errors.add(
                LimitWordingError(
                    N_("{what} compares `{comparison}` without the law's wording"),
                    hint=N_("add a `limits:` entry with bound, term, provision and the statute's wording"),
                    what=what,
                    comparison=to_text(comparison),
                ),
                origin,
            )


def _date_comparisons(expr: A.Expr) -> list[A.Compare]:
    """The comparisons of the evaluation date in a surface condition, written `evaluation_date OP term`."""
    if isinstance(expr, A.Not):
        return _date_comparisons(expr.item)
    if isinstance(expr, (A.And, A.Or)):
        return [c for item in expr.items for c in _date_comparisons(item)]
    if not isinstance(expr, A.Compare):
        return []
    left, op, right = expr.left, expr.op, expr.right
    if isinstance(right, A.Name) and right.name == EVALUATION_DATE:
        left, right, op = right, left, A.FLIPPED_OPERATOR[op]
    if isinstance(left, A.Name) and left.name == EVALUATION_DATE:
        return [A.Compare(left, op, right)]
    return []
