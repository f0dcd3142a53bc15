"""The fact vocabulary: what can be known about a person's situation, and named conditions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints, model_validator

from tolka.errors import InvalidValue
from tolka.i18n import N_
from tolka.model.common import Country, FactName, Model, Named, Text
from tolka.model.limit import Limit

FactType = Literal["bool", "enum", "integer", "number", "date", "code"]


ValueId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", max_length=80)]


# The largest `maximum` a money fact may have: far above any income or benefit, well inside exact arithmetic.
MONEY_CEILING = 1e9


class ValueLabel(Model):
    id: ValueId
    label: Text


class Fact(Named):
    """One item of a person's situation. Unknown is always a legitimate value."""

    name: FactName
    type: FactType
    values: tuple[ValueLabel, ...] = ()
    ordered: bool = False
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    # For an amount of money (`unit: money`, in the currency of the country evaluated): the period it
    # is counted in (docs/amounts.md).
    period: Literal["per_month", "per_year", "per_4_weeks", "per_week", "none"] | None = None
    question: Text
    description: Text | None = None
    countries: tuple[Country, ...] = ("SE", "NO")

    @model_validator(mode="after")
    def _shape(self) -> Fact:
        if self.type == "enum" and not self.values:
            raise InvalidValue(N_("enum fact `{name}` needs `values`"), name=self.name)
        if self.type != "enum" and (self.values or self.ordered):
            raise InvalidValue(
                N_("only enum facts have `values` / `ordered` (`{name}` is {type})"), name=self.name, type=self.type
            )
        if (self.unit == "money") != (self.period is not None):
            raise InvalidValue(
                N_("a money fact has `unit: money` and a `period`, and only a money fact (`{name}`)"), name=self.name
            )
        if self.unit == "money" and (self.type != "number" or self.minimum is None or self.minimum < 0):
            raise InvalidValue(
                N_("money fact `{name}` is `type: number` with `minimum: 0` (never negative)"), name=self.name
            )
        # Amounts are exact decimals (28 digits): an unbounded figure such as 1e308 cannot be computed exactly.
        if self.unit == "money" and (self.maximum is None or self.maximum > MONEY_CEILING):
            raise InvalidValue(
                N_("money fact `{name}` needs a `maximum` of at most {ceiling} (a bound no real figure reaches)"),
                name=self.name,
                ceiling=f"{MONEY_CEILING:.0f}",
            )
        if self.type == "code" and not self.pattern:
            raise InvalidValue(N_("code fact `{name}` needs a `pattern` (a regular expression)"), name=self.name)
        return self

    @property
    def value_ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.values)


class Definition(Named):
    """A named condition, usable in other conditions by its name (inlined when compiled)."""

    name: FactName
    when: str
    description: Text
    limits: tuple[Limit, ...] = ()
