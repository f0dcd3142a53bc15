"""Amount calculations: how much a financial support is worth, step by step (docs/amounts.md).

An *AmountFormula* belongs to one support. Its steps are formulas (tolka.expr.formula, typed by
tolka.expr.formula_check) evaluated in order; each names its value for the steps below it, carries a
label in sv/en/nb and its citations, and the last step is the amount. Several calculations of one
support are chosen like rules: `when` selects, `exception_to` defeats, dated versions share an id. A
jurisdiction's own calculation is a local entry (in its file) that is an exception to the national one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field as PydanticField
from pydantic import model_validator

from tolka.errors import InvalidValue
from tolka.expr import ast as A
from tolka.expr.money import MoneyType
from tolka.expr.typed_formula import TAmountOf, TField, Typed, condition_fields, reads
from tolka.i18n import N_
from tolka.model.common import Identifier, Model, Text, Validity
from tolka.model.origin import Origin
from tolka.periods import DateTerm

AmountPeriod = Literal["per_month", "per_year", "per_4_weeks", "per_week", "none"]


class AmountStep(Model):
    """One line of the calculation: a named value, how it is computed, and what it rests on."""

    id: Identifier
    label: Text
    value: str  # a formula
    cites: tuple[Identifier, ...] = ()
    note: Text | None = None


class AmountFormula(Validity):
    """How one support's amount is calculated, during a period, in the jurisdictions it applies to."""

    id: Identifier
    support: Identifier
    # `period:` in YAML; named apart from Validity.period (the text of the validity period)
    counted: AmountPeriod = PydanticField(alias="period")
    when: str | None = None
    # when payment starts, as a date term: `start_of_second_half_year(turns(birth_date, 19))`, `study_start`
    starts: str | None = None
    exception_to: tuple[Identifier, ...] = ()
    last_resort: bool = False  # tops up what other supports and income leave (the budget view)
    cites: tuple[Identifier, ...] = PydanticField(min_length=1)
    steps: tuple[AmountStep, ...] = PydanticField(min_length=1)
    verified: bool = True
    note: Text | None = None

    @model_validator(mode="after")
    def _steps_unique(self) -> AmountFormula:
        ids = [step.id for step in self.steps]
        duplicates = sorted({ident for ident in ids if ids.count(ident) > 1})
        if duplicates:
            raise InvalidValue(N_("step ids must be unique within a calculation: {steps}"), steps=", ".join(duplicates))
        return self


@dataclass(frozen=True)
class AmountEntry:
    """A calculation as the engine uses it: checked steps, lowered `when`, what it defeats."""

    formula: AmountFormula
    key: str  # unique: id, plus @valid_from for versioned calculations
    scope: str  # a country (national) or the jurisdiction that adds it
    origin: Origin
    condition: A.Expr  # lowered `when`; Const(TRUE) without one
    steps: tuple[Typed, ...]  # checked, one per step
    type: MoneyType  # of the result: the country's currency in `period`
    defeats: frozenset[str] = frozenset()  # calculation ids this one defeats, directly or through exceptions
    starts: DateTerm | None = None  # checked `starts`

    @property
    def id(self) -> str:
        return self.formula.id

    @property
    def support(self) -> str:
        return self.formula.support

    @property
    def validity(self) -> Validity:
        return Validity(valid_from=self.formula.valid_from, valid_to=self.formula.valid_to)

    def fields(self) -> list[A.Field]:
        """The fields the calculation's `when` and the conditions of its steps' choices read."""
        return A.fields(self.condition) + [fld for step in self.steps for fld in condition_fields(step)]

    def amounts_read(self) -> tuple[str, ...]:
        """The supports whose amounts this calculation subtracts or adds (subsidiarity)."""
        return tuple(
            dict.fromkeys(leaf.support for step in self.steps for leaf in reads(step) if isinstance(leaf, TAmountOf))
        )

    def points(self) -> tuple[str, ...]:
        """The interpretation points the calculation reads: in `when`, in its choices and as values."""
        fields = self.fields()
        fields += [leaf.field for step in self.steps for leaf in reads(step) if isinstance(leaf, TField)]
        return tuple(sorted({f.name for f in fields if f.kind == "reading"}))
